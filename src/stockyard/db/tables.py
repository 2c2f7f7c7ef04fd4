"""The schema, as SQLAlchemy Core tables. Alembic migrations are written against this metadata.

Every tenant-owned table carries `workspace_id`; the domain modules' stores (`ItemStore`, …) add
`workspace_id = :ws` to every statement.
"""

from __future__ import annotations

from sqlalchemy import (
    BigInteger,
    Boolean,
    Column,
    Date,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
    false,
    func,
)

from stockyard.db.types import JSONDict, JSONList, UTCDateTime

metadata = MetaData(
    naming_convention={
        "ix": "ix_%(table_name)s_%(column_0_N_name)s",
        "uq": "uq_%(table_name)s_%(column_0_N_name)s",
        "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
        "pk": "pk_%(table_name)s",
    }
)

ID = String(32)


def _id() -> Column[str]:
    return Column("id", ID, primary_key=True)


def _workspace() -> Column[str]:
    return Column("workspace_id", ID, ForeignKey("workspaces.id", ondelete="CASCADE"), nullable=False)


def _created() -> Column[object]:
    return Column("created_at", UTCDateTime(), nullable=False)


def _updated() -> Column[object]:
    return Column("updated_at", UTCDateTime(), nullable=False)


# --- tenants and identity ------------------------------------------------------------------------
workspaces = Table(
    "workspaces",
    metadata,
    _id(),
    Column("name", String(200), nullable=False),
    Column("slug", String(40), nullable=False, unique=True),
    Column("plan", String(20), nullable=False),
    Column("version", Integer, nullable=False, default=1),
    _created(),
    _updated(),
)

# A user only groups memberships by email. Credentials and the display name belong to each
# membership (0007_membership_credentials): nothing set in one workspace signs anyone in to another.
users = Table(
    "users",
    metadata,
    _id(),
    Column("email", String(320), nullable=False, unique=True),
    _created(),
    _updated(),
)

roles = Table(
    "roles",
    metadata,
    _id(),
    _workspace(),
    Column("name", String(60), nullable=False),
    Column("description", String(500), nullable=False, default=""),
    Column("permissions", JSONList(), nullable=False),
    Column("builtin", Boolean, nullable=False, default=False),
    Column("version", Integer, nullable=False, default=1),
    _created(),
    _updated(),
    UniqueConstraint("workspace_id", "name"),
)

memberships = Table(
    "memberships",
    metadata,
    _id(),
    _workspace(),
    Column("user_id", ID, ForeignKey("users.id", ondelete="CASCADE"), nullable=False),
    Column("role_id", ID, ForeignKey("roles.id"), nullable=False),
    Column("status", String(20), nullable=False),  # active | invited
    Column("name", String(200), nullable=False),
    Column("password_hash", String(200), nullable=True),  # set when the member joins; None while invited
    Column("version", Integer, nullable=False, default=1, server_default="1"),  # 0002_access
    _created(),
    _updated(),
    UniqueConstraint("workspace_id", "user_id"),
    Index(None, "user_id"),
)

invites = Table(
    "invites",
    metadata,
    _id(),
    _workspace(),
    Column("email", String(320), nullable=False),
    Column("role_id", ID, ForeignKey("roles.id"), nullable=False),
    Column("membership_id", ID, ForeignKey("memberships.id", ondelete="CASCADE"), nullable=True),
    Column("token_hash", String(64), nullable=False, unique=True),
    Column("status", String(20), nullable=False),  # pending | accepted | revoked
    Column("invited_by", ID, nullable=True),
    Column("expires_at", UTCDateTime(), nullable=False),
    Column("accepted_at", UTCDateTime(), nullable=True),
    _created(),
    Index(None, "workspace_id", "email"),
    Index(None, "workspace_id", "created_at", "id"),  # 0008_list_sorts
)

token_families = Table(
    "token_families",
    metadata,
    _id(),
    Column("membership_id", ID, ForeignKey("memberships.id", ondelete="CASCADE"), nullable=False),
    Column("revoked_at", UTCDateTime(), nullable=True),
    _created(),
)

refresh_tokens = Table(
    "refresh_tokens",
    metadata,
    _id(),
    Column("family_id", ID, ForeignKey("token_families.id", ondelete="CASCADE"), nullable=False),
    Column("token_hash", String(64), nullable=False, unique=True),
    Column("used_at", UTCDateTime(), nullable=True),
    Column("expires_at", UTCDateTime(), nullable=False),
    _created(),
)

