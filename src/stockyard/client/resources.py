"""Resource helpers, written once for both clients.

Each helper is generic in what the client's transport returns: `Client` gives plain values
(`dict`, `bytes`, an iterator over all pages), `AsyncClient` gives awaitables and an async iterator.
Keyword arguments are snake_case and sent as camelCase; None values are left out.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from datetime import datetime
from typing import Any, Generic, Literal, TypeVar

from stockyard.client._core import body, query

J = TypeVar("J")  # one JSON response (dict, or an awaitable of it)
B = TypeVar("B")  # a downloaded file (bytes, or an awaitable of it)
P = TypeVar("P")  # every row of every page (an iterator, or an async iterator)

API = "/api/v1"


class Resource(Generic[J, B, P]):
    """Base of the helpers: `_json(method, path, params=, json=, headers=)`, `_pages(path, params)`."""

    def __init__(self, json: Callable[..., J], download: Callable[..., B], pages: Callable[..., P]) -> None:
        self._json = json
        self._download = download
        self._pages = pages


def _if_match(etag: str | None) -> dict[str, str] | None:
    return {"If-Match": etag} if etag is not None else None


class Items(Resource[J, B, P]):
    """`/api/v1/items`."""

    def create(self, *, sku: str, name: str, **fields: Any) -> J:
        """Create an item (POST, retried safely with an Idempotency-Key)."""
        return self._json("POST", f"{API}/items", json=body({"sku": sku, "name": name, **fields}))

    def get(self, item_id: str) -> J:
        return self._json("GET", f"{API}/items/{item_id}")

    def update(self, item_id: str, *, if_match: str | None = None, **fields: Any) -> J:
        """Change some fields; `if_match` (an ETag) guards against lost updates (412)."""
        return self._json("PATCH", f"{API}/items/{item_id}", json=body(fields), headers=_if_match(if_match))

    def delete(self, item_id: str, *, if_match: str | None = None) -> J:
        return self._json("DELETE", f"{API}/items/{item_id}", headers=_if_match(if_match))

    def list(self, **filters: Any) -> P:
        """Every item matching the filters (`q`, `tag`, `archived`), across all pages."""
        return self._pages(f"{API}/items", query(filters))

    def list_page(self, *, cursor: str | None = None, limit: int | None = None, **filters: Any) -> J:
        """One page: `{"data": [...], "nextCursor": ...}`."""
        return self._json("GET", f"{API}/items", params=query({"cursor": cursor, "limit": limit, **filters}))

    def stock(self, item_id: str) -> J:
        """The item's stock per location, with totals."""
        return self._json("GET", f"{API}/items/{item_id}/stock")

    def bulk(self, rows: Sequence[Mapping[str, Any]], *, mode: str = "create", dry_run: bool = False) -> J:
        """Start a bulk import job (202); poll it with `jobs.get`."""
        return self._json(
            "POST",
            f"{API}/items/bulk",
            params=query({"mode": mode, "dry_run": dry_run}),
            json=[body(row) for row in rows],
        )


class Warehouses(Resource[J, B, P]):
    """`/api/v1/warehouses`."""

    def create(self, *, short_id: str, name: str, **fields: Any) -> J:
        return self._json(
            "POST", f"{API}/warehouses", json=body({"short_id": short_id, "name": name, **fields})
        )

    def get(self, warehouse_id: str) -> J:
        return self._json("GET", f"{API}/warehouses/{warehouse_id}")

    def update(self, warehouse_id: str, *, if_match: str | None = None, **fields: Any) -> J:
        return self._json(
            "PATCH", f"{API}/warehouses/{warehouse_id}", json=body(fields), headers=_if_match(if_match)
        )

    def delete(self, warehouse_id: str, *, if_match: str | None = None) -> J:
        return self._json("DELETE", f"{API}/warehouses/{warehouse_id}", headers=_if_match(if_match))

    def list(self, **filters: Any) -> P:
        return self._pages(f"{API}/warehouses", query(filters))


class Locations(Resource[J, B, P]):
    """Locations (bins): `/api/v1/warehouses/{id}/locations` and `/api/v1/locations/{id}`."""

    def create(self, warehouse_id: str, *, code: str, **fields: Any) -> J:
        return self._json(
            "POST", f"{API}/warehouses/{warehouse_id}/locations", json=body({"code": code, **fields})
        )

    def get(self, location_id: str) -> J:
        return self._json("GET", f"{API}/locations/{location_id}")

    def update(self, location_id: str, *, if_match: str | None = None, **fields: Any) -> J:
        return self._json(
            "PATCH", f"{API}/locations/{location_id}", json=body(fields), headers=_if_match(if_match)
        )

    def delete(self, location_id: str, *, if_match: str | None = None) -> J:
        return self._json("DELETE", f"{API}/locations/{location_id}", headers=_if_match(if_match))

    def list(self, warehouse_id: str, **filters: Any) -> P:
        return self._pages(f"{API}/warehouses/{warehouse_id}/locations", query(filters))


