"""Front matter that is not strict YAML, hostile YAML, impossible dates, lone surrogates."""

from __future__ import annotations

import json
import time
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimledger.errors import BAD_DATE, UNDECODABLE, UNREADABLE, InputError
from claimledger.ingest import read_inputs
from claimledger.ingest.frontmatter import key_by_key, parse_front_matter, scrub_surrogates
from claimledger.ingest.text import read_text_document
from claimledger.models import Document

BODY = (
    "The regional governor said on Tuesday that 14 villages had lost power after the storm.\n\n"
    "Engineers from the grid operator expected most homes to be reconnected by Friday."
)


def read(text: str) -> tuple[Document, list[InputError]]:
    warnings: list[InputError] = []
    doc = read_text_document(text, path="storm.md", fmt="md", warnings=warnings)
    return doc, warnings


def test_crlf_front_matter_is_read_like_lf() -> None:
    text = "---\r\ndate: 2022-03-08\r\noutlet: Valley Courier\r\ntitle: Storm cuts power\r\n---\r\n"
    doc, warnings = read(text + BODY.replace("\n", "\r\n"))
    assert warnings == []
    assert (doc.published, doc.outlet, doc.title) == (
        date(2022, 3, 8),
        "Valley Courier",
        "Storm cuts power",
    )
    assert "Valley Courier" not in doc.text and "---" not in doc.text
    assert doc.text.startswith("The regional governor said")


def test_unquoted_colon_in_title_is_read_key_by_key_with_a_warning() -> None:
    text = "---\ndate: 2022-03-08\ntitle: Storm: 14 villages dark\noutlet: Valley Courier\n---\n"
    doc, warnings = read(text + BODY)
    assert (doc.title, doc.outlet, doc.published) == (
        "Storm: 14 villages dark",
        "Valley Courier",
        date(2022, 3, 8),
    )
    assert [w.code for w in warnings] == [UNREADABLE]
    assert warnings[0].kept and "key by key" in warnings[0].message
    assert "storm.md" in str(warnings[0])


def test_tabs_and_folded_lines_in_front_matter() -> None:
    text = (
        "---\n\tdate:\t2022-03-09\ntitle: A long headline\n  that goes on\noutlet:\tCourier\n---\n"
    )
    doc, _ = read(text + BODY)
    assert doc.published == date(2022, 3, 9)
    assert doc.title == "A long headline that goes on"
    assert doc.outlet == "Courier"


def test_yaml_scalars_stay_text() -> None:
    doc, warnings = read("---\ntitle: No\nid: 0012\noutlet: 'Yes'\n---\n" + BODY)
    assert warnings == []
    assert (doc.title, doc.source_id, doc.outlet) == ("No", "0012", "Yes")


BOMB = (
    "date: &a ['lol','lol','lol','lol','lol','lol','lol','lol','lol']\n"
    + "".join(f"k{i}: &{chr(98 + i)} [{','.join(['*' + chr(97 + i)] * 9)}]\n" for i in range(9))
    + "title: Storm report\n"
)


def test_alias_bomb_is_refused_fast_and_document_kept() -> None:
    assert len(BOMB) < 1000
    start = time.perf_counter()
    doc, warnings = read("---\n" + BOMB + "---\n" + BODY)
    assert time.perf_counter() - start < 2.0
    assert doc.title == "Storm report"
    assert doc.published is None
    codes = [w.code for w in warnings]
    assert UNREADABLE in codes and BAD_DATE in codes  # `date: &a [...]` is not a date
    assert any("anchor" in w.message for w in warnings)


@pytest.mark.parametrize("depth", [100, 5_000, 60_000])
def test_deeply_nested_yaml_is_bounded(depth: int) -> None:
    block = "title: Storm report\nextra: " + "[" * depth + "]" * depth + "\n"
    start = time.perf_counter()
    data, problem = parse_front_matter(block)
    assert time.perf_counter() - start < 5.0
    assert problem is not None and data["title"] == "Storm report"


@pytest.mark.parametrize("value", ["2020-02-30", "0000-00-00", "2020-13-01", "2021-02-29"])
def test_impossible_date_keeps_document_with_cl110(value: str) -> None:
    doc, warnings = read(f"---\ndate: {value}\noutlet: Valley Courier\n---\n" + BODY)
    assert doc.outlet == "Valley Courier" and doc.published is None
    assert [w.code for w in warnings] == [BAD_DATE]
    assert value in warnings[0].message and warnings[0].kept


