"""What a service needs to know about the request it serves: who, and under which request id."""

from __future__ import annotations

from dataclasses import dataclass

from stockyard.core.actor import Actor, ActorKind
from stockyard.core.principal import Principal, PrincipalKind

_ACTOR_KINDS = {kind: ActorKind(kind.value) for kind in PrincipalKind}


@dataclass(frozen=True, slots=True)
class Context:
    principal: Principal
    request_id: str

    @property
    def workspace_id(self) -> str:
        return self.principal.workspace_id

    @property
    def warehouse_ids(self) -> frozenset[str] | None:
        """The warehouses the caller may use; None: every warehouse."""
        return self.principal.warehouse_ids

    @property
    def actor(self) -> Actor:
        # Built when asked for, not per request: only writes record an actor.
        return Actor(_ACTOR_KINDS[self.principal.kind], self.principal.id, self.request_id)
