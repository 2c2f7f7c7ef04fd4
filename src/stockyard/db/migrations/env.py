"""Alembic environment: always handed a live connection by `stockyard.db.migrate`."""

from __future__ import annotations

from alembic import context

from stockyard.db.tables import metadata

connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError("run migrations with `stockyard migrate`")

context.configure(connection=connection, target_metadata=metadata, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
