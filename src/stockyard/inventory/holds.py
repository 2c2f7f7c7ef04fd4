"""What a reservation holds: the one definition of "held", shared by the ledger and the lots."""

from __future__ import annotations

from typing import Any

from sqlalchemy import ColumnElement, and_

from stockyard.db.tables import reservations


def holding(now: Any) -> ColumnElement[bool]:
    """A reservation holds its units while it is active and not yet expired at `now`.

    The one definition of "held": expired holds stop counting by this comparison alone.
    """
    return and_(reservations.c.status == "active", reservations.c.expires_at > now)
