"""The per-account budget of failed sign-ins: password guessing spread over many addresses.

The per-IP budgets stop one address from guessing; an attacker with many addresses (a botnet, a
cloud's address pool) could still try ten passwords a minute per address against one account.
This budget counts failed sign-ins per account — workspace and email, from every address
together — `failures` per `window_seconds` (moving window), shared by every process when the
limiter is on Redis.

* **Reserved before, settled after.** A sign-in takes one slot of its account's budget before its
  password is verified, so a thousand guesses sent at once cannot all slip through while the
  count is below the limit. When the answer is known the slot is settled: a wrong password keeps
  it; anything that did not fail on the password (signed in, invite pending, an invalid body, a
  database that could not be reached) gives it back. A successful sign-in gives back only its own
  slot: it resets nobody's count, least of all an attacker's.
* **Unknown accounts count the same**, so the budget tells nothing about which emails exist.
* **Lock-out.** While an account's budget is spent, sign-ins to it from new addresses get 429
  `rate_limited` (a right password too: letting it through would tell the attacker that it is
  right). Keeping an account locked costs an attacker `failures` wrong passwords per window,
  each through the per-IP budgets; refused attempts are not counted, so the lock ends at most one
  window after the last counted failure. What an attacker cannot do is lock a member out of where
  they work: an address the account signed in from successfully within `KNOWN_ADDRESS_SECONDS`
  (30 days) is exempt from this budget (still under the per-IP ones) and its failures are not
  counted here. The price: an attacker behind the same address as the member (an office NAT, a
  carrier-grade NAT) is held back by the per-IP budget only.

Keys hold digests only: no email or address is stored in the clear.
"""

from __future__ import annotations

import enum
import hashlib
from dataclasses import dataclass

from stockyard.traffic.rate_limits import Budget, Decision, RateLimiter

KNOWN_ADDRESS_SECONDS = 30 * 24 * 3600


class Outcome(enum.Enum):
    SIGNED_IN = "signed_in"  # the slot is given back; the address becomes known
    FAILED = "failed"  # a wrong password (or an answer that may have followed one): kept
    UNCHECKED = "unchecked"  # the password was not found wrong: the slot is given back


def _digest(*parts: str) -> str:
    return hashlib.sha256("\0".join(parts).encode()).hexdigest()[:32]


def account_of(workspace: str, email: str) -> str:
    """The account a sign-in is for, normalised at least as much as the sign-in itself is."""
    return _digest(workspace.strip().lower(), email.strip().lower())


@dataclass(frozen=True, slots=True)
class Attempt:
    account: str
    address: str
    decision: Decision | None  # None: a known address, outside this budget

    @property
    def refused(self) -> bool:
        return self.decision is not None and not self.decision.allowed


class AccountBudget:
    def __init__(self, limiter: RateLimiter, *, failures: int, window_seconds: int) -> None:
        self._limiter = limiter
        self.budget = Budget(failures, window_seconds, exact=True)

    def _slots(self, account: str) -> str:
        return f"login-account:{account}"

    def _known(self, account: str, address: str) -> str:
        return f"login-known:{_digest(account, address)}"

    async def attempt(self, account: str, address: str) -> Attempt:
        """Reserve a slot for one sign-in to `account` from `address` (unless the address is known)."""
        if await self._limiter.remembers(self._known(account, address)):
            return Attempt(account, address, None)
        return Attempt(account, address, await self._limiter.take(self._slots(account), self.budget))

    async def settle(self, attempt: Attempt, outcome: Outcome) -> None:
        if attempt.decision is not None and attempt.decision.allowed and outcome is not Outcome.FAILED:
            await self._limiter.give_back(self._slots(attempt.account), self.budget)
        if outcome is Outcome.SIGNED_IN:
            await self._limiter.remember(self._known(attempt.account, attempt.address), KNOWN_ADDRESS_SECONDS)
