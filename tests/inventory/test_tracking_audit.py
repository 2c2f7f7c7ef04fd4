"""The invariant audit of lots, serials and cost (tests/inventory/tracking_audit.py) finds nothing in a
workspace that only the API wrote, and names each invariant a hand-made corruption breaks: the storms
and the stress suite rely on it to fail. Both backends."""

from __future__ import annotations

from typing import Any

from fastapi.testclient import TestClient
from sqlalchemy import text

from stockyard.db.database import Connection
from tests.inventory.helpers import create_location, create_warehouse, run_in_app
from tests.inventory.test_lots import moved
from tests.inventory.tracking_audit import tracking_problems
from tests.support import Tenant


def audit(client: TestClient, tenant: Tenant) -> dict[str, list[Any]]:
    async def work(conn: Connection) -> dict[str, list[Any]]:
        return await tracking_problems(conn, tenant.workspace_id)

    return dict(run_in_app(client, work))


def corrupt(client: TestClient, sql: str, **params: Any) -> None:
    async def work(conn: Connection) -> None:
        await conn.execute(text(sql), params)

    run_in_app(client, work)


def test_the_audit_finds_nothing_after_the_api_and_each_hand_made_break(
    client: TestClient, tenant: Tenant
) -> None:
    warehouse = create_warehouse(tenant)
    here, there = create_location(tenant, warehouse["id"], "A"), create_location(tenant, warehouse["id"], "B")
    serial_item = tenant.create_item(sku="AUDIT-SN", tracking="serial")
    lot_item = tenant.create_item(sku="AUDIT-LOT", tracking="lot", costMethod="fifo", decimals=1)
    moved(tenant, "receive", serial_item, here, 2, serials=["A-1", "A-2"])
    lots = moved(tenant, "receive", lot_item, here, 2.5, lotNumber="L-1", unitCost="1.5")
    moved(tenant, "issue", lot_item, here, 0.5)
    transfer = tenant.post(
        "/api/v1/transfers",
        json={
            "fromLocationId": here["id"],
            "toLocationId": there["id"],
            "lines": [{"itemId": serial_item["id"], "units": 1, "serials": ["A-2"]}],
        },
    )
    assert transfer.status_code == 201, transfer.text
    assert audit(client, tenant) == {}
    assert moved(tenant, "issue", serial_item, here, 1, serials=["A-1"])["serials"] == ["A-1"]
    assert audit(client, tenant) == {}
    lot_id = lots["lots"][0]["lotId"]

    # A serial issued at A shows up again there, without a ledger entry: on hand twice over.
    corrupt(
        client,
        "UPDATE lot_levels SET on_hand = 1 WHERE location_id = :here AND lot_id = "
        "(SELECT id FROM lots WHERE item_id = :item AND number = 'A-2')",
        here=here["id"],
        item=serial_item["id"],
    )
    assert set(audit(client, tenant)) == {
        "lot ledger sum != lot level",
        "lot levels sum != stock level",
        "serial in two places, or twice",
    }
    corrupt(
        client,
        "UPDATE lot_levels SET on_hand = 0 WHERE location_id = :here AND item_id = :item",
        here=here["id"],
        item=serial_item["id"],
    )
    assert audit(client, tenant) == {}

    # A FIFO layer of the lot loses a unit it still holds: units, the lot and the value disagree.
    corrupt(
        client,
        "UPDATE cost_layers SET units_remaining = units_remaining - 10 WHERE lot_id = :lot",
        lot=lot_id,
    )
    assert set(audit(client, tenant)) == {
        "FIFO layers' units != on hand",
        "FIFO lot's layers != its units over all locations",
        "FIFO value != worth of the remaining layers",
    }
    corrupt(client, "UPDATE cost_layers SET units_remaining = -1 WHERE lot_id = :lot", lot=lot_id)
    assert "cost layer below 0 or above what it received" in audit(client, tenant)
    corrupt(client, "UPDATE cost_layers SET units_remaining = 20 WHERE lot_id = :lot", lot=lot_id)
    assert audit(client, tenant) == {}

    # A lot entry moved to the other location's ledger: both places disagree, and the transfer too.
    corrupt(
        client,
        "UPDATE movement_lots SET units = 0 WHERE movement_id IN "
        "(SELECT id FROM movements WHERE transfer_id = :transfer AND type = 'transfer_in')",
        transfer=transfer.json()["id"],
    )
    assert set(audit(client, tenant)) == {
        "lot ledger sum != lot level",
        "tracked entry whose lots do not add up to its units",
        "serial moved by other than one unit",
        "transfer not conserving a lot",
    }
