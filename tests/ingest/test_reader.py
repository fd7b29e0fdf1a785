"""read_inputs / read_file: folders, globs, URLs, and every kind of bad input as one error."""

from __future__ import annotations

import json
import threading
import tracemalloc
from collections.abc import Iterator
from datetime import date
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claimledger.errors import (
    BINARY_FILE,
    EMPTY_FILE,
    NO_ARTICLE,
    NOT_FOUND,
    TOO_LARGE,
    UNDECODABLE,
    UNREADABLE,
    InputError,
)
from claimledger.ingest import fetch, read_file, read_inputs
from claimledger.models import Document

STORY = "The fire service said 9 people were evacuated from the block on Sunday night."
PAGE = (
    "<html><head><title>Block evacuated</title><meta property='og:site_name' content='City Desk'>"
    "<meta name='date' content='2022-03-14'></head><body><nav><a href='/'>Home</a></nav>"
    f"<article><p>{STORY}</p>"
    "<p>Residents were allowed back after two hours, a spokeswoman said.</p>"
    "</article></body></html>"
)


def _codes(items: list[Document | InputError]) -> list[str]:
    return [i.code for i in items if isinstance(i, InputError)]


def _docs(items: list[Document | InputError]) -> list[Document]:
    return [i for i in items if isinstance(i, Document)]


