"""The console's pages: sign-in and sign-out, items, stock and its movements.

Every handler reads and writes through the public API (`console/api.py`) as the signed-in person;
a form posts here, the handler sends the API request the form describes and renders the answer:
the next page on success, the form again with the API's error beside its fields on failure.
"""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable
from importlib import resources
from typing import Any

from stockyard.console import session
from stockyard.console.api import ApiAnswer, ApiError
from stockyard.console.pages import Console, app_url, flash_text, guarded, posted, public_form
from stockyard.console.web import Request, Response, Router, read_body, redirect

router = Router()

# A page or form handler behind sign-in, given the console (and the path's ids; a form handler the form too).
SignedInHandler = Callable[..., Awaitable[Response]]


def signed_in_page(path: str) -> Callable[[SignedInHandler], SignedInHandler]:
    """GET `path` behind sign-in: `handler(console, **ids)` once the session and `/me` are good, else
    what `guarded` answers instead (the sign-in page, the API's error)."""

    def register(handler: SignedInHandler) -> SignedInHandler:
        @router.get(path)
        async def page(request: Request, **ids: str) -> Response:
            console, stop = await guarded(request)
            if stop:
                return stop
            return await handler(console, **ids)

        return handler

    return register


def signed_in_form(path: str) -> Callable[[SignedInHandler], SignedInHandler]:
    """POST `path`, a form behind sign-in: `handler(console, form, **ids)` once the session, `/me` and
    the CSRF token are good, else what `posted` answers instead."""

    def register(handler: SignedInHandler) -> SignedInHandler:
        @router.post(path)
        async def submitted(request: Request, **ids: str) -> Response:
            console, form, stop = await posted(request)
            if stop:
                return stop
            return await handler(console, form, **ids)

        return handler

    return register


def json_response(body: Any, status: int = 200) -> Response:
    return Response(json.dumps(body), status=status, media_type="application/json")


STATIC: dict[str, str] = {
    "console.css": "text/css; charset=utf-8",
    "console.js": "text/javascript; charset=utf-8",
}
MOVEMENT_KINDS = {
    "receive": ("Receive", "Units arriving at a location."),
    "issue": ("Issue", "Units leaving a location (picked, shipped, used)."),
    "adjust": ("Adjust", "A signed correction: +3 found, -2 damaged."),
}
# What /app/stock/{kind} records: a movement of the ledger, or a transfer between two locations.
RECORDED_KINDS = (*MOVEMENT_KINDS, "transfer")
ITEM_SORTS = (
    ("createdAt", "Oldest first"),
    ("-createdAt", "Newest first"),
    ("sku", "SKU A to Z"),
    ("-sku", "SKU Z to A"),
    ("name", "Name A to Z"),
    ("-name", "Name Z to A"),
    ("-updatedAt", "Recently changed"),
)


def as_number(value: str) -> int | str | None:
    """A form's number as the API should see it: an int when it is one, else the text as typed
    (the API answers its validation error for the field), None when empty."""
    text = value.strip()
    if not text:
        return None
    try:
        return int(text)
    except ValueError:
        return text


@router.get("/")
async def home(request: Request) -> Response:
    return session.secure(redirect(app_url(request), status=307))


@router.get("/app")
async def app_home(request: Request) -> Response:
    return session.secure(redirect(app_url(request, "/items")))


@router.get("/app/static/{name}")
async def static(request: Request, name: str) -> Response:
    media_type = STATIC.get(name)
    if media_type is None:
        return session.secure(Response("Not found", status=404, media_type="text/plain; charset=utf-8"))
    body = resources.files("stockyard.console").joinpath("static", name).read_bytes()
    response = Response(body, media_type=media_type)
    response.headers["Cache-Control"] = "public, max-age=300"
    response.headers["X-Content-Type-Options"] = "nosniff"
    return response


# Sign-in and sign-out ------------------------------------------------------------------------


def _safe_next(request: Request, value: str | None) -> str:
    """Where to go after signing in: a console path only (never another site)."""
    base = app_url(request)
    if value and value.startswith(base + "/") and not value.startswith("//") and "\\" not in value:
        return value
    return app_url(request, "/items")


@router.get("/app/sign-in")
async def sign_in_page(request: Request) -> Response:
    console = Console.of(request)
    console.flash = flash_text(console.flash)
    return console.render(
        "sign_in.html", title="Sign in", form={}, error=None, next=request.query.get("next", "")
    )


@router.post("/app/sign-in")
async def sign_in(request: Request) -> Response:
    console, form, refused = public_form(request)
    if refused:
        return refused
    answer = await console.sign_in(form.get("workspace", ""), form.get("email", ""), form.get("password", ""))
    if answer.error is not None:
        shown = {k: v for k, v in form.items() if k in ("workspace", "email")}
        return console.render_refused(
            "sign_in.html",
            answer.error,
            title="Sign in",
            form=shown,
            next=form.get("next", ""),
        )
    return console.redirect(_safe_next(request, form.get("next")))