api_keys = Table(
    "api_keys",
    metadata,
    _id(),
    _workspace(),
    Column("name", String(200), nullable=False),
    Column("prefix", String(20), nullable=False),
    Column("secret_hash", String(64), nullable=False, unique=True),
    Column("scopes", JSONList(), nullable=False),
    Column("read_only", Boolean, nullable=False, default=False),
    Column("warehouse_ids", JSONList(), nullable=True),
    Column("created_by", ID, nullable=True),
    Column("last_used_at", UTCDateTime(), nullable=True),
    Column("revoked_at", UTCDateTime(), nullable=True),
    _created(),
    Index(None, "workspace_id", "created_at", "id"),  # 0008_list_sorts
)

audit_events = Table(
    "audit_events",
    metadata,
    _id(),
    _workspace(),
    Column("actor_type", String(20), nullable=False),  # member | api_key | system
    Column("actor_id", ID, nullable=True),
    Column("action", String(60), nullable=False),
    Column("resource_type", String(40), nullable=False),
    Column("resource_id", ID, nullable=True),
    Column("request_id", String(128), nullable=True),
    Column("data", JSONDict(), nullable=True),
    _created(),
    Index(None, "workspace_id", "id"),
    Index(None, "workspace_id", "created_at", "id"),  # 0008_list_sorts: every sort has its index
)

# --- catalogue -----------------------------------------------------------------------------------
items = Table(
    "items",
    metadata,
    _id(),
    _workspace(),
    Column("sku", String(64), nullable=False),
    Column("sku_key", String(64), nullable=False),
    Column("name", String(200), nullable=False),
    Column("description", Text, nullable=True),
    Column("unit", String(20), nullable=False),
    Column("barcode", String(64), nullable=True),
    Column("reorder_point", Integer, nullable=True),
    Column("unit_cost_e4", BigInteger, nullable=True),  # unit cost in ten-thousandths
    # How stock is valued: average | fifo (0011_costing).
    Column("cost_method", String(10), nullable=False, default="average", server_default="average"),
    # How units are told apart: none | lot | serial; and how many decimal places a quantity of the
    # item has (0-6): its quantities are stored as integers in units of 10**-decimals (0012_tracking).
    Column("tracking", String(10), nullable=False, default="none", server_default="none"),
    Column("decimals", Integer, nullable=False, default=0, server_default="0"),
    Column("archived", Boolean, nullable=False, default=False),
    Column("version", Integer, nullable=False, default=1),
    Column("deleted_at", UTCDateTime(), nullable=True),  # deleted items keep their ledger history
    _created(),
    _updated(),
    Index(None, "workspace_id", "id"),
    Index(None, "workspace_id", "created_at", "id"),  # 0008_list_sorts
    Index(None, "workspace_id", "updated_at", "id"),
    Index(None, "workspace_id", "barcode"),
)
# Sorting by name is case-insensitive (0008_list_sorts).
Index("ix_items_workspace_id_name_lower_id", items.c.workspace_id, func.lower(items.c.name), items.c.id)
# SKUs are unique among the items that are not deleted.
Index(
    "uq_items_workspace_id_sku_key",
    items.c.workspace_id,
    items.c.sku_key,
    unique=True,
    sqlite_where=items.c.deleted_at.is_(None),
    postgresql_where=items.c.deleted_at.is_(None),
)

tags = Table(
    "tags",
    metadata,
    _id(),
    _workspace(),
    Column("name", String(60), nullable=False),
    Column("name_key", String(60), nullable=False),
    _created(),
    UniqueConstraint("workspace_id", "name_key"),
    Index(None, "workspace_id", "created_at", "id"),  # 0008_list_sorts
)

item_tags = Table(
    "item_tags",
    metadata,
    Column("item_id", ID, ForeignKey("items.id", ondelete="CASCADE"), primary_key=True),
    Column("tag_id", ID, ForeignKey("tags.id", ondelete="CASCADE"), primary_key=True),
    _workspace(),
    Index(None, "tag_id"),
)

