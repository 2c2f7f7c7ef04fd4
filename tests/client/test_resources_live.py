"""Every resource helper of the client against the live server: the paths and bodies are right."""

from __future__ import annotations

import time
import uuid
from collections.abc import Iterator
from datetime import datetime

import httpx
import pytest
from stockyard_client import Client, LockedError, NotFoundError, UnprocessableEntityError
from stockyard_client.models import ItemCreateParams
from tests.client.live import LiveServer, Sleeps
from tests.support import Tenant, create_tenant


@pytest.fixture
def sy(live_server: LiveServer) -> Iterator[Client]:
    with httpx.Client(base_url=live_server.url) as http:
        owner: Tenant = create_tenant(http)
    with Client(
        live_server.url, workspace=owner.slug, email=owner.email, password=owner.password, sleep=Sleeps()
    ) as client:
        yield client


def test_inventory_flow_through_every_helper(sy: Client) -> None:
    run = uuid.uuid4().hex[:6].upper()
    warehouse = sy.warehouses.create(short_id=f"W-{run}", name="Main")
    assert sy.warehouses.get(warehouse["id"])["shortId"] == f"W-{run}"
    assert [w["id"] for w in sy.warehouses.list()] == [warehouse["id"]]
    shelf = sy.locations.create(warehouse["id"], code="A-01")
    dock = sy.locations.create(warehouse["id"], code="DOCK")
    assert {loc["id"] for loc in sy.locations.list(warehouse["id"])} == {shelf["id"], dock["id"]}
    assert sy.locations.get(dock["id"])["code"] == "DOCK"
    item = sy.items.create(sku=f"S-{run}", name="Widget", unit_cost="1.25")

    received = sy.movements.receive(item_id=item["id"], location_id=shelf["id"], units=10, reference="PO-1")
    assert received["balanceAfter"] == 10
    transfer = sy.transfers.create(
        from_location_id=shelf["id"], to_location_id=dock["id"], lines=[{"item_id": item["id"], "units": 4}]
    )
    assert sy.transfers.get(transfer["id"])["id"] == transfer["id"]
    assert [t["id"] for t in sy.transfers.list()] == [transfer["id"]]

    with pytest.raises(UnprocessableEntityError) as short:
        sy.movements.issue(item_id=item["id"], location_id=dock["id"], units=50)
    assert short.value.code == "insufficient_stock"

    on_hand = {row["locationId"]: row["onHand"] for row in sy.stock.list(item_id=item["id"])}
    assert on_hand == {shelf["id"]: 6, dock["id"]: 4}
    assert sy.stock.for_item(item["id"])
    assert sy.items.stock(item["id"]) == sy.stock.for_item(item["id"])

    reservation = sy.reservations.create(
        item_id=item["id"], location_id=shelf["id"], units=2, ttl_seconds=600
    )
    assert sy.reservations.get(reservation["id"])["id"] == reservation["id"]
    assert [r["id"] for r in sy.reservations.list()] == [reservation["id"]]
    available = {row["locationId"]: row["available"] for row in sy.stock.list(item_id=item["id"])}
    assert available[shelf["id"]] == 4
    sy.reservations.release(reservation["id"])
    available = {row["locationId"]: row["available"] for row in sy.stock.list(item_id=item["id"])}
    assert available[shelf["id"]] == 6

    stocktake = sy.stocktakes.create(location_id=dock["id"])
    with pytest.raises(LockedError) as locked:
        sy.movements.receive(item_id=item["id"], location_id=dock["id"], units=1)
    assert locked.value.code == "resource_locked"
    sy.stocktakes.set_counts(stocktake["id"], counts=[{"item_id": item["id"], "counted_units": 3}])
    sy.stocktakes.complete(stocktake["id"])
    assert [s["id"] for s in sy.stocktakes.list()] == [stocktake["id"]]
    assert sy.stocktakes.get(stocktake["id"])["id"] == stocktake["id"]
    on_hand = {row["locationId"]: row["onHand"] for row in sy.stock.list(item_id=item["id"])}
    assert on_hand[dock["id"]] == 3

    movements = list(sy.movements.list(item_id=item["id"]))
    assert len(movements) >= 4
    assert sy.movements.get(movements[0]["id"])["id"] == movements[0]["id"]

    # The list helpers send since/until (aware datetimes as ISO 8601), sort and filters in camelCase.
    movement_ids = [m["id"] for m in movements]
    newest_first = [m["id"] for m in sy.movements.list(item_id=item["id"], sort="-createdAt", limit=2)]
    assert newest_first == list(reversed(movement_ids))
    first_at = datetime.fromisoformat(received["createdAt"])
    assert [m["id"] for m in sy.movements.list(since=first_at)] == movement_ids
    assert list(sy.movements.list(until=first_at)) == []
    arrived = list(sy.movements.list(type="transfer_in", warehouse_id=warehouse["id"]))
    assert [(m["type"], m["locationId"], m["units"]) for m in arrived] == [("transfer_in", dock["id"], 4)]
    assert [t["id"] for t in sy.transfers.list(from_location_id=shelf["id"])] == [transfer["id"]]
    assert list(sy.transfers.list(to_location_id=shelf["id"])) == []
    assert [t["id"] for t in sy.transfers.list(location_id=dock["id"], sort="-createdAt")] == [transfer["id"]]
    released = list(sy.reservations.list(status="released", location_id=shelf["id"], sort="-expiresAt"))
    assert [r["id"] for r in released] == [reservation["id"]]
    assert list(sy.reservations.list(status="active")) == []
    done = list(sy.stocktakes.list(status="completed", warehouse_id=warehouse["id"], since=first_at))
    assert [s["id"] for s in done] == [stocktake["id"]]
    assert list(sy.stocktakes.list(status="open")) == []

    report = sy.reports.get("stock-on-hand")
    assert report
    csv = sy.reports.download("stock-on-hand", format="csv")
    assert csv.splitlines()[0].startswith(b"itemId,sku")
    assert f"S-{run}".encode() in csv
    assert list(sy.jobs.list()) == []

    sy.items.update(item["id"], name="Renamed")
    assert sy.items.get(item["id"])["name"] == "Renamed"
    sy.locations.update(shelf["id"], name="Shelf")
    sy.warehouses.update(warehouse["id"], name="Main warehouse")
    other = sy.items.create(sku=f"T-{run}", name="Throwaway")
    sy.items.delete(other["id"])
    with pytest.raises(NotFoundError):
        sy.items.get(other["id"])


