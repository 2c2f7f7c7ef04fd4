"""The Stockyard Python client (`Client`, `AsyncClient`): a distribution of its own
(`stockyard-client`), which needs httpx and nothing of the server.

    from stockyard_client import Client, UnprocessableEntityError

    with Client("http://127.0.0.1:8000", workspace="acme", email="me@acme.test", password="...") as sy:
        item = sy.items.create(sku="A-1", name="Widget")   # an `Item` (a TypedDict)

Responses are plain dicts typed by the TypedDicts of `stockyard_client.models`, generated from the
server's OpenAPI document; keyword arguments are typed too, so mypy finds a misspelt field.
"""

from stockyard_client._core import JobTimeoutError
from stockyard_client._operations import OPERATIONS
from stockyard_client._version import __version__
from stockyard_client._wire import RequestOptions
from stockyard_client.aio import AsyncClient
from stockyard_client.errors import (
    CATEGORIES,
    CODES,
    ERROR_CLASSES,
    BadRequestError,
    Category,
    ConflictError,
    ErrorCode,
    ForbiddenError,
    GoneError,
    InternalError,
    LockedError,
    MethodNotAllowedError,
    NotFoundError,
    NotImplementedAPIError,
    PayloadTooLargeError,
    PreconditionFailedError,
    RateLimitedError,
    ServiceUnavailableError,
    StockyardAPIError,
    UnauthorizedError,
    UnprocessableEntityError,
    UnsupportedMediaTypeError,
    ValidationError,
    error_from_response,
    raise_for,
)
from stockyard_client.retry import RetryPolicy
from stockyard_client.sync import Client
from stockyard_client.webhooks import WebhookVerificationError, verify_webhook

__all__ = [
    "CATEGORIES",
    "CODES",
    "ERROR_CLASSES",
    "OPERATIONS",
    "AsyncClient",
    "BadRequestError",
    "Category",
    "Client",
    "ConflictError",
    "ErrorCode",
    "ForbiddenError",
    "GoneError",
    "InternalError",
    "JobTimeoutError",
    "LockedError",
    "MethodNotAllowedError",
    "NotFoundError",
    "NotImplementedAPIError",
    "PayloadTooLargeError",
    "PreconditionFailedError",
    "RateLimitedError",
    "RequestOptions",
    "RetryPolicy",
    "ServiceUnavailableError",
    "StockyardAPIError",
    "UnauthorizedError",
    "UnprocessableEntityError",
    "UnsupportedMediaTypeError",
    "ValidationError",
    "WebhookVerificationError",
    "__version__",
    "error_from_response",
    "raise_for",
    "verify_webhook",
]
