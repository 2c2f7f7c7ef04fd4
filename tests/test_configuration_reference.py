"""docs/configuration.md is generated from `Settings` and must never go stale; the README links to it."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from stockyard.cli import app as cli
from stockyard.settings import Settings
from stockyard.settings_reference import env_name, generate

ROOT = Path(__file__).resolve().parents[1]
REFERENCE = ROOT / "docs" / "configuration.md"


def test_committed_reference_matches_the_settings() -> None:
    assert REFERENCE.exists(), "docs/configuration.md is missing: run `stockyard docs configuration`"
    assert REFERENCE.read_text(encoding="utf-8") == generate(), (
        "docs/configuration.md is stale: run `stockyard docs configuration` and commit the result"
    )


def test_every_setting_has_a_description_and_a_row() -> None:
    text = generate()
    for name, info in Settings.model_fields.items():
        assert info.description, f"Settings.{name} needs Field(description=...)"
        assert f"| `{env_name(name)}` |" in text


def test_defaults_are_the_same_on_every_machine(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    before = generate()
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("STOCKYARD_DATA_DIR", str(tmp_path))
    monkeypatch.setenv("STOCKYARD_LOG_LEVEL", "DEBUG")
    assert generate() == before
    assert str(tmp_path) not in before and str(Path.home()) not in before
    assert (
        "| `STOCKYARD_DATABASE_URL` | string | empty: the SQLite file `stockyard.db` in the data directory |"
        in (before)
    )
    assert (
        "| `STOCKYARD_ACCESS_TOKEN_TTL_SECONDS` | integer, > 0, ≤ 315360000 | `900` (15 minutes) |" in before
    )
    assert "| `STOCKYARD_RATE_LIMIT_ENABLED` | boolean | `true` |" in before


def test_cli_writes_and_checks_the_reference(tmp_path: Path) -> None:
    runner = CliRunner()
    target = tmp_path / "configuration.md"
    stale = runner.invoke(cli, ["docs", "configuration", "--output", str(target), "--check"])
    assert stale.exit_code == 1
    assert "run `stockyard docs configuration`" in stale.output
    written = runner.invoke(cli, ["docs", "configuration", "--output", str(target)])
    assert written.exit_code == 0, written.output
    assert target.read_text(encoding="utf-8") == generate()
    fresh = runner.invoke(cli, ["docs", "configuration", "--output", str(target), "--check"])
    assert fresh.exit_code == 0, fresh.output
    printed = runner.invoke(cli, ["docs", "configuration", "--output", "-"])
    assert printed.output == generate()


def test_the_readme_links_to_the_reference_instead_of_a_table() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "(docs/configuration.md)" in readme
    assert "| `STOCKYARD_" not in readme, "the settings table belongs to docs/configuration.md"
