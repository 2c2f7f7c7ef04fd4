"""The import rules between layers (docs/architecture.md, "Import rules"), read from the source with `ast`.

* Only `stockyard.api` and the composition root `stockyard.server` import FastAPI or Starlette.
* The command line (`CLI_MODULES`: `stockyard.cli` and its `cli_*` modules) imports nothing from `stockyard.api`:
  what it needs of the application it gets from `stockyard.server`.
* `stockyard.core` imports no domain (identity, inventory, …): only `errors` and `db` below it.

Every import counts, at module level or inside a function, under `TYPE_CHECKING` or not.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import stockyard

PACKAGE = Path(stockyard.__file__).parent
HTTP_FRAMEWORKS = ("fastapi", "starlette")
# The one module outside api/ that may import api/ (and so FastAPI): it assembles the application.
COMPOSITION_ROOT = "stockyard.server"
# `stockyard.cli` and every `cli_*` module beside it, found on disk so that a new one is covered.
CLI_MODULES = tuple(f"stockyard.{path.stem}" for path in sorted(PACKAGE.glob("cli*.py")))


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _modules() -> Iterator[tuple[str, Path]]:
    for path in sorted(PACKAGE.rglob("*.py")):
        yield _module_name(path), path


def _imports(module: str, path: Path) -> Iterator[str]:
    """Every module an `import` or `from … import` statement names (relative imports resolved)."""
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), filename=str(path))):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - (node.level - 1)]
                target = ".".join([*base, node.module] if node.module else base)
            else:
                target = node.module or ""
            yield target
            yield from (f"{target}.{alias.name}" for alias in node.names)


def _is_within(name: str, package: str) -> bool:
    return name == package or name.startswith(f"{package}.")


def test_the_walk_sees_the_package() -> None:
    names = {name for name, _ in _modules()}
    assert {"stockyard.api.app", *CLI_MODULES, COMPOSITION_ROOT, "stockyard.jobs.runner"} <= names


def test_only_the_api_imports_fastapi_or_starlette() -> None:
    offenders = sorted(
        f"{module} imports {name}"
        for module, path in _modules()
        if not _is_within(module, "stockyard.api") and module != COMPOSITION_ROOT
        for name in _imports(module, path)
        if any(_is_within(name, framework) for framework in HTTP_FRAMEWORKS)
    )
    assert offenders == []


def test_the_cli_imports_nothing_from_the_api() -> None:
    offenders = sorted(
        f"{module} imports {name}"
        for module, path in _modules()
        if module in CLI_MODULES
        for name in _imports(module, path)
        if _is_within(name, "stockyard.api")
    )
    assert offenders == []


# What core/ may import: the standard library, third-party libraries, and these layers below it.
CORE_MAY_IMPORT = ("stockyard.core", "stockyard.errors", "stockyard.db")


def test_core_imports_no_domain() -> None:
    offenders = sorted(
        f"{module} imports {name}"
        for module, path in _modules()
        if _is_within(module, "stockyard.core")
        for name in _imports(module, path)
        if _is_within(name, "stockyard")
        and name != "stockyard"
        and not any(_is_within(name, allowed) for allowed in CORE_MAY_IMPORT)
    )
    assert offenders == []
