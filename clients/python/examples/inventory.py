"""A full tour of the Stockyard Python client (docs/clients.md): sign up, sign in, stock a warehouse,
move goods, handle errors, page through lists and stream a report to a file.

    python clients/python/examples/inventory.py --url http://127.0.0.1:8000

It needs only `stockyard-client` (pip install ./clients/python) and a running server.
"""

from __future__ import annotations

import argparse
import tempfile
import uuid
from pathlib import Path

from stockyard_client import (
    Client,
    ConflictError,
    RequestOptions,
    StockyardAPIError,
    UnprocessableEntityError,
    ValidationError,
)
from stockyard_client.models import Item


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--url", default="http://127.0.0.1:8000")
    parser.add_argument("--report", type=Path, help="where to save the CSV report")
    args = parser.parse_args()
    run = uuid.uuid4().hex[:8]
    slug, email, password = f"tour-{run}", f"owner-{run}@example.com", "correct horse battery"

    # Sign up: a new workspace and its owner (a public call, no credentials needed).
    with Client(args.url) as anonymous:
        created = anonymous.sign_up(
            name=f"Tour {run}", slug=slug, owner={"email": email, "name": "Ada", "password": password}
        )
        print(f"Created workspace {created['workspace']['slug']} for {created['owner']['email']}")

    # Sign in with the owner's credentials: the client signs in on first use and refreshes the token.
    with Client(args.url, workspace=slug, email=email, password=password) as sy:
        me = sy.me()
        assert me["user"] is not None  # None only for an API key
        print(f"Signed in as {me['user']['email']} ({me['role']}, {len(me['permissions'])} permissions)")

        warehouse = sy.warehouses.create(short_id=f"T{run[:6]}".upper(), name="Main warehouse")
        shelf = sy.locations.create(warehouse["id"], code="A-01", name="Shelf A-01")
        dock = sy.locations.create(warehouse["id"], code="DOCK", name="Dispatch dock")
        items: list[Item] = [
            sy.items.create(sku=f"TOUR-{run}-{n}", name=f"Widget {n}", unit_cost="2.50", reorder_point=2)
            for n in range(3)
        ]

        # A POST with a key of your own: sending it again returns the first answer, not a second receipt.
        key = f"receipt-{run}"
        received = sy.movements.receive(
            item_id=items[0]["id"], location_id=shelf["id"], units=10, reference="PO-1", idempotency_key=key
        )
        again = sy.movements.receive(
            item_id=items[0]["id"], location_id=shelf["id"], units=10, reference="PO-1", idempotency_key=key
        )
        assert again["id"] == received["id"]
        print(f"Received 10 of {items[0]['sku']} (balance {received['balanceAfter']}), once")

        transfer = sy.transfers.create(
            from_location_id=shelf["id"],
            to_location_id=dock["id"],
            lines=[{"item_id": items[0]["id"], "units": 4}],
            reference="PICK-1",
        )
        print(f"Transferred 4 to DOCK ({transfer['id']})")

        # Errors: one class per category; switch on the stable `code`.
        try:
            sy.movements.issue(item_id=items[0]["id"], location_id=dock["id"], units=50)
        except UnprocessableEntityError as error:
            assert error.code == "insufficient_stock"
            print(f"Could not issue 50: {error.code}: {error.message}")
        try:
            sy.items.create(sku=items[1]["sku"], name="Duplicate")
        except ConflictError as error:
            print(f"Duplicate SKU refused: {error.code}")
        try:
            sy.items.create(sku="", name="No SKU")
        except ValidationError as error:
            print(f"Invalid item: {error}")  # names every field and its messages

        # Pagination: list() follows nextCursor through every page; list_page() reads one.
        listed = [item["sku"] for item in sy.items.list(q=f"TOUR-{run}", sort="sku", limit=2)]
        assert listed == sorted(item["sku"] for item in items)
        first = sy.items.list_page(q=f"TOUR-{run}", limit=2)
        print(
            f"{len(listed)} items over pages of 2 (the first has {len(first['data'])}, more: {first['hasMore']})"
        )

        # Per-call options: a shorter timeout and no retries for this one request.
        levels = list(sy.stock.list(item_id=items[0]["id"], options=RequestOptions(timeout=5, max_retries=0)))
        for level in levels:
            print(f"  {level['locationId']}: onHand={level['onHand']} available={level['available']}")

        # Reports stream to a file as they arrive.
        target = args.report or Path(tempfile.mkdtemp(prefix="stockyard-tour-")) / "stock-on-hand.csv"
        written = sy.reports.save("stock-on-hand", target, format="csv", warehouse_id=warehouse["id"])
        print(f"Saved the stock-on-hand report to {target} ({written} bytes)")
    return 0


if __name__ == "__main__":
    try:
        raise SystemExit(main())
    except StockyardAPIError as failure:  # every API error carries its code and request id
        raise SystemExit(f"Stockyard error {failure}") from None
