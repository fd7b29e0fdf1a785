"""detect_format: extension proposes, content decides."""

from __future__ import annotations

import pytest

from claimledger.ingest.detect import detect_format, format_from_extension


@pytest.mark.parametrize(
    ("path", "head", "expected"),
    [
        ("a.txt", "The council said the vote was delayed.", "txt"),
        ("a.TXT", " date 2021-03-04 The council said the vote was delayed.", "seed"),
        ("a.txt", "<!DOCTYPE html><html><body><p>Hi</p></body></html>", "html"),
        ("a.txt", '{"text": "The council said so.", "id": 7}\n{"text": "More."}\n', "jsonl"),
        ("a.md", "---\ntitle: Vote delayed\n---\nThe council said so.", "md"),
        ("a.htm", "<html><p>x</p></html>", "html"),
        ("a.html", "Just words, no markup at all.", "txt"),
        ("feed.ndjson", "not json at all", "jsonl"),
        ("rows.csv", "<html>", "csv"),
        ("notes", "<p>Officials said the bridge was shut.</p>", "html"),
        ("notes", "The bridge was shut.", "txt"),
        ("a.txt", "{not json} said the sign", "txt"),
    ],
)
def test_detect_format(path: str, head: str, expected: str) -> None:
    assert detect_format(path, head) == expected


def test_format_from_extension_ignores_url_query() -> None:
    assert format_from_extension("https://example.org/story.html?ref=home") == "html"
    assert format_from_extension("archive.zip") is None
