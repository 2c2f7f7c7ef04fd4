"""Base models: camelCase on the wire, unknown input fields rejected (no mass assignment), and
strict types: a JSON body says what it means.

`RequestModel` validates strictly: a string is never an integer (`"5"`), a number never a boolean
(`1`), `"yes"` never `true`, a boolean never an integer. The few fields whose JSON form is a string
that Python-side strict mode would refuse say so with the types below: enumerations are given by
value (`ByValue`), date-times as ISO 8601 strings (`ISO_DATE_TIME`), decimals as a JSON number or a
plain decimal string (`DECIMAL_NUMBER`). Query and path parameters are not bodies and keep their
string parsing, and so do CSV cells of a bulk import (`api/import_rows.py` validates those with
`strict=False`).

Constrained strings say what they accept in words (`in_words`): their length and pattern errors
read "The field shortId must be 1 to 16 characters from A to Z, 0 to 9 and '-'.", never a regex.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import datetime
from decimal import Decimal
from typing import Annotated, Any, ClassVar, Generic, Self, TypeVar, cast

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    Strict,
    TypeAdapter,
    ValidationError,
    ValidatorFunctionWrapHandler,
    WrapValidator,
    field_validator,
    model_validator,
)
from pydantic.alias_generators import to_camel
from pydantic_core import PydanticCustomError


class RequestModel(BaseModel):
    model_config = ConfigDict(
        alias_generator=to_camel,
        validate_by_name=False,
        validate_by_alias=True,
        extra="forbid",
        str_strip_whitespace=True,
        strict=True,
    )

    # Fields that may be omitted but never sent as null.
    non_nullable: ClassVar[frozenset[str]] = frozenset()

    @model_validator(mode="before")
    @classmethod
    def _reject_nulls(cls, data: Any) -> Any:
        if isinstance(data, dict) and cls.non_nullable:
            nulls = [key for key in cls.non_nullable if key in data and data[key] is None]
            if nulls:
                # Reported under the field itself (see api.validation.translate).
                raise field_error(nulls[0], f"The field {nulls[0]} must not be null.")
        return data

    @field_validator("*", mode="after")
    @classmethod
    def _reject_nul_characters(cls, value: Any) -> Any:
        # PostgreSQL text cannot hold U+0000; refuse it as bad input rather than fail at the database.
        if _has_nul(value):
            raise PydanticCustomError("string_nul", "The value must not contain NUL characters.")
        return value

    def sent(self) -> dict[str, Any]:
        """The fields the client actually sent, by Python name."""
        return {name: getattr(self, name) for name in self.model_fields_set}


ChangesT = TypeVar("ChangesT")


class UpdateModel(RequestModel, Generic[ChangesT]):
    """A PATCH body whose fields are all optional, parameterised by the service's change set (a
    TypedDict with no required key: tests/api/test_change_sets.py checks it has exactly these fields)."""

    def changes(self) -> ChangesT:
        """The fields the client sent, as the service's typed change set."""
        return cast(ChangesT, self.sent())


def field_error(field: str, message: str) -> PydanticCustomError:
    """An error a model validator reports under one field of the body (its dot path, `lines.1.itemId`),
    where Pydantic would file it under the model as a whole (see api.validation.translate)."""
    return PydanticCustomError("field_error", "{message}", {"field": field, "message": message})


def each_item_once(entries: Sequence[Any], field: str, already: str) -> None:
    """A body's list whose entries each name an item (transfer lines, counts) names each item once:
    the first repeat fails at `<field>.<index>.itemId` with `already`, where `{first}` is the index
    of the entry that named the item first."""
    seen: dict[str, int] = {}
    for index, entry in enumerate(entries):
        if entry.item_id in seen:
            raise field_error(f"{field}.{index}.itemId", already.format(first=seen[entry.item_id]))
        seen[entry.item_id] = index


def _has_nul(value: Any) -> bool:
    if isinstance(value, str):
        return "\x00" in value
    if isinstance(value, list | tuple | set | frozenset):
        return any(_has_nul(element) for element in value)
    if isinstance(value, dict):
        return any(_has_nul(key) or _has_nul(element) for key, element in value.items())
    return False


_RULE_ERRORS = frozenset({"string_too_short", "string_too_long", "string_pattern_mismatch"})


