"""Who did a write, as the audit trail and the ledger record it: a member, an API key or the system.

A request's `Context` and a bulk job's `JobContext` both provide an `Actor`; a write from the
command line acts as the system (`SystemContext`). Standard library only, so that any layer can
use it.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Protocol, TypedDict


class ActorKind(StrEnum):
    MEMBER = "member"
    API_KEY = "api_key"
    SYSTEM = "system"  # the operator, from the command line


@dataclass(frozen=True, slots=True)
class Actor:
    kind: ActorKind
    id: str | None  # membership id or API key id; None for the system
    request_id: str | None  # the request that caused the write; None from the command line


SYSTEM = Actor(ActorKind.SYSTEM, None, None)


class ActorColumns(TypedDict):
    """Who wrote a row, as the rows that record it (ledger, audit, transfers, …) store it."""

    actor_type: str
    actor_id: str | None


def columns(actor: Actor) -> ActorColumns:
    return {"actor_type": actor.kind.value, "actor_id": actor.id}


class Acting(Protocol):
    """Whatever writes on behalf of an actor in one workspace."""

    @property
    def workspace_id(self) -> str: ...

    @property
    def actor(self) -> Actor: ...


@dataclass(frozen=True, slots=True)
class SystemContext:
    """The operator acting on one workspace from the command line (no request, no principal)."""

    workspace_id: str
    actor: Actor = SYSTEM
