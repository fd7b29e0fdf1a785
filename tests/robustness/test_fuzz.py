"""Property tests that tests/ingest and tests/extract do not already hold: structured records
through read_file per format, the full Ledger.ingest on generated text, decimal and signed
amounts, and the date resolver on arbitrary text."""

from __future__ import annotations

import csv
import io
import json
import math
import string
import tempfile
from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from robust_helpers import export_lines, ingest, messages

from claimledger.errors import InputError
from claimledger.extract.figures.amounts import parse_amount
from claimledger.extract.when import VAGUE, WEEKDAYS, resolve_expression
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


GOOD_LINE = st.builds(
    lambda n, enc: (json.dumps({"text": f"Officials said {n} soldiers died.", "id": str(n)}), enc),
    st.integers(min_value=0, max_value=10**6),
    st.sampled_from(["utf-8", "cp1252", "cp1251"]),
)
BAD_LINE = st.one_of(
    st.binary(min_size=1, max_size=40).filter(lambda b: b"\n" not in b and b"\r" not in b),
    st.just(b"\x00" * 64),  # a block of NULs, as a crash leaves in a file
    st.sampled_from([b"[1, 2]", b'{"text": 5}', b'{"title": "x"}', b'{"text": "cut', b"null"]),
)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.one_of(GOOD_LINE, BAD_LINE), min_size=1, max_size=12))
# Found by this test: "ё" garbage lines made the whole cp1252 file read as cp1251.
@example([('{"text": "Officials said 0 soldiers died."}', "cp1252"), b"\xb8", b"\xb8" * 3])
def test_jsonl_good_records_survive_any_bad_neighbours(
    lines: list[tuple[str, str] | bytes],
) -> None:
    """Each good record, in any of three encodings, is one Document on its own line whatever
    garbage surrounds it; nothing but Documents and InputErrors comes out."""
    raw = [
        line[0].replace("soldiers", "soldats blessés").encode(line[1], errors="replace")
        if isinstance(line, tuple)
        else line
        for line in lines
    ]
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "mixed.jsonl"
        path.write_bytes(b"\n".join(raw) + b"\n")
        items = list(read_file(str(path)))
    _check(items, path, len(lines))
    docs = {int(d.doc_path.rsplit("#", 1)[1]): d for d in items if isinstance(d, Document)}
    good = {i + 1 for i, line in enumerate(lines) if isinstance(line, tuple)}
    if isinstance(lines[0], tuple):  # a file that opens with a record: every good one is read
        assert set(docs) == good, [str(i) for i in items if isinstance(i, InputError)]
    for number in good & set(docs):
        assert docs[number].text.startswith("Officials said ")
        if lines[number - 1][1] != "cp1251":  # type: ignore[index]
            assert "soldats blessés" in docs[number].text  # the right encoding, line by line


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
        _check(items, path, len(buf.getvalue().splitlines()) + 1)  # a lone \r ends a line too
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


@given(
    st.decimals(min_value=0, max_value=999, places=2, allow_nan=False, allow_infinity=False),
    st.sampled_from([("thousand", 10**3), ("million", 10**6), ("billion", 10**9),
                     ("trillion", 10**12)]),
    st.booleans(),
    st.sampled_from([("", None), ("$", "USD"), ("€", "EUR")]),
)  # fmt: skip
def test_parse_amount_round_trips_scaled_signed_and_money(
    d: object, scale: tuple[str, int], negative: bool, money: tuple[str, str | None]
) -> None:
    (word, factor), (symbol, unit) = scale, money
    sign = "-" if negative and not symbol else ""
    amount = parse_amount(f"{sign}{symbol}{d} {word}")
    expected = float(str(d)) * factor * (-1 if sign else 1)
    assert amount is not None and amount.unit == unit
    assert amount.value == pytest.approx(expected)


@given(st.integers(min_value=1, max_value=99), st.integers(min_value=0, max_value=150))
def test_parse_amount_round_trips_powers(base: int, exp: int) -> None:
    amount = parse_amount(f"{base}^{exp}")
    assert amount is not None and amount.value == pytest.approx(float(base) ** exp)


@given(st.integers(min_value=0, max_value=10**9), st.integers(min_value=0, max_value=10**9))
def test_parse_amount_round_trips_ranges(a: int, b: int) -> None:
    low, high = sorted((a, b))
    for text in (f"{low:,}-{high:,}", f"between {low:,} and {high:,}", f"{low:,} to {high:,}"):
        amount = parse_amount(text)
        assert amount is not None and (amount.low, amount.high) == (low, high), text


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(["10", "^", "999", "9" * 150, "1e309", ",", ".", "-", "million",
                         "trillion", "$", "between", "and", "to", "half", "a", "dozen", " "]),
        max_size=14,
    ).map("".join)
)  # fmt: skip
def test_parse_amount_gives_finite_values_or_none(text: str) -> None:
    amount = parse_amount(text)
    if amount is not None:
        for value in (amount.value, amount.low, amount.high):
            assert value is None or math.isfinite(value), (text, amount)


@given(st.integers(min_value=0, max_value=10**6), st.sampled_from(["%", " percent", " per cent"]))
def test_parse_amount_round_trips_percentages(n: int, sign: str) -> None:
    amount = parse_amount(f"{n:,}{sign}")
    assert amount is not None and (amount.value, amount.unit) == (n, "percent")


RELATIVE = st.sampled_from(
    ["yesterday", "last night", "today", "on Friday", "last Monday", "Sunday night", "last week",
     "March 3", "3rd of March", "February 29", "the previous day", "overnight", "this morning"]
)  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(max_size=60), RELATIVE), st.one_of(st.none(), st.dates()))
@example("yesterday", date.min)  # once OverflowError: a day before 0001-01-01
@example("last Friday", date(1, 1, 3))
@example("Friday", date.min)
@example("December 31", date.max)
def test_resolve_expression_never_raises(text: str, anchor: date | None) -> None:
    for whole in (False, True):
        resolved = resolve_expression(text, anchor, whole=whole)
        assert resolved is None or resolved is VAGUE or isinstance(resolved, date)


@settings(max_examples=200, deadline=None)
@given(RELATIVE, st.dates())
def test_relative_expressions_never_resolve_after_the_dateline(text: str, anchor: date) -> None:
    resolved = resolve_expression(text, anchor)
    assert resolved is None or resolved is VAGUE or resolved <= anchor


WRITTEN = st.sampled_from(
    ["{d:%B} {d.day}, {d.year}", "{d.day} {d:%B} {d.year}", "{d:%A}, {d.day} {d:%B} {d.year}",
     "{d:%b}. {d.day}, {d.year}", "on {d:%B} {d.day}, {d.year}", "{d.day}th of {d:%B} {d.year}",
     "{d:%Y}-{d:%m}-{d:%d}"]
)  # fmt: skip


@settings(max_examples=200, deadline=None)
@given(
    st.dates(min_value=date(1000, 1, 1), max_value=date(9999, 12, 31)),
    WRITTEN,
    st.one_of(st.none(), st.dates()),
)
def test_resolve_expression_round_trips_written_dates(
    d: date, form: str, anchor: date | None
) -> None:
    # parse(format(d)) == d, whatever the dateline: a full date needs none.
    assert resolve_expression(form.format(d=d), anchor, whole=True) == d


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