@router.post("/app/sign-out")
async def sign_out(request: Request) -> Response:
    console, _form, refused = public_form(request)
    if refused:
        return refused
    if console.signed_in:
        # Revokes the whole refresh family of this sign-in (POST /auth/logout), not just the cookie.
        answer = await console.api.call("POST", "/auth/logout")
        if answer.error is not None and answer.error.status != 401:
            return console.error_page(answer.error)
    console.cleared = True
    console.csrf, console.csrf_is_new = session.new_csrf_token(), True
    return console.redirect(app_url(request, "/sign-in"), flash="You are signed out.")


# Items ---------------------------------------------------------------------------------------


@signed_in_page("/app/items")
async def items_page(console: Console) -> Response:
    query = console.request.query
    filters = {
        "q": query.get("q", ""),
        "tag": query.get("tag", ""),
        "archived": query.get("archived", "false"),
        "sort": query.get("sort", "-createdAt"),
    }
    params = {**filters, "cursor": query.get("cursor", ""), "limit": 25}
    answer = await console.api.call("GET", "/items", params=params)
    tags = await console.api.call("GET", "/tags", params={"limit": 200, "sort": "name"})
    return console.render(
        "items.html",
        **answer.shown,
        title="Items",
        filters=filters,
        sorts=ITEM_SORTS,
        tags=tags.rows,
        page=answer.body,
    )


def _item_body(form: dict[str, str], *, creating: bool) -> dict[str, Any]:
    body: dict[str, Any] = {
        "sku": form.get("sku", "").strip(),
        "name": form.get("name", "").strip(),
        "description": form.get("description", "").strip() or None,
        "unit": form.get("unit", "").strip() or "each",
        "barcode": form.get("barcode", "").strip() or None,
        "reorderPoint": as_number(form.get("reorderPoint", "")),
        "tags": [t.strip() for t in form.get("tags", "").split(",") if t.strip()],
    }
    if creating:
        return {k: v for k, v in body.items() if v is not None}
    return body


@signed_in_page("/app/items/new")
async def new_item_page(console: Console) -> Response:
    return console.render(
        "item_form.html", title="New item", form={"unit": "each"}, error=None, key=console.idempotency_key()
    )


@signed_in_form("/app/items/new")
async def create_item(console: Console, form: dict[str, str]) -> Response:
    key = form.get("idempotencyKey") or console.idempotency_key()
    answer = await console.api.call(
        "POST", "/items", json=_item_body(form, creating=True), headers={"Idempotency-Key": key}
    )
    if answer.error is not None:
        return console.render_refused(
            "item_form.html",
            answer.error,
            title="New item",
            form=form,
            # The same key again only when the same request may be retried as it is (429, 503).
            key=key if answer.error.retryable else console.idempotency_key(),
        )
    item = answer.body
    return console.redirect(console.url(f"/items/{item['id']}"), flash=f"Item {item['sku']} created.")


async def _item_view(console: Console, item_id: str) -> tuple[dict[str, Any], Response | None]:
    api = console.api
    item = await api.call("GET", f"/items/{item_id}")
    if item.error is not None:
        return {}, console.error_page(item.error)
    stock = await api.call("GET", f"/items/{item_id}/stock")
    movements = await api.call(
        "GET", "/movements", params={"itemId": item_id, "sort": "-createdAt", "limit": 20}
    )
    reservations = await api.call(
        "GET", "/reservations", params={"itemId": item_id, "status": "active", "limit": 50}
    )
    locations = await locations_of(console)
    return {
        "item": item.body,
        "etag": item.headers.get("etag", ""),
        "stock": stock.body if stock.ok else None,
        "movements": movements.rows,
        "reservations": reservations.rows,
        "locations": locations,
        "problems": [a.error for a in (stock, movements, reservations) if a.error is not None],
    }, None


@signed_in_page("/app/items/{item_id}")
async def item_page(console: Console, item_id: str) -> Response:
    return await _item_page(console, item_id)


async def _item_page(console: Console, item_id: str, *, status: int = 200, **values: Any) -> Response:
    """The item's page: its edit form filled from the item and no error, unless `values` say otherwise
    (a refused form's fields and error)."""
    view, failed = await _item_view(console, item_id)
    if failed:
        return failed
    item = view["item"]
    form = {**item, "tags": ", ".join(item["tags"]), "reorderPoint": item["reorderPoint"] or ""}
    shown = {"form": form, "error": None, **values}
    return console.render("item.html", status=status, title=item["name"], **shown, **view)