class Stock(Resource[J, B, P]):
    """Stock levels: `/api/v1/stock` (onHand, reserved, available)."""

    def list(self, **filters: Any) -> P:
        """Stock levels filtered by `item_id`, `location_id` or `warehouse_id`, across all pages."""
        return self._pages(f"{API}/stock", query(filters))

    def for_item(self, item_id: str) -> J:
        """An item's stock per location, with totals."""
        return self._json("GET", f"{API}/items/{item_id}/stock")


class Movements(Resource[J, B, P]):
    """The append-only ledger: `/api/v1/movements`."""

    def create(
        self,
        *,
        type: Literal["receive", "issue", "adjust"],
        item_id: str,
        location_id: str,
        units: int,
        **fields: Any,
    ) -> J:
        """Record a movement; an issue beyond what is available raises `insufficient_stock` (422)."""
        return self._json(
            "POST",
            f"{API}/movements",
            json=body(
                {"type": type, "item_id": item_id, "location_id": location_id, "units": units, **fields}
            ),
        )

    def receive(self, *, item_id: str, location_id: str, units: int, **fields: Any) -> J:
        return self.create(type="receive", item_id=item_id, location_id=location_id, units=units, **fields)

    def issue(self, *, item_id: str, location_id: str, units: int, **fields: Any) -> J:
        return self.create(type="issue", item_id=item_id, location_id=location_id, units=units, **fields)

    def adjust(self, *, item_id: str, location_id: str, units: int, **fields: Any) -> J:
        return self.create(type="adjust", item_id=item_id, location_id=location_id, units=units, **fields)

    def get(self, movement_id: str) -> J:
        return self._json("GET", f"{API}/movements/{movement_id}")

    def list(
        self,
        *,
        item_id: str | None = None,
        location_id: str | None = None,
        warehouse_id: str | None = None,
        type: str | None = None,
        since: datetime | str | None = None,
        until: datetime | str | None = None,
        sort: str | None = None,
        limit: int | None = None,
    ) -> P:
        """Every ledger entry matching the filters, across all pages: created at or after `since` and
        before `until`; `sort` is `createdAt` (the default) or `-createdAt`."""
        filters = {"item_id": item_id, "location_id": location_id, "warehouse_id": warehouse_id, "type": type}
        return self._pages(
            f"{API}/movements",
            query({**filters, "since": since, "until": until, "sort": sort, "limit": limit}),
        )

    def bulk(self, rows: Sequence[Mapping[str, Any]], *, dry_run: bool = False) -> J:
        """Start a bulk movements job (202); poll it with `jobs.get`."""
        return self._json(
            "POST",
            f"{API}/movements/bulk",
            params=query({"dry_run": dry_run}),
            json=[body(row) for row in rows],
        )


class Transfers(Resource[J, B, P]):
    """`/api/v1/transfers`: all lines move or none."""

    def create(
        self, *, from_location_id: str, to_location_id: str, lines: Sequence[Mapping[str, Any]], **fields: Any
    ) -> J:
        """`lines` is a list of `{"item_id": ..., "units": ...}`."""
        return self._json(
            "POST",
            f"{API}/transfers",
            json=body(
                {
                    "from_location_id": from_location_id,
                    "to_location_id": to_location_id,
                    "lines": [body(line) for line in lines],
                    **fields,
                }
            ),
        )

    def get(self, transfer_id: str) -> J:
        return self._json("GET", f"{API}/transfers/{transfer_id}")

    def list(
        self,
        *,
        location_id: str | None = None,
        from_location_id: str | None = None,
        to_location_id: str | None = None,
        since: datetime | str | None = None,
        until: datetime | str | None = None,
        sort: str | None = None,
        limit: int | None = None,
    ) -> P:
        """Every transfer matching the filters, across all pages: `location_id` matches either end;
        `sort` is `createdAt` (the default) or `-createdAt`."""
        filters = {
            "location_id": location_id,
            "from_location_id": from_location_id,
            "to_location_id": to_location_id,
        }
        return self._pages(
            f"{API}/transfers",
            query({**filters, "since": since, "until": until, "sort": sort, "limit": limit}),
        )


