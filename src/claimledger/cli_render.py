"""Terminal rendering for the CLI: progress while ingesting, claim tables, figure tables."""

from __future__ import annotations

import glob
import json
import re
import sys
from collections.abc import Iterable, Iterator, Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

import typer

from claimledger.errors import InputError
from claimledger.models import Claim, Document

if TYPE_CHECKING:
    from collections.abc import Callable

    from claimledger.api import Ledger
    from claimledger.ledger.store import Store

    ExportFn = Callable[..., int]
    from claimledger.reconcile.conflicts import Conflict
    from claimledger.reconcile.tracks import FigureRow, Track
    from claimledger.runner import IngestReport

_RECORD_SUFFIXES = {".jsonl", ".ndjson", ".csv"}


def _files(paths: Iterable[str]) -> Iterator[Path]:
    for raw in paths:
        if raw.startswith(("http://", "https://")):
            continue
        matches = glob.glob(raw, recursive=True) if any(c in raw for c in "*?[") else [raw]  # noqa: PTH207 - absolute patterns too
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


def print_input_error(err: InputError) -> None:
    """One line on stderr per input problem (file and line named): `skipped:` when the input
    was not stored, `warning:` when it was stored with a part ignored."""
    typer.echo(terminal_safe(f"{'warning' if err.kept else 'skipped'}: {err}"), err=True)


# Terminal controls (C0, DEL, C1), bidi overrides and lone surrogates (undecodable file names).
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def terminal_safe(text: str) -> str:
    """`text` with every character a terminal would act on written as an escape (`\\x1b`), so
    a file name holding an escape sequence is shown, never run; a byte that is not UTF-8 in a
    file name (a surrogate escape) is shown as `\\xff`."""
    return _UNSAFE.sub(_escape, text)


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group(0))
    if 0xDC80 <= code <= 0xDCFF:  # surrogateescape: the original byte
        return f"\\x{code - 0xDC00:02x}"
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def export_to(
    store: Store, fmt: str, output: Path | None, run_export: ExportFn, what: str = "claims"
) -> None:
    """Run an export to stdout or a file; a folder, a missing folder, a full disk or a closed
    pipe gives one line and exit code 1, not a traceback (a half-written file is removed)."""
    shown = terminal_safe(str(output))
    if output is not None and output.is_dir():
        _fail(f"cannot write the export to {shown}: it is a folder; give a file name")
    if output is not None and not output.parent.is_dir():
        _fail(f"cannot write the export to {shown}: folder {output.parent} does not exist")
    try:
        if output is not None and output.exists() and not output.is_file():
            # A device or pipe (/dev/stdout, a FIFO) is written in place: the export's
            # write-then-rename would replace the device node itself.
            with output.open(
                "wb" if fmt == "parquet" else "w", encoding=None if fmt == "parquet" else "utf-8"
            ) as fh:
                n = run_export(store, fmt, fh)
        else:
            n = run_export(store, fmt, sys.stdout if output is None else output)
    except BrokenPipeError:  # `claimledger export | head`: the reader has what it wanted
        sys.stderr.close()
        raise typer.Exit(code=0) from None
    except OSError as exc:
        # The export writes a temporary file and renames it: a failed one leaves no file.
        where = "standard output" if output is None else f"{shown}; nothing kept"
        _fail(f"cannot write the export ({exc.strerror or exc}) to {where}")
    if output is not None:
        typer.echo(f"{n} {what} written to {shown}", err=True)


def _fail(message: str) -> NoReturn:
    typer.echo(f"Error: {terminal_safe(message)}", err=True)
    raise typer.Exit(code=1)


def ingest_with_progress(
    ledger: Ledger, paths: list[str], *, default_date: date | None, workers: int, quiet: bool
) -> IngestReport:
    """Run an ingest with a progress bar on stderr; input problems print as they happen."""

    on_error = print_input_error
    if quiet or not sys.stderr.isatty():
        return ledger.ingest(paths, default_date=default_date, workers=workers, on_error=on_error)
    total = estimate_documents(paths)
    with typer.progressbar(length=total, label="Ingesting", file=sys.stderr) as bar:

        def on_document(_doc: Document, _n: int) -> None:
            bar.update(1)

        return ledger.ingest(
            paths,
            default_date=default_date,
            workers=workers,
            on_error=on_error,
            on_document=on_document,
        )


# Text from a document never drives the terminal: escape codes, bells and other C0/C1 controls
# become spaces before anything is printed (JSON output escapes them by itself).
_CONTROLS = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def plain(text: str) -> str:
    """`text` with every control character (ESC included) replaced by a space."""
    return _CONTROLS.sub(" ", text)


def _short(text: str, width: int) -> str:
    text = " ".join(plain(text).split())
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


def _printed_as_json_or_none(items: Sequence[Any], as_json: bool, none: str) -> bool:
    """Print `items` (dataclasses) as a JSON list, or `none` when there are none to list; True
    when that was all there is to print."""
    from dataclasses import asdict

    if as_json:
        print_json([asdict(item) for item in items])
    elif not items:
        typer.echo(none)
    return as_json or not items


def print_figures(rows: list[FigureRow], *, as_json: bool) -> None:
    """Group rows by track: a heading, then "Per X: figure (date)" and the sentence."""
    from claimledger.reconcile.tracks import format_row

    if _printed_as_json_or_none(rows, as_json, "No figures in the ledger yet."):
        return
    current = None
    for row in rows:
        if row.track_id != current:
            current = row.track_id
            typer.echo(f"\n{plain(row.label)}  [track {row.track_id[:8]}]")
        typer.echo(f"  {plain(format_row(row))}")
        typer.echo(f"      “{_short(row.sentence, 110)}”")


def print_track(track: Track, *, as_json: bool) -> None:
    """Every point of a track per claimant, oldest first, then the consistency notes."""
    from dataclasses import asdict

    if as_json:
        print_json(
            {
                "track_id": track.track_id,
                "label": track.label,
                "points": {k: [asdict(p) for p in v] for k, v in track.points.items()},
                "notes": track.notes,
            }
        )
        return
    typer.echo(f"{plain(track.label)}  [track {track.track_id}]")
    for claimant, points in track.points.items():
        typer.echo(f"\nPer {plain(claimant)}:")
        for p in points:
            when = p.stated_on.isoformat() if p.stated_on else "undated"
            kind = f" ({p.kind})" if p.kind else ""
            typer.echo(f"  {when}  {plain(p.text)}{kind}  “{_short(p.sentence, 90)}”")
    for note in track.notes:
        typer.echo(f"note: {plain(note)}")


def print_conflicts(conflicts: list[Conflict], claims: dict[str, Claim], *, as_json: bool) -> None:
    """Each conflict with the sentences on each side."""
    if _printed_as_json_or_none(conflicts, as_json, "No conflicts found."):
        return
    for c in conflicts:
        typer.echo(f"\n[{c.kind}] {plain(c.explanation)}")
        for claim_id in c.claim_ids:
            claim = claims.get(claim_id)
            if claim is not None:
                when = claim.stated_on.isoformat() if claim.stated_on else "undated"
                typer.echo(f"  {when}  {plain(claim.claimant)}: “{_short(claim.sentence, 100)}”")
