"""The console's stocktake, import and report pages. As everywhere, each action is one or more
public API calls as the signed-in person; the pages show their answers."""

from __future__ import annotations

import asyncio
from typing import Any

import httpx

from stockyard.console.api import ApiAnswer, ApiError
from stockyard.console.pages import Console
from stockyard.console.routes import (
    as_number,
    code_error,
    find_item,
    locations_of,
    signed_in_form,
    signed_in_page,
)
from stockyard.console.web import Response

# Stocktakes ------------------------------------------------------------------------------------


@signed_in_page("/app/stocktakes")
async def stocktakes_page(console: Console) -> Response:
    status = console.request.query.get("status", "open")
    answer = await console.api.call(
        "GET", "/stocktakes", params={"status": status, "limit": 50, "sort": "-createdAt"}
    )
    locations = await locations_of(console)
    return console.render(
        "stocktakes.html",
        **answer.shown,
        title="Stocktakes",
        page=answer.body,
        locations=locations,
        names={loc["id"]: loc["label"] for loc in locations},
        filters={"status": status},
        form={},
    )


@signed_in_form("/app/stocktakes")
async def start_stocktake(console: Console, form: dict[str, str]) -> Response:
    answer = await console.api.call("POST", "/stocktakes", json={"locationId": form.get("locationId", "")})
    if answer.error is not None:
        locations = await locations_of(console)
        listed = await console.api.call("GET", "/stocktakes", params={"status": "open", "limit": 50})
        return console.render_refused(
            "stocktakes.html",
            answer.error,
            title="Stocktakes",
            page=listed.body,
            locations=locations,
            names={loc["id"]: loc["label"] for loc in locations},
            filters={"status": "open"},
            form=form,
        )
    return console.redirect(console.url(f"/stocktakes/{answer.body['id']}"), flash="Stocktake started.")


async def _stocktake_page(
    console: Console,
    stocktake_id: str,
    *,
    status: int = 200,
    error: ApiError | None = None,
    form: dict[str, str] | None = None,
    item: dict[str, Any] | None = None,
) -> Response:
    api = console.api
    stocktake = await api.call("GET", f"/stocktakes/{stocktake_id}")
    if stocktake.error is not None:
        return console.error_page(stocktake.error)
    take = stocktake.body
    # What the ledger holds at the location (locked while the stocktake is open), by item.
    levels = await api.call(
        "GET", "/stock", params={"locationId": take["locationId"], "limit": 200, "sort": "sku"}
    )
    expected = {row["itemId"]: row for row in levels.body["data"]} if levels.ok else {}
    counted = {count["itemId"]: count["countedUnits"] for count in take["counts"]}
    missing = [item_id for item_id in counted if item_id not in expected]
    skus: dict[str, str] = {row["itemId"]: row["sku"] for row in expected.values()}
    if missing:
        named = await api.call("GET", "/items", params={"ids": ",".join(missing[:100]), "limit": 100})
        if named.ok:
            skus.update({row["id"]: row["sku"] for row in named.body["data"]})
    lines = []
    for item_id in sorted({*expected, *counted}, key=lambda i: skus.get(i, i)):
        on_hand = expected[item_id]["onHand"] if item_id in expected else 0
        units = counted.get(item_id)
        lines.append(
            {
                "itemId": item_id,
                "sku": skus.get(item_id, item_id),
                "onHand": on_hand,
                "counted": units,
                "difference": None if units is None else units - on_hand,
            }
        )
    movements: list[dict[str, Any]] = []
    if take["status"] == "completed":
        moved = await api.call(
            "GET", "/movements", params={"locationId": take["locationId"], "type": "count", "limit": 200}
        )
        if moved.ok:
            movements = [m for m in moved.body["data"] if m["stocktakeId"] == take["id"]]
    names = {loc["id"]: loc["label"] for loc in await locations_of(console)}
    return console.render(
        "stocktake.html",
        status=status,
        title="Stocktake",
        take=take,
        location=names.get(take["locationId"], take["locationId"]),
        lines=lines,
        movements=movements,
        skus=skus,
        error=error or levels.error,
        form=form or {},
        item=item,
    )


@signed_in_page("/app/stocktakes/{stocktake_id}")
async def stocktake_page(console: Console, stocktake_id: str) -> Response:
    return await _stocktake_page(console, stocktake_id)


@signed_in_form("/app/stocktakes/{stocktake_id}/count")
async def count(console: Console, form: dict[str, str], stocktake_id: str) -> Response:
    """One scanned item's count: the stocktake's counts with this one set (PUT replaces them all)."""
    code = form.get("code", "").strip()
    item, failed = await find_item(console, code) if code else (None, None)
    if failed is not None and failed.error is not None:
        return await _stocktake_page(
            console, stocktake_id, status=failed.error.status, error=failed.error, form=form
        )
    if item is None:
        error = code_error(code)
        return await _stocktake_page(console, stocktake_id, status=400, error=error, form=form)
    current = await console.api.call("GET", f"/stocktakes/{stocktake_id}")
    if current.error is not None:
        return console.error_page(current.error)
    counts = [c for c in current.body["counts"] if c["itemId"] != item["id"]]
    counts.append({"itemId": item["id"], "countedUnits": as_number(form.get("countedUnits", ""))})
    answer = await console.api.call("PUT", f"/stocktakes/{stocktake_id}/counts", json={"counts": counts})
    if answer.error is not None:
        error = answer.error
        if any(key.endswith("countedUnits") for key in error.details) or (error.param or "").endswith(
            "countedUnits"
        ):
            # The API names the field by its place in the list; on this page it is the one field.
            details = {
                "countedUnits": [m for k, v in error.details.items() if k.endswith("countedUnits") for m in v]
            }
            error = ApiError(**{**error.__dict__, "details": details, "param": "countedUnits"})
        return await _stocktake_page(
            console, stocktake_id, status=error.status, error=error, form=form, item=item
        )
    units = form.get("countedUnits", "").strip()
    return console.redirect(
        console.url(f"/stocktakes/{stocktake_id}"), flash=f"Counted {units} of {item['sku']}."
    )


