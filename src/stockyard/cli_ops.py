"""`stockyard backup FILE` and `stockyard restore FILE`: the embedded SQLite database, and the
generated secret key beside it (docs/operations.md). PostgreSQL has its own tools: both commands
refuse it with a pointer to them."""

from __future__ import annotations

from pathlib import Path

import typer

from stockyard.db.backup import (
    POSTGRES_BACKUP_ADVICE,
    POSTGRES_RESTORE_ADVICE,
    BackupError,
    copy_secret_key,
    sqlite_path,
)
from stockyard.db.backup import backup as backup_database
from stockyard.db.backup import restore as restore_database
from stockyard.db.migrate import state_of
from stockyard.settings import Settings, get_settings

KEY_FILE_SUFFIX = ".secret_key"  # FILE.secret_key: the generated key, beside the backup


def _database_file(settings: Settings, advice: str) -> Path:
    path = sqlite_path(settings.resolved_database_url())
    if path is None:
        typer.echo(advice, err=True)
        raise typer.Exit(2)
    return path


def _generated_key(settings: Settings) -> Path | None:
    """The secret key file in the data directory, when the key is generated there (not set)."""
    return None if settings.secret_key else settings.data_dir / "secret_key"


def backup(
    file: Path = typer.Argument(..., help="Where to write the backup (a new file)."),
    force: bool = typer.Option(False, "--force", help="Replace FILE if it exists."),
) -> None:
    """Back up the SQLite database to FILE while servers keep running (consistent, online).

    With a generated secret key (STOCKYARD_SECRET_KEY unset) the key is copied to FILE.secret_key
    as well. On PostgreSQL use pg_dump or point-in-time recovery (docs/operations.md)."""
    settings = get_settings()
    database = _database_file(settings, POSTGRES_BACKUP_ADVICE)
    try:
        revision = backup_database(database, file, overwrite=force)
    except BackupError as error:
        typer.echo(f"stockyard backup: {error}", err=True)
        raise typer.Exit(1) from error
    typer.echo(f"Backed up {database} (schema {', '.join(revision)}) to {file}.")
    key = _generated_key(settings)
    if key is None:
        typer.echo(
            "The secret key is STOCKYARD_SECRET_KEY: keep it in your secret store, not with the backup."
        )
    elif key.is_file():
        copy_secret_key(key, Path(f"{file}{KEY_FILE_SUFFIX}"))
        typer.echo(f"Copied the generated secret key to {file}{KEY_FILE_SUFFIX}: keep it with the backup.")


def restore(
    file: Path = typer.Argument(..., help="A backup made by `stockyard backup`."),
    yes: bool = typer.Option(False, "--yes", help="Replace the existing database (stop every server first)."),
) -> None:
    """Replace the SQLite database with the backup FILE. Stop every server first.

    The file must be a Stockyard database at a schema revision this release knows; run
    `stockyard migrate` afterwards if it is older. On PostgreSQL use pg_restore (docs/operations.md)."""
    settings = get_settings()
    database = _database_file(settings, POSTGRES_RESTORE_ADVICE)
    if database.exists() and not yes:
        typer.echo(
            f"stockyard restore: {database} exists; stop every server using it, then pass --yes to "
            "replace it (docs/operations.md, Restoring).",
            err=True,
        )
        raise typer.Exit(1)
    try:
        revision = restore_database(file, database)
    except BackupError as error:
        typer.echo(f"stockyard restore: {error}", err=True)
        raise typer.Exit(1) from error
    typer.echo(f"Restored {file} (schema {', '.join(revision)}) into {database}.")
    key = _generated_key(settings)
    saved_key = Path(f"{file}{KEY_FILE_SUFFIX}")
    if key is not None and saved_key.is_file():
        copy_secret_key(saved_key, key)
        typer.echo(f"Restored the secret key into {key}.")
    if not state_of(revision).up_to_date:
        typer.echo("The backup's schema is older than this release: run `stockyard migrate` before serving.")
