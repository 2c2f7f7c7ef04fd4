"""Schemathesis against the live server (opt-in: STOCKYARD_FUZZ=1; see tests/fuzz/run.py)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.fuzz.run import main

pytestmark = [
    pytest.mark.fuzz,
    pytest.mark.skipif(os.environ.get("STOCKYARD_FUZZ") != "1", reason="fuzzing is opt-in: STOCKYARD_FUZZ=1"),
]


def test_schemathesis_finds_no_server_error_and_no_schema_violation(tmp_path: Path) -> None:
    assert main(["--report-dir", str(tmp_path / "fuzz-report")]) == 0, (
        "schemathesis reported failures (see above)"
    )
