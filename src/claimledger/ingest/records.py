"""JSONL and CSV: one document per record, read lazily line by line.

Each bad record gives one InputError naming `file:line` and the next record is read; a CSV
without a `text` column gives one error for the whole file. Documents record `file#line` as
doc_path (the line a record starts on).
"""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Iterable, Iterator, Mapping
from datetime import date
from typing import TextIO

from claimledger.errors import (
    BAD_CSV,
    BAD_JSON_LINE,
    EMPTY_FILE,
    MISSING_TEXT,
    TOO_LARGE,
    UNREADABLE,
    InputError,
)
from claimledger.ingest.decode import TextDecodeError, repair
from claimledger.ingest.text import normalise_meta, read_text_document
from claimledger.models import Document

# Longest record accepted, in characters; longer lines are skipped without being held whole.
MAX_RECORD_CHARS = 10_000_000
# Read size when skipping the rest of an overlong line.
_CHUNK = 1 << 16

Item = Document | InputError
# (line number, line text or None when too long, line ended with a newline)
Line = tuple[int, str | None, bool]


def stream_lines(stream: TextIO, limit: int | None = None) -> Iterator[Line]:
    """Lines of a text stream, numbered from 1, never holding more than `limit` characters.

    `limit` defaults to MAX_RECORD_CHARS, read at call time.
    """
    limit = MAX_RECORD_CHARS if limit is None else limit
    number = 0
    while True:
        line = stream.readline(limit + 1)
        if not line:
            return
        number += 1
        if len(line) > limit and not line.endswith("\n"):
            while (rest := stream.readline(_CHUNK)) and not rest.endswith("\n"):
                pass
            yield number, None, bool(rest)
            continue
        yield number, line, line.endswith("\n")


def text_lines(text: str) -> Iterator[Line]:
    """Lines of an in-memory text (a .txt that turned out to hold JSON lines)."""
    for number, line in enumerate(text.splitlines(keepends=True), start=1):
        yield number, line, line.endswith(("\n", "\r"))


def jsonl_documents(
    lines: Iterable[Line], *, path: str, codec: str = "utf-8", default_date: date | None = None
) -> Iterator[Item]:
    """One Document per JSON object line; blank lines are skipped, bad lines reported."""
    seen_any = False
    for number, line, ended in lines:
        if line is None:
            yield InputError(
                path,
                f"line longer than {MAX_RECORD_CHARS:,} characters",
                line=number,
                code=TOO_LARGE,
            )
            continue
        if not line.strip():
            continue
        seen_any = True
        try:
            # raw tabs in strings; a BOM opening any line (files joined with `cat`) is no text
            record = json.loads(repair(line, codec).lstrip("\ufeff"), strict=False)
        except TextDecodeError as exc:
            yield InputError(path, exc.message, line=number, code=exc.code)
            continue
        except ValueError as exc:
            what = "truncated last line, not complete JSON" if not ended else "not valid JSON"
            yield InputError(path, f"{what} ({exc})", line=number, code=BAD_JSON_LINE)
            continue
        except RecursionError:  # [[[[... nested deeper than the JSON decoder can follow
            yield InputError(path, "JSON nested too deeply", line=number, code=BAD_JSON_LINE)
            continue
        if not isinstance(record, dict):
            kind = type(record).__name__
            yield InputError(path, f"not a JSON object (a {kind})", line=number, code=BAD_JSON_LINE)
            continue
        yield from _record_document(
            record, path=path, line=number, fmt="jsonl", default_date=default_date
        )
    if not seen_any:
        yield InputError(path, "empty file, no JSON lines", code=EMPTY_FILE)


def csv_documents(
    stream: TextIO, *, path: str, codec: str = "utf-8", default_date: date | None = None
) -> Iterator[Item]:
    """One Document per CSV row after the header; `text` column required, newlines in fields ok.

    Blank lines before the header are skipped. A quoted field still open at the end of the file
    (a truncated file, or a stray quote that swallowed the rows after it) is reported, not
    stored: its "text" would be the raw rows that follow.
    """
    _allow_long_fields()
    at_end = [False]
    reader = csv.reader(_lines_until_end(stream, at_end))
    try:
        header = next(reader, None)
        while header == []:
            header = next(reader, None)
    except csv.Error as exc:
        yield InputError(path, f"unreadable CSV header ({exc})", line=1, code=BAD_CSV)
        return
    if header is None:
        yield InputError(path, "empty file, no CSV header", code=EMPTY_FILE)
        return
    header_line = reader.line_num
    columns = [repair(name, codec).strip().lstrip("\ufeff").lower() for name in header]
    if "text" not in columns:
        yield InputError(
            path,
            f"no 'text' column in the header (found: {', '.join(columns)})",
            line=header_line,
            code=BAD_CSV,
        )
        return
    start = reader.line_num + 1
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            yield InputError(path, f"unreadable CSV row ({exc})", line=start, code=BAD_CSV)
            start = reader.line_num + 1
            continue
        line, start = start, reader.line_num + 1
        if at_end[0]:  # the reader ran out of lines inside a quoted field
            yield InputError(
                path,
                "quoted field not closed before the end of the file (truncated or stray quote)",
                line=line,
                code=BAD_CSV,
            )
            return
        if not any(cell.strip() for cell in row):
            continue
        try:
            record = {name: repair(value, codec) for name, value in zip(columns, row, strict=False)}
        except TextDecodeError as exc:
            yield InputError(path, exc.message, line=line, code=exc.code)
            continue
        yield from _record_document(
            record, path=path, line=line, fmt="csv", default_date=default_date
        )


def _record_document(
    record: Mapping[str, object], *, path: str, line: int, fmt: str, default_date: date | None
) -> Iterator[Item]:
    """The Document of one record plus any warnings; MISSING_TEXT when `text` is absent."""
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        problem = "missing 'text'" if text is None else "'text' is empty or not a string"
        yield InputError(path, problem, line=line, code=MISSING_TEXT)
        return
    # Only the known metadata keys go on: a column named "path" must not reach a parameter.
    meta = normalise_meta({k: v for k, v in record.items() if k != "text"})
    warnings: list[InputError] = []
    try:
        document = read_text_document(
            text,
            path=path,
            fmt=fmt,
            line=line,
            doc_path=f"{path}#{line}",
            default_date=default_date,
            warnings=warnings,
            **meta,
        )
    except InputError as exc:
        yield exc
        return
    except (UnicodeError, ValueError, RecursionError) as exc:  # this record only, not the file
        yield InputError(
            path, f"record cannot be read ({type(exc).__name__}: {exc})", line=line, code=UNREADABLE
        )
        return
    yield from warnings
    yield document


def _lines_until_end(stream: TextIO, at_end: list[bool]) -> Iterator[str]:
    """The lines of `stream`; sets at_end[0] once they are exhausted.

    csv.reader only asks for a line past the last one while a quoted field is still open, so
    the flag set during a row marks a quote that never closed.
    """
    yield from stream
    at_end[0] = True


def _allow_long_fields() -> None:
    """Raise csv's 128 KB field limit so a long article in one cell is read, up to our own cap."""
    if csv.field_size_limit() < MAX_RECORD_CHARS:
        csv.field_size_limit(min(MAX_RECORD_CHARS, sys.maxsize))
