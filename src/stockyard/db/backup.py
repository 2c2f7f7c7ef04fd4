"""Backup and restore of the embedded SQLite database (`stockyard backup` / `stockyard restore`).

A backup is SQLite's online backup API (`sqlite3.Connection.backup`) copying every page in one
step: the copy reads one snapshot of the database, so it is consistent while servers keep writing
(in WAL mode writers are not blocked by it; they append to the WAL while the copy reads the
snapshot). The copy is written to a temporary file next to the target, checked
(`PRAGMA quick_check`), switched out of WAL mode so that it is one self-contained file, and only
then renamed onto the target: an interrupted backup never leaves a truncated file under the
target's name. Backups are created with mode 0600: they hold password hashes and key digests.

A restore checks that the file is a Stockyard database at a schema revision this release knows,
copies it the same way to a temporary file in the database's directory and renames it over the
database (`os.replace`, atomic), after removing the old database's `-wal` and `-shm` files, which
belong to the old file. No server may be using the database meanwhile (docs/operations.md).

PostgreSQL is backed up with its own tools (`pg_dump`, or base backups with WAL archiving for
point-in-time recovery): these functions refuse it (`NOT_SQLITE`).
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

from sqlalchemy.engine import make_url

from stockyard.db.migrate import state_of

POSTGRES_BACKUP_ADVICE = (
    "stockyard backup copies the embedded SQLite database only; back up PostgreSQL with pg_dump "
    "or base backups and WAL archiving (point-in-time recovery): see docs/operations.md, Backups."
)
POSTGRES_RESTORE_ADVICE = (
    "stockyard restore replaces the embedded SQLite database only; restore PostgreSQL with "
    "pg_restore (or your point-in-time recovery): see docs/operations.md, Restoring."
)


class BackupError(Exception):
    """A backup or restore that cannot be done; the message is one sentence for an operator."""


def sqlite_path(url: str) -> Path | None:
    """The file of a SQLite database URL; None for any other backend or an in-memory database."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or parsed.database in (None, "", ":memory:"):
        return None
    return Path(parsed.database)


def revision_of(path: Path, *, live: bool = False) -> tuple[str, ...]:
    """The schema revision(s) recorded in the SQLite file at `path`, after checking that it is a
    Stockyard database at a revision this release knows (BackupError otherwise). A `live` database
    (WAL mode) is opened read-write, which SQLite needs to read a WAL database; nothing is written."""
    if not path.is_file():
        raise BackupError(f"{path} does not exist.")
    try:
        with _opened(path, read_only=not live) as connection:
            tables = {
                row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
            }
            if "alembic_version" not in tables or "workspaces" not in tables:
                raise BackupError(f"{path} is not a Stockyard database (no schema revision).")
            current = tuple(row[0] for row in connection.execute("SELECT version_num FROM alembic_version"))
    except sqlite3.DatabaseError as exc:
        raise BackupError(f"{path} is not a SQLite database ({exc}).") from exc
    state = state_of(current)
    if not current or state.unknown:
        raise BackupError(
            f"{path} is at schema revision {', '.join(current) or 'none'}, unknown to this release: "
            "restore it with the release that made it."
        )
    return current


def backup(database: Path, target: Path, *, overwrite: bool = False) -> tuple[str, ...]:
    """Copies the live SQLite database `database` to `target`; returns its schema revision."""
    if target.exists() and not overwrite:
        raise BackupError(f"{target} exists: choose a new file name (or pass --force to replace it).")
    if target.resolve() == database.resolve():
        raise BackupError("The backup cannot be the database itself.")
    revision_of(database, live=True)  # refuse to "back up" what is not a Stockyard database
    target.parent.mkdir(parents=True, exist_ok=True)
    with _opened(database, read_only=False) as source:
        _copy_into(source, target)
    return revision_of(target)


def restore(source: Path, database: Path) -> tuple[str, ...]:
    """Replaces the SQLite database `database` with the backup `source`; returns its revision."""
    revision = revision_of(source)
    if source.resolve() == database.resolve():
        raise BackupError("The backup is the database itself.")
    database.parent.mkdir(parents=True, exist_ok=True)
    with _opened(source, read_only=True) as backup_file:
        _copy_into(backup_file, database, before_replace=lambda: _remove_sidecars(database))
    return revision


def _copy_into(
    source: sqlite3.Connection, target: Path, before_replace: Callable[[], None] | None = None
) -> None:
    """The whole of `source`, read in one snapshot, into a temporary file beside `target`, checked,
    made a single file (journal mode DELETE), then renamed onto `target`."""
    descriptor, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    os.close(descriptor)  # mkstemp made it 0600; sqlite3 writes into it
    try:
        copy = sqlite3.connect(temporary)
        try:
            source.backup(copy)  # pages=-1: every page in one step, from one read snapshot
            copy.execute("PRAGMA journal_mode=DELETE")
            (verdict,) = copy.execute("PRAGMA quick_check").fetchone()
            if verdict != "ok":
                raise BackupError(f"The copy failed its integrity check: {verdict}.")
        finally:
            copy.close()
        os.chmod(temporary, 0o600)
        if before_replace is not None:
            before_replace()
        os.replace(temporary, target)
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary)
    _sync_directory(target.parent)


def _remove_sidecars(database: Path) -> None:
    """The old database's WAL and shared-memory files: replayed onto the restored file they would
    corrupt it."""
    for suffix in ("-wal", "-shm", "-journal"):
        with contextlib.suppress(FileNotFoundError):
            os.unlink(f"{database}{suffix}")


def _sync_directory(directory: Path) -> None:
    with contextlib.suppress(OSError):
        descriptor = os.open(directory, os.O_RDONLY)
        try:
            os.fsync(descriptor)
        finally:
            os.close(descriptor)


@contextlib.contextmanager
def _opened(path: Path, *, read_only: bool) -> Iterator[sqlite3.Connection]:
    """A connection to an existing file (never creates one)."""
    mode = "ro" if read_only else "rw"
    connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode={mode}", uri=True, timeout=30)
    try:
        yield connection
    finally:
        connection.close()


def copy_secret_key(key_file: Path, target: Path) -> None:
    """Copies the generated secret key file beside a backup, mode 0600."""
    descriptor = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(descriptor, "w", encoding="utf-8") as out:
        out.write(key_file.read_text(encoding="utf-8"))
    os.chmod(target, 0o600)