def test_bulk_import_job_is_followed_to_its_end(live_server: LiveServer) -> None:
    with httpx.Client(base_url=live_server.url) as http:
        owner = create_tenant(http)
        upgraded = owner.patch("/api/v1/workspace", json={"plan": "team"})  # bulk_import needs a paid plan
        assert upgraded.status_code == 200, upgraded.text
    polls = Sleeps(then=time.sleep)  # the job runs on the server: really wait between polls
    with Client(live_server.url, access_token=owner.access_token, sleep=polls) as sy:
        run = uuid.uuid4().hex[:6].upper()
        rows: list[ItemCreateParams] = [{"sku": f"B-{run}-{n}", "name": f"Bulk {n}"} for n in range(3)]
        rows.append({"sku": "", "name": "bad"})
        job = sy.items.bulk(rows)
        assert job["status"] in {"queued", "running", "succeeded", "partially_failed"}
        finished = sy.wait_for_job(job["id"], poll_interval=0.05, max_wait=60)
        assert finished["status"] == "partially_failed"
        assert [error["index"] for error in finished["errors"]] == [3]
        assert finished["errors"][0]["error"]["code"] == "validation_error"
        assert {item["sku"] for item in sy.items.list(q=f"B-{run}")} == {f"B-{run}-{n}" for n in range(3)}
        assert [j["id"] for j in sy.jobs.list()] == [job["id"]]
    assert all(delay == 0.05 for delay in polls.delays)
