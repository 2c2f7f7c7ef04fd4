"""The event catalogue: the `data` of each event type, declared once. `outbox.emit` checks every
event's data against it, and docs/events.md is generated from it (`stockyard docs events`)."""

from __future__ import annotations

import functools
import json
import typing
from typing import Any, TypedDict

from stockyard.events.model import EventType


class ItemData(TypedDict):
    itemId: str
    sku: str
    name: str
    version: int


class ItemUpdatedData(ItemData):
    changed: list[str]


# A quantity in the item's unit: an integer, or a number with the item's decimals (2.375).
Quantity = int | float


class MovementLotData(TypedDict):
    lotId: str
    lotNumber: str
    expiresOn: str | None
    units: Quantity


class MovementData(TypedDict):
    movementId: str
    type: str
    itemId: str
    locationId: str
    warehouseId: str
    units: Quantity
    balanceAfter: Quantity
    reference: str | None
    lots: list[MovementLotData]
    serials: list[str]


class StockChangedData(TypedDict):
    itemId: str
    locationId: str
    warehouseId: str
    onHand: Quantity
    reserved: Quantity
    available: Quantity
    movementId: str | None


class StockLowData(TypedDict):
    itemId: str
    sku: str
    available: Quantity
    reorderPoint: int


class LotExpiringData(TypedDict):
    lotId: str
    itemId: str
    sku: str
    lotNumber: str
    expiresOn: str
    onHand: Quantity


class TransferLineData(TypedDict):
    itemId: str
    units: Quantity


class TransferData(TypedDict):
    transferId: str
    fromLocationId: str
    toLocationId: str
    lines: list[TransferLineData]


class ReservationData(TypedDict):
    reservationId: str
    itemId: str
    locationId: str
    units: Quantity
    lotNumber: str | None
    status: str


class StocktakeData(TypedDict):
    stocktakeId: str
    locationId: str
    status: str


class StocktakeCompletedData(StocktakeData):
    adjustments: int


class JobData(TypedDict):
    jobId: str
    kind: str
    status: str
    succeeded: int
    failed: int
    dryRun: bool


class MemberData(TypedDict):
    memberId: str
    email: str
    role: str


class MemberUpdatedData(MemberData):
    previousRole: str


class ApiKeyData(TypedDict):
    apiKeyId: str
    name: str
    prefix: str


class WebhookTestData(TypedDict):
    endpointId: str


class WebhookEndpointDisabledData(TypedDict):
    endpointId: str
    url: str
    reason: str


_ITEM = {"itemId": "itm_01JD8Z6W4Q3N7R2T5V8X0Y1Z2A", "sku": "BOLT-M6", "name": "Hex bolt M6", "version": 2}
_PLACE = {"itemId": _ITEM["itemId"], "locationId": "loc_01JD8Z7A1B2C3D4E5F6G7H8J9K"}