async def _item_answered(
    console: Console, item_id: str, answer: ApiAnswer, done: str, **values: Any
) -> Response:
    """What a form on the item's page answers: back to the page with `done` as the flash, or the page
    again with the API's error where `values` place it."""
    if answer.error is None:
        return console.redirect(console.url(f"/items/{item_id}"), flash=done)
    return await _item_page(console, item_id, status=answer.error.status, **values)


@signed_in_form("/app/items/{item_id}")
async def update_item(console: Console, form: dict[str, str], item_id: str) -> Response:
    headers = {"If-Match": form["etag"]} if form.get("etag") else {}
    action = form.get("action")
    if action in ("archive", "restore"):
        changes: dict[str, Any] = {"archived": action == "archive"}
        done = "Item archived." if action == "archive" else "Item restored."
    else:
        changes, done = _item_body(form, creating=False), "Changes saved."
    answer = await console.api.call("PATCH", f"/items/{item_id}", json=changes, headers=headers)
    return await _item_answered(console, item_id, answer, done, form=form, error=answer.error)


@signed_in_form("/app/items/{item_id}/reservations")
async def reserve(console: Console, form: dict[str, str], item_id: str) -> Response:
    """Hold units of the item at a location (POST /reservations), or release a hold."""
    if form.get("release"):
        answer = await console.api.call("POST", f"/reservations/{form['release']}/release")
        done = "Reservation released."
    else:
        hours = as_number(form.get("hours", ""))
        answer = await console.api.call(
            "POST",
            "/reservations",
            json={
                "itemId": item_id,
                "locationId": form.get("locationId", ""),
                "units": as_number(form.get("units", "")),
                "reference": form.get("reference", "").strip() or None,
                "ttlSeconds": hours * 3600 if isinstance(hours, int) else hours,
            },
            headers={"Idempotency-Key": form.get("idempotencyKey") or console.idempotency_key()},
        )
        done = "Units reserved."
    return await _item_answered(console, item_id, answer, done, hold=form, hold_error=answer.error)


# Stock -----------------------------------------------------------------------------------------


async def locations_of(console: Console) -> list[dict[str, Any]]:
    """Every location the person may see, named `WAREHOUSE / CODE`, for the forms' choices."""
    warehouses = await console.api.call("GET", "/warehouses", params={"limit": 200, "archived": "false"})
    locations = await console.api.call("GET", "/locations", params={"limit": 200, "archived": "false"})
    if not (warehouses.ok and locations.ok):
        return []
    names = {w["id"]: w["name"] for w in warehouses.body["data"]}
    return [
        {**location, "label": f"{names.get(location['warehouseId'], '?')} / {location['code']}"}
        for location in locations.body["data"]
    ]


@signed_in_page("/app/stock")
async def stock_page(console: Console) -> Response:
    warehouse_id, low, cursor = (console.request.query.get(k, "") for k in ("warehouseId", "low", "cursor"))
    params = {
        "warehouseId": warehouse_id,
        "belowReorderPoint": "true" if low else None,
        "cursor": cursor,
        "limit": 50,
        "sort": "sku",
    }
    answer = await console.api.call("GET", "/stock", params=params)
    warehouses = await console.api.call("GET", "/warehouses", params={"limit": 200})
    locations = {loc["id"]: loc["label"] for loc in await locations_of(console)}
    low_ids: set[tuple[str, str]] = set()
    if answer.ok and not low:
        below = await console.api.call(
            "GET", "/stock", params={**params, "belowReorderPoint": "true", "cursor": None, "limit": 200}
        )
        if below.ok:
            low_ids = {(row["itemId"], row["locationId"]) for row in below.body["data"]}
    return console.render(
        "stock.html",
        **answer.shown,
        title="Stock",
        page=answer.body,
        warehouses=warehouses.rows,
        locations=locations,
        low_ids=low_ids,
        filters={"warehouseId": warehouse_id, "low": low},
    )


async def find_item(console: Console, code: str) -> tuple[dict[str, Any] | None, ApiAnswer | None]:
    """The item a scanned or typed code names: its SKU first, then its barcode."""
    for param in ("sku", "barcode"):
        answer = await console.api.call("GET", "/items", params={param: code, "limit": 1})
        if answer.error is not None:
            return None, answer
        if answer.body["data"]:
            return answer.body["data"][0], None
    return None, None


@router.get("/app/lookup")
async def lookup(request: Request) -> Response:
    """For the scanner fields: the item a code names, as JSON (found by the public API's filters)."""
    console, stop = await guarded(request)
    if stop:
        return session.secure(json_response({"found": False, "message": "Sign in again."}, 401))
    code = request.query.get("code", "").strip()
    item, failed = await find_item(console, code) if code else (None, None)
    if failed is not None and failed.error is not None:
        error = failed.error
        body = {"found": False, "message": error.message, "requestId": error.request_id}
        return console.finish(json_response(body, error.status))
    if item is None:
        return console.finish(json_response({"found": False, "message": code_error(code).message}))
    return console.finish(
        json_response({"found": True, "id": item["id"], "sku": item["sku"], "name": item["name"]})
    )


