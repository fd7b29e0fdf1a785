"""Text documents: front matter, the seed prefix, plain text with a headline, Markdown."""

from __future__ import annotations

from datetime import date

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from claimledger.errors import BAD_DATE, EMPTY_FILE, UNREADABLE, InputError
from claimledger.ingest.text import headline, read_text_document
from claimledger.models import Document

BODY = (
    "The port authority said on Thursday that 12 vessels were waiting outside the harbour.\n\n"
    "A union spokesman denied that dockers had walked out."
)


def test_front_matter_gives_metadata_and_is_removed() -> None:
    text = (
        "---\ndate: 2021-05-06\noutlet: Harbour Times\ntitle: Ships wait at anchor\n"
        "url: https://example.org/ships\n---\n" + BODY
    )
    doc = read_text_document(text, path="ships.md", fmt="md")
    assert doc.published == date(2021, 5, 6)
    assert (doc.outlet, doc.title, doc.url) == (
        "Harbour Times",
        "Ships wait at anchor",
        "https://example.org/ships",
    )
    assert doc.text == BODY
    assert doc.doc_id == Document.make_id(BODY)
    assert doc.format == "md"


def test_front_matter_is_optional_per_key_and_caller_meta_wins() -> None:
    doc = read_text_document(
        "---\noutlet: Harbour Times\n---\n" + BODY, path="a.txt", outlet="Wire"
    )
    assert doc.outlet == "Wire"
    assert doc.published is None


def test_bad_date_warns_and_keeps_document() -> None:
    warnings: list[InputError] = []
    doc = read_text_document(
        "---\ndate: next week\n---\n" + BODY,
        path="a.txt",
        warnings=warnings,
        default_date=date(2021, 1, 1),
    )
    assert [w.code for w in warnings] == [BAD_DATE]
    assert "a.txt" in str(warnings[0]) and "next week" in str(warnings[0])
    assert doc.published == date(2021, 1, 1)  # the fallback a user gave with --date


def test_invalid_yaml_front_matter_warns_and_is_dropped() -> None:
    warnings: list[InputError] = []
    doc = read_text_document("---\ntitle: [unclosed\n---\n" + BODY, path="a.txt", warnings=warnings)
    assert [w.code for w in warnings] == [UNREADABLE]
    assert doc.text == BODY


def test_seed_prefix_gives_date_and_keeps_rest_of_line() -> None:
    text = " date 2021-07-08 Port strike enters second week\n\n" + BODY
    doc = read_text_document(text, path="seed.txt")
    assert doc.published == date(2021, 7, 8)
    assert doc.format == "seed"
    assert doc.text.startswith("Port strike enters second week\n\n")
    assert "date 2021" not in doc.text
    assert doc.title == "Port strike enters second week"


def test_seed_prefix_followed_by_a_sentence_is_not_a_title() -> None:
    doc = read_text_document(" date 2021-07-08 " + BODY, path="seed.txt")
    assert doc.text == BODY
    assert doc.title is None


def test_plain_text_headline_is_recorded_and_kept_in_text() -> None:
    doc = read_text_document("Ships wait at anchor\n\n\n\n[ad_1]\n\n" + BODY, path="a.txt")
    assert doc.title == "Ships wait at anchor"
    assert doc.text == "Ships wait at anchor\n\n" + BODY
    assert doc.published is None and doc.format == "txt"


@pytest.mark.parametrize(
    "first",
    [
        "The port authority said ships were waiting.",  # a sentence, not a headline
        "ships wait",  # lower-case start
        " ".join(["word"] * 30),  # too long
    ],
)
def test_headline_rejects_prose(first: str) -> None:
    assert headline(first + "\n\n" + BODY) is None


def test_markdown_formatting_is_removed() -> None:
    text = (
        "# Ships wait at anchor\n\n![crane](crane.jpg)\n\nThe **port authority** said, in a "
        "[statement](https://example.org/s), that 12 vessels were waiting.\n"
    )
    doc = read_text_document(text, path="a.md", fmt="md")
    assert doc.title == "Ships wait at anchor"
    assert doc.text == (
        "Ships wait at anchor\n\n"
        "The port authority said, in a statement, that 12 vessels were waiting."
    )


def test_text_with_only_junk_is_empty() -> None:
    with pytest.raises(InputError) as info:
        read_text_document("[ad_1]\n\nPhoto: Reuters\n", path="junk.txt")
    assert info.value.code == EMPTY_FILE


_value = (
    st.text(
        alphabet=st.characters(categories=["L", "N"], include_characters=" -'"),
        min_size=1,
        max_size=40,
    )
    .map(str.strip)
    .filter(bool)
)


@given(
    published=st.dates(min_value=date(1900, 1, 1), max_value=date(2099, 12, 31)),
    outlet=_value,
    title=_value,
)
def test_front_matter_round_trip(published: date, outlet: str, title: str) -> None:
    meta = {"date": published.isoformat(), "outlet": outlet, "title": title}
    text = "---\n" + yaml.safe_dump(meta, allow_unicode=True) + "---\n" + BODY
    doc = read_text_document(text, path="p.md", fmt="md")
    assert doc.published == published
    assert doc.outlet == " ".join(outlet.split())
    assert doc.title == " ".join(title.split())
    assert doc.text == BODY
