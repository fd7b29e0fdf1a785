"""Exports that a spreadsheet or a ClaimReview consumer would run: formulas, script URLs."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from robust_helpers import export_lines, ingest

from claimledger.export.claimreview import web_url
from claimledger.export.csv import inert

FORMULAS = ('=HYPERLINK("http://x.example","a")', "+1+cmd|' /C calc'!A0", "-2+3", "@SUM(A1)")
URLS = (
    "javascript:void(document.title='X')",
    "JaVaScRiPt:alert(1)",
    "java\x00script:alert(1)",
    " javascript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "https://news.example.org/a b",
)


@pytest.fixture(scope="module")
def hostile_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("formulas")
    lines = []
    for i, (formula, url) in enumerate(zip(FORMULAS, URLS, strict=False)):
        lines.append(
            {
                "text": (
                    f"{formula} The port authority said on Monday that {10 + i} ships "
                    f"had been held at the northern quay.\n\n"
                    f"@ Officials said {3 + i} cranes were idle because of formula {i}."
                ),
                "outlet": formula,
                "title": f"\t{formula}",
                "url": url,
                "id": f"\r{formula}",
                "date": "2021-03-0" + str(i + 1),
            }
        )
    feed = folder / "feed.jsonl"
    feed.write_text("\n".join(json.dumps(r) for r in lines) + "\n", encoding="utf-8")
    db = folder / "formulas.db"
    report = ingest(db, feed)
    assert report.claims_added >= 4
    return db


def _rows(db: Path) -> list[list[str]]:
    return list(csv.reader(io.StringIO("\r\n".join(export_lines(db, "csv")) + "\r\n")))


def test_no_csv_cell_starts_a_formula(hostile_db: Path) -> None:
    header, *rows = _rows(hostile_db)
    assert rows
    for row in rows:
        for name, cell in zip(header, row, strict=True):
            if cell[:1] in ("=", "+", "-", "@", "\t", "\r"):
                float(cell)  # only a plain number may start so
            else:
                assert cell[:1] != "\x00", name
    outlets = {row[header.index("outlet")] for row in rows}
    assert outlets <= {"'" + f for f in FORMULAS}
    titles = {row[header.index("title")] for row in rows}
    assert titles <= {"'" + f for f in FORMULAS}  # the tab went with whitespace cleaning
    sentences = [row[header.index("sentence")] for row in rows]
    assert any(s.startswith("'@ Officials said") for s in sentences)
    assert any(s.startswith("'+1+cmd") for s in sentences)


def test_jsonl_keeps_the_metadata_as_written(hostile_db: Path) -> None:
    outlets = {json.loads(line)["outlet"] for line in export_lines(hostile_db)}
    assert outlets <= set(FORMULAS)  # the data itself is not altered, only its CSV cell


@given(st.text(max_size=40))
def test_inert_cells(text: str) -> None:
    cell = inert(text)
    assert cell == text or cell == "'" + text
    if cell[:1] in ("=", "+", "-", "@", "\t", "\r"):
        float(cell)


@pytest.mark.parametrize("number", ["-3", "+12", "-0.5", "1e3"])
def test_plain_numbers_stay_numbers(number: str) -> None:
    assert inert(number) == number


def test_claimreview_appearance_urls_are_http_only(hostile_db: Path) -> None:
    objects = json.loads("\n".join(export_lines(hostile_db, "claimreview")))
    works = [w for o in objects for w in o.get("appearance", [])]
    assert works
    assert all("url" not in w for w in works)  # every carrier's url here is hostile
    assert all(w["identifier"] for w in works)


@pytest.mark.parametrize("url", URLS)
def test_web_url_refuses_scripts(url: str) -> None:
    assert not web_url(url)


@pytest.mark.parametrize("url", ["https://news.example.org/a?b=1#c", "HTTP://EXAMPLE.ORG/"])
def test_web_url_accepts_http(url: str) -> None:
    assert web_url(url)
