"""Terminal rendering for the CLI: progress while ingesting, claim tables, figure tables."""

from __future__ import annotations

import glob
import json
import sys
from collections.abc import Iterable, Iterator
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from claimledger.errors import InputError
from claimledger.models import Claim, Document

if TYPE_CHECKING:
    from claimledger.api import Ledger
    from claimledger.runner import IngestReport

_RECORD_SUFFIXES = {".jsonl", ".ndjson", ".csv"}


def _files(paths: Iterable[str]) -> Iterator[Path]:
    for raw in paths:
        if raw.startswith(("http://", "https://")):
            continue
        matches = glob.glob(raw, recursive=True) if any(c in raw for c in "*?[") else [raw]
        for m in matches:
            p = Path(m)
            if p.is_dir():
                yield from (f for f in p.rglob("*") if f.is_file())
            elif p.is_file():
                yield p


def estimate_documents(paths: Iterable[str]) -> int:
    """A cheap guess of how many documents the inputs hold, for the progress bar only."""
    total = 0
    for f in _files(paths):
        if f.suffix.lower() in _RECORD_SUFFIXES:
            try:
                with f.open("rb") as fh:
                    total += max(sum(1 for line in fh if line.strip()) - (f.suffix == ".csv"), 0)
            except OSError:
                total += 1
        else:
            total += 1
    return total


def ingest_with_progress(
    ledger: Ledger, paths: list[str], *, default_date: date | None, workers: int, quiet: bool
) -> IngestReport:
    """Run an ingest with a progress bar on stderr; input problems print as they happen."""

    def on_error(err: InputError) -> None:
        typer.echo(f"skipped: {err}", err=True)

    if quiet or not sys.stderr.isatty():
        return ledger.ingest(paths, default_date=default_date, workers=workers, on_error=on_error)
    total = estimate_documents(paths)
    with typer.progressbar(length=total, label="Ingesting", file=sys.stderr) as bar:

        def on_document(_doc: Document, _n: int) -> None:
            bar.update(1)

        return ledger.ingest(
            paths, default_date=default_date, workers=workers, on_error=on_error, on_document=on_document
        )


def _short(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def _figures(claim: Claim) -> str:
    return "; ".join(q.text for q in claim.quantities)


def print_claims(claims: list[Claim], *, as_json: bool) -> None:
    """A compact table, one claim a line, or JSON lines for scripts."""
    if as_json:
        for c in claims:
            typer.echo(c.model_dump_json())
        return
    if not claims:
        typer.echo("No claims match.")
        return
    typer.echo(f"{'date':10}  {'claimant':28}  {'stance':8}  {'figures':22}  content")
    for c in claims:
        when = c.stated_on.isoformat() if c.stated_on else "-"
        typer.echo(
            f"{when:10}  {_short(c.claimant, 28):28}  {c.stance:8}  {_short(_figures(c), 22):22}  "
            f"{_short(c.content, 80)}"
        )


def print_json(obj: object) -> None:
    typer.echo(json.dumps(obj, ensure_ascii=False, indent=2, default=str))