# --- places --------------------------------------------------------------------------------------
warehouses = Table(
    "warehouses",
    metadata,
    _id(),
    _workspace(),
    Column("short_id", String(16), nullable=False),
    Column("name", String(200), nullable=False),
    Column("address", Text, nullable=True),
    Column("archived", Boolean, nullable=False, default=False),
    Column("version", Integer, nullable=False, default=1),
    _created(),
    _updated(),
    UniqueConstraint("workspace_id", "short_id"),
    Index(None, "workspace_id", "created_at", "id"),  # 0008_list_sorts
)

locations = Table(
    "locations",
    metadata,
    _id(),
    _workspace(),
    Column("warehouse_id", ID, ForeignKey("warehouses.id", ondelete="CASCADE"), nullable=False),
    Column("code", String(40), nullable=False),
    Column("name", String(200), nullable=True),
    Column("archived", Boolean, nullable=False, default=False),
    Column("locked_by", ID, nullable=True),  # the open stocktake that locks it
    Column("version", Integer, nullable=False, default=1),
    _created(),
    _updated(),
    UniqueConstraint("warehouse_id", "code"),
    Index(None, "workspace_id", "created_at", "id"),  # 0008_list_sorts
    Index(None, "workspace_id", "code", "id"),
)

# --- stock ---------------------------------------------------------------------------------------
stock_levels = Table(
    "stock_levels",
    metadata,
    Column("item_id", ID, ForeignKey("items.id", ondelete="CASCADE"), primary_key=True),
    Column("location_id", ID, ForeignKey("locations.id", ondelete="CASCADE"), primary_key=True),
    _workspace(),
    Column("warehouse_id", ID, nullable=False),
    Column("on_hand", BigInteger, nullable=False, default=0),
    # How many movements this level has had; each movement's `sequence` (0003_inventory).
    Column("movement_count", BigInteger, nullable=False, default=0, server_default="0"),
    _updated(),
    Index(None, "workspace_id", "location_id"),
    Index(None, "workspace_id", "item_id", "location_id"),  # 0005_jobs: reports page in key order
    Index(None, "workspace_id", "on_hand", "item_id", "location_id"),  # 0008_list_sorts
)

movements = Table(
    "movements",
    metadata,
    _id(),
    _workspace(),
    Column(
        "type", String(20), nullable=False
    ),  # receive | issue | adjust | transfer_out | transfer_in | count
    Column("item_id", ID, ForeignKey("items.id"), nullable=False),
    Column("location_id", ID, ForeignKey("locations.id"), nullable=False),
    Column("warehouse_id", ID, nullable=False),
    Column("units", BigInteger, nullable=False),  # signed change of on-hand
    Column("balance_after", BigInteger, nullable=False),
    Column("reason", String(500), nullable=True),
    Column("reference", String(200), nullable=True),
    Column("transfer_id", ID, nullable=True),
    Column("stocktake_id", ID, nullable=True),
    Column("reservation_id", ID, nullable=True),
    Column("actor_type", String(20), nullable=False),
    Column("actor_id", ID, nullable=True),
    Column("request_id", String(128), nullable=True),
    # Position in the item+location ledger: 1, 2, 3... without gaps (0003_inventory).
    Column("sequence", BigInteger, nullable=False, server_default="0"),
    # Cost (0011_costing), in ten-thousandths: what one unit received cost, and the value the
    # movement added (receipts, increases) or took away at the item's cost method (decreases);
    # null on transfers (the item's value does not change) and on movements made before costing.
    Column("unit_cost_e4", BigInteger, nullable=True),
    Column("cost_e4", BigInteger, nullable=True),
    # True when the entry names lots or serials (rows in movement_lots), so that reads of untracked
    # entries skip that table (0012_tracking).
    Column("tracked", Boolean, nullable=False, default=False, server_default=false()),
    _created(),
    Index(None, "workspace_id", "id"),
    Index(None, "item_id", "location_id", "id"),
    Index(None, "workspace_id", "created_at", "id"),  # 0008_list_sorts: the keyset tie-break
    Index("uq_movements_item_id_location_id_sequence", "item_id", "location_id", "sequence", unique=True),
)

