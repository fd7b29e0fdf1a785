"""CSV: one row per claim, the contract's scalar fields plus JSON and convenience columns.

``quantities`` holds the quantity list as JSON; ``values`` summarises it for spreadsheets
(``1221;200..300;>=200;<=50``). ``carriers`` is the doc_ids joined by ``;``; span lists are JSON.
Booleans are ``true``/``false``, missing values empty. Fields are quoted as needed, so a
sentence with a line break stays one cell. A cell that a spreadsheet would run as a formula
(text from a document opening with ``= + - @``, a tab or a carriage return) is written with a
leading ``'``, which spreadsheets show as text; plain numbers such as ``-3`` are left as they are.
"""

from __future__ import annotations

import csv
import json
import re
from collections.abc import Iterable
from typing import Any, TextIO

from claimledger.export.record import EXTENSIONS, FIELDS, claim_record
from claimledger.ledger.records import DocMeta
from claimledger.models import Claim, Quantity

COLUMNS: tuple[str, ...] = (*[f for f in FIELDS if f not in EXTENSIONS], "values", *EXTENSIONS)


def _number(x: float) -> str:
    return f"{x:g}" if abs(x) < 1e15 else repr(x)


def value_text(q: Quantity) -> str:
    """A figure in one short token: ``12``, ``200..300``, ``>=200``, ``<=50`` or ``?``."""
    if q.value is not None:
        return _number(q.value)
    if q.low is not None and q.high is not None:
        return f"{_number(q.low)}..{_number(q.high)}"
    if q.low is not None:
        return f">={_number(q.low)}"
    if q.high is not None:
        return f"<={_number(q.high)}"
    return "?"


# What spreadsheets read as the start of a formula (OWASP "CSV injection").
_FORMULA_START = tuple("=+-@\t\r")
# ...unless the whole cell is a number, which they read as one.
_NUMBER = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?")


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return json.dumps(value, ensure_ascii=False)
    return inert(str(value))


def inert(text: str) -> str:
    """`text` as a cell no spreadsheet runs: a formula-like start gets a leading `'`."""
    if text.startswith(_FORMULA_START) and not _NUMBER.fullmatch(text):
        return "'" + text
    return text


def write_csv(records: Iterable[tuple[Claim, DocMeta]], out: TextIO) -> int:
    """Write a header and one row per claim; returns the number of claims written.

    Open `out` with ``newline=""`` so the csv module controls line endings.
    """
    writer = csv.writer(out, quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    n = 0
    for claim, meta in records:
        rec = claim_record(claim, meta)
        rec["carriers"] = ";".join(claim.carriers)
        rec["values"] = ";".join(value_text(q) for q in claim.quantities)
        writer.writerow([_cell(rec[c]) for c in COLUMNS])
        n += 1
    return n
