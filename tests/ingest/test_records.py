"""JSONL and CSV: one document per record, bad records reported by line, the rest read."""

from __future__ import annotations

import csv
import io
import json
from datetime import date
from pathlib import Path

from claimledger.errors import (
    BAD_CSV,
    BAD_DATE,
    BAD_JSON_LINE,
    EMPTY_FILE,
    MISSING_TEXT,
    TOO_LARGE,
    InputError,
)
from claimledger.ingest import read_file
from claimledger.ingest.records import stream_lines
from claimledger.models import Document

FIRST = "The coastguard said 31 people were rescued from the ferry."
SECOND = "Police denied that the protest had been banned, a spokesman said."


def _split(items: list[Document | InputError]) -> tuple[list[Document], list[InputError]]:
    docs = [i for i in items if isinstance(i, Document)]
    errors = [i for i in items if isinstance(i, InputError)]
    return docs, errors


def test_jsonl_reads_fields_and_reports_bad_lines(tmp_path: Path) -> None:
    lines = [
        json.dumps(
            {
                "id": 17,
                "text": FIRST,
                "url": "https://e.org/1",
                "date": "2021-09-01",
                "outlet": "Coast News",
                "title": "Ferry rescue",
            }
        ),
        "",
        "[1, 2, 3]",
        json.dumps({"title": "no text here"}),
        json.dumps({"text": "   "}),
        json.dumps({"text": SECOND, "date": "someday"}),
        '{"text": "The storm cut power to 4,000 homes, the util',
    ]
    feed = tmp_path / "feed.jsonl"
    feed.write_text("\n".join(lines), encoding="utf-8")
    docs, errors = _split(list(read_file(str(feed))))
    assert [d.text for d in docs] == [FIRST, SECOND]
    first = docs[0]
    assert first.doc_path == f"{feed}#1"
    assert (first.source_id, first.url, first.outlet, first.title, first.published) == (
        "17",
        "https://e.org/1",
        "Coast News",
        "Ferry rescue",
        date(2021, 9, 1),
    )
    assert first.format == "jsonl"
    assert docs[1].doc_path == f"{feed}#6" and docs[1].published is None
    assert [(e.code, e.line) for e in errors] == [
        (BAD_JSON_LINE, 3),
        (MISSING_TEXT, 4),
        (MISSING_TEXT, 5),
        (BAD_DATE, 6),
        (BAD_JSON_LINE, 7),
    ]
    assert "truncated" in errors[-1].message
    assert all(str(feed) in str(e) for e in errors)


def test_jsonl_whitespace_only_file_is_empty(tmp_path: Path) -> None:
    feed = tmp_path / "blank.ndjson"
    feed.write_text("\n\n  \n", encoding="utf-8")
    assert [e.code for e in read_file(str(feed)) if isinstance(e, InputError)] == [EMPTY_FILE]


def test_jsonl_in_a_txt_file_is_detected(tmp_path: Path) -> None:
    path = tmp_path / "export.txt"
    path.write_text(json.dumps({"text": FIRST}) + "\n" + json.dumps({"text": SECOND}) + "\n")
    docs, errors = _split(list(read_file(str(path))))
    assert not errors
    assert [d.doc_path for d in docs] == [f"{path}#1", f"{path}#2"]


def test_stream_lines_caps_an_overlong_line() -> None:
    stream = io.StringIO("short\n" + "x" * 500 + "\nafter\n")
    assert list(stream_lines(stream, limit=100)) == [
        (1, "short\n", True),
        (2, None, True),
        (3, "after\n", True),
    ]


def test_jsonl_overlong_line_is_too_large(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import claimledger.ingest.records as records

    monkeypatch.setattr(records, "MAX_RECORD_CHARS", 200)
    feed = tmp_path / "long.jsonl"
    feed.write_text(json.dumps({"text": "word " * 100}) + "\n" + json.dumps({"text": FIRST}) + "\n")
    items = list(read_file(str(feed)))
    assert isinstance(items[0], InputError) and items[0].code == TOO_LARGE and items[0].line == 1
    assert isinstance(items[1], Document) and items[1].text == FIRST


def test_csv_with_embedded_newlines_and_line_numbers(tmp_path: Path) -> None:
    path = tmp_path / "rows.csv"
    with path.open("w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f)
        writer.writerow(["ID", "Text", "Date", "Outlet", "Extra"])
        writer.writerow(
            [
                "a1",
                FIRST + "\n\nRescuers searched through the night.",
                "2021-09-01",
                "Coast News",
                "x",
            ]
        )
        writer.writerow(["a2", "", "2021-09-02", "Coast News", "y"])
        writer.writerow(["a3", SECOND, "", "", ""])
    docs, errors = _split(list(read_file(str(path))))
    assert [(e.code, e.line) for e in errors] == [(MISSING_TEXT, 5)]
    assert docs[0].text == FIRST + "\n\nRescuers searched through the night."
    assert docs[0].doc_path == f"{path}#2"
    assert (docs[0].source_id, docs[0].published, docs[0].outlet) == (
        "a1",
        date(2021, 9, 1),
        "Coast News",
    )
    assert docs[1].doc_path == f"{path}#6"
    assert docs[1].format == "csv"


def test_csv_without_text_column_is_one_error(tmp_path: Path) -> None:
    path = tmp_path / "wrong.csv"
    path.write_text("id,body\n1,The council said the vote was delayed.\n2,Another row.\n")
    items = list(read_file(str(path)))
    assert len(items) == 1
    assert isinstance(items[0], InputError) and items[0].code == BAD_CSV
    assert "text" in items[0].message and str(path) in str(items[0])


def test_csv_in_cp1251_decodes_as_cyrillic(tmp_path: Path) -> None:
    russian = "Министерство обороны сообщило, что двенадцать военных получили ранения."
    path = tmp_path / "ru.csv"
    path.write_bytes(f'text,outlet\n"{russian}",Вести\n'.encode("cp1251"))
    docs, errors = _split(list(read_file(str(path))))
    assert not errors
    assert docs[0].text == russian and docs[0].outlet == "Вести"


def test_csv_field_longer_than_csv_default_limit(tmp_path: Path) -> None:
    long_text = (
        "The council said the vote was delayed again. " * 4000
    )  # ~180 KB, above csv's 128 KB
    path = tmp_path / "long.csv"
    with path.open("w", newline="", encoding="utf-8") as f:
        csv.writer(f).writerows([["text"], [long_text]])
    docs, errors = _split(list(read_file(str(path))))
    assert not errors and docs[0].text == long_text.strip()
