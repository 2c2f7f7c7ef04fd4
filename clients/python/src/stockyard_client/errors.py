"""The exceptions the client raises: one class per catalog category, built from error responses.

Catch a category (`except UnprocessableEntityError`) or the base `StockyardAPIError`, then switch
on `error.code` (the stable catalog code), never on `error.message`.
"""

from __future__ import annotations

import builtins
from dataclasses import dataclass
from typing import Any, ClassVar

import httpx

from stockyard_client._catalog import CATEGORIES as _CATEGORY_ROWS
from stockyard_client._catalog import CODES as _CODE_ROWS


@dataclass(frozen=True, slots=True)
class Category:
    """An error category (the envelope's `error`) and its HTTP status."""

    name: str
    status: int
    title: str


@dataclass(frozen=True, slots=True)
class ErrorCode:
    """A code of the error catalog this client version knows: its category, status and message."""

    code: str
    error: str
    status: int
    message: str


CATEGORIES: tuple[Category, ...] = tuple(Category(*row) for row in _CATEGORY_ROWS)
"""Every error category of the catalog, in its order."""
CODES: dict[str, ErrorCode] = {code: ErrorCode(code, *row) for code, row in _CODE_ROWS.items()}
"""Every error code of the catalog, by code."""
_CATEGORY = {category.name: category for category in CATEGORIES}


class StockyardAPIError(Exception):
    """An error response from the Stockyard API (any status >= 400).

    Attributes mirror the error envelope: `status_code`, `error` (category), `code`, `message`,
    `details` (validation_error only), `param` and `request_id`; `response` is the httpx response.
    `str(error)` is `"<status> <code>: <message>"`, then every field of `details` with its messages,
    then the request id.
    """

    category: ClassVar[Category | None] = None

    def __init__(
        self,
        *,
        status_code: int,
        error: str,
        code: str,
        message: str,
        details: dict[str, list[str]] | None = None,
        param: str | None = None,
        request_id: str | None = None,
        response: httpx.Response | None = None,
    ) -> None:
        self.status_code = status_code
        self.error = error
        self.code = code
        self.message = message
        self.details = details
        self.param = param
        self.request_id = request_id
        self.response = response
        fields = "; ".join(f"{field}: {' '.join(messages)}" for field, messages in (details or {}).items())
        super().__init__(
            f"{status_code} {code}: {message}"
            + (f" [{fields}]" if fields else "")
            + (f" (request {request_id})" if request_id else "")
        )

    @property
    def spec(self) -> ErrorCode | None:
        """The catalog entry of `code` (None for a code this client version does not know)."""
        return CODES.get(self.code)

    @property
    def retry_after(self) -> float | None:
        """The `Retry-After` header in seconds, when the response carried one as a number."""
        if self.response is None:
            return None
        value = self.response.headers.get("retry-after")
        try:
            return float(value) if value is not None else None
        except ValueError:
            return None


class BadRequestError(StockyardAPIError):
    """400 `bad_request`: malformed request, JSON or parameter."""

    category = _CATEGORY["bad_request"]


class ValidationError(StockyardAPIError):
    """400 `validation_error`: the body breaks the schema; `details` lists every field."""

    category = _CATEGORY["validation_error"]


class UnauthorizedError(StockyardAPIError):
    """401 `unauthorized`: missing, invalid or expired credentials."""

    category = _CATEGORY["unauthorized"]


class ForbiddenError(StockyardAPIError):
    """403 `forbidden`: permission, scope, read-only, plan limit or capability."""

    category = _CATEGORY["forbidden"]


class NotFoundError(StockyardAPIError):
    """404 `not_found`: nothing with that id in your workspace."""

    category = _CATEGORY["not_found"]


class MethodNotAllowedError(StockyardAPIError):
    """405 `method_not_allowed`."""

    category = _CATEGORY["method_not_allowed"]


class ConflictError(StockyardAPIError):
    """409 `conflict`: duplicates and requests that clash with the current state."""

    category = _CATEGORY["conflict"]


class GoneError(StockyardAPIError):
    """410 `gone`: for example an expired invite."""

    category = _CATEGORY["gone"]


class PreconditionFailedError(StockyardAPIError):
    """412 `precondition_failed`: the If-Match ETag is stale."""

    category = _CATEGORY["precondition_failed"]


class PayloadTooLargeError(StockyardAPIError):
    """413 `payload_too_large`."""

    category = _CATEGORY["payload_too_large"]