# Each type: what it means, its data's shape, and an example of that data.
CATALOG: dict[EventType, tuple[str, type, dict[str, Any]]] = {
    EventType.ITEM_CREATED: (
        "An item was created (also by a bulk import).",
        ItemData,
        {**_ITEM, "version": 1},
    ),
    EventType.ITEM_UPDATED: (
        "An item changed; `changed` names the fields.",
        ItemUpdatedData,
        {**_ITEM, "changed": ["name", "reorderPoint"]},
    ),
    EventType.ITEM_ARCHIVED: ("An item was archived.", ItemData, _ITEM),
    EventType.ITEM_DELETED: ("An item was deleted; its ledger is kept.", ItemData, _ITEM),
    EventType.STOCK_CHANGED: (
        "On hand or reserved units of an item at a location changed; `movementId` is the movement "
        "that changed them, null when a reservation did.",
        StockChangedData,
        {
            **_PLACE,
            "warehouseId": "wh_01JD8Z79XKQ4M2N3P5R6S7T8V9",
            "onHand": 40,
            "reserved": 5,
            "available": 35,
            "movementId": "mov_01JD8Z8C2D3E4F5G6H7J8K9M0N",
        },
    ),
    EventType.STOCK_LOW: (
        "An item's available units, over all locations, fell to or below its reorder point (once "
        "per crossing).",
        StockLowData,
        {"itemId": _ITEM["itemId"], "sku": "BOLT-M6", "available": 8, "reorderPoint": 10},
    ),
    EventType.MOVEMENT_CREATED: (
        "A movement was written to the ledger.",
        MovementData,
        {
            "movementId": "mov_01JD8Z8C2D3E4F5G6H7J8K9M0N",
            "type": "receive",
            **_PLACE,
            "warehouseId": "wh_01JD8Z79XKQ4M2N3P5R6S7T8V9",
            "units": 40,
            "balanceAfter": 40,
            "reference": "PO-1042",
            "lots": [
                {
                    "lotId": "lot_01JD8Z8D3E4F5G6H7J8K9M0N1P",
                    "lotNumber": "L-2026-11",
                    "expiresOn": "2027-05-31",
                    "units": 40,
                }
            ],
            "serials": [],
        },
    ),
    EventType.LOT_EXPIRING: (
        "A lot with units on hand came within the expiry warning window "
        "(STOCKYARD_LOT_EXPIRY_WARNING_DAYS, 30 days unless set); once per lot.",
        LotExpiringData,
        {
            "lotId": "lot_01JD8Z8D3E4F5G6H7J8K9M0N1P",
            "itemId": _ITEM["itemId"],
            "sku": "BOLT-M6",
            "lotNumber": "L-2026-11",
            "expiresOn": "2027-05-31",
            "onHand": 40,
        },
    ),
    EventType.TRANSFER_CREATED: (
        "Stock moved between two locations (each location also has its stock.changed).",
        TransferData,
        {
            "transferId": "trf_01JD8Z9D3E4F5G6H7J8K9M0N1P",
            "fromLocationId": _PLACE["locationId"],
            "toLocationId": "loc_01JD8Z9E4F5G6H7J8K9M0N1P2Q",
            "lines": [{"itemId": _ITEM["itemId"], "units": 12}],
        },
    ),
    **{
        type: (
            f"A reservation was {type.value.split('.')[1]}.",
            ReservationData,
            {
                "reservationId": "res_01JD8ZA5F6G7H8J9K0M1N2P3Q4",
                **_PLACE,
                "units": 5,
                "lotNumber": None,
                "status": {"created": "active"}.get(type.value.split(".")[1], type.value.split(".")[1]),
            },
        )
        for type in (
            EventType.RESERVATION_CREATED,
            EventType.RESERVATION_RELEASED,
            EventType.RESERVATION_CONSUMED,
            EventType.RESERVATION_EXPIRED,
        )
    },
    EventType.STOCKTAKE_STARTED: (
        "A stocktake started; its location is locked against stock writes.",
        StocktakeData,
        {
            "stocktakeId": "stk_01JD8ZB6G7H8J9K0M1N2P3Q4R5",
            "locationId": _PLACE["locationId"],
            "status": "open",
        },
    ),
    EventType.STOCKTAKE_COMPLETED: (
        "A stocktake's differences were posted as count movements; `adjustments` is how many.",
        StocktakeCompletedData,
        {
            "stocktakeId": "stk_01JD8ZB6G7H8J9K0M1N2P3Q4R5",
            "locationId": _PLACE["locationId"],
            "status": "completed",
            "adjustments": 2,
        },
    ),
    EventType.STOCKTAKE_CANCELLED: (
        "A stocktake was cancelled; nothing was posted.",
        StocktakeData,
        {
            "stocktakeId": "stk_01JD8ZB6G7H8J9K0M1N2P3Q4R5",
            "locationId": _PLACE["locationId"],
            "status": "cancelled",
        },
    ),
    EventType.JOB_FINISHED: (
        "A bulk job finished (succeeded, or failed with per-row errors).",
        JobData,
        {
            "jobId": "job_01JD8ZC7H8J9K0M1N2P3Q4R5S6",
            "kind": "items.import",
            "status": "succeeded",
            "succeeded": 250,
            "failed": 0,
            "dryRun": False,
        },
    ),
    EventType.MEMBER_JOINED: (
        "Someone accepted an invite (the actor is the new member).",
        MemberData,
        {"memberId": "mem_01JD8ZD8J9K0M1N2P3Q4R5S6T7", "email": "ida@example.com", "role": "viewer"},
    ),
    EventType.MEMBER_UPDATED: (
        "A member's role changed.",
        MemberUpdatedData,
        {
            "memberId": "mem_01JD8ZD8J9K0M1N2P3Q4R5S6T7",
            "email": "ida@example.com",
            "role": "clerk",
            "previousRole": "viewer",
        },
    ),
    EventType.MEMBER_REMOVED: (
        "A member was removed from the workspace.",
        MemberData,
        {"memberId": "mem_01JD8ZD8J9K0M1N2P3Q4R5S6T7", "email": "ida@example.com", "role": "clerk"},
    ),
    EventType.API_KEY_CREATED: (
        "An API key was created (never its secret).",
        ApiKeyData,
        {"apiKeyId": "key_01JD8ZE9K0M1N2P3Q4R5S6T7V8", "name": "shop sync", "prefix": "sy_live_AbCd"},
    ),
    EventType.API_KEY_REVOKED: (
        "An API key was revoked.",
        ApiKeyData,
        {"apiKeyId": "key_01JD8ZE9K0M1N2P3Q4R5S6T7V8", "name": "shop sync", "prefix": "sy_live_AbCd"},
    ),
    EventType.WEBHOOK_ENDPOINT_DISABLED: (
        "A webhook endpoint was disabled after its deliveries had all failed for 3 days.",
        WebhookEndpointDisabledData,
        {
            "endpointId": "whe_01JD8ZF0M1N2P3Q4R5S6T7V8W9",
            "url": "https://erp.example.com/hooks/stockyard",
            "reason": "Every delivery failed for 3 days.",
        },
    ),
    EventType.WEBHOOK_TEST: (
        "Sent by POST /api/v1/webhook-endpoints/{endpointId}/test.",
        WebhookTestData,
        {"endpointId": "whe_01JD8ZF0M1N2P3Q4R5S6T7V8W9"},
    ),
}


