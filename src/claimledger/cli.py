"""The command line: parse options, call one library function, print. Behaviour lives below;
the options and ledger opening every command shares are in `cli_common.py`."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from claimledger import __version__
from claimledger.cli_common import (
    DbOption,
    JsonOption,
    PlaceOption,
    existing_ledger,
    open_ledger,
    parse_date,
    print_summary,
)

app = typer.Typer(
    name="claimledger",
    help=(
        "Turn news articles into a ledger of attributed claims: "
        "who claimed what, when, with which numbers."
    ),
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_show_locals=False,
    rich_markup_mode=None,
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"claimledger {__version__}")
        raise typer.Exit()


@app.callback()
def main_options(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version.")
    ] = False,
) -> None:
    """claimledger: a ledger of attributed claims from news articles."""


@app.command()
def ingest(
    paths: Annotated[list[str], typer.Argument(help="Files, folders (recursive), globs or URLs.")],
    db: DbOption = None,
    date_: Annotated[
        str | None,
        typer.Option("--date", help="Publication date (YYYY-MM-DD) for inputs that carry none."),
    ] = None,
    workers: Annotated[
        int, typer.Option("--workers", "-w", min=1, help="Parallel worker processes.")
    ] = 1,
    engine: Annotated[
        str, typer.Option(help="Where extraction runs: local processes or a Ray cluster.")
    ] = "local",
    address: Annotated[
        str | None,
        typer.Option(help="With --engine ray: cluster address (auto, ray://head:10001)."),
    ] = None,
    out: Annotated[
        Path | None,
        typer.Option(help="With --engine ray: write Parquet here instead (see `load`)."),
    ] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")] = False,
) -> None:
    """Read articles, extract their claims and store them in the ledger.

    Example: claimledger ingest ../shared/seeds articles/*.html feed.jsonl
    """
    from claimledger.cli_render import ingest_with_progress, print_input_error
    from claimledger.errors import StoreError

    if engine not in ("local", "ray"):
        raise typer.BadParameter(
            f"unknown engine {engine!r}; use local or ray", param_hint="--engine"
        )
    if (out is not None or address is not None) and engine != "ray":
        raise typer.BadParameter("--out and --address go with --engine ray", param_hint="--engine")
    default_date = parse_date(date_)
    try:
        if engine == "ray":
            from claimledger.scale.commands import ingest_on_ray

            report = ingest_on_ray(
                db,
                paths,
                address=address,
                workers=max(workers, 1),
                out=out,
                default_date=default_date,
                on_error=print_input_error,
            )
        else:
            report = ingest_with_progress(
                open_ledger(db), paths, default_date=default_date, workers=workers, quiet=quiet
            )
    except StoreError as exc:  # read-only file, full disk: a message, not a traceback
        typer.echo(f"Error: {exc}", err=True)
        raise typer.Exit(code=1) from exc
    print_summary(report)


@app.command()
def load(
    folder: Annotated[Path, typer.Argument(help="Folder of Parquet written by ingest --out.")],
    db: DbOption = None,
) -> None:
    """Load claims extracted elsewhere (`ingest --engine ray --out DIR`) into the ledger.

    Example: claimledger load out/ --db postgresql://me@db/claims
    """
    from claimledger.cli_render import print_input_error
    from claimledger.errors import StoreError
    from claimledger.scale.commands import load_into

    if not folder.is_dir():
        raise typer.BadParameter(f"not a folder: {folder}", param_hint="FOLDER")
    try:
        report = load_into(db, folder, on_error=print_input_error)
    except StoreError as exc:
        typer.echo(f"Error: {exc}", err=True)
        raise typer.Exit(code=1) from exc
    print_summary(report)


@app.command()
def claims(
    db: DbOption = None,
    claimant: Annotated[
        str | None, typer.Option(help="Claimant name or alias, partial, any case (Macron, SOHR).")
    ] = None,
    stance: Annotated[str | None, typer.Option(help="assert, deny, call or estimate.")] = None,
    mode: Annotated[
        str | None, typer.Option(help="direct, indirect, according_to or unattributed.")
    ] = None,
    counted: Annotated[
        str | None, typer.Option(help="What the figures count; word forms fold (soldier, troops).")
    ] = None,
    event: Annotated[
        str | None, typer.Option(help="What happened to them; word forms fold (kill, deaths).")
    ] = None,
    outlet: Annotated[str | None, typer.Option(help="The document's outlet, any case.")] = None,
    doc_id: Annotated[str | None, typer.Option("--doc-id", help="Claims of one document.")] = None,
    since: Annotated[str | None, typer.Option(help="Stated on or after (YYYY-MM-DD).")] = None,
    until: Annotated[str | None, typer.Option(help="Stated on or before (YYYY-MM-DD).")] = None,
    search: Annotated[
        str | None, typer.Option("--search", "-s", help="Words in the sentence or claimant.")
    ] = None,
    copies: Annotated[
        bool, typer.Option("--copies", help="Also list each syndicated copy of a claim.")
    ] = False,
    limit: Annotated[int, typer.Option(help="At most this many claims.")] = 50,
    as_json: Annotated[bool, typer.Option("--json", help="One JSON object per line.")] = False,
    place: PlaceOption = None,
    event_type: Annotated[
        str | None,
        typer.Option(help="battles, explosions/remote violence, violence against civilians…"),
    ] = None,
) -> None:
    """List claims in the ledger as a table (or JSON lines).

    Filters mean what they mean on the web's /claims (see claimledger.ledger.claim_filter).
    Example: claimledger claims --claimant Macron --counted soldier
    """
    from pydantic import ValidationError

    from claimledger.cli_render import print_claims
    from claimledger.reconcile.event_types import of_type

    ledger = existing_ledger(db)
    filters = {
        "claimant": claimant,
        "stance": stance,
        "mode": mode,
        "counted": counted,
        "event": event,
        "outlet": outlet,
        "doc_id": doc_id,
        "since": since,
        "until": until,
        "q": search,
    }
    try:
        if place is None and event_type is None:
            found = ledger.claims(include_copies=copies, limit=limit, **filters)
        else:
            found = (
                ledger.claims(include_copies=copies, limit=None, **filters)
                if place is None
                else _at_place(ledger, place, **filters)
            )
            found = (found if event_type is None else of_type(found, event_type))[:limit]
    except ValidationError as exc:
        where = ", ".join(f"--{e['loc'][0]}: {e['msg']}" for e in exc.errors() if e["loc"])
        raise typer.BadParameter(where or str(exc)) from exc
    print_claims(found, as_json=as_json)


def _at_place(ledger, place: str, **filters: object):  # type: ignore[no-untyped-def]
    """The ledger's claims (copies merged) naming `place` (gazetteer name or as written)."""
    from claimledger.reconcile.place_store import at_place, claims_at

    return at_place(ledger.claims(limit=None, **filters), claims_at(ledger.store, place))


@app.command()
def export(
    db: DbOption = None,
    fmt: Annotated[
        str,
        typer.Option(
            "--format", "-f", help="jsonl, csv, parquet, claimreview, wikitable or markdown."
        ),
    ] = "jsonl",
    output: Annotated[
        Path | None, typer.Option("-o", "--output", help="File to write (default: stdout).")
    ] = None,
    about: Annotated[
        str | None, typer.Option(help="wikitable/markdown: only tracks about this.")
    ] = None,
) -> None:
    """Export every claim in the record format of CONTRACT.md, or the "Per X" table of figures
    per side with a citation behind every figure (wikitable, markdown).

    Example: claimledger export --format wikitable --about Armenia -o table.wiki
    """
    from claimledger.export import FORMATS
    from claimledger.export import export as run_export

    if fmt not in FORMATS:
        raise typer.BadParameter(
            f"unknown format {fmt!r}; choose from {', '.join(FORMATS)}", param_hint="--format"
        )
    if fmt == "parquet" and output is None:
        raise typer.BadParameter("parquet needs -o FILE", param_hint="-o")
    from claimledger.cli_render import export_to

    export_to(
        existing_ledger(db).store,
        fmt,
        output,
        lambda store, f, out: run_export(store, f, out, about=about),
        what="figures" if fmt in ("wikitable", "markdown") else "claims",
    )


@app.command()
def figures(
    db: DbOption = None,
    about: Annotated[
        str | None, typer.Option(help="Only tracks about this (a state, a word, a claimant).")
    ] = None,
    everything: Annotated[
        bool, typer.Option("--all", help="Also tracks of things with no event (12 systems).")
    ] = False,
    as_json: JsonOption = False,
    by: Annotated[
        str, typer.Option(help="claimant (each claimant's latest figure) or side (Per Armenia…).")
    ] = "claimant",
    place: PlaceOption = None,
    taxonomy: Annotated[
        Path | None, typer.Option(help="Your additions to the taxonomy (YAML, see docs).")
    ] = None,
    parties: Annotated[
        Path | None, typer.Option(help="Your additions to the party table (YAML, see docs).")
    ] = None,
) -> None:
    """The "Per claimant" table: each claimant's latest figure on each track, with its sentence;
    `--by side`: "Per Armenia: … / Per Azerbaijan: … / Per others: …", each side's latest.

    Example: claimledger figures --about Armenia --by side
    """
    from claimledger.cli_render import print_figures
    from claimledger.reconcile.figures import figures_table, print_side_rows
    from claimledger.reconcile.sides import load_party_table
    from claimledger.reconcile.taxonomy import DataFileError, load_taxonomy
    from claimledger.reconcile.tracks import build_tracks

    if by not in ("claimant", "side"):
        raise typer.BadParameter("choose claimant or side", param_hint="--by")
    try:
        tax = load_taxonomy(extra=taxonomy) if taxonomy else None
        table = load_party_table(extra=parties) if parties else None
    except DataFileError as exc:
        raise typer.BadParameter(str(exc), param_hint="--taxonomy/--parties") from exc
    ledger = existing_ledger(db)
    if by == "claimant" and place is None and tax is None and table is None:
        # The one read path: the same tracks and `about` matching as /figures?about=.
        print_figures(ledger.figures(about, everything=everything), as_json=as_json)
        return
    found = ledger.claims(limit=None) if place is None else _at_place(ledger, place)
    tracks = build_tracks(found, taxonomy=tax, parties=table)
    if by == "side":
        print_side_rows(tracks, about, everything=everything, as_json=as_json, table=table)
        return
    print_figures(figures_table(tracks, about, everything=everything), as_json=as_json)


@app.command()
def track(
    track_id: Annotated[str, typer.Argument(help="Track id (or a unique prefix) from `figures`.")],
    db: DbOption = None,
    as_json: JsonOption = False,
) -> None:
    """One track's series: every figure per claimant in date order, with consistency notes.

    Example: claimledger track 3fa2c1
    """
    from claimledger.cli_render import print_track

    found = existing_ledger(db).track(track_id)
    if found is None:
        raise typer.BadParameter(f"no single track with id {track_id!r}", param_hint="TRACK_ID")
    print_track(found, as_json=as_json)


@app.command()
def conflicts(
    db: DbOption = None,
    as_json: JsonOption = False,
) -> None:
    """Contradicting figures between claimants, and denials linked to the claims they answer.

    Example: claimledger conflicts
    """
    from claimledger.cli_render import print_conflicts

    ledger = existing_ledger(db)
    print_conflicts(
        ledger.conflicts(), {c.claim_id: c for c in ledger.claims(limit=None)}, as_json=as_json
    )


@app.command()
def serve(
    db: DbOption = None,
    host: Annotated[str, typer.Option(help="Interface to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
    allow_host: Annotated[
        list[str] | None,
        typer.Option(
            "--allow-host",
            help="Another Host name to answer (repeatable; '*' for any). By default only the "
            "--host name and loopback names are answered: a foreign Host header gets 421.",
        ),
    ] = None,
) -> None:
    """Serve the dashboard and the JSON API (OpenAPI at /openapi.json).

    Example: claimledger serve --port 8000
    """
    import uvicorn

    from claimledger.web.app import create_app
    from claimledger.web.security import allowed_hosts

    existing_ledger(db).close()  # fail early, with the CLI's message, on a bad --db
    hosts = allowed_hosts(host, allow_host or ())
    uvicorn.run(create_app(db, hosts=hosts), host=host, port=port, log_level="info")


def main() -> None:
    """Console-script entry point."""
    app()
