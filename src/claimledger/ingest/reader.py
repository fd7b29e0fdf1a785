"""Read one input (file or URL) into Documents, and many inputs lazily.

Every problem becomes an InputError that is yielded, never raised: one bad file, line or page
never stops the run. Single-document files above MAX_FILE_BYTES are rejected before being read
(TOO_LARGE); JSONL and CSV files are streamed, so their size is not limited, only each record's.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator
from datetime import date
from pathlib import Path

from claimledger.errors import EMPTY_FILE, NOT_FOUND, TOO_LARGE, UNDECODABLE, UNREADABLE, InputError
from claimledger.ingest import fetch
from claimledger.ingest.decode import (
    TextDecodeError,
    decode_bytes,
    looks_binary,
    sniff_encoding,
    stream_codec,
)
from claimledger.ingest.detect import RECORD_FORMATS, detect_format, format_from_extension
from claimledger.ingest.discover import Source, is_url, iter_sources
from claimledger.ingest.html import read_html_document
from claimledger.ingest.records import csv_documents, jsonl_documents, stream_lines, text_lines
from claimledger.ingest.text import read_text_document
from claimledger.models import Document

# A single article file above this is not an article (the largest news pages are ~2 MB of HTML).
MAX_FILE_BYTES = 10 * 1024 * 1024
# Bytes read to choose a record file's encoding.
_SNIFF_BYTES = 64 * 1024
# Characters of decoded text that format detection looks at.
_HEAD_CHARS = 4096

Item = Document | InputError


def read_inputs(paths: Iterable[str], *, default_date: date | None = None) -> Iterator[Item]:
    """Stream Documents from files, folders, globs and URLs; errors are yielded, not raised.

    Args:
        paths: files, folders (walked recursively, sorted), glob patterns or http(s) URLs.
        default_date: publication date for documents that carry none (the CLI's --date).

    Yields:
        A Document per article read, or an InputError (file and line named) per problem.
        BAD_DATE errors are warnings: the document follows them with `published` unset.

    Example:
        >>> items = list(read_inputs(["articles/", "feed.jsonl"]))  # doctest: +SKIP
    """
    if isinstance(paths, str):  # one path given bare: not a sequence of one-letter paths
        paths = [paths]
    for source in iter_sources(paths):
        if isinstance(source, InputError):
            yield source
        else:
            yield from read_file(source.path, default_date=default_date)


def read_file(path: str, *, default_date: date | None = None) -> Iterator[Item]:
    """Read one file or URL into Documents (one, or one per record for JSONL/CSV).

    Never raises for bad input: whatever goes wrong, even inside a third-party parser, ends this
    input with one InputError and the caller's run continues.
    """
    source = Source(path, is_url=is_url(path))
    try:
        yield from (
            _read_url(source.path, default_date)
            if source.is_url
            else _read_path(path, default_date)
        )
    except InputError as exc:
        yield exc
    except Exception as exc:  # a parser bug on odd input must not end the whole run
        yield InputError(path, f"cannot be read ({type(exc).__name__}: {exc})", code=UNREADABLE)


def _read_path(path: str, default_date: date | None) -> Iterator[Item]:
    """Check size and kind, then dispatch a local file to its reader."""
    file = Path(path)
    try:
        if file.is_dir():
            yield from read_inputs([path], default_date=default_date)
            return
        size = file.stat().st_size
    except FileNotFoundError:
        yield InputError(path, "no such file", code=NOT_FOUND)
        return
    except OSError as exc:
        yield InputError(path, f"cannot be read ({exc.strerror or exc})", code=UNREADABLE)
        return
    if size == 0:
        yield InputError(path, "empty file", code=EMPTY_FILE)
        return
    if format_from_extension(path) in RECORD_FORMATS:
        yield from _read_records(path, default_date)
        return
    if size > MAX_FILE_BYTES:
        yield InputError(
            path, f"file of {size:,} bytes exceeds {MAX_FILE_BYTES:,}; not read", code=TOO_LARGE
        )
        return
    try:
        data = file.read_bytes()
    except OSError as exc:
        yield InputError(path, f"cannot be read ({exc.strerror or exc})", code=UNREADABLE)
        return
    yield from _read_document(data, path=path, default_date=default_date)


def _read_document(
    data: bytes,
    *,
    path: str,
    default_date: date | None,
    url: str | None = None,
    fmt: str | None = None,
    kind: str | None = None,
) -> Iterator[Item]:
    """Decode a single-document input and read it as `kind` or the format its content shows.

    `fmt` overrides the Document's `format` (`url` for fetched pages).
    """
    try:
        text = decode_bytes(data)
    except TextDecodeError as exc:
        yield InputError(path, exc.message, code=exc.code)
        return
    if not text.strip():
        yield InputError(path, "empty file (whitespace only)", code=EMPTY_FILE)
        return
    detected = kind or detect_format(path, text[:_HEAD_CHARS])
    warnings: list[InputError] = []
    if detected == "jsonl":
        yield from jsonl_documents(text_lines(text), path=path, default_date=default_date)
        return
    if detected == "html":
        document = read_html_document(
            text,
            path=path,
            fmt=fmt or "html",
            url=url,
            default_date=default_date,
            warnings=warnings,
        )
    else:
        document = read_text_document(
            text,
            path=path,
            fmt=fmt or detected,
            default_date=default_date,
            warnings=warnings,
            url=url,
        )
    yield from warnings
    yield document


def _read_records(path: str, default_date: date | None) -> Iterator[Item]:
    """Stream a JSONL or CSV file record by record in the encoding its head shows."""
    try:
        with Path(path).open("rb") as raw:
            head = raw.read(_SNIFF_BYTES)
            fmt = format_from_extension(path)
            codec = sniff_encoding(head, binary_ok=_opens_with_a_record(head, fmt))
            raw.seek(0)
            # surrogateescape: a stray undecodable byte spoils one record, not the file.
            stream = io.TextIOWrapper(
                raw, encoding=stream_codec(codec), errors="surrogateescape", newline=""
            )
            if fmt == "csv":
                yield from csv_documents(stream, path=path, codec=codec, default_date=default_date)
            else:
                yield from jsonl_documents(
                    stream_lines(stream), path=path, codec=codec, default_date=default_date
                )
    except TextDecodeError as exc:
        yield InputError(path, exc.message, code=exc.code)
    except UnicodeError as exc:
        yield InputError(path, f"cannot be decoded ({exc})", code=UNDECODABLE)
    except OSError as exc:
        yield InputError(path, f"cannot be read ({exc.strerror or exc})", code=UNREADABLE)


def _opens_with_a_record(head: bytes, fmt: str | None) -> bool:
    """True when the first line of a record file is a JSON object or a CSV header with a
    `text` column, free of binary bytes: binary bytes after it (a block of NULs left by a
    crash) are then damaged records, reported one by one, not a reason to refuse the file."""
    first = next((line for line in head.split(b"\n") if line.strip()), b"")
    if not first or looks_binary(first):
        return False
    line = first.decode("latin-1").lstrip("\ufeff\xef\xbb\xbf").strip()  # any 8-bit text
    if fmt == "csv":
        header = next(csv.reader([line]), [])
        return "text" in (cell.strip().lower() for cell in header)
    return line.startswith("{")


def _read_url(url: str, default_date: date | None) -> Iterator[Item]:
    """Fetch a page through the `fetch.fetch_url` seam and read it as HTML or text.

    The Document's `url` is the address the page finally came from (after redirects), not a
    canonical link the page claims for itself.
    """
    fetched = fetch.fetch_url(url)
    if not fetched.body:
        yield InputError(url, "empty response", code=EMPTY_FILE)
        return
    # A server that says HTML is believed even when the page opens with text before markup.
    content_type = fetched.content_type
    kind = "html" if content_type and "html" in content_type.lower() else None
    yield from _read_document(
        fetched.body, path=url, default_date=default_date, url=fetched.url, fmt="url", kind=kind
    )
