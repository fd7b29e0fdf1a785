"""What the commands share: the --db, --place and --json options, opening the ledger (a
reading command refuses a ledger that does not exist), the --date parser and the ingest summary.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

if TYPE_CHECKING:
    from claimledger.api import Ledger
    from claimledger.runner import IngestReport

DbOption = Annotated[
    str | None,
    typer.Option(
        "--db", help="SQLite path or database URL (default: $CLAIMLEDGER_DB or ./claimledger.db)."
    ),
]

PlaceOption = Annotated[
    str | None, typer.Option(help="Only claims naming this place (Ganja, Kharkiv…).")
]
JsonOption = Annotated[bool, typer.Option("--json", help="JSON instead of text.")]


def open_ledger(db: str | None) -> Ledger:
    """The ledger at --db, created when it does not exist yet (for the writing commands)."""
    from claimledger.api import Ledger
    from claimledger.errors import StoreError

    try:
        return Ledger(db)
    except StoreError as exc:
        raise typer.BadParameter(str(exc), param_hint="--db") from exc


def existing_ledger(db: str | None) -> Ledger:
    """The ledger for a reading command: a SQLite ledger that does not exist is an error (a
    mistyped --db must not quietly create an empty one)."""
    from claimledger.cli_render import terminal_safe
    from claimledger.errors import StoreError
    from claimledger.ledger.engine import resolve_url

    try:
        url = resolve_url(db)
    except StoreError as exc:
        raise typer.BadParameter(str(exc), param_hint="--db") from exc
    name = url.database or ""
    on_disk = url.get_backend_name() == "sqlite" and name not in ("", ":memory:")
    if on_disk and not name.startswith("file:") and not Path(name).is_file():
        why = "" if Path(name).parent.is_dir() else f": folder {Path(name).parent} does not exist"
        typer.echo(
            terminal_safe(
                f"Error: no ledger at {name}{why} (create one with `claimledger ingest`)"
            ),
            err=True,
        )
        raise typer.Exit(code=1)
    return open_ledger(db)


def parse_date(text: str | None) -> date | None:
    if not text:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError as exc:
        raise typer.BadParameter(f"not a YYYY-MM-DD date: {text!r}", param_hint="--date") from exc


def print_summary(report: IngestReport) -> None:
    typer.echo(
        f"{report.documents_read} documents read, {report.documents_added} added, "
        f"{report.documents_skipped} already in the ledger, {report.claims_added} claims added, "
        f"{len(report.errors)} inputs with problems."
        + (
            f" {report.carriers_added} identical copies kept as carriers."
            if report.carriers_added
            else ""
        )
        + (
            f" {report.documents_updated} updated (metadata corrected)."
            if report.documents_updated
            else ""
        )
    )
    if report.nothing_read:
        raise typer.Exit(code=1)
