"""Hostile text is data: HTML/JS, SQL, path, control and bidi characters round-trip as text
through the store, the JSONL and CSV exports, the JSON API, and come out escaped in pages."""

from __future__ import annotations

import csv
import io
import json
import socket
import sqlite3
import threading
import time
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path
from typing import Any

import httpx
import pytest
import uvicorn
from robust_helpers import export_lines, ingest, messages

from claimledger.ingest.clean import clean_text
from claimledger.web.app import create_app

SCRIPT = "<script>alert(1)</script>"
IMG = '"><img src=x onerror=alert(1)>'
SQL = "'; DROP TABLE claims; --"
PATH = "../../etc/passwd"
RTL = "\u202eevil\u202c"

TEXT = (
    "Azerbaijan's Defence Ministry said on Tuesday that 12 soldiers had typed "
    f"{SCRIPT} into the form.\n\n"
    f"The Armenian ombudsman said the page showed {IMG} to 40 readers.\n\n"
    f"Officials said the attackers sent {SQL} to 3 servers in Ganja.\n\n"
    f"A spokesman said the file {PATH} was requested 9 times.\n\n"
    f"The mayor said the name {RTL} appeared 5 times in Stepanakert\u200b.\n\n"
    "Officials said a bell\u0007 rang 2 times at the\u200d border.\n"
)
PAYLOADS = (SCRIPT, IMG, SQL, PATH, RTL)
# Terminal escapes, NUL, BEL, DEL and line separators in metadata.
CONTROL = "\x1b[2J\x00\x07\x7f"
META = {
    "id": f"{SQL}{PATH}",
    "title": f"{SCRIPT}{CONTROL} {IMG}",
    "outlet": f"{PATH}\u2028{RTL}\u200b",
    "url": f"javascript:alert(1)//{PATH}?q={SQL}",
    "date": "2020-10-06",
}
# Metadata as stored: the fields of the record, with control characters dropped and line
# separators made spaces (as in the text); everything else unchanged.
STORED_META = {
    "source_id": META["id"],
    "title": f"{SCRIPT}[2J {IMG}",
    "outlet": f"{PATH} {RTL}\u200b",
    "url": META["url"],
}
# A file name made of payloads: kept as the document's path everywhere, escaped in pages.
HOSTILE_NAME = f"{SCRIPT.replace('/', '|')} {SQL} $(id) %2e%2e\\{RTL}.txt"
NAMED_TEXT = "The ombudsman said on Monday that 14 homes had burned in Martuni.\n"


@pytest.fixture(scope="module")
def hostile_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A ledger holding one hostile JSONL record."""
    folder = tmp_path_factory.mktemp("hostile")
    feed = folder / "feed.jsonl"
    feed.write_text(json.dumps({**META, "text": TEXT}) + "\n", encoding="utf-8")
    named = folder / HOSTILE_NAME
    named.write_text(NAMED_TEXT, encoding="utf-8")
    db = folder / "hostile.db"
    report = ingest(db, feed, named)
    assert report.documents_added == 2, messages(report)
    return db


@pytest.fixture(scope="module")
def named_path(hostile_db: Path) -> str:
    """The stored path of the document read from the file with the hostile name."""
    return str(hostile_db.parent / HOSTILE_NAME)


@pytest.fixture(scope="module")
def all_records(hostile_db: Path) -> list[dict[str, Any]]:
    """The JSONL export of the hostile ledger."""
    return [json.loads(line) for line in export_lines(hostile_db)]


@pytest.fixture(scope="module")
def records(all_records: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The exported claims of the hostile JSONL record."""
    return [r for r in all_records if r["doc_path"].endswith("feed.jsonl#1")]


@pytest.fixture(scope="module")
def named_records(all_records: list[dict[str, Any]], named_path: str) -> list[dict[str, Any]]:
    """The exported claims of the file with the hostile name."""
    return [r for r in all_records if r["doc_path"] == named_path]


