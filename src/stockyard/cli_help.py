"""How `stockyard … --help` shows parameters, whatever the installed Typer does by default.

Typer 0.29 prints every parameter's Python type in angle brackets, flags included (`--help <bool>`,
`--dry-run <bool>`, `--host <str>`), and names an argument after its Python parameter (`{slug}`)
unless it has a metavar (`{PLAN}`), in braces on the usage line. `configure()` brings back Click's conventions: nothing after a
flag, `TEXT`, `INTEGER`, `PATH`, ... after an option that takes a value, `[a|b]` for a choice, and
arguments named in capitals (`Usage: stockyard plan [OPTIONS] SLUG PLAN`). It changes rendering only, never parsing.
tests/test_cli_help.py renders every command's help and fails if the noise comes back (after a
Typer upgrade, say).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import typer.core

# Typer's label inside <...> -> Click's name for the type
_CLICK_TYPE_NAMES = {
    "str": "TEXT",
    "int": "INTEGER",
    "int range": "INTEGER",  # the range itself is shown apart, as [x>=1]
    "float": "FLOAT",
    "float range": "FLOAT",
    "bool": "BOOLEAN",
    "path": "PATH",
    "file": "FILE",
    "directory": "DIRECTORY",
    "datetime": "DATETIME",
    "UUID": "UUID",
}


def conventional_type(label: str | None) -> str | None:
    """`<str>` -> `TEXT`, `<int range>` -> `INTEGER`, `<json|csv>` -> `[json|csv]`; anything
    else (a metavar, None) unchanged."""
    if label is None:
        return None
    suffix = "..." if label.endswith("...") else ""
    core = label.removesuffix("...")
    if not (core.startswith("<") and core.endswith(">")):
        return label
    inner = core[1:-1]
    if inner in _CLICK_TYPE_NAMES:
        return _CLICK_TYPE_NAMES[inner] + suffix
    if "|" in inner:
        return f"[{inner}]{suffix}"
    return inner.upper() + suffix


def configure() -> None:
    """Installs the conventions above on Typer's parameter classes (idempotent)."""
    option = typer.core.TyperOption
    argument = typer.core.TyperArgument
    if getattr(option, "_stockyard_help", False) or not hasattr(option, "display_type_rich"):
        return  # already done, or a Typer that renders types another way
    option_type: Callable[[Any, Any], str | None] = option.display_type_rich
    argument_type: Callable[[Any, Any], str | None] = argument.display_type_rich

    def display_option_type(self: typer.core.TyperOption, ctx: Any) -> str | None:
        if self.is_flag or self.count:
            return None
        if self.metavar is not None:
            return self.metavar
        return conventional_type(option_type(self, ctx))

    def display_argument_type(self: typer.core.TyperArgument, ctx: Any) -> str | None:
        return conventional_type(argument_type(self, ctx))

    def argument_name(self: typer.core.TyperArgument) -> str:
        return self.metavar if self.metavar is not None else (self.name or "").upper()

    def usage_name(self: typer.core.TyperArgument) -> str:  # `SLUG [NAME]...`, not `{slug}`
        name = argument_name(self)
        name = name if self.required else f"[{name}]"
        return name + ("..." if self.nargs != 1 else "")

    option.display_type_rich = display_option_type  # type: ignore[method-assign]
    if hasattr(argument, "_usage_display_name"):
        argument._usage_display_name = usage_name  # type: ignore[method-assign]
    argument.display_type_rich = display_argument_type  # type: ignore[method-assign,assignment]
    argument.display_name_raw = property(argument_name)  # type: ignore[assignment,method-assign]
    option._stockyard_help = True  # type: ignore[attr-defined]
