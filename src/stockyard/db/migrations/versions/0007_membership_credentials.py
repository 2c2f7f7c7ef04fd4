"""membership credentials: the password and display name move from the user to each membership

A user record only groups memberships by email; a password is set through one workspace's sign-up
or invite and signs in to that workspace alone (docs/access-control.md, "Accounts"). Existing
memberships keep the password and name their user had, so every member signs in as before.

Revision ID: 0007_membership_credentials
Revises: 0006_usage_counters
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007_membership_credentials"
down_revision = "0006_usage_counters"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("memberships") as batch:
        batch.add_column(sa.Column("name", sa.String(length=200), nullable=True))
        batch.add_column(sa.Column("password_hash", sa.String(length=200), nullable=True))
    users = sa.table(
        "users",
        sa.column("id", sa.String()),
        sa.column("name", sa.String()),
        sa.column("password_hash", sa.String()),
    )
    memberships = sa.table(
        "memberships",
        sa.column("user_id", sa.String()),
        sa.column("status", sa.String()),
        sa.column("name", sa.String()),
        sa.column("password_hash", sa.String()),
    )
    owner = users.c.id == memberships.c.user_id
    op.execute(memberships.update().values(name=sa.select(users.c.name).where(owner).scalar_subquery()))
    # Only an active membership signs in; an invited one gets its password when it is accepted.
    op.execute(
        memberships.update()
        .where(memberships.c.status == "active")
        .values(password_hash=sa.select(users.c.password_hash).where(owner).scalar_subquery())
    )
    with op.batch_alter_table("memberships") as batch:
        batch.alter_column("name", existing_type=sa.String(length=200), nullable=False)
    with op.batch_alter_table("users") as batch:
        batch.drop_column("password_hash")
        batch.drop_column("name")


def downgrade() -> None:
    """Back to one password per user: each user takes the name and password of their newest
    active membership (other memberships' passwords are lost)."""
    with op.batch_alter_table("users") as batch:
        batch.add_column(sa.Column("name", sa.String(length=200), nullable=True))
        batch.add_column(sa.Column("password_hash", sa.String(length=200), nullable=True))
    users = sa.table(
        "users",
        sa.column("id", sa.String()),
        sa.column("email", sa.String()),
        sa.column("name", sa.String()),
        sa.column("password_hash", sa.String()),
    )
    memberships = sa.table(
        "memberships",
        sa.column("id", sa.String()),
        sa.column("user_id", sa.String()),
        sa.column("name", sa.String()),
        sa.column("password_hash", sa.String()),
    )
    newest = memberships.alias("newest")
    newest_id = (
        sa.select(newest.c.id)
        .where(newest.c.user_id == users.c.id)
        .order_by(newest.c.password_hash.is_(None), newest.c.id.desc())
        .limit(1)
        .correlate(users)
        .scalar_subquery()
    )
    for column in ("name", "password_hash"):
        source = sa.select(memberships.c[column]).where(memberships.c.id == newest_id).scalar_subquery()
        op.execute(users.update().values({column: source}))
    op.execute(users.update().where(users.c.name.is_(None)).values(name=users.c.email))
    with op.batch_alter_table("users") as batch:
        batch.alter_column("name", existing_type=sa.String(length=200), nullable=False)
    with op.batch_alter_table("memberships") as batch:
        batch.drop_column("password_hash")
        batch.drop_column("name")