@settings(max_examples=60, deadline=None)
@given(year=st.integers(1900, 2099), month=st.integers(1, 12), day=st.integers(29, 99))
def test_any_out_of_range_day_is_a_warning(year: int, month: int, day: int) -> None:
    value = f"{year:04d}-{month:02d}-{day:02d}"
    try:
        valid = date(year, month, day)
    except ValueError:
        valid = None
    doc, warnings = read(f"---\ndate: {value}\n---\n" + BODY)
    assert doc.published == valid
    assert [w.code for w in warnings] == ([] if valid else [BAD_DATE])


def test_lone_surrogate_in_front_matter_title_is_replaced_with_one_warning() -> None:
    doc, warnings = read('---\ntitle: "Storm \\ud800 report"\ndate: 2022-03-08\n---\n' + BODY)
    assert doc.title == "Storm \ufffd report"
    assert doc.published == date(2022, 3, 8)
    assert [w.code for w in warnings] == [UNDECODABLE]
    assert "title" in warnings[0].message and warnings[0].kept
    doc.model_dump_json().encode("utf-8")  # storable: no surrogate left


def test_surrogate_pair_written_as_two_escapes_is_joined() -> None:
    assert scrub_surrogates("ok \ud83d\ude00 \udc00") == "ok \U0001f600 \ufffd"


@settings(max_examples=80, deadline=None)
@given(st.text(alphabet=st.characters(min_codepoint=0xD700, max_codepoint=0xE0FF), max_size=30))
def test_scrubbed_text_always_encodes(value: str) -> None:
    scrub_surrogates(value).encode("utf-8")


def test_jsonl_surrogates_cost_one_warning_each_and_later_lines_are_read(tmp_path: Path) -> None:
    lines = [
        {"text": "The ombudsman said 9 homes were hit in the valley.", "outlet": "Wire \ud800"},
        {"text": "The mayor said 3 bridges were \udfff closed on Monday."},
        {"text": "Rescuers said 5 families had been moved to the school gym."},
        {"text": "The utility said 200 workers were repairing lines overnight."},
    ]
    feed = tmp_path / "feed.jsonl"
    feed.write_text("\n".join(json.dumps(r) for r in lines) + "\n", encoding="utf-8")
    items = list(read_inputs([str(feed)]))
    docs = [i for i in items if isinstance(i, Document)]
    warnings = [i for i in items if isinstance(i, InputError)]
    assert len(docs) == 4
    assert [(w.line, w.code, w.kept) for w in warnings] == [
        (1, UNDECODABLE, True),
        (2, UNDECODABLE, True),
    ]
    assert docs[0].outlet == "Wire \ufffd"
    assert all(d.model_dump_json().encode() for d in docs)


def test_anchors_are_dropped_and_aliases_never_expanded() -> None:
    doc, warnings = read("---\ntitle: &t Storm report\noutlet: *t\n---\n" + BODY)
    assert (doc.title, doc.outlet) == ("Storm report", None)
    assert "anchor" in warnings[0].message


def test_key_by_key_ignores_lines_that_are_not_keys() -> None:
    block = "- a list item\ntitle: 'Quoted: yes'\n# comment\nurl: https://x.example/a"
    assert key_by_key(block) == {
        "title": "Quoted: yes",
        "url": "https://x.example/a",
    }


_title = st.text(
    alphabet=st.characters(categories=["L", "N", "Zs"], include_characters=":-'!?,."),
    min_size=1,
    max_size=60,
).filter(lambda t: t.strip() and not t.strip().startswith(("'", '"')))


@settings(max_examples=80, deadline=None)
@given(title=_title, day=st.dates(min_value=date(1990, 1, 1), max_value=date(2099, 12, 31)))
def test_titles_with_colons_survive_key_by_key(title: str, day: date) -> None:
    text = f"---\r\ntitle: {title}: report\r\ndate: {day.isoformat()}\r\n---\r\n" + BODY
    doc, _ = read(text)
    assert doc.title == " ".join(f"{title}: report".split())
    assert doc.published == day


@pytest.mark.parametrize("text", ["\u202e\u202d\u2066\u2069", "-- ... !!", "\u200b\u200d"])
def test_text_without_a_letter_or_digit_is_empty(text: str) -> None:
    from claimledger.errors import EMPTY_FILE

    with pytest.raises(InputError) as info:
        read_text_document(text + "\n", path="marks.txt")
    assert info.value.code == EMPTY_FILE


def test_a_bom_opening_a_later_jsonl_line_is_ignored(tmp_path: Path) -> None:
    first = json.dumps({"text": "The mayor said 4 schools were closed on Monday."})
    second = "\ufeff" + json.dumps({"text": "The mayor said 6 bridges were closed on Tuesday."})
    feed = tmp_path / "joined.jsonl"
    feed.write_text(f"{first}\n{second}\n", encoding="utf-8")
    items = list(read_inputs([str(feed)]))
    assert [type(i) for i in items] == [Document, Document]
