"""Every input format to clean Documents: text, Markdown, seed form, HTML, JSONL, CSV, URLs.

    >>> from claimledger.ingest import read_inputs      # doctest: +SKIP
    >>> for item in read_inputs(["articles/", "feed.jsonl"]):
    ...     print(item)   # a Document, or an InputError naming file and line

Modules: discover (paths, folders, globs, URLs), detect (format, in one place), decode
(bytes -> str), clean (junk removal), text / html / records (one reader per kind), fetch (the
network seam), reader (dispatch and streaming).
"""

from __future__ import annotations

from claimledger.ingest.clean import clean_text
from claimledger.ingest.detect import detect_format
from claimledger.ingest.fetch import fetch_url
from claimledger.ingest.reader import read_file, read_inputs
from claimledger.ingest.text import read_text_document

__all__ = [
    "clean_text",
    "detect_format",
    "fetch_url",
    "read_file",
    "read_inputs",
    "read_text_document",
]