class Reservations(Resource[J, B, P]):
    """`/api/v1/reservations`: holds that reduce `available` until released, consumed or expired."""

    def create(self, *, item_id: str, location_id: str, units: int, **fields: Any) -> J:
        """Pass `ttl_seconds` or `expires_at` among `fields`."""
        return self._json(
            "POST",
            f"{API}/reservations",
            json=body({"item_id": item_id, "location_id": location_id, "units": units, **fields}),
        )

    def get(self, reservation_id: str) -> J:
        return self._json("GET", f"{API}/reservations/{reservation_id}")

    def list(
        self,
        *,
        item_id: str | None = None,
        location_id: str | None = None,
        warehouse_id: str | None = None,
        status: str | None = None,
        since: datetime | str | None = None,
        until: datetime | str | None = None,
        sort: str | None = None,
        limit: int | None = None,
    ) -> P:
        """Every reservation matching the filters, across all pages; `sort` is `createdAt` (the
        default), `expiresAt`, or either with `-` for descending."""
        filters = {
            "item_id": item_id,
            "location_id": location_id,
            "warehouse_id": warehouse_id,
            "status": status,
        }
        return self._pages(
            f"{API}/reservations",
            query({**filters, "since": since, "until": until, "sort": sort, "limit": limit}),
        )

    def release(self, reservation_id: str) -> J:
        return self._json("POST", f"{API}/reservations/{reservation_id}/release")

    def consume(self, reservation_id: str) -> J:
        """Turn the hold into an issue movement."""
        return self._json("POST", f"{API}/reservations/{reservation_id}/consume")


class Stocktakes(Resource[J, B, P]):
    """`/api/v1/stocktakes`: cycle counts that lock a location."""

    def create(self, *, location_id: str, **fields: Any) -> J:
        return self._json("POST", f"{API}/stocktakes", json=body({"location_id": location_id, **fields}))

    def get(self, stocktake_id: str) -> J:
        return self._json("GET", f"{API}/stocktakes/{stocktake_id}")

    def list(
        self,
        *,
        location_id: str | None = None,
        warehouse_id: str | None = None,
        status: str | None = None,
        since: datetime | str | None = None,
        until: datetime | str | None = None,
        sort: str | None = None,
        limit: int | None = None,
    ) -> P:
        """Every stocktake matching the filters, across all pages; `sort` is `createdAt` (the default)
        or `-createdAt`."""
        filters = {"location_id": location_id, "warehouse_id": warehouse_id, "status": status}
        return self._pages(
            f"{API}/stocktakes",
            query({**filters, "since": since, "until": until, "sort": sort, "limit": limit}),
        )

    def set_counts(self, stocktake_id: str, counts: Sequence[Mapping[str, Any]]) -> J:
        """`counts` is a list of `{"item_id": ..., "counted_units": ...}`."""
        return self._json(
            "PUT", f"{API}/stocktakes/{stocktake_id}/counts", json={"counts": [body(c) for c in counts]}
        )

    def complete(self, stocktake_id: str) -> J:
        return self._json("POST", f"{API}/stocktakes/{stocktake_id}/complete")

    def cancel(self, stocktake_id: str) -> J:
        return self._json("POST", f"{API}/stocktakes/{stocktake_id}/cancel")


class Reports(Resource[J, B, P]):
    """`/api/v1/reports/{name}`: stock-on-hand, low-stock, movements, valuation."""

    def get(self, name: str, **params: Any) -> J:
        """The report as JSON; `params` are its parameters in snake_case (`since`, `until`, `type`,
        `warehouse_id`, `group_by`, `as_of`...)."""
        return self._json("GET", f"{API}/reports/{name}", params=query({**params, "format": "json"}))

    def download(self, name: str, *, format: Literal["csv", "xlsx"] = "csv", **params: Any) -> B:
        """The report as a file (CSV or XLSX bytes)."""
        return self._download(f"{API}/reports/{name}", query({**params, "format": format}))


class Jobs(Resource[J, B, P]):
    """`/api/v1/jobs`: bulk imports."""

    def get(self, job_id: str) -> J:
        return self._json("GET", f"{API}/jobs/{job_id}")

    def list(self, **filters: Any) -> P:
        return self._pages(f"{API}/jobs", query(filters))


