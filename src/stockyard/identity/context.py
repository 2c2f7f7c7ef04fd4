"""What a service needs to know about the request it serves: who, and under which request id."""

from __future__ import annotations

from dataclasses import dataclass

from stockyard.identity.principal import Principal


@dataclass(frozen=True, slots=True)
class Context:
    principal: Principal
    request_id: str

    @property
    def workspace_id(self) -> str:
        return self.principal.workspace_id