class UnsupportedMediaTypeError(StockyardAPIError):
    """415 `unsupported_media_type`."""

    category = _CATEGORY["unsupported_media_type"]


class UnprocessableEntityError(StockyardAPIError):
    """422 `unprocessable_entity`: a business rule, e.g. `insufficient_stock`."""

    category = _CATEGORY["unprocessable_entity"]


class LockedError(StockyardAPIError):
    """423 `locked`: e.g. a location locked by a stocktake."""

    category = _CATEGORY["locked"]


class RateLimitedError(StockyardAPIError):
    """429 `rate_limited`, raised once the client's retries are used up."""

    category = _CATEGORY["rate_limited"]


class InternalError(StockyardAPIError):
    """500 `internal_error`, raised once the client's retries are used up."""

    category = _CATEGORY["internal_error"]


class NotImplementedAPIError(StockyardAPIError):
    """501 `not_implemented`: the operation or format is not available on this server."""

    category = _CATEGORY["not_implemented"]


class ServiceUnavailableError(StockyardAPIError):
    """503 `service_unavailable`, raised once the client's retries are used up."""

    category = _CATEGORY["service_unavailable"]


def class_name(category: Category) -> str:
    """The exception class name of a category: `not_found` -> `NotFoundError`."""
    camel = "".join(part.title() for part in category.name.split("_"))
    name = camel if camel.endswith("Error") else f"{camel}Error"
    return f"{camel}APIError" if hasattr(builtins, name) else name


def _build_classes() -> dict[str, type[StockyardAPIError]]:
    declared = {cls.category.name: cls for cls in StockyardAPIError.__subclasses__() if cls.category}
    classes: dict[str, type[StockyardAPIError]] = {}
    for category in CATEGORIES:
        cls = declared.get(category.name)
        if cls is None:  # a category the catalog gained after this module was written
            cls = type(
                class_name(category), (StockyardAPIError,), {"category": category, "__module__": __name__}
            )
            globals()[cls.__name__] = cls
        classes[category.name] = cls
    return classes


ERROR_CLASSES: dict[str, type[StockyardAPIError]] = _build_classes()
"""Exception class by category name (the envelope's `error`), one for every catalog category."""

_CLASS_BY_STATUS: dict[int, type[StockyardAPIError]] = {}
for _category in reversed(CATEGORIES):
    _CLASS_BY_STATUS[_category.status] = ERROR_CLASSES[_category.name]


def _details_from_problem(errors: Any) -> dict[str, list[str]] | None:
    if not isinstance(errors, list):
        return None
    details: dict[str, list[str]] = {}
    for entry in errors:
        if isinstance(entry, dict):
            field = str(entry.get("pointer", "")).lstrip("/").replace("/", ".")
            details.setdefault(field, []).append(str(entry.get("detail", "")))
    return details


def error_from_response(response: httpx.Response) -> StockyardAPIError:
    """The exception for an error response, in the envelope or problem+json form (or neither)."""
    try:
        body: Any = response.json()
    except ValueError:
        body = None
    request_id = response.headers.get("x-request-id")
    status = response.status_code
    if isinstance(body, dict) and isinstance(body.get("code"), str):
        code: str = body["code"]
        spec = CODES.get(code)
        if "statusCode" in body:  # the envelope
            error = str(body.get("error") or (spec.error if spec else ""))
            message = str(body.get("message", ""))
            details = body.get("details")
        else:  # RFC 9457 problem details
            error = spec.error if spec else ""
            message = str(body.get("detail", ""))
            details = _details_from_problem(body.get("errors"))
        param = body.get("param")
        request_id = body.get("requestId") or request_id
    else:  # not from Stockyard itself (for example a proxy in front of it)
        fallback = _CLASS_BY_STATUS.get(status)
        error = fallback.category.name if fallback and fallback.category else "http_error"
        code = error
        message = response.reason_phrase or f"HTTP {status}"
        details = None
        param = None
    cls = ERROR_CLASSES.get(error) or _CLASS_BY_STATUS.get(status) or StockyardAPIError
    return cls(
        status_code=status,
        error=error,
        code=code,
        message=message,
        details=details if isinstance(details, dict) else None,
        param=param if isinstance(param, str) else None,
        request_id=request_id,
        response=response,
    )


def raise_for(response: httpx.Response) -> None:
    """Raise the matching `StockyardAPIError` subclass if `response` is an error (status >= 400)."""
    if response.status_code >= 400:
        raise error_from_response(response)