def in_words(rule: str) -> WrapValidator:
    """Metadata for a constrained string (`Annotated[str, Field(min_length=..., pattern=...), in_words(...)]`):
    a length or pattern failure becomes one `string_rule` error, "The field <name> must be <rule>.".
    The Field keeps the constraints, so OpenAPI still documents them; the message states them in words."""

    def check(value: Any, handler: ValidatorFunctionWrapHandler) -> Any:
        try:
            return handler(value)
        except ValidationError as exc:
            if any(error["type"] in _RULE_ERRORS for error in exc.errors()):
                raise PydanticCustomError(
                    "string_rule", "The value must be {rule}.", {"rule": rule}
                ) from None
            raise

    return WrapValidator(check)


ByValue = Strict(False)
"""Metadata for an enumeration field: its JSON form is the member's string value. (Strict mode
accepts only enum instances from Python input; lax enum validation accepts the values and nothing
else: not numbers, not booleans.)"""

_STARTS_WITH_A_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_LAX_DATE_TIME: TypeAdapter[datetime] = TypeAdapter(datetime)


def _parse_date_time(value: Any) -> Any:
    if isinstance(value, datetime):
        return value
    if not isinstance(value, str):
        raise PydanticCustomError("datetime_type", "The value must be an ISO 8601 date-time.")
    if not _STARTS_WITH_A_DATE.match(value):  # lax parsing would also take a Unix time ("1900000000")
        raise PydanticCustomError("datetime_parsing", "The value must be an ISO 8601 date-time.")
    try:
        return _LAX_DATE_TIME.validate_python(value, strict=False)
    except ValidationError:
        raise PydanticCustomError("datetime_parsing", "The value must be an ISO 8601 date-time.") from None


ISO_DATE_TIME = BeforeValidator(_parse_date_time)
"""Metadata for a date-time field (`Annotated[AwareDatetime, ISO_DATE_TIME]`, or over any datetime
type): sent as an ISO 8601 string ("2030-01-31T12:00:00Z"), not a number of seconds. The string is
parsed first, so the field's own (strict) type checks the time zone and any range it has."""


_DECIMAL = re.compile(r"-?\d+(\.\d+)?")


def _to_decimal(value: Any) -> Any:
    if isinstance(value, Decimal):
        return value
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        raise PydanticCustomError("decimal_type", "The value must be a decimal number.")
    if isinstance(value, str) and not _DECIMAL.fullmatch(value):
        raise PydanticCustomError("decimal_parsing", "The value must be a decimal number.")
    return Decimal(str(value))


DECIMAL_NUMBER = BeforeValidator(_to_decimal)
"""Metadata for a Decimal field, after its constraints (`Annotated[Decimal, Field(...), DECIMAL_NUMBER]`):
sent as a JSON number (`12.5`, `3`) or a plain decimal string (`"12.50"`, which keeps every digit
exact). Not a boolean, not an exponent, blanks or a thousands separator in a string."""


class ResponseModel(BaseModel):
    model_config = ConfigDict(alias_generator=to_camel, validate_by_name=True, validate_by_alias=True)

    @classmethod
    def of(cls, record: Any) -> Self:
        """The body of a domain record: each field is read from the record's attribute of the same name,
        nested bodies too (a `Page` gives a list body its `data` and `next_cursor`). A body whose fields
        are not the record's says how in a `mode="before"` model validator (`schemas/members.py`)."""
        return cls.model_validate(record, from_attributes=True)


# Fields many response bodies share, described once.
CreatedAt = Annotated[datetime, Field(description="When it was created: an ISO 8601 date-time in UTC.")]
UpdatedAt = Annotated[
    datetime,
    Field(description="When it last changed (ISO 8601, UTC); the same as createdAt until its first change."),
]
NextCursor = Annotated[
    str | None,
    Field(
        description="Send as `cursor`, with the same sort and filters, to read the next page; null on "
        "the last page. Opaque."
    ),
]
HasMore = Annotated[bool, Field(description="Whether another page follows (then nextCursor is set).")]


class ListBody(ResponseModel):
    """A page of a list: its rows in `data`, and where the next page starts. Every list answers so."""

    data: list[Any]
    next_cursor: NextCursor
    has_more: HasMore


ActorType = Annotated[
    str,
    Field(
        description="Who did it: `member` (a signed-in user), `api_key`, or `system` (the service itself)."
    ),
]
ActorId = Annotated[
    str | None,
    Field(description="The member's or API key's id; null when the system did it."),
]
RequestId = Annotated[
    str | None,
    Field(
        description="The X-Request-Id of the request that did it (the client's, or `req_...`); null for a job."
    ),
]


def id_of(prefix: str, what: str) -> Any:
    """The `Field` of a resource's id: opaque, `<prefix>_` then 26 characters, ordered by creation."""
    return Field(description=f"The {what}'s id: `{prefix}_` and 26 characters, in order of creation.")