@pytest.fixture(scope="module")
def client(hostile_db: Path) -> Iterator[httpx.Client]:
    """A real uvicorn server over the hostile ledger, and an HTTP client to it."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = int(sock.getsockname()[1])
    server = uvicorn.Server(
        uvicorn.Config(
            create_app(str(hostile_db)), host="127.0.0.1", port=port, log_level="warning"
        )
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.05)
    assert server.started, "the web app did not start"
    try:
        with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=30) as http:
            yield http
    finally:
        server.should_exit = True
        thread.join(timeout=10)


def _sentences_with(records: list[dict[str, Any]], payload: str) -> list[str]:
    return [r["sentence"] for r in records if payload in r["sentence"]]


def test_store_keeps_hostile_text_and_metadata(hostile_db: Path) -> None:
    with closing(sqlite3.connect(hostile_db)) as conn:
        conn.row_factory = sqlite3.Row
        row = conn.execute(
            "SELECT * FROM documents WHERE doc_path LIKE ?", ("%feed.jsonl#1",)
        ).fetchone()
        tables = {n for (n,) in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert {"documents", "claims", "quantities"} <= tables  # nothing was dropped
    # Text is cleaned as documented (control and zero-width characters removed), nothing else.
    assert row["text"] == clean_text(TEXT)
    assert "\u0007" not in row["text"] and "\u200b" not in row["text"]
    for payload in PAYLOADS:
        assert payload in row["text"]
    assert {k: row[k] for k in STORED_META} == STORED_META
    assert not any(ord(ch) < 32 or 0x7F <= ord(ch) < 0xA0 for ch in row["title"])


def test_jsonl_export_round_trips_payloads(records: list[dict[str, Any]]) -> None:
    assert records
    for payload in PAYLOADS:
        assert _sentences_with(records, payload), payload
    for record in records:
        assert {k: record[k] for k in STORED_META} == STORED_META
        assert record["published"] == "2020-10-06"


def test_csv_export_round_trips_payloads(hostile_db: Path, records: list[dict[str, Any]]) -> None:
    rows = _csv_rows(hostile_db)
    rows = [r for r in rows if r["doc_path"].endswith("feed.jsonl#1")]
    assert [r["claim_id"] for r in rows] == [r["claim_id"] for r in records]
    assert [r["sentence"] for r in rows] == [r["sentence"] for r in records]
    for row in rows:
        assert (row["title"], row["outlet"], row["url"]) == (
            STORED_META["title"],
            STORED_META["outlet"],
            STORED_META["url"],
        )


def _csv_rows(db: Path) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO("\n".join(export_lines(db, "csv")) + "\n")))


def test_json_api_round_trips_payloads(
    client: httpx.Client, records: list[dict[str, Any]], all_records: list[dict[str, Any]]
) -> None:
    claims = client.get("/api/claims", params={"limit": 100})
    assert claims.status_code == 200
    body = claims.json()
    listed = body["data"]
    assert sorted(c["sentence"] for c in listed) == sorted(r["sentence"] for r in all_records)
    doc_id = records[0]["doc_id"]
    doc = client.get(f"/api/documents/{doc_id}")
    assert doc.status_code == 200
    data = doc.json()["data"]
    assert data["text"] == clean_text(TEXT)
    for key, value in STORED_META.items():
        assert data[key] == value, key


def test_document_page_escapes_payloads(
    client: httpx.Client, records: list[dict[str, Any]]
) -> None:
    page = client.get(f"/documents/{records[0]['doc_id']}")
    assert page.status_code == 200
    html = page.text
    assert SCRIPT not in html and "<img src=x" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html
    assert "DROP TABLE claims" in html and PATH in html


def test_hostile_file_name_round_trips_as_the_document_path(
    hostile_db: Path,
    client: httpx.Client,
    named_path: str,
    named_records: list[dict[str, Any]],
) -> None:
    with closing(sqlite3.connect(hostile_db)) as conn:
        stored = [p for (p,) in conn.execute("SELECT doc_path FROM documents")]
    assert named_path in stored
    assert named_records and all(r["doc_path"] == named_path for r in named_records)
    assert {r["doc_path"] for r in _csv_rows(hostile_db)} >= {named_path}
    doc_id = named_records[0]["doc_id"]
    data = client.get(f"/api/documents/{doc_id}").json()["data"]
    assert data["doc_path"] == named_path and data["text"] == NAMED_TEXT.strip()
    html = client.get(f"/documents/{doc_id}").text
    assert "<script>alert(1)" not in html
    assert "&lt;script&gt;alert(1)&lt;|script&gt;" in html
    listing = client.get("/documents").text
    assert "<script>alert(1)" not in listing and "&lt;script&gt;alert(1)" in listing


@pytest.mark.parametrize("doc_id", [SQL, PATH, SCRIPT, "%00", "..%2F..%2Fetc%2Fpasswd"])
def test_hostile_document_ids_are_not_found(client: httpx.Client, doc_id: str) -> None:
    answer = client.get(f"/api/documents/{doc_id}")
    assert answer.status_code == 404
    assert SCRIPT not in answer.text or answer.headers["content-type"].startswith(
        "application/json"
    )
