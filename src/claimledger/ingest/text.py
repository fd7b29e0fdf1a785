"""Plain text, Markdown and seed-form documents: metadata from the text itself, then cleaning.

Three ways a text carries metadata:
  * YAML front matter (`---` block: date, outlet, title, url, id) in `.txt` or `.md`;
  * the seed prefix ` date YYYY-MM-DD ` opening the first line (removed; the rest of the line,
    often the headline, stays in the text);
  * nothing: the date comes from `default_date` (the CLI's --date).

A first paragraph that reads as a headline (one short line, no closing punctuation, more text
after it) is recorded as `title` and kept in the text: offsets then match what the user gave,
and nothing the author wrote is dropped.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from claimledger.errors import BAD_DATE, EMPTY_FILE, TOO_LARGE, UNDECODABLE, UNREADABLE, InputError
from claimledger.ingest.clean import clean_text
from claimledger.ingest.dates import parse_date
from claimledger.ingest.detect import SEED_PREFIX
from claimledger.ingest.frontmatter import (
    FRONT_MATTER,
    parse_front_matter,
    scrub_surrogates,
    storable_name,
)
from claimledger.models import Document

# spaCy's default nlp.max_length: a longer text cannot be parsed, and no article is this long.
MAX_TEXT_CHARS = 1_000_000
# Headline limits: longer first lines are prose, not titles.
_TITLE_MAX_CHARS = 150
_TITLE_MAX_WORDS = 25

# Metadata keys accepted in front matter and records, with their common synonyms.
_KEYS: dict[str, tuple[str, ...]] = {
    "published": ("date", "published", "pubdate", "published_at"),
    "outlet": ("outlet", "source", "site", "publisher"),
    "title": ("title", "headline"),
    "url": ("url", "link"),
    "source_id": ("id", "source_id"),
}
# Markdown syntax that is formatting, not words.
_MD_RULES: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"!\[[^\]]*\]\([^)]*\)"), ""),  # images
    (re.compile(r"\[([^\]]+)\]\([^)]*\)"), r"\1"),  # links keep their words
    (re.compile(r"^#{1,6}[ \t]+", re.MULTILINE), ""),  # heading markers
    (re.compile(r"^>[ \t]?", re.MULTILINE), ""),  # block quotes
    (re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1"), r"\2"),  # bold
    (re.compile(r"^```.*$", re.MULTILINE), ""),  # code fences
)
_MD_TITLE = re.compile(r"\A\s*#[ \t]+(.+)")


def read_text_document(
    text: str,
    *,
    path: str,
    fmt: str = "txt",
    default_date: date | None = None,
    warnings: list[InputError] | None = None,
    line: int | None = None,
    doc_path: str | None = None,
    **meta: Any,
) -> Document:
    """Build a Document from decoded text: front matter or seed prefix, cleaning, headline.

    Args:
        text: the whole document as decoded text.
        path: the file (or URL) named in messages; also `doc_path` unless that is given.
        fmt: txt, md or seed; `format` of the Document (front matter is found in any of them).
        default_date: publication date when the text gives none (or an unreadable one).
        warnings: problems that do not stop the document (BAD_DATE) are appended here.
        line: line of `path` the text came from, for messages.
        doc_path: what the Document records as doc_path (`file#line` for records).
        **meta: metadata given by the caller (date/published, outlet, title, url, id/source_id);
            it wins over what the text says about itself.

    Raises:
        InputError: EMPTY_FILE when nothing is left after cleaning, TOO_LARGE above
            MAX_TEXT_CHARS (see build_document).
    """
    found: dict[str, Any] = {}
    body = text
    front = FRONT_MATTER.match(text)
    if front:
        found, body = _front_matter(front.group(1) or "", path, line, warnings), text[front.end() :]
    seed = SEED_PREFIX.match(body.lstrip("\ufeff"))
    if seed:
        found.setdefault("published", seed.group(1))
        body = body.lstrip("\ufeff")[seed.end() :]
        fmt = "seed" if fmt == "txt" else fmt
    md_title = _MD_TITLE.match(body) if fmt == "md" else None
    if fmt == "md":
        body = _strip_markdown(body)
    cleaned = clean_text(body)
    if not _WORD.search(cleaned):  # nothing, or only marks (bidi controls, punctuation)
        raise InputError(path, "no text left after cleaning", line=line, code=EMPTY_FILE)
    merged = {**found, **{k: v for k, v in normalise_meta(meta).items() if v is not None}}
    if not merged.get("title"):
        merged["title"] = md_title.group(1).strip(" #") if md_title else headline(cleaned)
    return build_document(
        cleaned,
        path=path,
        fmt=fmt,
        meta=merged,
        default_date=default_date,
        warnings=warnings,
        line=line,
        doc_path=doc_path,
    )


def build_document(
    cleaned: str,
    *,
    path: str,
    fmt: str,
    meta: dict[str, Any],
    default_date: date | None,
    warnings: list[InputError] | None,
    line: int | None = None,
    doc_path: str | None = None,
) -> Document:
    """Make the Document for already cleaned text; a bad date warns and falls back.

    Raises:
        InputError: TOO_LARGE when the text is longer than MAX_TEXT_CHARS.
    """
    if len(cleaned) > MAX_TEXT_CHARS:
        raise InputError(
            path,
            f"text of {len(cleaned):,} characters exceeds {MAX_TEXT_CHARS:,}",
            line=line,
            code=TOO_LARGE,
        )
    cleaned, meta = _scrubbed(cleaned, meta, path, line, warnings)
    doc_path = storable_name(doc_path or path)
    published = default_date
    try:
        published = parse_date(meta.get("published")) or default_date
    except ValueError as exc:
        if warnings is not None:
            warnings.append(
                InputError(
                    path,
                    f"date ignored, {exc}; document kept",
                    line=line,
                    code=BAD_DATE,
                    kept=True,
                )
            )
    return Document(
        doc_id=Document.make_id(cleaned),
        doc_path=doc_path,
        text=cleaned,
        source_id=_text_or_none(meta.get("source_id")),
        url=_text_or_none(meta.get("url")),
        outlet=_text_or_none(meta.get("outlet")),
        title=_text_or_none(meta.get("title")),
        published=published,
        format=fmt,
    )


def normalise_meta(raw: dict[str, Any]) -> dict[str, Any]:
    """Map metadata keys and their synonyms (date, link, id, ...) onto Document fields."""
    lowered = {str(k).strip().lower(): v for k, v in raw.items()}
    out: dict[str, Any] = {}
    for field, names in _KEYS.items():
        for name in names:
            if lowered.get(name) not in (None, ""):
                out[field] = lowered[name]
                break
    return out


def headline(cleaned: str) -> str | None:
    """The first paragraph when it reads as a headline, else None."""
    first, sep, rest = cleaned.partition("\n\n")
    if not sep or not rest or "\n" in first:
        return None
    if len(first) > _TITLE_MAX_CHARS or len(first.split()) > _TITLE_MAX_WORDS:
        return None
    if first.endswith((".", "!", "?", "…", ":", ";", ",")) or not (
        first[0].isupper() or first[0].isdigit()
    ):
        return None
    return first


def _front_matter(
    block: str, path: str, line: int | None, warnings: list[InputError] | None
) -> dict[str, Any]:
    """The metadata of a front matter block; a block that is not strict YAML warns and is
    read key by key (see frontmatter.py)."""
    data, problem = parse_front_matter(block)
    meta = normalise_meta({k: v for k, v in data.items() if isinstance(k, str)})
    if problem and warnings is not None:
        what = f"read key by key ({', '.join(sorted(meta))})" if meta else "ignored, no key: value"
        warnings.append(
            InputError(
                path,
                f"front matter is not strict YAML ({problem}); {what}",
                line=line,
                code=UNREADABLE,
                kept=True,
            )
        )
    return meta


def _scrubbed(
    text: str,
    meta: dict[str, Any],
    path: str,
    line: int | None,
    warnings: list[InputError] | None,
) -> tuple[str, dict[str, Any]]:
    """Text and metadata with lone surrogates replaced, and one warning naming the fields."""
    clean_meta = {k: scrub_surrogates(v) if isinstance(v, str) else v for k, v in meta.items()}
    fields = [k for k, v in meta.items() if v is not clean_meta[k] and v != clean_meta[k]]
    clean = scrub_surrogates(text)
    if clean != text:
        fields.insert(0, "text")
    if fields and warnings is not None:
        warnings.append(
            InputError(
                path,
                f"lone surrogate escape (like \\ud800) replaced by U+FFFD in "
                f"{', '.join(fields)}; document kept",
                line=line,
                code=UNDECODABLE,
                kept=True,
            )
        )
    return clean, clean_meta


def _strip_markdown(body: str) -> str:
    """Drop Markdown formatting so claims are found in words, not syntax."""
    for pattern, replacement in _MD_RULES:
        body = pattern.sub(replacement, body)
    return body


def _text_or_none(value: object) -> str | None:
    """Metadata values as stripped strings; lists, dicts and blanks become None.

    Control characters (NUL, ESC, DEL...) are dropped as in the text: an ESC sequence in a title
    must not reach a terminal, nor a NUL a C library.
    """
    if value is None or isinstance(value, (dict, list, tuple, set, bytes)):
        return None
    text = _CONTROL.sub("", " ".join(str(value).split()))
    return text or None


_WORD = re.compile(r"[^\W_]")
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")
