"""The one exception type services raise: an error from the catalog, with specifics."""

from __future__ import annotations

from collections.abc import Mapping

from stockyard.errors.catalog import VALIDATION_ERROR, ErrorSpec

BODY = "body"
"""The `details` key of an error about the request body as a whole (not a field)."""


class StockyardError(Exception):
    """A catalog error raised anywhere below the HTTP layer.

    `message` overrides the catalog's default message with specifics (never secrets);
    `param` names the one parameter the error is about, as a dot path;
    `details` maps fields to messages and is only allowed for `validation_error`;
    `headers` adds response headers the entry declares (for example Retry-After).
    """

    def __init__(
        self,
        spec: ErrorSpec,
        message: str | None = None,
        *,
        param: str | None = None,
        details: Mapping[str, list[str]] | None = None,
        headers: Mapping[str, str] | None = None,
    ) -> None:
        if details is not None and spec is not VALIDATION_ERROR:
            raise ValueError("details are only allowed on validation_error")
        self.spec = spec
        self.message = message or spec.message
        self.param = param
        self.details = dict(details) if details is not None else None
        self.headers = dict(headers or {})
        super().__init__(f"{spec.code}: {self.message}")


def validation_failed(details: Mapping[str, list[str]]) -> StockyardError:
    """A `validation_error` carrying field-level details (dot path → messages).

    When exactly one field fails, `param` names it too, for a client that highlights one form field;
    the body as a whole (`body`) is not a field and gets no `param`.
    """
    fields = list(details)
    param = fields[0] if len(fields) == 1 and fields[0] != BODY else None
    return StockyardError(VALIDATION_ERROR, details=details, param=param)


def field_invalid(param: str, message: str) -> StockyardError:
    """A `validation_error` about one field that only the domain can judge (it depends on stored
    data, such as an item's decimals): `param` names it and `details` carries the message."""
    return StockyardError(VALIDATION_ERROR, message, param=param, details={param: [message]})
