"""HTML shaped to make the parser slow or blind: many attributes, very deep nesting."""

from __future__ import annotations

import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimledger.errors import NO_ARTICLE, InputError
from claimledger.ingest.html import read_html_document
from claimledger.ingest.markup import (
    MAX_ATTRIBUTES,
    flatten_deep,
    limit_attributes,
    nesting_depth,
)

ARTICLE = (
    "<p>The harbour master said on Wednesday that 31 fishing boats had been held in port "
    "because of the gale.</p><p>Crews from the northern quay denied that any vessel had "
    "left without permission during the night.</p>"
)


def page(inner: str) -> str:
    return f"<html><head><title>Gale</title></head><body>{inner}</body></html>"


@pytest.mark.parametrize(
    "attribute", ['data-x{i}="v{i}"', "flag{i}", "same=1", "d{i}='<b>{i}</b>'"]
)
def test_element_with_many_attributes_parses_in_bounded_time(attribute: str) -> None:
    attributes = " ".join(attribute.format(i=i) for i in range(150_000))
    html = page(f"<article><div {attributes}>x</div>{ARTICLE}</article>")
    assert len(html) > 1_000_000
    start = time.perf_counter()
    doc = read_html_document(html, path="gale.html")
    assert time.perf_counter() - start < 10.0  # was quadratic: minutes at this size
    assert "31 fishing boats" in doc.text


def test_attributes_beyond_the_limit_are_dropped_the_first_kept() -> None:
    attributes = " ".join(f'a{i}="{i}"' for i in range(MAX_ATTRIBUTES + 10))
    out = limit_attributes(f"<div {attributes}>text</div>")
    assert f'a{MAX_ATTRIBUTES - 1}="{MAX_ATTRIBUTES - 1}"' in out
    assert f'a{MAX_ATTRIBUTES}="' not in out
    assert out.startswith("<div a0=") and out.endswith(">text</div>")


@settings(max_examples=100, deadline=None)
@given(st.text(alphabet=st.characters(exclude_characters="<"), max_size=400))
def test_text_outside_tags_is_never_changed(prose: str) -> None:
    assert limit_attributes(prose) == prose
    assert flatten_deep(prose) == prose


def test_ordinary_page_is_unchanged() -> None:
    html = page('<nav class="top" id="n"><a href="/">Home</a></nav><article>' + ARTICLE)
    assert limit_attributes(html) == html
    assert flatten_deep(html) == html


@pytest.mark.parametrize("depth", [100, 254, 255, 300, 5_000])
def test_deeply_nested_article_is_kept(depth: int) -> None:
    html = page("<div>" * depth + "<article>" + ARTICLE + "</article>" + "</div>" * depth)
    assert nesting_depth(html) >= depth
    doc = read_html_document(html, path="deep.html")
    assert "31 fishing boats" in doc.text
    assert "permission during the night" in doc.text


def test_deep_page_without_article_says_why() -> None:
    html = page("<div>" * 400 + "<nav>Home | Sport | Weather</nav>" + "</div>" * 400)
    with pytest.raises(InputError) as info:
        read_html_document(html, path="deep-menu.html")
    assert info.value.code == NO_ARTICLE
    assert "nest 403 deep" in info.value.message  # html, body and the 400 divs with the nav
    assert "navigation" in info.value.message


def test_shallow_page_without_article_keeps_the_plain_message() -> None:
    with pytest.raises(InputError) as info:
        read_html_document(page("<nav>Home | Sport</nav>"), path="menu.html")
    assert "navigation or boilerplate" in info.value.message


def test_unclosed_and_stray_end_tags_are_linear() -> None:
    html = page("<div><span>" * 20_000 + "</b>" * 50_000 + ARTICLE)
    start = time.perf_counter()
    assert nesting_depth(html) == 40_002  # html and body too
    flattened = flatten_deep(html)
    assert time.perf_counter() - start < 2.0
    assert nesting_depth(flattened) <= 200 + 2