# The value of an item's stock over all its locations (0011_costing): `units` always equals the sum
# of its stock levels' on hand; `value_e4` is what they cost at the item's cost method (average:
# the running total; fifo: the sum of its remaining layers). Locked FOR UPDATE by the ledger after
# the stock levels, so two postings of one item value it one after the other.
item_costs = Table(
    "item_costs",
    metadata,
    Column("item_id", ID, ForeignKey("items.id", ondelete="CASCADE"), primary_key=True),
    _workspace(),
    Column("units", BigInteger, nullable=False),
    Column("value_e4", BigInteger, nullable=False),
    _updated(),
)

# FIFO cost layers: each increase of a fifo item's stock adds one; decreases consume the oldest.
cost_layers = Table(
    "cost_layers",
    metadata,
    _id(),
    _workspace(),
    Column("item_id", ID, ForeignKey("items.id", ondelete="CASCADE"), nullable=False),
    Column("movement_id", ID, nullable=False),
    Column("unit_cost_e4", BigInteger, nullable=False),
    Column("units_received", BigInteger, nullable=False),
    Column("units_remaining", BigInteger, nullable=False),
    Column("lot_id", ID, nullable=True),  # the lot or serial received (0012_tracking)
    _created(),
)

# Lots and serial numbers (0012_tracking). A lot-tracked item's batches (a number unique per item,
# optional expiry and manufacturing dates), and a serial-tracked item's units, one row per serial
# number (kind 'serial'). Rows are made on first receipt and never deleted while the item exists.
lots = Table(
    "lots",
    metadata,
    _id(),
    _workspace(),
    Column("item_id", ID, ForeignKey("items.id", ondelete="CASCADE"), nullable=False),
    Column("kind", String(10), nullable=False),  # lot | serial
    Column("number", String(64), nullable=False),
    Column("expires_on", Date, nullable=True),
    Column("manufactured_on", Date, nullable=True),
    Column("expiring_announced_at", UTCDateTime(), nullable=True),  # lot.expiring was emitted
    _created(),
    UniqueConstraint("item_id", "number"),
    Index(None, "workspace_id", "expires_on", "id"),
    Index(None, "workspace_id", "item_id", "id"),
)
# Units of each lot at each location; per (item, location) they sum to stock_levels.on_hand.
lot_levels = Table(
    "lot_levels",
    metadata,
    Column("lot_id", ID, ForeignKey("lots.id", ondelete="CASCADE"), primary_key=True),
    Column("location_id", ID, ForeignKey("locations.id", ondelete="CASCADE"), primary_key=True),
    _workspace(),
    Column("item_id", ID, nullable=False),
    Column("warehouse_id", ID, nullable=False),
    Column("on_hand", BigInteger, nullable=False),
    _updated(),
    Index(None, "item_id", "location_id"),
)
# The lots (or serials) a ledger entry added to or took from, with their signed units.
movement_lots = Table(
    "movement_lots",
    metadata,
    Column("movement_id", ID, ForeignKey("movements.id", ondelete="CASCADE"), primary_key=True),
    Column("lot_id", ID, ForeignKey("lots.id", ondelete="CASCADE"), primary_key=True),
    _workspace(),
    Column("units", BigInteger, nullable=False),
    Index(None, "lot_id", "movement_id"),
)
# The oldest layer an item has left.
Index(
    "ix_cost_layers_open",
    cost_layers.c.item_id,
    cost_layers.c.created_at,
    cost_layers.c.id,
    sqlite_where=cost_layers.c.units_remaining > 0,
    postgresql_where=cost_layers.c.units_remaining > 0,
)

transfers = Table(
    "transfers",
    metadata,
    _id(),
    _workspace(),
    Column("from_location_id", ID, ForeignKey("locations.id"), nullable=False),
    Column("to_location_id", ID, ForeignKey("locations.id"), nullable=False),
    Column("reference", String(200), nullable=True),
    Column("actor_type", String(20), nullable=False),
    Column("actor_id", ID, nullable=True),
    _created(),
    Index(None, "workspace_id", "created_at", "id"),  # 0008_list_sorts: the keyset tie-break
)

transfer_lines = Table(
    "transfer_lines",
    metadata,
    Column("transfer_id", ID, ForeignKey("transfers.id", ondelete="CASCADE"), primary_key=True),
    Column("line_no", Integer, primary_key=True),
    Column("item_id", ID, ForeignKey("items.id"), nullable=False),
    Column("units", BigInteger, nullable=False),
)

