"""claims_from_parsed: claims assembled with their day, carried across a speaker's statements."""

from __future__ import annotations

from datetime import date
from typing import Any

from claimledger.extract.claims import claims_from_parsed
from claimledger.models import Claim, Document

# Dated Friday 2 October 2020; the statements were made on the Thursday before.
STORY = (
    "French President Emmanuel Macron said on Thursday that 300 fighters had crossed into"
    " Azerbaijan from Syria.\n\n"
    "“They are known, tracked and identified,” Macron said.\n\n"
    "Armenia's foreign ministry said the fighters were paid for every month at the front."
)


def _claims(nlp: Any, text: str) -> list[Claim]:
    doc = Document(doc_id="d", doc_path="d.txt", text=text, published=date(2020, 10, 2))
    return claims_from_parsed(doc, nlp(text))


def _by_content(claims: list[Claim], words: str) -> Claim:
    hits = [c for c in claims if words in c.content]
    assert hits, [c.content for c in claims]
    return hits[0]


def test_claims_carry_a_speakers_day_to_later_undated_statements(nlp: Any) -> None:
    claims = _claims(nlp, STORY)
    assert _by_content(claims, "300 fighters").stated_on == date(2020, 10, 1)
    assert _by_content(claims, "tracked and identified").stated_on == date(2020, 10, 1)


def test_claims_other_speakers_keep_the_publication_day(nlp: Any) -> None:
    claims = _claims(nlp, STORY)
    assert _by_content(claims, "paid for every month").stated_on == date(2020, 10, 2)


def test_claims_come_out_in_text_order(nlp: Any) -> None:
    starts = [c.start for c in _claims(nlp, STORY)]
    assert starts == sorted(starts)


def test_claims_own_sources_do_not_make_a_second_claim(nlp: Any) -> None:
    text = (
        "The Syrian Observatory for Human Rights said on Tuesday that 230 more Syrian fighters"
        " had left for Azerbaijan, according to its sources in northern Syria."
    )
    claims = [c for c in _claims(nlp, text) if any(q.value == 230 for q in c.quantities)]
    assert [c.claimant for c in claims] == ["Syrian Observatory for Human Rights"]


def test_claims_an_unnamed_finding_inside_a_named_claim_is_that_claim(nlp: Any) -> None:
    text = (
        "According to Macron, the intelligence found that 300 fighters from Syria had gone to"
        " Azerbaijan."
    )
    claims = [c for c in _claims(nlp, text) if any(q.value == 300 for q in c.quantities)]
    assert [c.claimant for c in claims] == ["Emmanuel Macron"]
