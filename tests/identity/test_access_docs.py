"""docs/access-control.md shows the built-in roles and plans exactly as the code defines them."""

from __future__ import annotations

from pathlib import Path

from stockyard.core.reference import plans_table, roles_table

DOC = Path(__file__).resolve().parents[2] / "docs" / "access-control.md"


def test_the_roles_table_in_the_docs_is_the_codes() -> None:
    assert roles_table() in DOC.read_text(encoding="utf-8")


def test_the_plans_table_in_the_docs_is_the_codes() -> None:
    assert plans_table() in DOC.read_text(encoding="utf-8")