# Per-period usage that a plan limits (0006_usage_counters): one row per workspace, metric and
# period (the first instant of a calendar month, UTC), incremented in the transaction that uses it,
# so a limit check reads one row instead of counting the period's rows.
usage_counters = Table(
    "usage_counters",
    metadata,
    Column("workspace_id", ID, ForeignKey("workspaces.id", ondelete="CASCADE"), primary_key=True),
    Column("metric", String(40), primary_key=True),
    Column("period_start", UTCDateTime(), primary_key=True),
    Column("used", BigInteger, nullable=False),
)

reservations = Table(
    "reservations",
    metadata,
    _id(),
    _workspace(),
    Column("item_id", ID, ForeignKey("items.id", ondelete="CASCADE"), nullable=False),
    Column("location_id", ID, ForeignKey("locations.id", ondelete="CASCADE"), nullable=False),
    Column("units", BigInteger, nullable=False),
    Column("status", String(20), nullable=False),  # active | released | consumed
    Column("expires_at", UTCDateTime(), nullable=False),
    Column("reference", String(200), nullable=True),
    Column("actor_type", String(20), nullable=False),
    Column("actor_id", ID, nullable=True),
    Column("lot_id", ID, nullable=True),  # a hold on one lot of a lot-tracked item (0012_tracking)
    _created(),
    _updated(),
    Index(None, "item_id", "location_id", "status"),
    Index(None, "workspace_id", "created_at", "id"),  # 0008_list_sorts
    Index(None, "workspace_id", "expires_at", "id"),
    Index(None, "status", "expires_at"),  # the expiry sweep
)

stocktakes = Table(
    "stocktakes",
    metadata,
    _id(),
    _workspace(),
    Column("location_id", ID, ForeignKey("locations.id", ondelete="CASCADE"), nullable=False),
    Column("status", String(20), nullable=False),  # open | completed | cancelled
    Column("actor_type", String(20), nullable=False),
    Column("actor_id", ID, nullable=True),
    _created(),
    _updated(),
    Column("completed_at", UTCDateTime(), nullable=True),
    Index(None, "workspace_id", "created_at", "id"),  # 0008_list_sorts
)

stocktake_counts = Table(
    "stocktake_counts",
    metadata,
    Column("stocktake_id", ID, ForeignKey("stocktakes.id", ondelete="CASCADE"), primary_key=True),
    Column("item_id", ID, ForeignKey("items.id", ondelete="CASCADE"), primary_key=True),
    Column("counted_units", BigInteger, nullable=False),
    # What was found of a tracked item (0012_tracking): [{"lot": number, "units": stored units}] for a
    # lot-tracked item, [serial, ...] for a serial-tracked one; null for an untracked item.
    Column("found", JSONList(), nullable=True),
)

# --- traffic safety and jobs ---------------------------------------------------------------------
idempotency_keys = Table(
    "idempotency_keys",
    metadata,
    Column("workspace_id", ID, primary_key=True),
    Column("principal_id", ID, primary_key=True),
    Column("key", String(255), primary_key=True),
    Column("request_hash", String(64), nullable=False),
    Column("status", String(20), nullable=False),  # in_progress | completed
    Column("response_status", Integer, nullable=True),
    Column("response_headers", JSONList(), nullable=True),
    Column("response_body", LargeBinary, nullable=True),
    _created(),
    Column("expires_at", UTCDateTime(), nullable=False),
)

jobs = Table(
    "jobs",
    metadata,
    _id(),
    _workspace(),
    Column("kind", String(40), nullable=False),
    Column("mode", String(20), nullable=False),
    Column("dry_run", Boolean, nullable=False, default=False),
    Column("status", String(20), nullable=False),
    Column("total", Integer, nullable=False, default=0),
    Column("processed", Integer, nullable=False, default=0),
    Column("succeeded", Integer, nullable=False, default=0),
    Column("failed", Integer, nullable=False, default=0),
    Column("payload", LargeBinary, nullable=False),
    Column("payload_format", String(10), nullable=False),  # json | csv
    Column("actor_type", String(20), nullable=False),
    Column("actor_id", ID, nullable=True),
    Column("request_id", String(128), nullable=True),  # migration 0005_jobs
    Column("warehouse_ids", JSONList(), nullable=True),  # the submitter's warehouse scope (0005_jobs)
    _created(),
    _updated(),
    Column("started_at", UTCDateTime(), nullable=True),
    Column("finished_at", UTCDateTime(), nullable=True),
    Index(None, "workspace_id", "id"),
    Index(None, "status"),  # migration 0005_jobs: the resume-on-startup scan
    Index(None, "workspace_id", "created_at", "id"),  # 0008_list_sorts
)

