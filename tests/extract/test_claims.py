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


def test_claims_carry_a_day_to_a_shorter_name_of_the_same_speaker(nlp: Any) -> None:
    text = (
        "The United Nations children's agency (UNICEF) on Wednesday said that 14 schools had"
        " been damaged in the region.\n\n"
        "Roads to the valley remain closed.\n\n"
        "UNICEF said that 30 more teachers would be sent to the camps."
    )
    claims = _claims(nlp, text)
    assert _by_content(claims, "14 schools").stated_on == date(2020, 9, 30)
    assert _by_content(claims, "30 more teachers").stated_on == date(2020, 9, 30)


def test_claims_unnamed_speakers_carry_a_day_only_to_the_same_kind(nlp: Any) -> None:
    text = (
        "Nine people died in the flood, rescue workers told reporters on Wednesday.\n\n"
        "A rescue worker said that 40 homes were under water.\n\n"
        "A shopkeeper said that 12 cars had been swept away."
    )
    claims = _claims(nlp, text)
    assert _by_content(claims, "Nine people").stated_on == date(2020, 9, 30)
    assert _by_content(claims, "40 homes").stated_on == date(2020, 9, 30)
    assert _by_content(claims, "12 cars").stated_on == date(2020, 10, 2)


def test_claims_a_statement_inside_a_clause_of_time_dates_nothing_later(nlp: Any) -> None:
    text = (
        "Crowds gathered outside the hospital when the health ministry announced the deaths"
        " on Tuesday.\n\n"
        "The health ministry said that 210 patients were being treated."
    )
    claims = _claims(nlp, text)
    assert _by_content(claims, "210 patients").stated_on == date(2020, 10, 2)


def test_claims_an_earlier_statement_is_not_the_speakers_dated_one(nlp: Any) -> None:
    text = (
        "On Monday, the Emergency Ministry reported that a shepherd was hurt by a mine.\n\n"
        "Earlier, the Emergency Ministry reported that 8 deminers had been killed since May."
    )
    claims = _claims(nlp, text)
    assert _by_content(claims, "a shepherd").stated_on == date(2020, 9, 28)
    assert _by_content(claims, "8 deminers").stated_on == date(2020, 10, 2)


def test_claims_a_present_perfect_cue_does_not_take_the_speakers_day(nlp: Any) -> None:
    text = (
        "The Kurdish Red Crescent said on Tuesday that 40 families had reached the camp.\n\n"
        "The Kurdish Red Crescent has said that 2,000 tents are needed before winter."
    )
    claims = _claims(nlp, text)
    assert _by_content(claims, "40 families").stated_on == date(2020, 9, 29)
    assert _by_content(claims, "2,000 tents").stated_on == date(2020, 10, 2)


def test_a_body_made_precise_once_keeps_its_state_in_the_article() -> None:
    from claimledger.extract.pipeline import extract_claims
    from claimledger.models import Document

    text = (
        "At least 12 soldiers were killed on Monday in an ambush in central Mali, the army "
        "said.\n\nThe fighting was fierce, it added, and three officers were among the dead."
    )
    claims = extract_claims(Document(doc_id="p", doc_path="p.txt", text=text, outlet="Wire"))
    holders = {q.text: (c.claimant, c.affiliation) for c in claims for q in c.quantities}
    assert holders["three"] == holders["At least 12"] == ("Mali Defence Ministry", "Mali")


def test_claims_under_a_press_release_dateline_take_its_day(nlp: Any) -> None:
    text = (
        "Press Release: Office of the Ombudsman\n\n"
        "Tbilisi, 29 September 2020\n\n"
        "Rescue officials said that 12 bridges had collapsed in the western districts.\n\n"
        "The ombudsman said on Wednesday that 40 families had lost their homes."
    )
    claims = _claims(nlp, text)  # the page is dated Friday 2 October
    assert _by_content(claims, "12 bridges").stated_on == date(2020, 9, 29)
    # "on Wednesday" counts back from the release's Tuesday, not the page's Friday
    assert _by_content(claims, "40 families").stated_on == date(2020, 9, 23)


def test_an_unnamed_speakers_quotation_is_not_absorbed_by_the_outlets_statement() -> None:
    from claimledger.extract.pipeline import extract_claims
    from claimledger.models import Document

    text = (
        "“On Monday the strike hit the market and killed 12 traders,” said one of the aid "
        "workers, citing witnesses."
    )
    claims = extract_claims(Document(doc_id="e", doc_path="e.txt", text=text, outlet="Wire"))
    (held,) = [c for c in claims if c.quantities]
    assert held.claimant_mention == "one of the aid workers"
    assert held.mode == "direct"


def test_a_vague_body_takes_the_state_last_written_out_for_it() -> None:
    from claimledger.extract.pipeline import extract_claims
    from claimledger.models import Document

    text = (
        "At least 12 soldiers were killed on Monday in an ambush in central Mali, the army "
        "said.\n\nIn a separate statement, Burkina Faso's army said 30 attackers were killed "
        "near Djibo.\n\nThe fighting was fierce, the army added, and four officers died."
    )
    claims = extract_claims(Document(doc_id="q", doc_path="q.txt", text=text, outlet="Wire"))
    holders = {q.text: c.claimant for c in claims for q in c.quantities}
    assert holders["At least 12"] == "Mali Defence Ministry"
    assert holders["four"] == holders["30"] == "Burkina Faso Defence Ministry"
