"""HTML pages: the article's main text via trafilatura, its date via htmldate, then cleaning.

trafilatura drops navigation, cookie banners, related links, footers, scripts and styles; the
page's own metadata gives the title, the site name (our outlet) and the publication date.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

import trafilatura

from claimledger.errors import NO_ARTICLE, InputError
from claimledger.ingest.clean import clean_text
from claimledger.ingest.markup import MAX_DEPTH, flatten_deep, limit_attributes, nesting_depth
from claimledger.ingest.text import build_document
from claimledger.models import Document

# An article has at least one sentence: this many words ending in sentence punctuation.
# Menus, link lists and footers ("Home", "World news", "Contact us") do not.
_MIN_SENTENCE_WORDS = 5
_SENTENCE = re.compile(r"[^.!?…]*\w[^.!?…]*[.!?…][\"”’»)]*(?:\s|$)")


def read_html_document(
    html: str,
    *,
    path: str,
    fmt: str = "html",
    url: str | None = None,
    default_date: date | None = None,
    warnings: list[InputError] | None = None,
) -> Document:
    """Extract the article of an HTML page into a Document.

    Args:
        html: the page markup as text.
        path: recorded as doc_path (file path or URL).
        fmt: `html`, or `url` for a fetched page.
        url: the page address when known (helps trafilatura and is kept when the page has no
            canonical link).
        default_date: used when the page carries no date.
        warnings: problems that do not stop the document are appended here.

    Raises:
        InputError: NO_ARTICLE when the page holds no article text (only navigation, empty).
    """
    html = limit_attributes(html)
    extracted, cleaned = _extract(html, url)
    if not has_article(cleaned):
        depth = nesting_depth(html)
        if depth <= MAX_DEPTH:
            raise InputError(
                path, "no article text found (navigation or boilerplate only)", code=NO_ARTICLE
            )
        extracted, cleaned = _extract(flatten_deep(html), url)
        if not has_article(cleaned):
            raise InputError(
                path,
                f"no article text found (navigation or boilerplate only; elements nest "
                f"{depth:,} deep, read flattened beyond {MAX_DEPTH})",
                code=NO_ARTICLE,
            )
    meta = {
        "title": getattr(extracted, "title", None),
        "outlet": getattr(extracted, "sitename", None),
        # A fetched page is recorded where it came from; a file may name its own address.
        "url": url if fmt == "url" and url else getattr(extracted, "url", None) or url,
        "published": getattr(extracted, "date", None),
    }
    return build_document(
        cleaned, path=path, fmt=fmt, meta=meta, default_date=default_date, warnings=warnings
    )


def _extract(html: str, url: str | None) -> tuple[Any, str]:
    """trafilatura's extraction of the page and its text, cleaned."""
    extracted = trafilatura.bare_extraction(
        html,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_images=False,
        include_links=False,
    )
    raw = getattr(extracted, "text", None) or ""
    # trafilatura gives one paragraph per line; cleaning wants a blank line between them.
    return extracted, clean_text("\n\n".join(raw.split("\n")))


def has_article(cleaned: str) -> bool:
    """True when the text holds at least one real sentence, not only menu and link labels."""
    return any(len(m.group(0).split()) >= _MIN_SENTENCE_WORDS for m in _SENTENCE.finditer(cleaned))
