"""Format detection in one place: the extension proposes, the content decides.

A `.txt` holding an HTML page is read as HTML, a `.txt` of JSON lines as JSONL, a `.txt` opening
with the ` date YYYY-MM-DD ` prefix as the seed form. `.jsonl` and `.csv` are trusted as named:
their rows are checked one by one, so a bad row gives an error for that row alone.
"""

from __future__ import annotations

import json
import re
from pathlib import PurePath

EXTENSIONS: dict[str, str] = {
    ".txt": "txt",
    ".text": "txt",
    ".md": "md",
    ".markdown": "md",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".csv": "csv",
}

# Formats whose files are read as a stream of records, never loaded whole.
RECORD_FORMATS = frozenset({"jsonl", "csv"})

# The seed corpus form: first line starts with " date 2020-10-02 ".
SEED_PREFIX = re.compile(r"\A[ \t]*date (\d{4}-\d{2}-\d{2})(?:[ \t]+|(?=\n)|\Z)")
# A document that opens with markup is HTML whatever its name says.
_HTML_START = re.compile(
    r"\A\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|article|main|div|p|h1)\b",
    re.IGNORECASE | re.DOTALL,
)
_JSON_OBJECT_START = re.compile(r'\A\{\s*"')


def format_from_extension(path: str) -> str | None:
    """The format an extension names (`.htm` -> html), or None for an unknown extension."""
    return EXTENSIONS.get(PurePath(path.split("?", 1)[0]).suffix.lower())


def detect_format(path: str, head: str) -> str:
    """Decide how to read a document from its name and the start of its decoded text.

    Args:
        path: the file name or URL (only its extension is used).
        head: the first few KB of the decoded content.

    Returns:
        One of txt, md, seed, html, jsonl, csv. Unknown extensions fall back to the content,
        then to txt.
    """
    by_name = format_from_extension(path)
    if by_name in RECORD_FORMATS:
        return by_name
    head = head.lstrip("\ufeff")
    if SEED_PREFIX.match(head):
        return "seed"
    if _HTML_START.match(head):
        return "html"
    if _is_json_lines(head):
        return "jsonl"
    if by_name == "html" and "<" not in head:
        return "txt"  # an .html file holding plain text: markup extraction would find nothing
    return by_name or "txt"


def _is_json_lines(head: str) -> bool:
    """True when the first non-blank line is a JSON object (or the start of a long one)."""
    stripped = head.lstrip()
    if not _JSON_OBJECT_START.match(stripped):
        return False
    first, newline, _ = stripped.partition("\n")
    if not newline:  # the line runs past the sniffed head: trust its opening
        return True
    try:
        return isinstance(json.loads(first), dict)
    except ValueError:
        return False
