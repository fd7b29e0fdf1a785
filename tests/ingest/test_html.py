"""HTML pages: main text only, metadata from the page, scripts and menus never in the text."""

from __future__ import annotations

from datetime import date

import pytest

from claimledger.errors import NO_ARTICLE, InputError
from claimledger.ingest.html import has_article, read_html_document

PAGE = """<!DOCTYPE html>
<html lang="en"><head>
<title>Port strike enters second week | Harbour Times</title>
<meta property="og:site_name" content="Harbour Times">
<meta property="article:published_time" content="2021-07-08T09:15:00Z">
<link rel="canonical" href="https://harbour.example.org/news/port-strike">
<style>body { font-family: serif; }</style>
<script>window.dataLayer = [{"page": "tracking-token-123"}];</script>
</head><body>
<div class="cookie-consent">We use cookies to improve your experience.
<button>Accept all cookies</button></div>
<nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li>
<li><a href="/sport">Sport</a></li></ul></nav>
<main><article>
<h1>Port strike enters second week</h1>
<p>The port authority said on Thursday that 12 vessels were waiting outside the harbour
as the strike entered its second week.</p>
<script>trackArticleView("tracking-token-456");</script>
<p>A union spokesman denied that dockers had refused to handle emergency cargo,
saying medical supplies were being unloaded as usual.</p>
<style>.pullquote { color: red; }</style>
<p>According to the chamber of commerce, losses to local firms have reached
about 3 million euros so far.</p>
</article></main>
<aside><h3>Related stories</h3><ul><li><a href="/a">Dockers vote on new contract</a></li>
<li><a href="/b">Ferry timetable changes</a></li></ul></aside>
<footer><p>© 2021 Harbour Times. All rights reserved.</p>
<a href="/privacy">Privacy policy</a></footer>
</body></html>"""


def test_html_main_text_and_metadata() -> None:
    doc = read_html_document(PAGE, path="strike.html")
    assert doc.published == date(2021, 7, 8)
    assert doc.outlet == "Harbour Times"
    assert doc.title == "Port strike enters second week"
    assert doc.url == "https://harbour.example.org/news/port-strike"
    assert doc.format == "html"
    assert "12 vessels were waiting" in doc.text
    assert "A union spokesman denied" in doc.text
    assert "3 million euros" in doc.text
    for junk in ("tracking-token", "font-family", "color: red", "cookies", "Home", "Related", "©"):
        assert junk not in doc.text, junk
    assert "Dockers vote" not in doc.text and "Privacy policy" not in doc.text


def test_html_paragraphs_are_separated_by_blank_lines() -> None:
    doc = read_html_document(PAGE, path="strike.html")
    paragraphs = doc.text.split("\n\n")
    assert any(p.startswith("The port authority said") for p in paragraphs)
    assert all("\n" not in p for p in paragraphs)


def test_html_default_date_when_page_has_none() -> None:
    page = (
        "<html><body><article><p>The mayor said the bridge over the river would reopen on "
        "Monday morning.</p></article></body></html>"
    )
    doc = read_html_document(page, path="b.html", default_date=date(2022, 2, 2))
    assert doc.published == date(2022, 2, 2)


@pytest.mark.parametrize(
    "page",
    [
        "<html><body><nav><a href='/'>Home</a> <a href='/world'>World</a> "
        "<a href='/sport'>Sport today</a></nav><footer><a href='/contact'>Contact us</a> | "
        "<a href='/terms'>Terms</a></footer></body></html>",
        "<html><head><title>Empty</title></head><body></body></html>",
        "<html><body><script>var onlyScript = 'The minister said this is not an article.';"
        "</script></body></html>",
    ],
    ids=["navigation-only", "empty-body", "script-only"],
)
def test_html_without_article_is_no_article(page: str) -> None:
    with pytest.raises(InputError) as info:
        read_html_document(page, path="menu.html")
    assert info.value.code == NO_ARTICLE
    assert "menu.html" in str(info.value)


def test_has_article() -> None:
    assert has_article("Officials said four people had died.")
    assert not has_article("Home\n\nWorld news\n\nSport and culture today")
