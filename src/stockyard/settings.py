"""Settings from `STOCKYARD_*` environment variables (pydantic-settings)."""

from __future__ import annotations

import logging
import secrets
from functools import lru_cache
from pathlib import Path

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

log = logging.getLogger("stockyard.settings")

_MAX_TTL_SECONDS = 10 * 365 * 24 * 3600  # ten years


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="STOCKYARD_", extra="ignore")

    data_dir: Path = Field(default=Path(".stockyard"), description="Where the embedded defaults live.")
    database_url: str = Field(default="", description="SQLAlchemy URL; empty means SQLite in data_dir.")
    secret_key: str = Field(default="", description="JWT signing key; generated into data_dir if empty.")
    # Lifetimes are bounded so that `now + ttl` always stays within the timestamps a row can hold.
    access_token_ttl_seconds: int = Field(default=15 * 60, gt=0, le=_MAX_TTL_SECONDS)
    refresh_token_ttl_seconds: int = Field(default=30 * 24 * 3600, gt=0, le=_MAX_TTL_SECONDS)
    invite_ttl_seconds: int = Field(default=7 * 24 * 3600, gt=0, le=_MAX_TTL_SECONDS)
    max_body_bytes: int = 1024 * 1024
    max_bulk_body_bytes: int = 32 * 1024 * 1024
    max_json_depth: int = 32
    db_pool_size: int = 4
    db_retry_after_seconds: int = 5
    rate_limit_url: str = Field(default="memory://", description="memory:// or redis://host:port/db")
    rate_limit_enabled: bool = True
    rate_limit_key_prefix: str = Field(default="stockyard", description="Prefix of the limiter's Redis keys.")
    login_rate_limit_per_minute: int = 10
    login_account_failures: int = Field(
        default=20, ge=0, description="Failed sign-ins per account (workspace + email, all IPs); 0: off."
    )
    login_account_window_seconds: int = Field(
        default=900, ge=1, description="The moving window of login_account_failures."
    )
    log_level: str = "INFO"

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