def code_error(code: str) -> ApiError:
    return ApiError(
        status=400,
        error="validation_error",
        code="validation_error",
        message=f"No item has the SKU or barcode {code!r}."
        if code
        else "Scan or type an item's SKU or barcode.",
        param="code",
        details={},
        request_id=None,
        retry_after=None,
    )


async def _movement_form(
    console: Console,
    kind: str,
    form: dict[str, str],
    *,
    key: str,
    error: ApiError | None = None,
    item: dict[str, Any] | None = None,
) -> Response:
    """The page that records a movement of `kind` or a transfer: blank (a new Idempotency-Key), or
    again after the API refused it, with its error beside the form as typed and the item scanned."""
    values: dict[str, Any] = {
        "kind": kind,
        "kinds": MOVEMENT_KINDS,
        "form": form,
        "item": item,
        "locations": await locations_of(console),
        "key": key,
        "done": None,
    }
    title = MOVEMENT_KINDS[kind][0] if kind in MOVEMENT_KINDS else "Transfer"
    if error is None:
        return console.render("movement.html", title=title, error=None, **values)
    return console.render_refused("movement.html", error, title=title, **values)


@signed_in_page("/app/stock/{kind}")
async def movement_page(console: Console, kind: str) -> Response:
    item, location = console.request.query.get("item", ""), console.request.query.get("location", "")
    if kind not in RECORDED_KINDS:
        return console.not_found()
    form = {"code": item, "locationId": location, "fromLocationId": location}
    return await _movement_form(console, kind, form, key=console.idempotency_key())


@signed_in_form("/app/stock/{kind}")
async def record_movement(console: Console, form: dict[str, str], kind: str) -> Response:
    if kind not in RECORDED_KINDS:
        return console.not_found()
    code = form.get("code", "").strip()
    key = form.get("idempotencyKey") or console.idempotency_key()
    item, failed = await find_item(console, code) if code else (None, None)
    answer: ApiAnswer | None = failed
    error: ApiError | None = failed.error if failed else None
    if error is None and item is None:
        error = code_error(code)
    if error is None and item is not None:
        headers = {"Idempotency-Key": key}
        if kind == "transfer":
            answer = await console.api.call(
                "POST",
                "/transfers",
                json={
                    "fromLocationId": form.get("fromLocationId", ""),
                    "toLocationId": form.get("toLocationId", ""),
                    "lines": [{"itemId": item["id"], "units": as_number(form.get("units", ""))}],
                    "reference": form.get("reference", "").strip() or None,
                },
                headers=headers,
            )
        else:
            answer = await console.api.call(
                "POST",
                "/movements",
                json={
                    "type": kind,
                    "itemId": item["id"],
                    "locationId": form.get("locationId", ""),
                    "units": as_number(form.get("units", "")),
                    "reason": form.get("reason", "").strip() or None,
                    "reference": form.get("reference", "").strip() or None,
                },
                headers=headers,
            )
        error = answer.error
    if error is None and item is not None:
        verb = {"receive": "Received", "issue": "Issued", "adjust": "Adjusted", "transfer": "Transferred"}[
            kind
        ]
        done = f"{verb} {form.get('units', '').strip()} of {item['sku']}."
        # Ready for the next scan: the same location, an empty code field.
        next_url = console.url(
            f"/stock/{kind}", location=form.get("fromLocationId" if kind == "transfer" else "locationId")
        )
        return console.redirect(next_url, flash=done)
    assert error is not None
    return await _movement_form(
        console,
        kind,
        form,
        key=key if error.retryable else console.idempotency_key(),
        error=error,
        item=item,
    )


class ConsoleMount:
    """An ASGI middleware of the API's server that answers `/`, `/app` and `/app/...` with the
    console and hands every other request on (`api/app.py` places it)."""

    def __init__(self, app: Any) -> None:
        self.app = app

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] == "http":
            path = Request(scope).path
            if path in ("/", "/app") or path.startswith("/app/"):
                await self.serve(scope, receive, send)
                return
        await self.app(scope, receive, send)

    async def serve(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        request = Request(scope)
        handler, params, other_method = router.match(request.method, request.path)
        if handler is None:
            status, text = (405, "Method not allowed.") if other_method else (404, "There is no such page.")
            await session.secure(Response(text, status=status, media_type="text/plain; charset=utf-8"))(send)
            return
        if request.method == "POST":
            body = await read_body(receive)
            if body is None:
                too_big = Response(
                    "The form is too large.", status=413, media_type="text/plain; charset=utf-8"
                )
                await session.secure(too_big)(send)
                return
            request.body = body
        response = await handler(request, **params)
        await response(send)
