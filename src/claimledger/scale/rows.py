"""The rows that flow through a Ray pipeline and into Parquet: one row per input item.

Every row has the same five string/int columns, whatever it holds, so Ray Data and Parquet see
one fixed schema:

    kind      "doc" (a document, with its claims once extracted), "known" (a document the
              ledger already holds: not parsed again) or "error" (an input that could not be read)
    doc_id    the document's id ("" for errors)
    document  the Document as JSON ("" for known rows and errors)
    claims    the document's claims as a JSON list ("[]" until extracted)
    error     the InputError as JSON ("" otherwise)

JSON keeps dates, spans and optional fields exact across processes and machines: a document and
its claims decoded from a row are equal to the ones the local runner would have produced.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, Any

from pydantic import TypeAdapter

from claimledger.errors import InputError
from claimledger.models import Claim, Document

if TYPE_CHECKING:
    from claimledger.runner import ErrorHook, IngestReport, ProgressHook

COLUMNS = ("kind", "doc_id", "document", "claims", "error")
DOC, KNOWN, ERROR = "doc", "known", "error"

_CLAIMS = TypeAdapter(list[Claim])

Row = dict[str, Any]
# A column-oriented batch, as Ray Data hands it to `map_batches` (lists or numpy arrays).
Batch = dict[str, Any]


def empty_batch() -> dict[str, list[Any]]:
    """A batch with every column and no rows."""
    return {c: [] for c in COLUMNS}


def doc_row(document: Document, claims: Sequence[Claim] | None = None) -> Row:
    """A row for a document, with its claims when they are known."""
    encoded = "[]" if not claims else _CLAIMS.dump_json(list(claims)).decode("utf-8")
    return {
        "kind": DOC,
        "doc_id": document.doc_id,
        "document": document.model_dump_json(),
        "claims": encoded,
        "error": "",
    }


def error_row(error: InputError) -> Row:
    """A row for an input that could not be read (it is reported, never extracted)."""
    payload = {"path": error.path, "message": error.message, "line": error.line, "code": error.code}
    encoded = json.dumps(payload, ensure_ascii=False)
    return {"kind": ERROR, "doc_id": "", "document": "", "claims": "[]", "error": encoded}


def known_row(doc_id: str) -> Row:
    """A row standing for a document already in the ledger: only its id travels on."""
    return {"kind": KNOWN, "doc_id": doc_id, "document": "", "claims": "[]", "error": ""}


def decode_document(raw: str) -> Document:
    """The Document encoded by `doc_row`."""
    return Document.model_validate_json(raw)


def decode_claims(raw: str) -> list[Claim]:
    """The claims encoded by `doc_row`."""
    return _CLAIMS.validate_json(raw)


def decode_error(raw: str) -> InputError:
    """The InputError encoded by `error_row`."""
    data = json.loads(raw)
    return InputError(data["path"], data["message"], line=data["line"], code=data["code"])


def append(batch: dict[str, list[Any]], row: Row) -> None:
    """Add one row to a column-oriented batch."""
    for column in COLUMNS:
        batch[column].append(row[column])


def iter_rows(batch: Batch) -> Iterator[Row]:
    """The rows of a column-oriented batch, with plain `str` values."""
    columns = [batch[c] for c in COLUMNS]
    for values in zip(*columns, strict=True):
        yield {c: str(v) for c, v in zip(COLUMNS, values, strict=True)}


def tally(
    batch: Batch,
    report: IngestReport,
    on_error: ErrorHook | None,
    on_document: ProgressHook | None,
) -> Iterator[tuple[Document, list[Claim]]]:
    """Count and report a batch's rows; yield its new documents with their claims (the
    same tally for rows from Ray workers and rows read back from Parquet)."""
    for row in iter_rows(batch):
        if row["kind"] == ERROR:
            error = decode_error(row["error"])
            report.errors.append(error)
            if on_error:
                on_error(error)
            continue
        report.documents_read += 1
        if row["kind"] == KNOWN:
            report.documents_skipped += 1
            continue
        document, claims = decode_document(row["document"]), decode_claims(row["claims"])
        if on_document:
            on_document(document, len(claims))
        yield document, claims
