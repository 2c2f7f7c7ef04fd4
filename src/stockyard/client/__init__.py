"""The Stockyard Python client (`Client`, `AsyncClient`).

It imports nothing of the server but `stockyard.errors.catalog`, from which its exception classes
(one per error category) are derived.

    from stockyard.client import Client, UnprocessableEntityError

    with Client("http://127.0.0.1:8000", workspace="acme", email="me@acme.test", password="...") as sy:
        item = sy.items.create(sku="A-1", name="Widget")
"""

from stockyard.client._core import JobTimeoutError
from stockyard.client.aio import AsyncClient
from stockyard.client.errors import (
    ERROR_CLASSES,
    BadRequestError,
    ConflictError,
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
from stockyard.client.retry import RetryPolicy
from stockyard.client.sync import Client

__all__ = [
    "ERROR_CLASSES",
    "AsyncClient",
    "BadRequestError",
    "Client",
    "ConflictError",
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
    "RetryPolicy",
    "ServiceUnavailableError",
    "StockyardAPIError",
    "UnauthorizedError",
    "UnprocessableEntityError",
    "UnsupportedMediaTypeError",
    "ValidationError",
    "error_from_response",
    "raise_for",
]
