"""Ingest runs: files -> documents -> claims -> ledger, streamed in batches.

The glue between `ingest/` (reading), the pure core in `extract/` and `ledger/` (writing). Each
batch is parsed with spaCy and written in one transaction, so an interrupted run keeps every batch
it finished and a re-run skips documents already stored (content-hash keys). A document whose
extraction fails (a bug meeting odd text) is reported and left out; the run goes on.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date

from claimledger.batches import batched
from claimledger.errors import EXTRACT_FAILED, InputError
from claimledger.extract.extractor import Extractor
from claimledger.extract.parallel import extract_stream
from claimledger.extract.settings import ExtractorSettings
from claimledger.ingest import read_inputs
from claimledger.ledger.store import Store
from claimledger.models import Claim, Document

ErrorHook = Callable[[InputError], None]
ProgressHook = Callable[[Document, int], None]


@dataclass
class IngestReport:
    """What one run did. `errors` are the inputs skipped (or warned about), in order."""

    documents_read: int = 0
    documents_added: int = 0
    documents_skipped: int = 0
    claims_added: int = 0
    # Identical copies read from another path, URL or outlet, recorded as carriers.
    carriers_added: int = 0
    # Documents stored again because their metadata was corrected at the same path.
    documents_updated: int = 0
    errors: list[InputError] = field(default_factory=list)

    @property
    def nothing_read(self) -> bool:
        """True when not a single document could be read (the CLI then exits non-zero)."""
        return self.documents_read == 0


def ingest_paths(
    store: Store,
    paths: Iterable[str],
    *,
    default_date: date | None = None,
    workers: int = 1,
    batch_size: int = 32,
    on_error: ErrorHook | None = None,
    on_document: ProgressHook | None = None,
    settings: ExtractorSettings | None = None,
) -> IngestReport:
    """Read every input, extract its claims and write them to `store`.

    `settings` default to `ExtractorSettings.from_environment()` (the user's alias file).

    Documents already in the ledger (same doc_id) are not parsed again, which makes re-ingesting
    idempotent and cheap and lets an interrupted run finish the rest.
    """
    settings = settings if settings is not None else ExtractorSettings.from_environment()
    report = IngestReport()
    run_id = store.start_ingest([str(p) for p in paths])
    copies: list[Document] = []
    try:
        new_docs = _new_documents(
            store, read_inputs(paths, default_date=default_date), report, on_error, copies
        )
        batch: list[tuple[Document, list[Claim]]] = []
        extracted = _extract_guarded(
            new_docs, report, on_error, workers=workers, batch_size=batch_size, settings=settings
        )
        for document, claims in extracted:
            batch.append((document, claims))
            if on_document:
                on_document(document, len(claims))
            if len(batch) >= batch_size:
                _write(store, batch, report)
                batch = []
        if batch:
            _write(store, batch, report)
        # After the batches: a copy's document may have been stored by this very run.
        written = store.write_carriers(copies)
        report.carriers_added += written
        report.documents_skipped += len(copies) - written  # copies already recorded as they are
    finally:
        # Updated documents count as added for the run record: both need their copies linked.
        changed = report.documents_added + report.documents_updated
        store.finish_ingest(run_id, changed, report.claims_added, len(report.errors))
    return report


def _extract_guarded(
    documents: Iterable[Document],
    report: IngestReport,
    on_error: ErrorHook | None,
    *,
    workers: int,
    batch_size: int,
    settings: ExtractorSettings,
) -> Iterator[tuple[Document, list[Claim]]]:
    """extract_stream, but an exception costs only the documents that cause it.

    When the stream fails, the documents handed to it and not yet returned are extracted again
    one at a time in this process; each that still fails becomes an EXTRACT_FAILED error (not
    stored, so a later run tries it again) and the stream restarts on the rest.
    """
    source = iter(documents)
    handed: deque[Document] = deque()
    source_failed: list[BaseException] = []

    def feed() -> Iterator[Document]:
        while True:
            try:
                document = next(source)
            except StopIteration:
                return
            except BaseException as exc:  # reading or the ledger failed: not extraction
                source_failed.append(exc)
                raise
            handed.append(document)
            yield document

    while True:
        try:
            stream = extract_stream(
                feed(), workers=workers, batch_size=batch_size, settings=settings
            )
            for document, claims in stream:
                handed.popleft()  # results come back in input order
                yield document, claims
            return
        except Exception as exc:  # one document's bug must not end the run
            if source_failed:
                raise
            first = exc
        stuck = list(handed)
        handed.clear()
        for document in stuck:
            try:
                results = list(Extractor(settings).many([document], batch_size=1))
            except Exception as exc:
                _extract_failed(document, exc, report, on_error)
                continue
            yield from results
        if not stuck:  # failed before taking any document: not a per-document problem
            raise first


def _extract_failed(
    document: Document, exc: Exception, report: IngestReport, on_error: ErrorHook | None
) -> None:
    path, _, line = document.doc_path.rpartition("#")
    error = InputError(
        path if line.isdigit() else document.doc_path,
        f"claims could not be extracted ({type(exc).__name__}: {exc}); not stored",
        line=int(line) if line.isdigit() else None,
        code=EXTRACT_FAILED,
    )
    report.errors.append(error)
    if on_error:
        on_error(error)


def _write(store: Store, batch: list[tuple[Document, list[Claim]]], report: IngestReport) -> None:
    result = store.write_batch(batch)
    report.documents_added += result.documents_added
    report.documents_skipped += result.documents_skipped
    report.claims_added += result.claims_added
    report.documents_updated += result.documents_updated


def _new_documents(
    store: Store,
    items: Iterable[Document | InputError],
    report: IngestReport,
    on_error: ErrorHook | None,
    copies: list[Document],
    chunk: int = 64,
) -> Iterator[Document]:
    """Documents to extract: new ones, and stored ones whose metadata was corrected at the same
    path. Identical copies from another path go to `copies` (carriers); errors are reported."""
    first_path: dict[str, str] = {}

    def flush(pending: list[Document]) -> Iterator[Document]:
        known = store.known_doc_ids(d.doc_id for d in pending)
        status = store.sort_known([d for d in pending if d.doc_id in known])
        for d in pending:
            kind = status.get((d.doc_id, d.doc_path))
            if kind is None or kind == "corrected":
                yield d
            elif kind == "carrier":
                copies.append(d)
            else:
                report.documents_skipped += 1

    def first_reads() -> Iterator[Document]:
        for item in items:
            if isinstance(item, InputError):
                report.errors.append(item)
                if on_error:
                    on_error(item)
                continue
            report.documents_read += 1
            if item.doc_id in first_path:  # the same text twice in one run: one document
                if item.doc_path == first_path[item.doc_id]:
                    report.documents_skipped += 1
                else:  # ... read from two places: a carrier of the first
                    copies.append(item)
                continue
            first_path[item.doc_id] = item.doc_path
            yield item

    for pending in batched(first_reads(), chunk):
        yield from flush(pending)