@functools.cache
def data_keys(type: EventType) -> frozenset[str]:
    """The keys `type`'s data has (read from its TypedDict once: `emit` checks every event)."""
    return frozenset(typing.get_type_hints(CATALOG[type][1]))


_JSON_NAMES = {str: "string", int: "integer", float: "number", bool: "boolean", type(None): "null"}


def _field_type(annotation: Any) -> str:
    """A field's JSON type in words: `string`, `string or null`, `list of TransferLine`."""
    if annotation in _JSON_NAMES:
        return _JSON_NAMES[annotation]
    origin, args = typing.get_origin(annotation), typing.get_args(annotation)
    if origin is list:
        return f"list of {_field_type(args[0])}"
    if args:
        return " or ".join(_field_type(arg) for arg in args)
    return str(getattr(annotation, "__name__", annotation)).removesuffix("Data")


def generate() -> str:
    """docs/events.md."""
    lines = [
        "# Events",
        "",
        "<!-- Generated by `stockyard docs events` from src/stockyard/events/catalog.py: do not edit. -->",
        "",
        "Every state change writes an event in the same database transaction as the change: a change",
        "that is rolled back has no event, and a committed one always has its events. Read them from",
        "the change feed (`GET /api/v1/events?after=<cursor>&types=…`, in commit order, kept",
        "`STOCKYARD_EVENT_RETENTION_DAYS` days) or receive them by webhook (docs/webhooks.md): the",
        "body is the same JSON either way:",
        "",
        "```json",
        json.dumps(
            {
                "id": "evt_01JD8ZG1N2P3Q4R5S6T7V8W9X0",
                "type": "stock.changed",
                "createdAt": "2026-12-04T11:30:00.123456Z",
                "requestId": "req_01JD8ZG1N2P3Q4R5S6T7V8W9X1",
                "actor": {"kind": "api_key", "id": "key_01JD8ZE9K0M1N2P3Q4R5S6T7V8"},
                "data": CATALOG[EventType.STOCK_CHANGED][2],
            },
            indent=2,
        ),
        "```",
        "",
        "`actor.kind` is `member`, `api_key` or `system`; `requestId` is the request that made the",
        "change (a bulk job's events carry the submitting request's). A warehouse-scoped API key sees",
        "the events of its warehouses and the workspace-wide ones; `member.*` and `api_key.*` events",
        "are shown only to callers who manage members or API keys.",
        "",
        "## Types",
        "",
    ]
    for type, (meaning, shape, example) in CATALOG.items():
        hints = typing.get_type_hints(shape)
        fields = ", ".join(f"`{name}` ({_field_type(kind)})" for name, kind in hints.items())
        lines += [
            f"### `{type.value}`",
            "",
            meaning,
            "",
            f"Data: {fields}.",
            "",
            "```json",
            json.dumps(example, indent=2),
            "```",
            "",
        ]
    return "\n".join(lines)
