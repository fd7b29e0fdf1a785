"""Ingest on Ray: the same reading, the same pure core, the same ledger, spread over a cluster.

    >>> from claimledger.ledger.engine import open_store
    >>> report = ray_ingest(open_store("claims.db"), ["corpus/"], workers=8)  # doctest: +SKIP

The pipeline, streamed end to end by Ray Data (nothing holds the whole corpus):

1. the driver lists the input files (`ingest.discover.iter_sources`, as a local ingest does);
2. `read_inputs_batch` tasks read each file into document rows (a JSONL or CSV file gives many),
   yielding small batches so a large feed never sits in memory at once;
3. documents the ledger already holds become "known" rows and are not parsed again;
4. a pool of `ExtractClaims` actors, each building the `Extractor` of the settings the driver
   ships (the user's alias file contents included; one spaCy model per actor, loaded once),
   runs the pure core over `nlp.pipe` of each batch (a document whose extraction raises is
   reported as an input error, as locally, and the run goes on);
5. the driver writes the results into the ledger batch by batch with `Store.write_batch`, or
   Ray writes them to Parquet (`out=`) for a later `load_parquet`.

Only the driver talks to the database: workers need the package and the model, not the ledger.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from claimledger.errors import EXTRACT_FAILED, InputError
from claimledger.models import Claim, Document
from claimledger.scale import rows
from claimledger.scale.rows import DOC, ERROR, KNOWN

if TYPE_CHECKING:
    import ray.data
    from spacy.language import Language

    from claimledger.extract.extractor import Extractor
    from claimledger.extract.settings import ExtractorSettings
    from claimledger.ledger.store import Store
    from claimledger.runner import ErrorHook, IngestReport, ProgressHook

# Documents per block a read task yields: small enough that a huge JSONL feed streams.
READ_CHUNK = 64
# CPU shares: reading is light next to parsing. Were each extract actor to claim a whole core,
# the actors would hold every core of a node and starve the readers, and the pipeline would stall.
READ_CPUS = 0.1
EXTRACT_CPUS = 0.9


def read_inputs_batch(batch: rows.Batch, default_date: str | None = None) -> Iterator[rows.Batch]:
    """Ray task: read each path in `batch` into rows (documents and input errors).

    Uses `claimledger.ingest.read_file`, the reader of a local ingest.
    """
    from claimledger.ingest import read_file

    when = date.fromisoformat(default_date) if default_date else None
    out = rows.empty_batch()
    for path in batch["path"]:
        for item in read_file(str(path), default_date=when):
            row = rows.error_row(item) if isinstance(item, InputError) else rows.doc_row(item)
            rows.append(out, row)
            if len(out["kind"]) >= READ_CHUNK:
                yield out
                out = rows.empty_batch()
    if out["kind"]:
        yield out


def mark_known(batch: rows.Batch, known: frozenset[str]) -> rows.Batch:
    """Ray task: turn documents the ledger already holds into light "known" rows."""
    out = rows.empty_batch()
    for row in rows.iter_rows(batch):
        if row["kind"] == DOC and row["doc_id"] in known:
            row = rows.known_row(row["doc_id"])
        rows.append(out, row)
    return out


class ExtractClaims:
    """Ray actor: builds the extractor of the settings it is shipped once (spaCy model, lexicon,
    cue model, the user's alias table as its contents, rules off), then extracts each batch.

    The core is the local one (`Extractor.many` over `nlp.pipe`), so a document gives the same
    claims here as in `claimledger ingest` on one machine, wherever the worker runs.
    """

    def __init__(self, settings: dict[str, Any] | None = None) -> None:
        from claimledger.extract.extractor import Extractor
        from claimledger.extract.settings import ExtractorSettings

        shipped = ExtractorSettings.model_validate(settings or {})
        self.extractor = Extractor(shipped)
        self.nlp: Language = self.extractor.nlp

    def __call__(self, batch: rows.Batch) -> rows.Batch:
        """Fill the `claims` column of every document row; other rows pass through.

        As in a local ingest, a document whose extraction raises becomes an error row
        (EXTRACT_FAILED, not stored, so a later run tries it again); the others go on.
        """
        items = list(rows.iter_rows(batch))
        documents = [rows.decode_document(r["document"]) for r in items if r["kind"] == DOC]
        results: list[tuple[Document, list[Claim]] | InputError]
        try:
            results = list(_extract(documents, self.extractor))
        except Exception:  # one document's bug must not end the run: find it
            results = [self._one(document) for document in documents]
        extracted = iter(results)
        out = rows.empty_batch()
        for row in items:
            if row["kind"] == DOC:
                result = next(extracted)
                if isinstance(result, InputError):
                    row = rows.error_row(result)
                else:
                    row = rows.doc_row(*result)
            rows.append(out, row)
        return out

    def _one(self, document: Document) -> tuple[Document, list[Claim]] | InputError:
        """One document's claims, or the error saying why there are none."""
        try:
            return next(_extract([document], self.extractor))
        except Exception as exc:
            return extract_failed(document, exc)


def _extract(
    documents: list[Document], extractor: Extractor
) -> Iterator[tuple[Document, list[Claim]]]:
    return extractor.many(documents, batch_size=max(1, len(documents)))


def extract_failed(document: Document, exc: Exception) -> InputError:
    """The error reported for a document whose extraction raised, worded as a local ingest's."""
    path, _, line = document.doc_path.rpartition("#")
    return InputError(
        path if line.isdigit() else document.doc_path,
        f"claims could not be extracted ({type(exc).__name__}: {exc}); not stored",
        line=int(line) if line.isdigit() else None,
        code=EXTRACT_FAILED,
    )


def build_dataset(
    files: list[str],
    *,
    workers: int,
    batch_size: int,
    default_date: date | None,
    known: frozenset[str] = frozenset(),
    settings: ExtractorSettings | None = None,
) -> ray.data.Dataset:
    """The lazy Ray Data pipeline from input files to rows with claims."""
    import ray.data

    from claimledger.extract.settings import ExtractorSettings

    ds: ray.data.Dataset = ray.data.from_items([{"path": f} for f in files])
    ds = ds.map_batches(
        read_inputs_batch,
        batch_size=1,
        fn_kwargs={"default_date": default_date.isoformat() if default_date else None},
        num_cpus=READ_CPUS,
    )
    if known:
        ds = ds.map_batches(
            mark_known,  # type: ignore[arg-type]  # Ray's stub omits fn_kwargs parameters
            fn_kwargs={"known": known},
            num_cpus=READ_CPUS,
        )
    return ds.map_batches(
        ExtractClaims,
        # Shipped as plain data, and only when not the defaults: constructor arguments sit in
        # the object store for the actors' lifetime (Ray warns about restarts then).
        fn_constructor_kwargs=(
            {"settings": settings.model_dump(mode="json")}
            if settings is not None and settings != ExtractorSettings()
            else None
        ),
        batch_size=batch_size,
        compute=ray.data.ActorPoolStrategy(size=workers),
        num_cpus=EXTRACT_CPUS,
    )


def ray_ingest(
    store: Store | None,
    paths: Iterable[str | Path],
    *,
    address: str | None = None,
    workers: int = 2,
    batch_size: int = 32,
    out: Path | None = None,
    default_date: date | None = None,
    on_error: ErrorHook | None = None,
    on_document: ProgressHook | None = None,
    reconcile: bool = True,
    settings: ExtractorSettings | None = None,
) -> IngestReport:
    """Ingest `paths` on Ray into `store`, or into Parquet files under `out`.

    Args:
        store: the ledger to write to (the driver writes, in batches); None with `out` only.
            Documents it already holds are skipped before parsing.
        paths: files, folders, globs or URLs, as for a local ingest.
        address: a Ray cluster (``ray://head:10001`` or ``auto``); None starts a local Ray
            (or uses the one this process already started).
        workers: extraction actors, one spaCy model and one CPU each.
        batch_size: documents per extraction call and per ledger transaction.
        out: write rows to Parquet in this folder instead of the ledger (see `load_parquet`).
        default_date: publication date for inputs that carry none.
        on_error, on_document: progress hooks, as for `Ledger.ingest`.
        reconcile: link copies across documents afterwards, as `Ledger.ingest` does.
        settings: the extractor every worker builds; by default the shipped one with the
            user's alias file read here (`ExtractorSettings.from_environment()`), its contents
            shipped to the workers.

    Returns:
        What the run did, as for a local ingest. With `out`, "added" counts rows written.

    Raises:
        ValueError: neither a store nor `out` was given.
    """
    from claimledger.extract.settings import ExtractorSettings
    from claimledger.runner import IngestReport  # the driver's side: the core comes with it

    if store is None and out is None:
        raise ValueError("ray_ingest needs a store to write to, or an `out` folder for Parquet")
    path_list = [str(p) for p in paths]
    report = IngestReport()
    started_ray = _connect(address, workers)
    to_ledger = store if out is None else None
    # As in Ledger.ingest: a run cut short before linking copies gets them linked by the next.
    stale = to_ledger.links_may_be_stale() if to_ledger is not None else False
    run_id = to_ledger.start_ingest(path_list) if to_ledger is not None else None
    try:
        files = _discover(path_list, report, on_error)
        if not files:
            return report
        known = frozenset(_known_ids(store, files, default_date)) if store else frozenset()
        ds = build_dataset(
            files,
            workers=workers,
            batch_size=batch_size,
            default_date=default_date,
            known=known,
            settings=settings if settings is not None else ExtractorSettings.from_environment(),
        )
        if out is not None:
            _write_parquet(ds, out, report, on_error)
        else:
            assert store is not None
            _write_ledger(store, ds, batch_size, report, on_error, on_document)
    finally:
        if run_id is not None and to_ledger is not None:
            added, claims = report.documents_added, report.claims_added
            to_ledger.finish_ingest(run_id, added, claims, len(report.errors))
        if started_ray:
            import ray

            ray.shutdown()
    if reconcile and to_ledger is not None and (report.documents_added or stale):
        from claimledger.ledger.reconcile import link_copies

        link_copies(to_ledger)
    return report


def _discover(paths: list[str], report: IngestReport, on_error: ErrorHook | None) -> list[str]:
    """Input files and URLs, listed on the driver; paths naming nothing are reported here."""
    from claimledger.ingest.discover import iter_sources

    files: list[str] = []
    for source in iter_sources(paths):
        if isinstance(source, InputError):
            report.errors.append(source)
            if on_error:
                on_error(source)
        else:
            files.append(source.path)
    return files


def _connect(address: str | None, workers: int) -> bool:
    """Join (or start) Ray; True when this call started it and should shut it down."""
    import ray
    from ray.data import DataContext

    DataContext.get_current().enable_progress_bars = False
    if ray.is_initialized():
        return False
    if address:
        ray.init(address=address, log_to_driver=False)
    else:
        ray.init(num_cpus=workers, include_dashboard=False, log_to_driver=False)
    return True


def _known_ids(store: Store, files: list[str], default_date: date | None) -> set[str]:
    """The input documents the ledger already holds (a first, reading-only pass).

    Skipped when the ledger is empty, which is the usual first large ingest.
    """
    import ray.data

    if store.stats().documents == 0:
        return set()
    ds = ray.data.from_items([{"path": f} for f in files]).map_batches(
        read_inputs_batch,
        batch_size=1,
        fn_kwargs={"default_date": default_date.isoformat() if default_date else None},
        num_cpus=READ_CPUS,
    )
    known: set[str] = set()
    for batch in ds.select_columns(["kind", "doc_id"]).iter_batches(batch_format="numpy"):
        ids = [str(d) for k, d in zip(batch["kind"], batch["doc_id"], strict=True) if k == DOC]
        known |= store.known_doc_ids(ids)
    return known


def _write_ledger(
    store: Store,
    ds: ray.data.Dataset,
    batch_size: int,
    report: IngestReport,
    on_error: ErrorHook | None,
    on_document: ProgressHook | None,
) -> None:
    """Stream extracted rows to the driver and write them to the ledger, one batch at a time."""
    for batch in ds.iter_batches(batch_size=batch_size, batch_format="numpy"):
        pairs = list(rows.tally(batch, report, on_error, on_document))
        if pairs:
            result = store.write_batch(pairs)
            report.documents_added += result.documents_added
            report.documents_skipped += result.documents_skipped
            report.claims_added += result.claims_added


def _write_parquet(
    ds: ray.data.Dataset, out: Path, report: IngestReport, on_error: ErrorHook | None
) -> None:
    """Let Ray write the rows to Parquet, then count what was written from the files."""
    import pyarrow.dataset as pads

    out.mkdir(parents=True, exist_ok=True)
    before = set(out.glob("*.parquet"))
    ds.write_parquet(str(out))
    # Count only this run's files: the folder may hold earlier runs' output too.
    new = sorted(str(p) for p in set(out.glob("*.parquet")) - before)
    if not new:
        return
    written = pads.dataset(new, format="parquet")
    for batch in written.to_batches(columns=["kind", "claims", "error"]):
        _count_written(batch.to_pydict(), report, on_error)


def _count_written(
    columns: dict[str, list[Any]], report: IngestReport, on_error: ErrorHook | None
) -> None:
    triples = zip(columns["kind"], columns["claims"], columns["error"], strict=True)
    for kind, claims, error in triples:
        if kind == ERROR:
            err = rows.decode_error(error)
            report.errors.append(err)
            if on_error:
                on_error(err)
            continue
        report.documents_read += 1
        if kind == KNOWN:
            report.documents_skipped += 1
        else:
            report.documents_added += 1
            report.claims_added += len(rows.decode_claims(claims))