def test_folder_is_walked_sorted_and_unknown_extensions_skipped(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "2.txt").write_text("Officials said the second story was true.")
    (tmp_path / "a.md").write_text(
        "---\ndate: 2022-01-02\n---\nOfficials said the first story was true."
    )
    (tmp_path / "c.html").write_text(PAGE)
    (tmp_path / "logo.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    (tmp_path / "notes.rst").write_text("ignored")
    (tmp_path / ".hidden.txt").write_text("Hidden files are not articles.")
    items = list(read_inputs([str(tmp_path)], default_date=date(2022, 5, 5)))
    assert not _codes(items)
    docs = _docs(items)
    assert [Path(d.doc_path).name for d in docs] == ["a.md", "2.txt", "c.html"]
    assert [d.published for d in docs] == [date(2022, 1, 2), date(2022, 5, 5), date(2022, 3, 14)]
    assert docs[2].outlet == "City Desk" and docs[2].format == "html"


def test_globs_and_missing_paths(tmp_path: Path) -> None:
    for name in ("x1.txt", "x2.txt", "y.txt"):
        (tmp_path / name).write_text(f"The clerk said file {name} was filed.")
    items = list(
        read_inputs(
            [str(tmp_path / "x*.txt"), str(tmp_path / "nope.txt"), str(tmp_path / "z*.txt")]
        )
    )
    assert [Path(d.doc_path).name for d in _docs(items)] == ["x1.txt", "x2.txt"]
    errors = [i for i in items if isinstance(i, InputError)]
    assert [e.code for e in errors] == [NOT_FOUND, NOT_FOUND]
    assert "nope.txt" in str(errors[0]) and "z*.txt" in str(errors[1])


def test_bad_files_each_give_one_error_and_the_run_continues(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.txt").write_text("   \n\n  ")
    (tmp_path / "binary.txt").write_bytes(b"\x7fELF\x02\x01\x01\x00" + bytes(range(256)) * 8)
    (tmp_path / "noise.txt").write_bytes(bytes(range(0x80, 0x100)) * 8)
    (tmp_path / "menu.html").write_text(
        "<html><body><nav><a href='/'>Home</a> <a href='/x'>World</a></nav></body></html>"
    )
    (tmp_path / "ok.txt").write_text(STORY)
    names = [
        "empty.txt",
        "blank.txt",
        "binary.txt",
        "noise.txt",
        "menu.html",
        "missing.txt",
        "ok.txt",
    ]
    items = list(read_inputs([str(tmp_path / n) for n in names]))
    errors = [i for i in items if isinstance(i, InputError)]
    assert [(Path(e.path).name, e.code) for e in errors] == [
        ("empty.txt", EMPTY_FILE),
        ("blank.txt", EMPTY_FILE),
        ("binary.txt", BINARY_FILE),
        ("noise.txt", UNDECODABLE),
        ("menu.html", NO_ARTICLE),
        ("missing.txt", NOT_FOUND),
    ]
    assert [d.text for d in _docs(items)] == [STORY]


def test_explicit_binary_with_unknown_extension_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "scan.pdf"
    path.write_bytes(b"%PDF-1.7\n\x00\x01\x02\x03" * 50)
    assert _codes(list(read_inputs([str(path)]))) == [BINARY_FILE]


def test_cp1251_file_reads_as_cyrillic(tmp_path: Path) -> None:
    russian = "Министерство обороны сообщило, что двенадцать военных получили ранения."
    path = tmp_path / "ru.txt"
    path.write_bytes(russian.encode("cp1251"))
    (doc,) = list(read_file(str(path)))
    assert isinstance(doc, Document) and doc.text == russian


def test_huge_file_is_rejected_without_reading_it(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    line = ("The ministry said the convoy had reached the town. " * 20 + "\n").encode()
    with path.open("wb") as f:
        for _ in range(50 * 1024 * 1024 // len(line) + 1):
            f.write(line)
    tracemalloc.start()
    try:
        items = list(read_inputs([str(path)]))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert _codes(items) == [TOO_LARGE]
    assert peak < 2 * 1024 * 1024  # nothing like the 50 MB was loaded


def test_big_jsonl_is_streamed_lazily(tmp_path: Path) -> None:
    path = tmp_path / "big.jsonl"
    with path.open("w", encoding="utf-8") as f:
        for i in range(60_000):
            f.write(
                json.dumps(
                    {"id": i, "text": f"Report {i}: the agency said {i} boxes were shipped."}
                )
                + "\n"
            )
    assert path.stat().st_size > 4 * 1024 * 1024
    tracemalloc.start()
    try:
        items = read_inputs([str(path)])
        first = [next(items) for _ in range(3)]
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert [d.source_id for d in first if isinstance(d, Document)] == ["0", "1", "2"]
    assert peak < 2 * 1024 * 1024


def test_url_through_the_fetch_seam(monkeypatch: pytest.MonkeyPatch) -> None:
    pages = {
        "https://news.example.org/block": (PAGE.encode("utf-8"), "text/html; charset=utf-8"),
        "https://news.example.org/plain": (STORY.encode("utf-8"), "text/plain"),
    }

    def fake_fetch(url: str, **_: object) -> fetch.Fetched:
        if url not in pages:
            raise InputError(url, "HTTP 404 Not Found", code=UNREADABLE)
        return fetch.Fetched(*pages[url], url)

    monkeypatch.setattr(fetch, "fetch_url", fake_fetch)
    items = list(read_inputs([*pages, "https://news.example.org/gone"]))
    html_doc, text_doc = _docs(items)
    assert html_doc.doc_path == html_doc.url == "https://news.example.org/block"
    assert html_doc.format == "url" and html_doc.outlet == "City Desk"
    assert STORY in html_doc.text and "Home" not in html_doc.text
    assert text_doc.text == STORY and text_doc.format == "url"
    assert _codes(items) == [UNREADABLE]


@pytest.fixture
def local_server() -> Iterator[str]:
    """A real HTTP server on the loopback interface: exercises urllib without the internet."""

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            if self.path == "/story":
                body = PAGE.encode()
                self.send_response(200)
                self.send_header("Content-Type", "text/html; charset=utf-8")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)
            else:
                self.send_error(404)

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


def test_fetch_url_against_a_local_server(local_server: str) -> None:
    body, content_type, final = fetch.fetch_url(f"{local_server}/story")
    assert final == f"{local_server}/story"
    assert body == PAGE.encode() and content_type and "html" in content_type
    items = list(read_inputs([f"{local_server}/story", f"{local_server}/missing"]))
    assert STORY in _docs(items)[0].text
    (error,) = [i for i in items if isinstance(i, InputError)]
    assert error.code == UNREADABLE and "404" in error.message and "/missing" in str(error)


def test_seeds_read_in_place(seeds_dir: Path) -> None:
    items = list(read_inputs([str(seeds_dir)]))
    assert not _codes(items)
    docs = {Path(d.doc_path).name[:3]: d for d in _docs(items)}
    assert sorted(docs) == ["000", "001", "002", "003", "004"]
    assert docs["000"].published == date(2020, 10, 2)
    assert docs["003"].published == date(2020, 11, 3)
    assert docs["000"].text.startswith("Earlier, the Turkish government rejected allegations")
    assert docs["003"].text.startswith("Artsakh President Says 50% of Terrorists")
    for doc in docs.values():
        assert "date 2020" not in doc.text
        assert "[ad_" not in doc.text
        assert "It is not allowed to publish" not in doc.text
        assert "Icon: The mirror" not in doc.text
        assert doc.doc_id == Document.make_id(doc.text)
    assert "Both sides reported heavy fighting on Saturday." in docs["001"].text
    assert docs["002"].title == "Nagorno-Karabakh: Russia demands withdrawal of mercenaries"
    assert "Russia demanded the immediate withdrawal of these foreign fighters" in docs["002"].text
    assert (
        "A rights watch group in Syria reported Tuesday that 230 more mercenaries"
        in docs["003"].text
    )
    assert docs["004"].text.endswith(
        "Negotiations to resolve the conflict have stalled since the 1994 ceasefire agreement."
    )


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    data=st.binary(max_size=600),
    suffix=st.sampled_from([".txt", ".md", ".html", ".jsonl", ".csv", ".dat"]),
)
def test_arbitrary_bytes_never_raise(tmp_path: Path, data: bytes, suffix: str) -> None:
    path = tmp_path / f"fuzz{suffix}"
    path.write_bytes(data)
    for item in read_file(str(path)):
        assert isinstance(item, Document | InputError)
        if isinstance(item, Document):
            assert item.text and item.text == item.text.strip()
