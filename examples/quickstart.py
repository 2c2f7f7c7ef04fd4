"""Stockyard quickstart: sign in, receive stock, transfer it, handle `insufficient_stock`, download a report.

Run a server with the demo workspace first (`make run`, or `stockyard migrate && stockyard demo &&
stockyard serve`), then, in another terminal at the top of the repository:

    .venv/bin/python examples/quickstart.py [--url http://127.0.0.1:8000] [--workspace demo]
        [--email owner@demo.example] [--password demo-password] [--report FILE]

The report goes to a new temporary directory unless `--report` names a file; the last line says where.

The client retries what is safe to retry (429 after Retry-After, 500/503 with backoff, an expired
token after one refresh) and sends an Idempotency-Key with every POST, so none of that appears here.
"""

from __future__ import annotations

import argparse
import tempfile
import uuid
from pathlib import Path

from stockyard.client import Client, StockyardAPIError, UnprocessableEntityError


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", default="http://127.0.0.1:8000")
    parser.add_argument("--workspace", default="demo")
    parser.add_argument("--email", default="owner@demo.example")
    parser.add_argument("--password", default="demo-password")
    parser.add_argument("--report", type=Path, default=None, help="where to write the CSV report")
    args = parser.parse_args()
    report: Path = args.report or Path(tempfile.mkdtemp(prefix="stockyard-quickstart-")) / "stock-on-hand.csv"

    run = uuid.uuid4().hex[:6].upper()
    with Client(args.url, workspace=args.workspace, email=args.email, password=args.password) as sy:
        me = sy.me()  # signs in on first use
        print(f"Signed in to {me['workspace']['name']} as {me['user']['email']} ({me['role']})")

        warehouse = sy.warehouses.create(short_id=f"QS-{run}", name=f"Quickstart {run}")
        shelf = sy.locations.create(warehouse["id"], code="A-01", name="Shelf A-01")
        dock = sy.locations.create(warehouse["id"], code="DOCK", name="Dispatch dock")
        item = sy.items.create(sku=f"QS-{run}", name="Quickstart widget", unit_cost="2.50")
        print(f"Created warehouse {warehouse['shortId']} with locations A-01 and DOCK, item {item['sku']}")

        received = sy.movements.receive(
            item_id=item["id"], location_id=shelf["id"], units=10, reference=f"PO-{run}"
        )
        print(f"Received 10 into A-01 (balance {received['balanceAfter']})")

        transfer = sy.transfers.create(
            from_location_id=shelf["id"],
            to_location_id=dock["id"],
            lines=[{"item_id": item["id"], "units": 4}],
            reference=f"PICK-{run}",
        )
        print(f"Transferred 4 from A-01 to DOCK ({transfer['id']})")

        try:
            sy.movements.issue(item_id=item["id"], location_id=dock["id"], units=50, reference=f"SO-{run}")
        except UnprocessableEntityError as error:
            if error.code != "insufficient_stock":
                raise
            print(f"Could not ship 50: {error.message} [{error.code}, param={error.param}]")
            shipped = sy.movements.issue(item_id=item["id"], location_id=dock["id"], units=4)
            print(f"Shipped the 4 available instead (balance {shipped['balanceAfter']})")

        for level in sy.stock.list(item_id=item["id"]):
            print(f"  {level['locationId']}: onHand={level['onHand']} available={level['available']}")

        csv = sy.reports.download("stock-on-hand", format="csv", warehouse_id=warehouse["id"])
        report.write_bytes(csv)
        print(f"Downloaded the stock-on-hand report to {report} ({len(csv)} bytes)")
    return 0


if __name__ == "__main__":
    try:
        raise SystemExit(main())
    except StockyardAPIError as failure:  # every API error carries its code and request id
        raise SystemExit(
            f"Stockyard error {failure.status_code} {failure.code}: {failure.message} "
            f"(request {failure.request_id})"
        ) from None
