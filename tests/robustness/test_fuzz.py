"""Property tests that tests/ingest and tests/extract do not already hold: structured records
through read_file per format, the full Ledger.ingest on generated text, decimal and signed
amounts, and the date resolver on arbitrary text."""

from __future__ import annotations

import csv
import io
import json
import string
import tempfile
from datetime import date, timedelta
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from robust_helpers import export_lines, ingest, messages

from claimledger.errors import InputError
from claimledger.extract.amounts import parse_amount
from claimledger.extract.dates import WEEKDAYS, resolve_expression
from claimledger.ingest import read_file
from claimledger.models import Document

FIELD = st.text(st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=40)
RECORD = st.fixed_dictionaries(
    {},
    optional={
        "text": st.one_of(FIELD, st.integers(), st.none()),
        "id": FIELD,
        "title": FIELD,
        "outlet": FIELD,
        "url": FIELD,
        "date": st.one_of(FIELD, st.dates().map(date.isoformat)),
    },
)


def _check(items: list[Document | InputError], path: Path, lines: int) -> None:
    for item in items:
        assert isinstance(item, Document | InputError), item
        if isinstance(item, InputError):
            assert item.path == str(path)
            assert item.line is None or 1 <= item.line <= lines


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(RECORD, max_size=5))
def test_jsonl_records_give_documents_or_errors_naming_their_line(
    rows: list[dict[str, object]],
) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "feed.jsonl"
        path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
        items = list(read_file(str(path)))
        _check(items, path, len(rows))
        docs = [i for i in items if isinstance(i, Document)]
        readable = [r for r in rows if isinstance(r.get("text"), str) and str(r["text"]).strip()]
        assert len(docs) <= len(readable)
        for doc in docs:  # each Document is the record on the line its doc_path names
            line = int(doc.doc_path.rsplit("#", 1)[1])
            assert isinstance(rows[line - 1].get("text"), str)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.lists(FIELD, min_size=0, max_size=5), max_size=5), st.booleans())
def test_csv_rows_give_documents_or_errors(rows: list[list[str]], with_text: bool) -> None:
    header = ["id", "text", "date", "outlet"] if with_text else ["id", "title"]
    buf = io.StringIO()
    csv.writer(buf).writerows([header, *rows])
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "rows.csv"
        path.write_text(buf.getvalue(), encoding="utf-8")
        items = list(read_file(str(path)))
        _check(items, path, buf.getvalue().count("\n") + 1)
        if not with_text:
            assert len(items) == 1 and isinstance(items[0], InputError)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.text(max_size=300),
    st.sampled_from(
        ["<html><body><article><p>{}</p></article></body></html>", "---\ntitle: x\n---\n{}", "{}"]
    ),
    st.sampled_from([".txt", ".md", ".html", ".htm", ".text"]),
)
def test_single_document_files_give_documents_or_errors(body: str, frame: str, suffix: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"page{suffix}"
        path.write_text(frame.format(body), encoding="utf-8", errors="surrogatepass")
        items = list(read_file(str(path)))
        _check(items, path, 10**6)
        assert sum(isinstance(i, Document) for i in items) <= 1


@settings(
    max_examples=6, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.text(string.ascii_letters + string.digits + " .,'\"-\n%$", min_size=1, max_size=200))
def test_full_ingest_of_generated_text_is_idempotent(tmp_path: Path, body: str) -> None:
    with tempfile.TemporaryDirectory(dir=tmp_path) as tmp:
        folder = Path(tmp)
        (folder / "a.txt").write_text(f"Officials said {body}\n", encoding="utf-8")
        db = folder / "fuzz.db"
        first = ingest(db, folder / "a.txt")
        assert first.documents_read == 1, messages(first)
        before = export_lines(db)
        for line in before:
            record = json.loads(line)
            assert record["sentence"] and 0 <= record["start"] < record["end"]
        again = ingest(db, folder / "a.txt")
        assert again.documents_added == 0 and export_lines(db) == before


@given(
    st.decimals(
        min_value=-(10**9), max_value=10**9, places=2, allow_nan=False, allow_infinity=False
    )
)
def test_parse_amount_round_trips_grouped_decimals(d: object) -> None:
    amount = parse_amount(format(d, ",.2f"))
    assert amount is not None and amount.value == float(format(d, ".2f"))


@given(st.integers(min_value=0, max_value=10**6), st.sampled_from(["%", " percent", " per cent"]))
def test_parse_amount_round_trips_percentages(n: int, sign: str) -> None:
    amount = parse_amount(f"{n:,}{sign}")
    assert amount is not None and (amount.value, amount.unit) == (n, "percent")


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=60), st.one_of(st.none(), st.dates()))
def test_resolve_expression_never_raises(text: str, anchor: date | None) -> None:
    resolve_expression(text, anchor)
    resolve_expression(text, anchor, whole=True)


@given(
    st.dates(min_value=date(1, 1, 8), max_value=date(9999, 12, 31)),
    st.sampled_from(sorted(WEEKDAYS)),
    st.sampled_from(["on {}", "last {}", "{} night", "late on {}", "{}"]),
)
def test_weekdays_resolve_within_seven_days_before_any_dateline(
    anchor: date, name: str, form: str
) -> None:
    resolved = resolve_expression(form.format(name.capitalize()), anchor)
    assert isinstance(resolved, date)
    assert anchor - timedelta(days=7) <= resolved <= anchor
    assert resolved.weekday() == WEEKDAYS[name]
