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

The document states what this module enforces for every body (`RequestModel.__get_pydantic_json_schema__`):
a string without a pattern of its own gets one that refuses NUL and, where it has a minimum length,
white space alone (strings are stripped before their length is checked); a field that may be omitted
but not sent as null is documented without `null`. Those patterns are in the document only: the
validators keep their messages ("must not contain NUL characters", "must not be empty").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date, datetime
from decimal import Decimal
from typing import Annotated, Any, ClassVar, Generic, Self, TypeVar, cast

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    GetJsonSchemaHandler,
    Strict,
    TypeAdapter,
    ValidationError,
    ValidatorFunctionWrapHandler,
    WrapValidator,
    field_validator,
    model_validator,
)
from pydantic.alias_generators import to_camel
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import CoreSchema, PydanticCustomError

# What `str_strip_whitespace` strips (Unicode White_Space, as pydantic-core trims), spelled out
# because `\s` means a different set in each regex dialect that reads the document.
WHITESPACE = r"\t-\r \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000"
NO_NUL_PATTERN = r"^[^\x00]*$"
"""The document's pattern for free text that may be blank: anything but NUL."""


def trimmed_text_pattern(min_length: int) -> str:
    """The document's pattern for a body string that is stripped of white space and must then be at
    least `min_length` characters long, without NUL: what `RequestModel` enforces."""
    visible = rf"[^\x00{WHITESPACE}]"
    if min_length <= 1:
        return rf"^[^\x00]*{visible}[^\x00]*$"
    return rf"^[{WHITESPACE}]*{visible}[^\x00]{{{min_length - 2},}}{visible}[{WHITESPACE}]*$"


# A string schema with any of these already says what it accepts (and none of them admits NUL).
_SELF_DESCRIBED = ("pattern", "enum", "const", "format", "$ref")


def _document_text_rules(node: dict[str, Any]) -> None:
    """Adds the NUL and blank refusals to every string in `node` (a property's schema) that does
    not describe its own shape: its branches (`T | None`) and list entries included."""
    for key in ("anyOf", "oneOf"):
        for branch in node.get(key, ()):
            _document_text_rules(branch)
    if node.get("type") == "array" and isinstance(node.get("items"), dict):
        _document_text_rules(node["items"])
    if node.get("type") == "string" and node.get("format") == "date-time":
        node.setdefault("maxLength", MAX_DATE_TIME_TEXT)  # ISO_DATE_TIME refuses longer ones
    if node.get("type") == "string" and not any(key in node for key in _SELF_DESCRIBED):
        min_length = int(node.get("minLength", 0))
        node["pattern"] = trimmed_text_pattern(min_length) if min_length else NO_NUL_PATTERN


def _drop_null(node: dict[str, Any]) -> None:
    """`T | None` → `T`, for a field that may be omitted but is refused as null."""
    branches = node.get("anyOf")
    if branches is None:
        return
    kept = [branch for branch in branches if branch.get("type") != "null"]
    node.pop("default", None)
    if len(kept) == 1:
        del node["anyOf"]
        node.update(kept[0])
    else:
        node["anyOf"] = kept


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

    @classmethod
    def __get_pydantic_json_schema__(
        cls, core_schema: CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        json_schema = handler(core_schema)
        properties: dict[str, Any] = handler.resolve_ref_schema(json_schema).get("properties", {})
        for name, field in cls.model_fields.items():
            node = properties.get(field.alias or name)
            if node is None:
                continue
            if name in cls.non_nullable:
                _drop_null(node)
            _document_text_rules(node)
        return json_schema

    @model_validator(mode="before")
    @classmethod
    def _reject_nulls(cls, data: Any) -> Any:
        if isinstance(data, dict) and cls.non_nullable:
            # The body names fields by alias (`shortId`), `non_nullable` by Python name (`short_id`).
            wire_names = sorted(cls.model_fields[name].alias or name for name in cls.non_nullable)
            nulls = [key for key in wire_names if key in data and data[key] is None]
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
MAX_DATE_TIME_TEXT = 64
"""The longest date-time string read ("2030-01-31T12:00:00.123456+05:30" is 32 characters): past it,
digits the parser would drop, so it is refused like any malformed date-time, as the document says."""
_LAX_DATE_TIME: TypeAdapter[datetime] = TypeAdapter(datetime)


def _parse_date_time(value: Any) -> Any:
    if isinstance(value, datetime):
        return value
    if not isinstance(value, str):
        raise PydanticCustomError("datetime_type", "The value must be an ISO 8601 date-time.")
    # Lax parsing would also take a Unix time ("1900000000"), and any number of fractional digits.
    if len(value) > MAX_DATE_TIME_TEXT or not _STARTS_WITH_A_DATE.match(value):
        raise PydanticCustomError("datetime_parsing", "The value must be an ISO 8601 date-time.")
    try:
        return _LAX_DATE_TIME.validate_python(value, strict=False)
    except ValidationError:
        raise PydanticCustomError("datetime_parsing", "The value must be an ISO 8601 date-time.") from None


_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def _parse_date(value: Any) -> Any:
    if isinstance(value, date) and not isinstance(value, datetime):
        return value
    if not isinstance(value, str) or not _DATE.fullmatch(value):
        raise PydanticCustomError("date_parsing", "The value must be a date (YYYY-MM-DD).")
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise PydanticCustomError("date_parsing", "The value must be a date (YYYY-MM-DD).") from None


ISO_DATE = BeforeValidator(_parse_date)
"""Metadata for a calendar date field (`Annotated[date, ISO_DATE]`): sent as "YYYY-MM-DD"."""

ISO_DATE_TIME = BeforeValidator(_parse_date_time)
"""Metadata for a date-time field (`Annotated[AwareDatetime, ISO_DATE_TIME]`, or over any datetime
type): sent as an ISO 8601 string ("2030-01-31T12:00:00Z"), not a number of seconds. The string is
parsed first, so the field's own (strict) type checks the time zone and any range it has."""


_DECIMAL = re.compile(r"-?\d+(\.\d+)?")
MAX_DECIMAL_TEXT = 40
"""The longest decimal string read: far more digits than any decimal field keeps, so a longer one
(zeros padding it) is refused like a malformed one, and the document can state a maxLength."""


def _to_decimal(value: Any) -> Any:
    if isinstance(value, Decimal):
        return value
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        raise PydanticCustomError("decimal_type", "The value must be a decimal number.")
    if isinstance(value, str) and (len(value) > MAX_DECIMAL_TEXT or not _DECIMAL.fullmatch(value)):
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
