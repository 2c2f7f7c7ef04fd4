"""`stockyard --help` and every command's help render cleanly: Click-style types (nothing after a
flag, TEXT/INTEGER/PATH after a value), arguments in capitals, and `stockyard --version`."""

from __future__ import annotations

import importlib.metadata
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import typer.main
from typer.testing import CliRunner

import stockyard
from stockyard.cli import app
from stockyard.cli_help import conventional_type

WIDE = {"COLUMNS": "200", "TERMINAL_WIDTH": "200", "NO_COLOR": "1"}


def command_paths() -> list[list[str]]:
    """Every command and group of the CLI as the words that name it (`[]` is `stockyard` itself)."""
    paths: list[list[str]] = []

    def walk(command: Any, path: list[str]) -> None:  # Typer's own Click classes, or Click's
        paths.append(path)
        for name, sub in getattr(command, "commands", {}).items():
            walk(sub, [*path, name])

    walk(typer.main.get_command(app), [])
    return paths


def help_of(*words: str) -> str:
    result = CliRunner().invoke(app, [*words, "--help"], env=WIDE, prog_name="stockyard")
    assert result.exit_code == 0, result.output
    return result.output


@pytest.mark.parametrize("path", command_paths(), ids=lambda path: " ".join(["stockyard", *path]))
def test_help_has_no_python_type_noise_and_capital_arguments(path: list[str]) -> None:
    text = help_of(*path)
    assert "Usage: stockyard" in text
    noise = re.findall(r"<(?:bool|str|int|float|path|file|datetime)[^>]*>", text)
    assert noise == [], f"Python types in the help of {path}: {noise}"
    usage = next(line for line in text.splitlines() if "Usage:" in line)
    assert "{" not in usage, usage
    command: Any = typer.main.get_command(app)
    for word in path:
        command = command.commands[word]
    for param in command.params:
        if param.param_type_name == "argument":
            name = param.metavar or (param.name or "").upper()
            assert name == name.upper(), f"argument {name} of {path} is not in capitals"
            assert re.search(rf"\b{re.escape(name)}\b", usage), (usage, name)


def test_top_level_help_lists_the_commands_and_version() -> None:
    text = help_of()
    for command in ("serve", "migrate", "demo", "docs", "openapi", "maintenance", "plan", "import", "export"):
        assert re.search(rf"│ {command} ", text), command
    assert "--version" in text
    assert re.search(r"--help\s+Show this message and exit\.", text)


def test_serve_help_names_its_options_with_click_types() -> None:
    text = help_of("serve")
    assert re.search(r"--host\s+TEXT\s+Interface to bind\.", text)
    assert re.search(r"--port\s+INTEGER\s+Port to listen on\.", text)
    assert re.search(r"--workers\s+INTEGER \[x>=1\]", text)


def test_arguments_are_named_in_capitals() -> None:
    assert "Usage: stockyard plan [OPTIONS] SLUG PLAN" in help_of("plan")
    assert "Usage: stockyard export [OPTIONS] REPORT" in help_of("export")
    assert "Usage: stockyard import items [OPTIONS] FILE" in help_of("import", "items")
    assert "Usage: stockyard maintenance [OPTIONS] SWITCH" in help_of("maintenance")
    text = help_of("import", "items")
    assert re.search(r"--dry-run\s+Check every row", text)
    assert re.search(r"--mode\s+\[create\|upsert\]", text)


def test_docs_commands_take_a_plain_check_flag() -> None:
    for command in ("errors", "configuration"):
        text = help_of("docs", command)
        assert re.search(r"--check\s+Only check", text), text
        assert "--no-check" not in text
        assert re.search(r"--output\s+PATH", text)


def test_conventional_type_names() -> None:
    assert conventional_type("<str>") == "TEXT"
    assert conventional_type("<int range>") == "INTEGER"
    assert conventional_type("<json|csv>") == "[json|csv]"
    assert conventional_type("<path>...") == "PATH..."
    assert conventional_type("N") == "N"
    assert conventional_type(None) is None


def test_version_matches_the_package_metadata() -> None:
    result = CliRunner().invoke(app, ["--version"])
    assert result.exit_code == 0, result.output
    assert result.output == f"stockyard {stockyard.__version__}\n"
    assert stockyard.__version__ == importlib.metadata.version("stockyard")


def test_the_installed_script_prints_its_version() -> None:
    script = Path(sys.executable).parent / "stockyard"
    if not script.exists():
        pytest.skip("no stockyard script beside this interpreter")
    done = subprocess.run([str(script), "--version"], capture_output=True, text=True, timeout=60, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout == f"stockyard {stockyard.__version__}\n"
