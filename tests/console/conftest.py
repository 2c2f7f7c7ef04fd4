"""Browser fixtures: Playwright driving the system's chromium (Debian's package, launched by its
path: no browser is ever downloaded), axe-core for the accessibility check, and a folder for the
screenshots (printed at the end of the run, kept outside the repository, not committed).

Without chromium the browser tests are skipped, unless STOCKYARD_REQUIRE_BROWSER=1 (CI) makes that
a failure. Without axe-core (`npm pack axe-core` needs the npm registry) the accessibility check is
skipped with a message, unless STOCKYARD_REQUIRE_AXE=1.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tarfile
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

SCREENSHOTS: list[Path] = []


def chromium_path() -> str | None:
    configured = os.environ.get("STOCKYARD_CHROMIUM")
    if configured:
        return configured
    for name in ("chromium", "chromium-browser"):
        found = shutil.which(name)
        if found:
            return found
    return None


@pytest.fixture(scope="module")
def chromium(database_url: str) -> Iterator[Any]:
    """One browser per test module. Playwright's sync API runs an event loop of its own while it is
    open, so the fixtures that need asyncio (the migrated database) come first, and the browser is
    closed before other modules' async tests run."""
    path = chromium_path()
    if path is None:
        if os.environ.get("STOCKYARD_REQUIRE_BROWSER") == "1":
            pytest.fail("STOCKYARD_REQUIRE_BROWSER=1 but there is no chromium (apt-get install -y chromium)")
        pytest.skip("no chromium on PATH (apt-get install -y chromium): the browser tests are skipped")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        if os.environ.get("STOCKYARD_REQUIRE_BROWSER") == "1":
            raise
        pytest.skip("playwright is not installed (pip install -e '.[dev]')")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=path, args=["--no-sandbox"])
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def axe_source(tmp_path_factory: pytest.TempPathFactory) -> str | None:
    """axe.min.js: from STOCKYARD_AXE_JS, or unpacked from `npm pack axe-core` into a temporary folder."""
    configured = os.environ.get("STOCKYARD_AXE_JS")
    if configured:
        return Path(configured).read_text()
    folder = tmp_path_factory.mktemp("axe")
    npm = shutil.which("npm")
    reason = "npm is not installed"
    if npm:
        packed = subprocess.run(
            [npm, "pack", "axe-core@4", "--silent"], cwd=folder, capture_output=True, text=True, timeout=180
        )
        tarballs = sorted(folder.glob("axe-core-*.tgz"))
        if packed.returncode == 0 and tarballs:
            with tarfile.open(tarballs[-1]) as archive:
                member = archive.extractfile("package/axe.min.js")
                if member is not None:
                    return member.read().decode()
        reason = f"npm pack axe-core failed: {packed.stderr.strip()[-300:]}"
    if os.environ.get("STOCKYARD_REQUIRE_AXE") == "1":
        pytest.fail(f"STOCKYARD_REQUIRE_AXE=1 but axe-core is not available ({reason})")
    print(f"\naxe-core is not available ({reason}): the accessibility checks are skipped")
    return None


@pytest.fixture(scope="session")
def screenshot_dir() -> Path:
    """STOCKYARD_CONSOLE_SCREENSHOTS, or a new folder in the system's temporary directory (outside
    pytest's own, which later runs clear): kept after the run, for people to look at."""
    configured = os.environ.get("STOCKYARD_CONSOLE_SCREENSHOTS")
    if configured:
        folder = Path(configured)
        folder.mkdir(parents=True, exist_ok=True)
    else:
        folder = Path(tempfile.mkdtemp(prefix="stockyard-console-screenshots-"))
    SCREENSHOTS.append(folder)
    return folder


def pytest_terminal_summary(terminalreporter: Any) -> None:
    for folder in SCREENSHOTS:
        shots = sorted(folder.glob("*.png"))
        if shots:
            terminalreporter.write_line(f"console screenshots ({len(shots)}): {folder}")
