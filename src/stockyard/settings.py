"""Settings from `STOCKYARD_*` environment variables (pydantic-settings)."""

from __future__ import annotations

import logging
import re
import secrets
from functools import lru_cache
from pathlib import Path

from pydantic import Field, field_validator, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

log = logging.getLogger("stockyard.settings")

_MAX_TTL_SECONDS = 10 * 365 * 24 * 3600  # ten years
# What a browser sends in `Origin`: a scheme, a host and maybe a port, nothing after
_ORIGIN = re.compile(r"[a-z][a-z0-9+.-]*://[^/\s?#,]+")


def _split(values: str) -> list[str]:
    return [part.strip() for part in values.split(",") if part.strip()]


class Settings(BaseSettings):
    """Every setting is an environment variable: the field name in capitals with the `STOCKYARD_`
    prefix. `stockyard docs configuration` writes docs/configuration.md from these fields, so each
    has a `description`; a default that depends on the machine is described in words instead
    (`json_schema_extra={"default_text": ...}`)."""

    model_config = SettingsConfigDict(env_prefix="STOCKYARD_", extra="ignore")

    data_dir: Path = Field(
        default=Path(".stockyard"),
        description="Directory of the embedded SQLite database and of the generated secret key. "
        "A relative path is relative to the working directory.",
    )
    database_url: str = Field(
        default="",
        description="Database URL: `postgresql://user:password@host:5432/db` for production, or "
        "`sqlite:///path/to/file.db`. Through PgBouncer in transaction pooling, add "
        "`?pooler=pgbouncer` (docs/operations.md, Behind PgBouncer).",
        json_schema_extra={"default_text": "empty: the SQLite file `stockyard.db` in the data directory"},
    )
    secret_key: str = Field(
        default="",
        description="Key that signs access tokens (JWT, HS256). **Production must set it**, to the same "
        "value in every process; changing it signs everyone out.",
        json_schema_extra={
            "default_text": "empty: a random key generated once into `secret_key` in the data directory"
        },
    )
    # Lifetimes are bounded so that `now + ttl` always stays within the timestamps a row can hold.
    access_token_ttl_seconds: int = Field(
        default=15 * 60, gt=0, le=_MAX_TTL_SECONDS, description="Lifetime of an access token."
    )
    refresh_token_ttl_seconds: int = Field(
        default=30 * 24 * 3600,
        gt=0,
        le=_MAX_TTL_SECONDS,
        description="Lifetime of a refresh token (POST /api/v1/auth/refresh).",
    )
    invite_ttl_seconds: int = Field(
        default=7 * 24 * 3600,
        gt=0,
        le=_MAX_TTL_SECONDS,
        description="How long an invitation to a workspace can be accepted.",
    )
    event_retention_days: int = Field(
        default=30,
        ge=1,
        le=3650,
        description="How long the change feed (GET /api/v1/events) keeps an event.",
    )
    embedded_worker: bool = Field(
        default=True,
        description="Whether the API process numbers new events for the feed, delivers webhooks and "
        "runs bulk jobs itself; false when `stockyard worker` processes do it.",
    )
    webhook_allow_http: bool = Field(
        default=False,
        description="Accept `http://` webhook URLs (normally only `https://`). For tests and closed "
        "networks only: deliveries then travel unencrypted.",
    )
    webhook_allow_private_targets: bool = Field(
        default=False,
        description="Accept webhook URLs whose host resolves to a loopback, private, link-local or "
        "otherwise non-public address (cloud metadata included). For tests and closed networks only: "
        "anyone who may manage webhooks could then make the server call internal services.",
    )
    webhook_timeout_seconds: float = Field(
        default=10.0,
        gt=0,
        le=60,
        description="How long a webhook receiver has to answer; a 2xx within it is a success.",
    )
    webhook_lease_seconds: float = Field(
        default=60.0,
        gt=0,
        le=3600,
        description="How long a claimed delivery belongs to its worker; a worker killed mid-delivery "
        "leaves it to be sent again after this. Must be longer than the webhook timeout.",
    )
    lot_expiry_warning_days: int = Field(
        default=30,
        ge=0,
        le=3650,
        description="A lot with units on hand is announced once (event lot.expiring) when its expiry date "
        "is at most this many days away.",
    )
    max_body_bytes: int = Field(
        default=1024 * 1024,
        description="Largest request body accepted (413 above it), except on bulk routes.",
    )
    max_bulk_body_bytes: int = Field(
        default=32 * 1024 * 1024, description="Largest request body accepted by the bulk (import) routes."
    )
    max_json_depth: int = Field(
        default=32, description="Deepest nesting of arrays and objects accepted in a JSON body."
    )
    db_pool_size: int = Field(
        default=4,
        description="PostgreSQL connections kept per server process (as many again may open under load).",
    )
    db_retry_after_seconds: int = Field(
        default=5, description="`Retry-After` sent with 503 `database_unavailable`."
    )
    rate_limit_url: str = Field(
        default="memory://",
        description="Store of the rate limits and login budgets: `memory://` counts per process, "
        "`redis://host:6379/0` shares them between processes.",
    )
    rate_limit_enabled: bool = Field(
        default=True, description="Rate limits and login budgets; `false` turns them all off."
    )
    rate_limit_key_prefix: str = Field(
        default="stockyard", description="Prefix of the rate limiter's keys in Redis."
    )
    login_rate_limit_per_minute: int = Field(
        default=10, description="Sign-ins a minute per client IP and email."
    )
    login_account_failures: int = Field(
        default=20,
        ge=0,
        description="Failed sign-ins per account (workspace and email, from all IPs together) within "
        "the window before 429; `0` turns this budget off.",
    )
    login_account_window_seconds: int = Field(
        default=900, ge=1, description="The moving window of `STOCKYARD_LOGIN_ACCOUNT_FAILURES`."
    )
    log_level: str = Field(
        default="INFO",
        description="Level of the JSON log lines on stdout: `DEBUG`, `INFO`, `WARNING` or `ERROR`.",
    )
    metrics_token: str = Field(
        default="",
        description="Bearer token `GET /metrics` asks for (`Authorization: Bearer <token>`); empty: "
        "the metrics are open to whoever reaches the port (docs/deployment.md, Metrics).",
    )
    plans_file: str = Field(
        default="",
        description="TOML file overriding the plans' limits, requests per minute and capabilities "
        "(docs/operations.md, Plans); checked at startup, a bad file stops the server with an error "
        "naming the key. `stockyard plans` prints the effective table.",
        json_schema_extra={"default_text": "empty: the built-in plans"},
    )
    cors_origins: str = Field(
        default="",
        description="Comma-separated origins of browser apps allowed to call the API "
        "(`https://app.example.com,https://admin.example.com`), or `*` for any origin; empty: no "
        "CORS headers (docs/deployment.md, Browser apps).",
        json_schema_extra={"default_text": "empty: CORS off"},
    )
    otel_enabled: bool = Field(
        default=False,
        description="OpenTelemetry traces of requests and database statements, sent over OTLP/HTTP to "
        "`OTEL_EXPORTER_OTLP_ENDPOINT` (the standard `OTEL_*` variables apply). Needs the `otel` "
        "extra (`pip install 'stockyard[otel]'`): without it the server refuses to start "
        "(docs/deployment.md, Tracing).",
    )

    @model_validator(mode="after")
    def _lease_outlasts_timeout(self) -> Settings:
        if self.webhook_lease_seconds <= self.webhook_timeout_seconds:
            raise ValueError(
                "STOCKYARD_WEBHOOK_LEASE_SECONDS must be longer than STOCKYARD_WEBHOOK_TIMEOUT_SECONDS"
            )
        return self

    @field_validator("cors_origins")
    @classmethod
    def _origins_are_origins(cls, value: str) -> str:
        for origin in _split(value):
            if origin != "*" and not _ORIGIN.fullmatch(origin):
                raise ValueError(
                    f"{origin!r} is not an origin: scheme://host[:port], no path or trailing '/'"
                )
        return value

    def cors_origin_list(self) -> list[str]:
        """The origins of `cors_origins`; empty when CORS is off."""
        return _split(self.cors_origins)

    def resolved_plans_file(self) -> Path | None:
        return Path(self.plans_file) if self.plans_file.strip() else None

    def resolved_database_url(self) -> str:
        if self.database_url:
            return self.database_url
        self.data_dir.mkdir(parents=True, exist_ok=True)
        return f"sqlite:///{(self.data_dir / 'stockyard.db').resolve()}"

    def resolved_secret_key(self) -> str:
        """The configured key, else one generated once and kept in the data directory."""
        if self.secret_key:
            return self.secret_key
        path = self.data_dir / "secret_key"
        if not path.exists():
            self.data_dir.mkdir(parents=True, exist_ok=True)
            path.write_text(secrets.token_urlsafe(48))
            path.chmod(0o600)
            log.warning("STOCKYARD_SECRET_KEY is not set: generated one in %s. Production must set it.", path)
        return path.read_text().strip()


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    return Settings()