class Events(Resource[J, B, P]):
    """`/api/v1/events`: the change feed, in commit order. Keep the last page's `nextCursor` and
    pass it as `after` to read on from there (docs/webhooks.md, The change feed)."""

    def list(self, *, after: str | None = None, types: Sequence[str] = (), limit: int | None = None) -> J:
        """One page: `{"data": [...], "nextCursor": ..., "hasMore": ...}`."""
        return self._json("GET", f"{API}/events", params=_feed(after, types, limit))

    def iterate(self, *, after: str | None = None, types: Sequence[str] = ()) -> P:
        """Every event after `after` (from the oldest kept when None), across all pages."""
        return self._pages(f"{API}/events", _feed(after, types, None), cursor_param="after")

    def get(self, event_id: str) -> J:
        return self._json("GET", f"{API}/events/{event_id}")


def _feed(after: str | None, types: Sequence[str], limit: int | None) -> dict[str, str]:
    if isinstance(types, str):
        raise TypeError("types is a list of event types, e.g. ['stock.changed']")
    return query({"after": after, "types": ",".join(types) or None, "limit": limit})


class WebhookEndpoints(Resource[J, B, P]):
    """`/api/v1/webhook-endpoints`. The signing secret is in `create`'s and `rotate_secret`'s answers
    only; verify deliveries with `stockyard.webhooks.verify`."""

    def create(self, *, url: str, event_types: Sequence[str], description: str | None = None) -> J:
        return self._json(
            "POST",
            f"{API}/webhook-endpoints",
            json=body({"url": url, "event_types": list(event_types), "description": description}),
        )

    def get(self, endpoint_id: str) -> J:
        return self._json("GET", f"{API}/webhook-endpoints/{endpoint_id}")

    def list(self, **filters: Any) -> P:
        return self._pages(f"{API}/webhook-endpoints", query(filters))

    def update(
        self,
        endpoint_id: str,
        *,
        if_match: str | None = None,
        url: str | None = None,
        event_types: Sequence[str] | None = None,
        enabled: bool | None = None,
        description: str | None = None,
    ) -> J:
        changes = {
            "url": url,
            "event_types": None if event_types is None else list(event_types),
            "enabled": enabled,
            "description": description,
        }
        return self._json(
            "PATCH", f"{API}/webhook-endpoints/{endpoint_id}", json=body(changes), headers=_if_match(if_match)
        )

    def delete(self, endpoint_id: str, *, if_match: str | None = None) -> J:
        return self._json("DELETE", f"{API}/webhook-endpoints/{endpoint_id}", headers=_if_match(if_match))

    def rotate_secret(self, endpoint_id: str) -> J:
        """A new secret (in the answer, once); the old one keeps signing alongside for 24 hours."""
        return self._json("POST", f"{API}/webhook-endpoints/{endpoint_id}/rotate-secret")

    def send_test(self, endpoint_id: str) -> J:
        """Queue a `webhook.test` event for this endpoint alone: `{"eventId": ...}`."""
        return self._json("POST", f"{API}/webhook-endpoints/{endpoint_id}/test")

    def deliveries(self, endpoint_id: str, **filters: Any) -> P:
        """Every delivery to the endpoint (status, attempts, last answer), across all pages."""
        return self._pages(f"{API}/webhook-endpoints/{endpoint_id}/deliveries", query(filters))

    def retry_delivery(self, endpoint_id: str, delivery_id: str) -> J:
        return self._json("POST", f"{API}/webhook-endpoints/{endpoint_id}/deliveries/{delivery_id}/retry")


class Resources(Generic[J, B, P]):
    """Every resource helper of a client (`client.items`, ...), bound to its transport calls."""

    items: Items[J, B, P]
    warehouses: Warehouses[J, B, P]
    locations: Locations[J, B, P]
    stock: Stock[J, B, P]
    movements: Movements[J, B, P]
    transfers: Transfers[J, B, P]
    reservations: Reservations[J, B, P]
    stocktakes: Stocktakes[J, B, P]
    reports: Reports[J, B, P]
    jobs: Jobs[J, B, P]
    events: Events[J, B, P]
    webhook_endpoints: WebhookEndpoints[J, B, P]

    def _bind_resources(
        self, json: Callable[..., J], download: Callable[..., B], pages: Callable[..., P]
    ) -> None:
        self.items = Items(json, download, pages)
        self.warehouses = Warehouses(json, download, pages)
        self.locations = Locations(json, download, pages)
        self.stock = Stock(json, download, pages)
        self.movements = Movements(json, download, pages)
        self.transfers = Transfers(json, download, pages)
        self.reservations = Reservations(json, download, pages)
        self.stocktakes = Stocktakes(json, download, pages)
        self.reports = Reports(json, download, pages)
        self.jobs = Jobs(json, download, pages)
        self.events = Events(json, download, pages)
        self.webhook_endpoints = WebhookEndpoints(json, download, pages)
