"""The background work beside the API: the event relay (with the webhook fan-out, the purge, the
reservation-expiry sweep and the lot-expiry announcements) and the webhook delivery worker. The API process runs it when
STOCKYARD_EMBEDDED_WORKER is on; `stockyard worker` runs it on its own. Built here once for both."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from stockyard.core.clock import utcnow
from stockyard.db.database import Database
from stockyard.events.relay import EventRelay
from stockyard.inventory.lot_expiry import announce_expiring
from stockyard.inventory.reservations import expire_due
from stockyard.settings import Settings
from stockyard.webhooks.delivery import DeliveryWorker, fan_out
from stockyard.webhooks.urls import UrlPolicy

EXPIRY_SWEEP_SECONDS = 30.0  # how late a lapsed hold's reservation.expired event may be
LOT_SWEEP_SECONDS = 300.0  # how late a lot's lot.expiring event may be (the window is days wide)


@dataclass(frozen=True, slots=True)
class Background:
    relay: EventRelay
    deliveries: DeliveryWorker

    @classmethod
    def of(cls, database: Database, settings: Settings) -> Background:
        retention = timedelta(days=settings.event_retention_days)

        async def expire_holds() -> int:
            return await expire_due(database, utcnow())

        async def announce_lots() -> int:
            return await announce_expiring(database, utcnow(), settings.lot_expiry_warning_days)

        deliveries = DeliveryWorker(
            database,
            policy=UrlPolicy.of(settings),
            retention=retention,
            timeout=settings.webhook_timeout_seconds,
            lease=timedelta(seconds=settings.webhook_lease_seconds),
        )
        relay = EventRelay(
            database,
            subscribers=[fan_out],
            retention=retention,
            chores=[(EXPIRY_SWEEP_SECONDS, expire_holds), (LOT_SWEEP_SECONDS, announce_lots)],
            on_numbered=[deliveries.wake],  # new deliveries may be queued: no waiting for the next poll
        )
        return cls(relay, deliveries)

    def start(self) -> None:
        self.relay.start()
        self.deliveries.start()

    async def stop(self) -> None:
        await self.deliveries.stop()
        await self.relay.stop()
