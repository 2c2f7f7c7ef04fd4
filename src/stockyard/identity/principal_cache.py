"""The in-process cache of principals, of API keys and of members' tokens: what a credential may
do, remembered for at most 1 second.

Looking a key up costs a statement (a join of the key and its workspace) on every request; for a
client sending many requests a second, most of those lookups find what the last one found. Each
process remembers a key's principal (under the digest of its secret) for `TTL_SECONDS`, so:

* **The bound.** A change to a key made through *another* process (or the CLI, or SQL) is seen
  here within `TTL_SECONDS` (1 s) of its commit: a revoked key keeps working for at most one
  second, and so do a workspace's old plan and slug on its keys' requests.
* **This process's own changes are immediate.** A transaction of this process that updates or
  deletes rows of a table a principal is read from (keys, memberships, roles, token families,
  workspaces: `PRINCIPAL_TABLES`) calls `forget_principals()` after its commit, whatever code path
  made it (`db.database.on_committed_change`). A lookup that was already reading when that
  happened does not store its (possibly older) answer: entries are stored only if no
  `forget_principals()` ran since the lookup began (a process-wide generation number).
* **Failures are never cached**: an unknown or revoked key is looked up every time (so a key made
  a moment ago works at once), and a database that cannot be reached is still a 503 for any request
  not answered from the cache and for every route that reads the database itself.
* **Bounded.** At most `MAX_ENTRIES` keys; when full, lapsed entries go, and if none has lapsed,
  all of them (a full cache is a burst of distinct keys, which gains nothing from it).

Members' access tokens are cached the same way, under their membership, workspace and token
family: a signed-out session, a removed member or a changed role is refused or narrowed at once by
this process and within 1 s by the others. The token's signature and expiry are checked on every
request before the cache is asked.
"""

from __future__ import annotations

import time
from collections.abc import Awaitable, Callable

from stockyard.core.principal import Principal
from stockyard.db.database import on_committed_change
from stockyard.db.tables import api_keys, memberships, roles, token_families, workspaces

TTL_SECONDS = 1.0
MAX_ENTRIES = 10_000
monotonic = time.monotonic  # the cache's clock (tests move it forward)

_generation = 0


def forget_principals() -> None:
    """Every cache of this process forgets what it holds (after a change to keys or workspaces
    committed). Also stops lookups begun before it from storing their answers."""
    global _generation
    _generation += 1


PRINCIPAL_TABLES = (api_keys, memberships, roles, token_families, workspaces)
on_committed_change(PRINCIPAL_TABLES, forget_principals)


class PrincipalCache:
    def __init__(self, ttl_seconds: float = TTL_SECONDS, max_entries: int = MAX_ENTRIES) -> None:
        self._ttl = ttl_seconds
        self._max_entries = max_entries
        self._entries: dict[str, tuple[float, Principal]] = {}
        self._generation = _generation

    def _current(self) -> None:
        if self._generation != _generation:
            self._entries.clear()
            self._generation = _generation

    async def get_or_load(self, key: str, load: Callable[[], Awaitable[Principal]]) -> Principal:
        """The principal remembered under `key`, else `load()`'s (remembered if it returned one)."""
        self._current()
        now = monotonic()
        entry = self._entries.get(key)
        if entry is not None and entry[0] > now:
            return entry[1]
        began = _generation
        # The entry lapses TTL after the lookup *began*: whatever it read is at most that old.
        expires = monotonic() + self._ttl
        principal = await load()  # raises for an unknown key or an unreachable database: not stored
        if began == _generation:
            self._store(key, principal, expires)
        return principal

    def _store(self, key: str, principal: Principal, expires: float) -> None:
        self._current()
        if len(self._entries) >= self._max_entries and key not in self._entries:
            now = monotonic()
            for lapsed in [name for name, (until, _) in self._entries.items() if until <= now]:
                del self._entries[lapsed]
            if len(self._entries) >= self._max_entries:
                self._entries.clear()
        self._entries[key] = (expires, principal)

    def __len__(self) -> int:
        return len(self._entries)
