"""The error catalog: every error the API can return, in one place.

Each entry names its HTTP status, its category (`error`), its stable code, the default message
and a one-line description with advice for clients. The HTTP handlers, the OpenAPI responses,
`docs/errors.md` and the client SDK's exception classes are all derived from this module.

This module must stay importable without FastAPI, SQLAlchemy or any server dependency: the
client SDK imports it.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Retry(StrEnum):
    """What a client should do when it receives an error."""

    NEVER = "never"
    AFTER_RETRY_AFTER = "after_retry_after"
    BACKOFF = "backoff"
    REFRESH_TOKEN = "refresh_token"  # noqa: S105 - an advice name, not a secret


@dataclass(frozen=True, slots=True)
class Category:
    """A family of errors sharing one HTTP status (the `error` field)."""

    name: str
    status: int
    title: str
    retry: Retry


@dataclass(frozen=True, slots=True)
class ErrorSpec:
    """One catalog entry (the `code` field)."""

    code: str
    category: Category
    message: str
    description: str
    action: str
    headers: tuple[str, ...] = ()
    retry_advice: Retry | None = None  # overrides the category's advice for this one code

    @property
    def status(self) -> int:
        return self.category.status

    @property
    def error(self) -> str:
        return self.category.name

    @property
    def retry(self) -> Retry:
        return self.retry_advice or self.category.retry


BAD_REQUEST_CATEGORY = Category("bad_request", 400, "Bad Request", Retry.NEVER)
VALIDATION_CATEGORY = Category("validation_error", 400, "Validation Failed", Retry.NEVER)
UNAUTHORIZED_CATEGORY = Category("unauthorized", 401, "Unauthorized", Retry.NEVER)
FORBIDDEN_CATEGORY = Category("forbidden", 403, "Forbidden", Retry.NEVER)
NOT_FOUND_CATEGORY = Category("not_found", 404, "Not Found", Retry.NEVER)
METHOD_CATEGORY = Category("method_not_allowed", 405, "Method Not Allowed", Retry.NEVER)
CONFLICT_CATEGORY = Category("conflict", 409, "Conflict", Retry.NEVER)
GONE_CATEGORY = Category("gone", 410, "Gone", Retry.NEVER)
PRECONDITION_CATEGORY = Category("precondition_failed", 412, "Precondition Failed", Retry.NEVER)
TOO_LARGE_CATEGORY = Category("payload_too_large", 413, "Payload Too Large", Retry.NEVER)
MEDIA_TYPE_CATEGORY = Category("unsupported_media_type", 415, "Unsupported Media Type", Retry.NEVER)
UNPROCESSABLE_CATEGORY = Category("unprocessable_entity", 422, "Unprocessable Entity", Retry.NEVER)
LOCKED_CATEGORY = Category("locked", 423, "Locked", Retry.BACKOFF)
RATE_LIMITED_CATEGORY = Category("rate_limited", 429, "Too Many Requests", Retry.AFTER_RETRY_AFTER)
INTERNAL_CATEGORY = Category("internal_error", 500, "Internal Server Error", Retry.BACKOFF)
NOT_IMPLEMENTED_CATEGORY = Category("not_implemented", 501, "Not Implemented", Retry.NEVER)
UNAVAILABLE_CATEGORY = Category("service_unavailable", 503, "Service Unavailable", Retry.BACKOFF)

CATEGORIES: tuple[Category, ...] = (
    BAD_REQUEST_CATEGORY,
    VALIDATION_CATEGORY,
    UNAUTHORIZED_CATEGORY,
    FORBIDDEN_CATEGORY,
    NOT_FOUND_CATEGORY,
    METHOD_CATEGORY,
    CONFLICT_CATEGORY,
    GONE_CATEGORY,
    PRECONDITION_CATEGORY,
    TOO_LARGE_CATEGORY,
    MEDIA_TYPE_CATEGORY,
    UNPROCESSABLE_CATEGORY,
    LOCKED_CATEGORY,
    RATE_LIMITED_CATEGORY,
    INTERNAL_CATEGORY,
    NOT_IMPLEMENTED_CATEGORY,
    UNAVAILABLE_CATEGORY,
)

_FIX = "Fix the request as the message says, then send it again."

# --- 400 -----------------------------------------------------------------------------------------
BAD_REQUEST = ErrorSpec(
    "bad_request",
    BAD_REQUEST_CATEGORY,
    "The request is malformed.",
    "The request could not be understood as sent.",
    _FIX,
)
MALFORMED_JSON = ErrorSpec(
    "malformed_json",
    BAD_REQUEST_CATEGORY,
    "The request body is not valid JSON.",
    "The body could not be parsed as JSON, or is nested deeper than the server accepts.",
    "Send a well-formed JSON document with Content-Type: application/json.",
)
INVALID_PARAMETER = ErrorSpec(
    "invalid_parameter",
    BAD_REQUEST_CATEGORY,
    "A query or path parameter is invalid.",
    "A query-string or path value has the wrong type, format or range; `param` names it.",
    "Correct the parameter named in `param`.",
)
VALIDATION_ERROR = ErrorSpec(
    "validation_error",
    VALIDATION_CATEGORY,
    "Model validation failed.",
    "The JSON body breaks the schema: a field is missing, of the wrong type, out of range or unknown. "
    'JSON values are taken as sent, never converted: `"5"` is not an integer, `1` is not `true`.',
    "Fix every field listed in `details` (dot paths; `param` names the field when only one fails), "
    "then send the request again.",
)
# --- 401 -----------------------------------------------------------------------------------------
MISSING_CREDENTIALS = ErrorSpec(
    "missing_credentials",
    UNAUTHORIZED_CATEGORY,
    "Authentication credentials were not provided.",
    "The endpoint needs an `Authorization: Bearer <token or API key>` header and none was sent.",
    "Sign in (POST /api/v1/auth/token) or use an API key, and send it as a Bearer credential.",
    headers=("WWW-Authenticate",),
)
INVALID_CREDENTIALS = ErrorSpec(
    "invalid_credentials",
    UNAUTHORIZED_CATEGORY,
    "Email or password incorrect.",
    "The workspace, email and password given to sign in do not match an active member.",
    "Check the workspace slug, email and password. Do not retry automatically.",
    headers=("WWW-Authenticate",),
)
TOKEN_INVALID = ErrorSpec(
    "token_invalid",
    UNAUTHORIZED_CATEGORY,
    "The access token is invalid.",
    "The token is malformed, signed with another key or algorithm, or was revoked.",
    "Sign in again to obtain a new token pair.",
    headers=("WWW-Authenticate",),
)
TOKEN_EXPIRED = ErrorSpec(
    "token_expired",
    UNAUTHORIZED_CATEGORY,
    "The access token has expired.",
    "The access token's lifetime has passed.",
    "Call POST /api/v1/auth/refresh with your refresh token once, then retry the request.",
    headers=("WWW-Authenticate",),
    retry_advice=Retry.REFRESH_TOKEN,
)
REFRESH_TOKEN_REUSED = ErrorSpec(
    "refresh_token_reused",
    UNAUTHORIZED_CATEGORY,
    "Refresh token has already been used.",
    "A refresh token was presented a second time; the whole token family is revoked as a precaution.",
    "Sign in again. Treat this as a sign that a refresh token may have leaked.",
    headers=("WWW-Authenticate",),
)
INVALID_API_KEY = ErrorSpec(
    "invalid_api_key",
    UNAUTHORIZED_CATEGORY,
    "Invalid API key provided.",
    "The API key is unknown or has been revoked.",
    "Check the key, or create a new one; do not retry with the same key.",
    headers=("WWW-Authenticate",),
)
# --- 403 -----------------------------------------------------------------------------------------
INSUFFICIENT_PERMISSIONS = ErrorSpec(
    "insufficient_permissions",
    FORBIDDEN_CATEGORY,
    "Insufficient permissions.",
    "Your role does not grant the permission this endpoint needs.",
    "Ask a workspace administrator for a role with the permission; do not retry.",
)
READ_ONLY = ErrorSpec(
    "read_only",
    FORBIDDEN_CATEGORY,
    "Account is read-only.",
    "The integration (API key) is marked read-only; no write operations are allowed.",
    "Use a key that is not read-only for writes.",
)
INSUFFICIENT_SCOPE = ErrorSpec(
    "insufficient_scope",
    FORBIDDEN_CATEGORY,
    "The API key lacks the scope this endpoint requires.",
    "The API key was not granted the scope (permission) this endpoint needs.",
    "Create a key with the required scope (for example inventory.write).",
)
WAREHOUSE_OUT_OF_SCOPE = ErrorSpec(
    "warehouse_out_of_scope",
    FORBIDDEN_CATEGORY,
    "Warehouse is outside the client's authorized scope.",
    "The warehouse (or a location in it) named by the request is not assigned to this API key.",
    "Use a warehouse the key is scoped to, or widen the key's warehouseIds.",
)
REPORT_ACCESS_DENIED = ErrorSpec(
    "report_access_denied",
    FORBIDDEN_CATEGORY,
    "Report access denied.",
    "Your role does not have access to the requested report.",
    "Ask for a role with reports.financial for financial reports.",
)
EXCEEDED_LIMIT = ErrorSpec(
    "exceeded_limit",
    FORBIDDEN_CATEGORY,
    "Plan limit reached.",
    "The workspace hit a plan limit (items, locations, tags, members, API keys or transfers per month).",
    "Upgrade the workspace plan or reduce usage before retrying.",
)
MISSING_CAPABILITY = ErrorSpec(
    "missing_capability",
    FORBIDDEN_CATEGORY,
    "Your plan does not include this feature.",
    "The workspace's plan does not include the capability this endpoint needs.",
    "Upgrade the workspace plan.",
)
TENANT_MISMATCH = ErrorSpec(
    "tenant_mismatch",
    FORBIDDEN_CATEGORY,
    "The credential does not belong to the requested workspace.",
    "The Stockyard-Workspace header names a workspace other than the credential's.",
    "Send the credential of the workspace you name, or drop the header.",
)
# --- 404 / 405 -----------------------------------------------------------------------------------
NOT_FOUND = ErrorSpec(
    "not_found",
    NOT_FOUND_CATEGORY,
    "The requested resource does not exist.",
    "No resource matches the URL in your workspace. Other workspaces' resources are reported the same way.",
    "Check the id and the route.",
)
METHOD_NOT_ALLOWED = ErrorSpec(
    "method_not_allowed",
    METHOD_CATEGORY,
    "The method is not allowed for this resource.",
    "The route exists but does not accept this HTTP method; the `Allow` header lists those it does.",
    "Use one of the methods in the `Allow` header.",
    headers=("Allow",),
)
# --- 409 -----------------------------------------------------------------------------------------
CONFLICT = ErrorSpec(
    "conflict",
    CONFLICT_CATEGORY,
    "The request conflicts with the current state of the resource.",
    "The request cannot be applied to the resource as it is now.",
    "Fetch the resource, reconcile, and send a corrected request.",
)
DUPLICATE_SKU = ErrorSpec(
    "duplicate_sku",
    CONFLICT_CATEGORY,
    "An item with this SKU already exists.",
    "SKUs are unique per workspace, compared case-insensitively.",
    "Use another SKU, or update the existing item.",
)
LOT_CONFLICT = ErrorSpec(
    "lot_conflict",
    CONFLICT_CATEGORY,
    "This lot exists with other dates.",
    "A lot number is unique per item; its expiry and manufacturing dates are set by its first "
    "receipt and a later receipt that names other dates is refused.",
    "Send the lot's stored dates (GET /api/v1/lots?itemId=...) or none, or use another lot number.",
)
DUPLICATE_SERIAL = ErrorSpec(
    "duplicate_serial",
    CONFLICT_CATEGORY,
    "This serial number is already in stock.",
    "A serial number is one unit: it can be on hand in one place only. `param` names the field and "
    "the message names the serial.",
    "Check the serial (GET /api/v1/serials/{itemId}/{serial}); receive it again only after it was issued.",
)
SLUG_TAKEN = ErrorSpec(
    "slug_taken",
    CONFLICT_CATEGORY,
    "This workspace slug is already taken.",
    "Workspace slugs are unique across the service.",
    "Choose another slug.",
)
DUPLICATE_SHORT_ID = ErrorSpec(
    "duplicate_short_id",
    CONFLICT_CATEGORY,
    "A warehouse with this shortId already exists.",
    "Warehouse shortIds are unique per workspace.",
    "Choose another shortId.",
)
ALREADY_EXISTS = ErrorSpec(
    "already_exists",
    CONFLICT_CATEGORY,
    "The resource already exists.",
    "Another resource already uses the same unique identifier (member email, tag name, location code...).",
    "Use the existing resource or choose another identifier.",
)
ROLE_IN_USE = ErrorSpec(
    "role_in_use",
    CONFLICT_CATEGORY,
    "The role is assigned to members or invites and cannot be deleted.",
    "A role that members or pending invites hold cannot be deleted.",
    "Reassign those members first.",
)
INVITE_PENDING = ErrorSpec(
    "invite_pending",
    CONFLICT_CATEGORY,
    "You have a pending invite to this workspace; accept it first.",
    "The user was invited to the workspace but has not accepted the invite yet.",
    "Accept the invite (POST /api/v1/invites/accept), then retry.",
)
IDEMPOTENCY_KEY_IN_USE = ErrorSpec(
    "idempotency_key_in_use",
    CONFLICT_CATEGORY,
    "A request with this Idempotency-Key is still being processed.",
    "The first request with this key has not completed yet.",
    "Wait briefly and retry with the same key to receive the stored response.",
)
# --- 410 / 412 / 413 / 415 -----------------------------------------------------------------------
INVITE_EXPIRED = ErrorSpec(
    "invite_expired",
    GONE_CATEGORY,
    "The invite has expired.",
    "The invite's expiry time has passed.",
    "Ask a workspace administrator for a new invite.",
)
PRECONDITION_FAILED = ErrorSpec(
    "precondition_failed",
    PRECONDITION_CATEGORY,
    "The resource has changed since you last read it.",
    "The If-Match header does not match the resource's current ETag.",
    "GET the resource again, re-apply your change, and send it with the new ETag.",
)
PAYLOAD_TOO_LARGE = ErrorSpec(
    "payload_too_large",
    TOO_LARGE_CATEGORY,
    "The request body is too large.",
    "The body exceeds the size this route accepts.",
    "Send a smaller body, or split the work into several requests or a bulk job.",
)
UNSUPPORTED_MEDIA_TYPE = ErrorSpec(
    "unsupported_media_type",
    MEDIA_TYPE_CATEGORY,
    "Unsupported media type; send application/json.",
    "The Content-Type of the body is not one this route accepts.",
    "Send the body as application/json (or text/csv where a bulk route accepts it).",
)
# --- 422 -----------------------------------------------------------------------------------------
UNPROCESSABLE_ENTITY = ErrorSpec(
    "unprocessable_entity",
    UNPROCESSABLE_CATEGORY,
    "The request cannot be processed in the current state.",
    "The input is well-formed but breaks a business rule against the current state.",
    "Read the message, change the request or the state, and try again.",
)
LAST_OWNER = ErrorSpec(
    "last_owner",
    UNPROCESSABLE_CATEGORY,
    "A workspace must keep at least one owner.",
    "The change would remove or demote the workspace's last owner.",
    "Make another member an owner first.",
)
INSUFFICIENT_STOCK = ErrorSpec(
    "insufficient_stock",
    UNPROCESSABLE_CATEGORY,
    "Not enough stock available.",
    "The movement would take more units than are available (on hand minus reserved).",
    "Issue at most the available units, or receive stock first.",
)
INVALID_TRANSFER = ErrorSpec(
    "invalid_transfer",
    UNPROCESSABLE_CATEGORY,
    "A transfer needs two different locations.",
    "The transfer's source and destination are the same location.",
    "Choose a different destination.",
)
LOCATION_NOT_EMPTY = ErrorSpec(
    "location_not_empty",
    UNPROCESSABLE_CATEGORY,
    "The location still holds stock.",
    "A location that holds stock cannot be archived.",
    "Move or issue its stock first.",
)
ITEM_HAS_STOCK = ErrorSpec(
    "item_has_stock",
    UNPROCESSABLE_CATEGORY,
    "The item still has stock on hand.",
    "An item with stock on hand cannot be deleted, nor change its cost method or tracking; an item "
    "with ledger entries cannot change its decimals (its quantities would change meaning).",
    "Issue or adjust its stock to zero first, or create a new item (or archive this one).",
)
TRACKING_MISMATCH = ErrorSpec(
    "tracking_mismatch",
    UNPROCESSABLE_CATEGORY,
    "The request does not fit how the item is tracked.",
    "A lot-tracked item is received with `lotNumber`; a serial-tracked item moves with `serials`; an "
    "untracked item takes neither. `param` names the field to add or remove.",
    "Read the item's `tracking` (GET /api/v1/items/{id}) and send the fields it needs.",
)
SERIAL_NOT_AVAILABLE = ErrorSpec(
    "serial_not_available",
    UNPROCESSABLE_CATEGORY,
    "A serial number is not on hand where the request takes it from.",
    "Issues, downward adjustments and transfers take serials that are on hand at their location. The "
    "message names the first serial that is not.",
    "Find the serial (GET /api/v1/serials/{itemId}/{serial}) and move it from where it is.",
)
INVALID_STATE = ErrorSpec(
    "invalid_state",
    UNPROCESSABLE_CATEGORY,
    "The resource is not in a state that allows this action.",
    "For example: completing a cancelled stocktake, or consuming a released reservation.",
    "Read the resource's status and act accordingly.",
)
INVALID_WEBHOOK_URL = ErrorSpec(
    "invalid_webhook_url",
    UNPROCESSABLE_CATEGORY,
    "The webhook URL is not one Stockyard delivers to.",
    "Webhook URLs must use https:// and their host must resolve only to public addresses: not "
    "loopback, private, link-local, multicast, reserved or cloud-metadata ones.",
    "Give a public https:// URL; the message names what was refused (the scheme, or the address the "
    "host resolved to).",
)
IDEMPOTENCY_KEY_REUSED = ErrorSpec(
    "idempotency_key_reused",
    UNPROCESSABLE_CATEGORY,
    "This Idempotency-Key was already used with a different request.",
    "The key was first used with another method, path or body.",
    "Use a new Idempotency-Key for a new request.",
)
# --- 423 / 429 -----------------------------------------------------------------------------------
RESOURCE_LOCKED = ErrorSpec(
    "resource_locked",
    LOCKED_CATEGORY,
    "The resource is locked.",
    "The location is locked by a stocktake in progress.",
    "Wait until the stocktake is completed or cancelled, then retry.",
)
RATE_LIMITED = ErrorSpec(
    "rate_limited",
    RATE_LIMITED_CATEGORY,
    "Rate Limit Exceeded.",
    "The client sent more requests than its plan allows in the window. Applied before any lookup.",
    "Wait the number of seconds in Retry-After, then retry.",
    headers=("Retry-After", "RateLimit-Limit", "RateLimit-Remaining", "RateLimit-Reset"),
)
# --- 5xx -----------------------------------------------------------------------------------------
INTERNAL_ERROR = ErrorSpec(
    "internal_error",
    INTERNAL_CATEGORY,
    "An unexpected error occurred.",
    "Something failed on the server. The details are logged under the request id.",
    "Retry with exponential backoff (at most 3 times); report the requestId if it persists.",
)
NOT_IMPLEMENTED = ErrorSpec(
    "not_implemented",
    NOT_IMPLEMENTED_CATEGORY,
    "This operation is not available on this server.",
    "The endpoint exists, but the requested operation or format is not available here.",
    "Use another format or operation; do not retry.",
)
SERVICE_UNAVAILABLE = ErrorSpec(
    "service_unavailable",
    UNAVAILABLE_CATEGORY,
    "The service is temporarily unavailable.",
    "The service cannot handle the request right now.",
    "Retry after the number of seconds in Retry-After, with exponential backoff.",
    headers=("Retry-After",),
)
DATABASE_UNAVAILABLE = ErrorSpec(
    "database_unavailable",
    UNAVAILABLE_CATEGORY,
    "The database is temporarily unavailable.",
    "The service cannot reach its database. Nothing was changed.",
    "Retry after the number of seconds in Retry-After, with exponential backoff.",
    headers=("Retry-After",),
)
MAINTENANCE = ErrorSpec(
    "maintenance",
    UNAVAILABLE_CATEGORY,
    "The service is down for maintenance.",
    "An operator put the service into maintenance mode.",
    "Retry after the number of seconds in Retry-After.",
    headers=("Retry-After",),
)


def _collect() -> dict[str, ErrorSpec]:
    entries: dict[str, ErrorSpec] = {}
    for value in globals().values():
        if isinstance(value, ErrorSpec):
            if value.code in entries:
                raise RuntimeError(f"duplicate error code in catalog: {value.code}")
            entries[value.code] = value
    return entries


CATALOG: dict[str, ErrorSpec] = _collect()
"""Every catalog entry by code, in declaration order."""


def spec_for(code: str) -> ErrorSpec:
    """The entry for `code`; raises KeyError for a code that is not in the catalog."""
    return CATALOG[code]
