"""Docs are tested: the CLI reference is generated and current, every command has an example."""

from __future__ import annotations

import importlib.util
from pathlib import Path

from typer.main import get_command

from claimledger.cli import app

REPO = Path(__file__).resolve().parent.parent


def _reference() -> str:
    spec = importlib.util.spec_from_file_location(
        "gen_cli_docs", REPO / "scripts" / "gen_cli_docs.py"
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.reference()  # type: ignore[no-any-return]


def test_docs_cli_reference_is_current() -> None:
    committed = (REPO / "docs" / "cli-reference.md").read_text(encoding="utf-8")
    assert committed == _reference(), "docs/cli-reference.md is stale: run `make docs`"


def test_docs_every_command_has_help_and_example() -> None:
    group = get_command(app)
    for name, command in group.commands.items():  # type: ignore[attr-defined]
        assert command.help, f"command {name} has no help"
        assert "Example:" in command.help, f"command {name} has no Example: in its docstring"


def test_docs_readme_names_the_two_commands() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert "make demo" in readme and "make test" in readme
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    assert "make test" in ci