@signed_in_form("/app/stocktakes/{stocktake_id}/{action}")
async def finish_stocktake(
    console: Console, _form: dict[str, str], stocktake_id: str, action: str
) -> Response:
    if action not in ("complete", "cancel"):
        return console.not_found()
    answer = await console.api.call("POST", f"/stocktakes/{stocktake_id}/{action}")
    if answer.error is not None:
        return await _stocktake_page(console, stocktake_id, status=answer.error.status, error=answer.error)
    done = (
        "Stocktake completed: the differences are recorded."
        if action == "complete"
        else "Stocktake cancelled."
    )
    return console.redirect(console.url(f"/stocktakes/{stocktake_id}"), flash=done)


# Bulk import -----------------------------------------------------------------------------------


async def _settled(console: Console, job: dict[str, Any], seconds: float = 10) -> ApiAnswer:
    """The job once it has finished (a dry run is quick), or as it is after `seconds`."""
    answer = ApiAnswer(200, job, httpx.Headers())
    for _ in range(int(seconds * 10)):
        if answer.body["status"] not in ("queued", "running"):
            break
        await asyncio.sleep(0.1)
        answer = await console.api.call("GET", f"/jobs/{job['id']}")
        if answer.error is not None:
            break
    return answer


@signed_in_page("/app/import")
async def import_page(console: Console) -> Response:
    return console.render(
        "import.html",
        title="Import items",
        form={"mode": "create"},
        error=None,
        job=None,
        key=console.idempotency_key(),
    )


@signed_in_form("/app/import")
async def run_import(console: Console, form: dict[str, str]) -> Response:
    dry_run = form.get("action") != "run"
    csv_text = form.get("csv", "").replace("\r\n", "\n")
    headers = {"Content-Type": "text/csv"}
    if not dry_run and form.get("idempotencyKey"):
        headers["Idempotency-Key"] = form["idempotencyKey"]
    answer = await console.api.call(
        "POST",
        "/items/bulk",
        params={"mode": form.get("mode", "create"), "dryRun": "true" if dry_run else "false"},
        content=csv_text.encode(),
        headers=headers,
    )
    if answer.error is not None:
        error = answer.error
        return console.render_refused(
            "import.html",
            error,
            title="Import items",
            form=form,
            job=None,
            key=form.get("idempotencyKey") if error.retryable else console.idempotency_key(),
        )
    if not dry_run:
        return console.redirect(console.url(f"/jobs/{answer.body['id']}"), flash="Import started.")
    checked = await _settled(console, answer.body)
    return console.render(
        "import.html",
        title="Import items",
        form=form,
        error=checked.error,
        job=checked.body if checked.ok else None,
        key=form.get("idempotencyKey") or console.idempotency_key(),
    )


@signed_in_page("/app/jobs/{job_id}")
async def job_page(console: Console, job_id: str) -> Response:
    answer = await console.api.call("GET", f"/jobs/{job_id}")
    if answer.error is not None:
        return console.error_page(answer.error)
    return console.render("job.html", title="Import", job=answer.body)


# Reports ---------------------------------------------------------------------------------------

REPORTS = {
    "stock-on-hand": "Stock on hand",
    "low-stock": "Low stock",
    "movements": "Movements",
    "valuation": "Valuation",
}


@signed_in_page("/app/reports")
async def reports_page(console: Console) -> Response:
    name = console.request.query.get("name", "stock-on-hand")
    if name not in REPORTS:
        name = "stock-on-hand"
    answer = await console.api.call("GET", f"/reports/{name}")
    rows = answer.body.get("data", []) if answer.ok else []
    return console.render(
        "reports.html",
        **answer.shown,
        title=REPORTS[name],
        name=name,
        reports=REPORTS,
        rows=rows[:500],
        more=len(rows) > 500,
        columns=list(rows[0]) if rows else [],
        totals=answer.body.get("totals") if answer.ok else None,
    )


@signed_in_page("/app/reports/{name}/download")
async def download_report(console: Console, name: str) -> Response:
    """The API's CSV or XLSX file, handed on as it came (with its file name)."""
    report_format = console.request.query.get("format", "csv")
    answer = await console.api.call("GET", f"/reports/{name}", params={"format": report_format})
    if answer.error is not None:
        return console.error_page(answer.error)
    response = Response(
        answer.body if isinstance(answer.body, bytes) else b"",
        media_type=answer.headers.get("content-type", "application/octet-stream"),
    )
    if "content-disposition" in answer.headers:
        response.headers["Content-Disposition"] = answer.headers["content-disposition"]
    return console.finish(response)