job_errors = Table(
    "job_errors",
    metadata,
    Column("job_id", ID, ForeignKey("jobs.id", ondelete="CASCADE"), primary_key=True),
    Column("row_index", Integer, primary_key=True),
    Column("line", Integer, nullable=True),
    Column("error", JSONDict(), nullable=False),
)

service_settings = Table(
    "service_settings",
    metadata,
    Column("key", String(60), primary_key=True),
    Column("value", Text, nullable=False),
    Column("updated_at", UTCDateTime(), nullable=False),
)

# --- events --------------------------------------------------------------------------------------
# The transactional outbox (0009_events): a write inserts its events in its own transaction; the
# relay numbers committed ones in `position` (commit order), which the feed and webhooks follow.
events = Table(
    "events",
    metadata,
    Column("id", ID, primary_key=True),
    _workspace(),
    Column("type", String(60), nullable=False),
    Column("warehouse_id", ID, nullable=True),
    Column("actor_type", String(20), nullable=False),
    Column("actor_id", ID, nullable=True),
    Column("request_id", String(128), nullable=True),
    Column("data", JSONDict(), nullable=False),
    _created(),
    Column("position", BigInteger, nullable=True, unique=True),
    Index(None, "workspace_id", "position"),
    Index(None, "created_at"),  # the retention purge
)
# The relay's queue: the events not numbered yet.
Index(
    "ix_events_unpositioned",
    events.c.id,
    sqlite_where=events.c.position.is_(None),
    postgresql_where=events.c.position.is_(None),
)

# --- webhooks ------------------------------------------------------------------------------------
# Endpoints a workspace asked to be called at, and one delivery per (endpoint, event) the relay's
# fan-out matched (0010_webhooks). Secrets are stored as issued: they sign every delivery.
webhook_endpoints = Table(
    "webhook_endpoints",
    metadata,
    _id(),
    _workspace(),
    Column("url", String(2048), nullable=False),
    Column("description", String(500), nullable=True),
    Column("event_types", JSONList(), nullable=False),
    Column("enabled", Boolean, nullable=False, default=True),
    Column("secret", String(100), nullable=False),
    Column("previous_secret", String(100), nullable=True),  # still signs until it expires (rotation)
    Column("previous_secret_expires_at", UTCDateTime(), nullable=True),
    Column("version", Integer, nullable=False, default=1),
    _created(),
    _updated(),
    Column("disabled_at", UTCDateTime(), nullable=True),
    Column("disabled_reason", String(200), nullable=True),
    Column("failing_since", UTCDateTime(), nullable=True),  # the first failure since the last success
    Index(None, "workspace_id", "created_at", "id"),
)

webhook_deliveries = Table(
    "webhook_deliveries",
    metadata,
    _id(),
    Column("endpoint_id", ID, ForeignKey("webhook_endpoints.id", ondelete="CASCADE"), nullable=False),
    # No foreign key to events: the feed's retention purge deletes events without asking.
    Column("event_id", ID, nullable=False),
    Column("event_position", BigInteger, nullable=False),
    Column("status", String(20), nullable=False),  # pending | delivering | succeeded | failed
    Column("attempts", Integer, nullable=False, default=0),
    Column("next_attempt_at", UTCDateTime(), nullable=True),
    Column("lease_expires_at", UTCDateTime(), nullable=True),
    Column("last_status_code", Integer, nullable=True),
    Column("last_latency_ms", Integer, nullable=True),
    Column("last_error", String(500), nullable=True),
    Column("last_response_body", Text, nullable=True),
    _created(),
    _updated(),
    UniqueConstraint("endpoint_id", "event_id"),
    Index(None, "endpoint_id", "created_at", "id"),  # an endpoint's deliveries, listed
    Index(None, "status", "next_attempt_at"),  # the workers' queue
    Index(None, "endpoint_id", "status", "event_position"),  # the oldest due of one endpoint
)
