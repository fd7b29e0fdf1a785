"""Quotations tied to speakers by `quote_claims.py`: cues far after a quotation, and quotations
that go on with the quoted claim before them."""

from __future__ import annotations

from typing import Any

from attribution_helpers import content as _content
from attribution_helpers import flat as _flat
from attribution_helpers import holding as _holding


def test_cue_after_a_long_appositive_subject(nlp: Any) -> None:
    text = (
        "The freighter docked at noon.\n\n"
        "“Very good pilot, very good pilot this man,” Reyes, the harbour master and the longest "
        "serving official at the port after thirty years in the job, said when the captain docked."
    )
    a = _holding(text, _flat(nlp, text), "Very good pilot")
    assert (a.mention or "").startswith("Reyes")
    assert a.mode == "direct"


def test_quotation_closed_by_a_full_stop_is_not_the_next_sentences_claim(nlp: Any) -> None:
    text = (
        "“We are not worried about the deadline,” she said. “The crews have worked every "
        "weekend since March.” She noted a second shift at the plant in Dayton."
    )
    found = _flat(nlp, text)
    a = _holding(text, found, "The crews have worked every weekend")
    assert "We are not worried" in _content(text, a)
    noted = _holding(text, found, "a second shift")
    assert "The crews" not in _content(text, noted)


def test_abbreviation_does_not_end_the_continued_claims_paragraph(nlp: Any) -> None:
    text = (
        "“Ticket sales are the best we have seen in a decade,” Dana Whitfield said at the "
        "opening of the new St. Croix terminal.\n\n"
        "“We expect the summer to be even busier.”\n\n"
        "The terminal cost $40 million."
    )
    a = _holding(text, _flat(nlp, text), "Ticket sales are the best")
    assert "We expect the summer" in _content(text, a)
    assert a.mention == "Dana Whitfield"


def test_transcript_line_runs_past_a_quoted_phrase(nlp: Any) -> None:
    text = (
        "Partial transcript:\n\n"
        "HOST: What happens to the bridge now?\n\n"
        "MAYOR: Well, the repair budget is what I would call a “stopgap.” But the council will "
        "vote on a full plan in the spring, and I expect it to pass."
    )
    a = _holding(text, _flat(nlp, text), "repair budget")
    assert "council will vote on a full plan" in _content(text, a)
    assert a.mention == "MAYOR"


def test_quotation_after_a_colon_spells_out_the_claim(nlp: Any) -> None:
    text = (
        "At the hearing the mayor said that the city has one plan for the winter: "
        '"We will keep every shelter open, every night, until March."'
    )
    a = _holding(text, _flat(nlp, text), "every shelter open")
    assert "the city has one plan" in _content(text, a)
    assert a.mention == "the mayor"


def test_quotation_after_a_colon_goes_with_the_reported_clause(nlp: Any) -> None:
    text = (
        "Lena Ortiz, the former harbour chief, said she has the one quality the port needs now: "
        '"Patience -- a great deal of patience, and mixed with money."'
    )
    a = _holding(text, _flat(nlp, text), "a great deal of patience")
    assert "she has the one quality" in _content(text, a)
    assert (a.mention or "").startswith("Lena Ortiz")


def test_colon_after_a_short_object_does_not_take_the_quotation(nlp: Any) -> None:
    text = (
        "The question was put so bluntly that I had to change my answer: “Of course I trust "
        "the board. I was only joking.”"
    )
    found = _flat(nlp, text)
    a = _holding(text, found, "Of course I trust the board")
    assert "my answer" not in _content(text, a)


def test_cue_after_a_title_name_and_party_tag_is_found_whatever_the_parse(nlp: Any) -> None:
    text = (
        "The council voted on Monday.\n\n"
        '"She would be a fine governor. Not good, great. One of the sharpest minds in the '
        'entire statehouse," Rep. Anna B. Lowe (D-Md.) said in a phone interview.\n\n'
        "The vote is next week."
    )
    a = _holding(text, _flat(nlp, text), "She would be a fine governor")
    assert "Anna B. Lowe" in (a.mention or "")


def test_time_or_occasion_after_a_closing_quotation_is_not_content(nlp: Any) -> None:
    text = (
        "The senator criticized the bill as a “cruel joke” during a campaign stop in Dayton.\n\n"
        "Lee had previously said “We will see,” when asked whether he would campaign for others."
    )
    found = _flat(nlp, text)
    a = _holding(text, found, "cruel joke")
    assert _content(text, a) == "the bill as a “cruel joke”"
    b = _holding(text, found, "We will see")
    assert "campaign for others" not in _content(text, b)


def test_adjunct_of_a_reported_clause_stays_with_it(nlp: Any) -> None:
    text = (
        "The coach said that one of the players had “nearly collapsed” while training in the heat."
    )
    a = _holding(text, _flat(nlp, text), "nearly collapsed")
    assert _content(text, a).endswith("in the heat")


def test_speaker_the_parser_hung_on_the_quotation_is_the_source(nlp: Any) -> None:
    text = (
        "“He's right. There's a gap between the agency and frankly the governor and our "
        "farmers,” Cole, a top Obama surrogate, said Thursday morning."
    )
    a = _holding(text, _flat(nlp, text), "There's a gap")
    assert (a.mention or "").startswith("Cole")
    assert _content(text, a).endswith("our farmers,”")


def test_colon_clause_before_a_quotation_keeps_it_from_the_cue_after(nlp: Any) -> None:
    text = (
        "The panel questioned the chef about his cookbook.\n\n"
        "Republican Rep. Dana Whitfield (R-Ohio) scolded him: “The nutrition experts are almost "
        "unanimous against you in terms of the value of the four diets you called ‘cures,’” she "
        "said. “When you call a diet a cure, and it’s something people pay for, I don’t see why "
        "you need to say it.”"
    )
    found = _flat(nlp, text)
    a = _holding(text, found, "nutrition experts")
    assert (a.mention or "").startswith("Republican Rep. Dana Whitfield")
    assert _content(text, a).startswith("“The nutrition experts")
    b = _holding(text, found, "When you call a diet")
    assert "nutrition experts" not in _content(text, b)


def test_opening_cue_keeps_its_clause_from_the_cue_after_the_quotation(nlp: Any) -> None:
    text = (
        "Reyes said he felt the 1994 law was worth repealing because “nobody remembers why it "
        "was passed,” he said. “We should start again with a clean slate.”"
    )
    found = _flat(nlp, text)
    a = _holding(text, found, "nobody remembers")
    assert a.mention == "Reyes"
    assert _content(text, a).startswith("he felt the 1994 law")
    b = _holding(text, found, "clean slate")
    assert "nobody remembers" not in _content(text, b)
