"""Every catalog code, provoked over real HTTP against the real server, in both renderings.

A code without a scenario fails here: an error cannot be added to the catalog without proving,
from the outside, that it happens exactly as documented.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from stockyard.errors.catalog import CATALOG
from tests.conformance import scenarios  # noqa: F401 - registers every scenario
from tests.conformance.harness import JSON, PROBLEM, SCENARIOS, Harness, check
from tests.conformance.live import LiveServer


def test_every_catalog_code_has_a_scenario() -> None:
    missing = [code for code in CATALOG if code not in SCENARIOS]
    assert not missing, f"catalog codes without a conformance scenario: {', '.join(missing)}"


def test_every_scenario_names_a_catalog_code() -> None:
    assert set(SCENARIOS) <= set(CATALOG)


@pytest.mark.parametrize("rendering", [JSON, PROBLEM], ids=["json", "problem"])
@pytest.mark.parametrize("code", list(CATALOG))
def test_code_over_http(
    code: str,
    rendering: str,
    live_server: LiveServer,
    spawn: Callable[[str, dict[str, str]], LiveServer],
) -> None:
    provoke = SCENARIOS.get(code)
    if provoke is None:
        pytest.fail(f"no conformance scenario provokes {code!r}")
    harness = Harness(live_server, rendering, spawn)
    try:
        check(CATALOG[code], rendering, provoke(harness))
    finally:
        harness.close()
