"""docs/errors.md is generated from the catalog and must never go stale."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from stockyard.cli import app as cli
from stockyard.errors import catalog
from stockyard.errors.reference import RETRY_ADVICE, generate

REFERENCE = Path(__file__).resolve().parents[2] / "docs" / "errors.md"


def test_committed_reference_matches_the_catalog() -> None:
    assert REFERENCE.exists(), "docs/errors.md is missing: run `stockyard docs errors`"
    assert REFERENCE.read_text(encoding="utf-8") == generate(), (
        "docs/errors.md is stale: run `stockyard docs errors` and commit the result"
    )


def test_every_code_has_its_own_section_with_status_message_and_advice() -> None:
    text = generate()
    for spec in catalog.CATALOG.values():
        start = text.index(f"#### `{spec.code}`\n")
        section = text[start : text.index("\n\n", text.index("| **", start))]
        assert f"| **Status** | {spec.status} {spec.category.title} |" in section
        assert f"| **Message** | {spec.message} |" in section
        description = spec.description.replace("|", "\\|")
        assert f"| **When it happens** | {description} |" in section
        assert f"| **What to do** | {spec.action} |" in section
        assert f"| **Retry** | {RETRY_ADVICE[spec.retry]} |" in section


def test_every_category_has_a_section_and_a_status_row() -> None:
    text = generate()
    for category in catalog.CATEGORIES:
        assert f"### {category.status} `{category.name}`: {category.title}\n" in text
        assert f"| {category.status} | {category.title} | [`{category.name}`]" in text


def test_token_expired_advises_refreshing_and_the_transient_codes_advise_retrying() -> None:
    assert catalog.TOKEN_EXPIRED.retry is catalog.Retry.REFRESH_TOKEN
    assert catalog.RATE_LIMITED.retry is catalog.Retry.AFTER_RETRY_AFTER
    assert catalog.INTERNAL_ERROR.retry is catalog.Retry.BACKOFF
    assert catalog.SERVICE_UNAVAILABLE.retry is catalog.Retry.BACKOFF
    for status in (400, 403, 404, 409, 422):
        assert all(
            spec.retry is catalog.Retry.NEVER for spec in catalog.CATALOG.values() if spec.status == status
        )


def test_the_envelope_fields_and_the_problem_form_are_documented() -> None:
    text = generate()
    for field in ("statusCode", "error", "code", "message", "details", "param", "requestId"):
        assert f"| {field} |" in text
    assert '"type": "urn:stockyard:error:validation_error"' in text
    assert '"pointer": "/sku"' in text
    assert "Accept: application/problem+json" in text


def test_cli_writes_and_checks_the_reference(tmp_path: Path) -> None:
    runner = CliRunner()
    target = tmp_path / "errors.md"
    stale = runner.invoke(cli, ["docs", "errors", "--output", str(target), "--check"])
    assert stale.exit_code == 1
    written = runner.invoke(cli, ["docs", "errors", "--output", str(target)])
    assert written.exit_code == 0, written.output
    assert target.read_text(encoding="utf-8") == generate()
    fresh = runner.invoke(cli, ["docs", "errors", "--output", str(target), "--check"])
    assert fresh.exit_code == 0, fresh.output
