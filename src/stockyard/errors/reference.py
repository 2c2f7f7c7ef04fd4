"""Generates `docs/errors.md`, the error reference for client developers, from the catalog.

`stockyard docs errors` writes it; `tests/errors/test_reference.py` fails when the committed file
differs from what this module generates, so the reference can never go stale. Pure functions over
`catalog` and `render`: no framework imports.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from stockyard.errors import catalog
from stockyard.errors.catalog import Category, ErrorSpec, Retry
from stockyard.errors.exceptions import StockyardError
from stockyard.errors.render import PROBLEM_MEDIA_TYPE, PROBLEM_TYPE_PREFIX, envelope, problem

EXAMPLE_REQUEST_ID = "req_01JD0000000000000000000000"

RETRY_ADVICE: dict[Retry, str] = {
    Retry.NEVER: "No. The request (or the state it meets) must change first.",
    Retry.AFTER_RETRY_AFTER: "Yes, after waiting the `Retry-After` seconds.",
    Retry.BACKOFF: "Yes, with exponential backoff and jitter, at most 3 times.",
    Retry.REFRESH_TOKEN: "Once, after refreshing the access token (POST /api/v1/auth/refresh).",
}
"""What each retry advice means, in one sentence."""

RETRY_SHORT: dict[Retry, str] = {
    Retry.NEVER: "no",
    Retry.AFTER_RETRY_AFTER: "after `Retry-After`",
    Retry.BACKOFF: "backoff",
    Retry.REFRESH_TOKEN: "refresh, then once",
}

ENVELOPE_FIELDS: tuple[tuple[str, str, str, str], ...] = (
    ("statusCode", "integer", "always", "Mirrors the HTTP status code."),
    (
        "error",
        "string",
        "always",
        "The category: one of the names in the status table below. Switch on it for broad handling.",
    ),
    (
        "code",
        "string",
        "always",
        "The stable, specific reason (for example `insufficient_stock`). Switch on it in code; "
        "codes are never renamed.",
    ),
    (
        "message",
        "string",
        "always",
        "A human-readable explanation with specifics. It may change wording: never parse it. "
        "Safe to log; show end users a message of your own.",
    ),
    (
        "details",
        "object",
        "only for `validation_error`",
        "Maps each failing field, as a dot path (`lines.0.units`), to a list of messages.",
    ),
    (
        "param",
        "string",
        "when the error is about one parameter, or one field fails validation",
        "The dot path of the field or query parameter at fault, for highlighting a form field.",
    ),
    (
        "requestId",
        "string",
        "always",
        "Equals the `X-Request-Id` response header. Quote it when reporting a problem.",
    ),
)

PROBLEM_FIELDS: tuple[tuple[str, str], ...] = (
    ("type", f"`{PROBLEM_TYPE_PREFIX}<code>`"),
    ("title", "The category's title (for example `Unprocessable Entity`)"),
    ("status", "`statusCode`"),
    ("detail", "`message`"),
    ("instance", "The request path"),
    ("code", "`code`"),
    ("requestId", "`requestId`"),
    ("param", "`param` (only when set)"),
    ("errors", "`details` as a list of `{pointer, detail}` (JSON Pointer), only for `validation_error`"),
)


def example_error(spec: ErrorSpec) -> StockyardError:
    """A representative instance of `spec`, used in the reference and the OpenAPI examples."""
    if spec is catalog.VALIDATION_ERROR:
        return StockyardError(
            spec,
            details={
                "sku": ["The sku field is required."],
                "unitCost": ["The field unitCost must be greater than or equal to 0."],
            },
        )
    if spec is catalog.INSUFFICIENT_STOCK:
        return StockyardError(spec, "Not enough stock available: 3 available, 5 requested.", param="units")
    if spec is catalog.INVALID_PARAMETER:
        return StockyardError(spec, "The cursor is invalid.", param="cursor")
    if spec is catalog.DUPLICATE_SKU:
        return StockyardError(spec, "An item with SKU 'A-1' already exists.", param="sku")
    return StockyardError(spec)


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _table(header: Iterable[str], rows: Iterable[Iterable[str]]) -> list[str]:
    head = list(header)
    lines = ["| " + " | ".join(head) + " |", "|" + "|".join("---" for _ in head) + "|"]
    lines += ["| " + " | ".join(_cell(value) for value in row) + " |" for row in rows]
    return lines


def _json_block(value: Any) -> list[str]:
    return ["```json", json.dumps(value, indent=2, ensure_ascii=False), "```"]


def codes_of(category: Category) -> list[ErrorSpec]:
    """The catalog entries of one category, in catalog order."""
    return [spec for spec in catalog.CATALOG.values() if spec.category is category]


def _anchor(category: Category) -> str:
    return f"{category.status}-{category.name}".replace("_", "-")


def _status_section() -> list[str]:
    rows = []
    for category in catalog.CATEGORIES:
        codes = codes_of(category)
        rows.append(
            (
                str(category.status),
                category.title,
                f"[`{category.name}`](#{_anchor(category)})",
                ", ".join(f"`{spec.code}`" for spec in codes),
                "; ".join(
                    [RETRY_SHORT[category.retry]]
                    + [f"`{spec.code}`: {RETRY_SHORT[spec.retry]}" for spec in codes if spec.retry_advice]
                ),
            )
        )
    return [
        "## Status codes and categories",
        "",
        "Each status has one or more categories (`error`); each category has its codes (`code`).",
        "",
        *_table(("Status", "Title", "Category (`error`)", "Codes (`code`)", "Retry?"), rows),
        "",
    ]


def _retry_section() -> list[str]:
    return [
        "## Retrying",
        "",
        *_table(("Advice", "Meaning"), ((RETRY_SHORT[r], RETRY_ADVICE[r]) for r in Retry)),
        "",
        "Only 429, 500 and 503 are transient, and 401 `token_expired` is cured by refreshing the "
        "token once. 400, 403, 404, 409 and 422 describe a problem with the request: sending it "
        "again unchanged gives the same answer. Every POST accepts an `Idempotency-Key` header; "
        "send one (and reuse it on every retry of the same request) so that a retried POST never "
        "creates a second resource. The Python client (`stockyard.client`) does all of this for "
        "you: 429 waits `Retry-After`, 500 and 503 back off exponentially with jitter (at most 3 "
        "retries), 401 `token_expired` refreshes once, every POST carries an automatic "
        "`Idempotency-Key`, and nothing else is retried.",
        "",
        "A 429 is decided before any resource is looked up, so it never reveals whether a resource "
        "exists; neither does a 404, which is also what another workspace's resources look like.",
        "",
    ]


def _category_section(category: Category) -> list[str]:
    lines = [
        f'<a id="{_anchor(category)}"></a>',
        "",
        f"### {category.status} `{category.name}`: {category.title}",
        "",
        f"Retry: {RETRY_ADVICE[category.retry]}",
        "",
    ]
    for spec in codes_of(category):
        lines += [f"#### `{spec.code}`", ""]
        rows = [
            ("Status", f"{spec.status} {category.title}"),
            ("Message", spec.message),
            ("When it happens", spec.description),
            ("What to do", spec.action),
            ("Retry", RETRY_ADVICE[spec.retry]),
        ]
        if spec.headers:
            rows.append(("Response headers", ", ".join(f"`{name}`" for name in spec.headers)))
        lines += [*_table(("", ""), ((f"**{name}**", value) for name, value in rows)), ""]
    return lines


def _envelope_section() -> list[str]:
    example = envelope(example_error(catalog.INSUFFICIENT_STOCK), EXAMPLE_REQUEST_ID)
    validation = envelope(example_error(catalog.VALIDATION_ERROR), EXAMPLE_REQUEST_ID)
    return [
        "## The error envelope",
        "",
        "Every error response, whatever its status, has this JSON body (`Content-Type: application/json`):",
        "",
        *_json_block(example),
        "",
        *_table(("Field", "Type", "Present", "Meaning"), ENVELOPE_FIELDS),
        "",
        "A schema problem in the body is reported with all failing fields at once (when only one field",
        "fails, `param` names it too). Values are taken as sent: a string is never read as a number or a",
        'boolean, so `"5"` for an integer field is an error, not 5.',
        "",
        *_json_block(validation),
        "",
    ]


def _problem_section() -> list[str]:
    spec = catalog.VALIDATION_ERROR
    example = problem(example_error(spec), EXAMPLE_REQUEST_ID, "/api/v1/items")
    simple = problem(example_error(catalog.NOT_FOUND), EXAMPLE_REQUEST_ID, "/api/v1/items/itm_404")
    return [
        "## Problem details (RFC 9457)",
        "",
        f"Send `Accept: {PROBLEM_MEDIA_TYPE}` to receive the same error as problem details, "
        f"with `Content-Type: {PROBLEM_MEDIA_TYPE}`. The members map to the envelope like this:",
        "",
        *_table(("Member", "Envelope equivalent"), PROBLEM_FIELDS),
        "",
        "Example (`GET /api/v1/items/itm_404`):",
        "",
        *_json_block(simple),
        "",
        "Example (`POST /api/v1/items` with an invalid body):",
        "",
        *_json_block(example),
        "",
    ]


def _handling_section() -> list[str]:
    return [
        "## Handling errors in code",
        "",
        "Switch on `code` (or on the exception class, one per category), never on `message`:",
        "",
        "```python",
        "from stockyard.client import Client, UnprocessableEntityError",
        "",
        'with Client("https://stockyard.example", workspace="acme", email="me@acme.test",',
        '            password="...") as client:',
        "    try:",
        '        client.movements.create(type="issue", item_id=item_id, location_id=bin_id, units=5)',
        "    except UnprocessableEntityError as error:",
        '        if error.code != "insufficient_stock":',
        "            raise",
        '        print(f"Only part is available ({error.message}); request {error.request_id}")',
        "```",
        "",
        "Log the method, URL, status, `code`, `message`, `requestId` and a timestamp. Never log "
        "tokens, API keys, passwords or full bodies that may carry secrets.",
        "",
    ]


def _index_section() -> list[str]:
    rows = (
        (f"`{spec.code}`", str(spec.status), f"[`{spec.error}`](#{_anchor(spec.category)})", spec.message)
        for spec in sorted(catalog.CATALOG.values(), key=lambda s: s.code)
    )
    return [
        "## All codes, alphabetically",
        "",
        *_table(("Code", "Status", "Category", "Default message"), rows),
        "",
    ]


def generate() -> str:
    """The full Markdown reference, deterministic for a given catalog."""
    lines = [
        "# Stockyard error reference",
        "",
        "<!-- Generated from src/stockyard/errors/catalog.py by `stockyard docs errors`. "
        "Do not edit by hand. -->",
        "",
        f"Stockyard answers every failure with one JSON shape, a category (`error`) and a stable "
        f"code (`code`). This reference lists all {len(catalog.CATEGORIES)} categories and "
        f"{len(catalog.CATALOG)} codes, what each means, and what a client should do about it.",
        "",
        *_envelope_section(),
        *_status_section(),
        *_retry_section(),
        "## Categories and codes",
        "",
    ]
    for category in catalog.CATEGORIES:
        lines += _category_section(category)
    lines += _problem_section()
    lines += _handling_section()
    lines += _index_section()
    while lines and lines[-1] == "":
        lines.pop()
    return "\n".join(lines) + "\n"
