"""Base models: camelCase on the wire, unknown input fields rejected (no mass assignment)."""

from __future__ import annotations

from typing import Any, ClassVar

from pydantic import BaseModel, ConfigDict, field_validator, model_validator
from pydantic.alias_generators import to_camel
from pydantic_core import PydanticCustomError


class RequestModel(BaseModel):
    model_config = ConfigDict(
        alias_generator=to_camel,
        validate_by_name=False,
        validate_by_alias=True,
        extra="forbid",
        str_strip_whitespace=True,
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
                raise PydanticCustomError(
                    "null_not_allowed", "The field {field} must not be null.", {"field": nulls[0]}
                )
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


def _has_nul(value: Any) -> bool:
    if isinstance(value, str):
        return "\x00" in value
    if isinstance(value, list | tuple | set | frozenset):
        return any(_has_nul(element) for element in value)
    if isinstance(value, dict):
        return any(_has_nul(key) or _has_nul(element) for key, element in value.items())
    return False


class ResponseModel(BaseModel):
    model_config = ConfigDict(alias_generator=to_camel, validate_by_name=True, validate_by_alias=True)
