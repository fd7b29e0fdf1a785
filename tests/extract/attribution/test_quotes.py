"""Quotations tied to their speaker without a reporting verb, and quoted claims' bounds."""

from __future__ import annotations

from itertools import pairwise
from typing import Any

from attribution_helpers import content as _content
from attribution_helpers import flat as _flat
from attribution_helpers import holding as _holding

from claimledger.extract.attribution.quotes import speaker_lines


def test_quotation_then_name_and_an_unlisted_verb(nlp: Any) -> None:
    text = "The harbour reopened on Monday.\n\n“Nobody will stop us now!” Maria Olsen bellowed."
    a = _holding(text, _flat(nlp, text), "Nobody will stop us now")
    assert a.mention == "Maria Olsen"
    assert a.mode == "direct"


def test_clause_ending_in_a_colon_introduces_the_quotation(nlp: Any) -> None:
    text = (
        "The ferry company faced angry travellers at the pier. "
        "Director Jonas Berg stepped forward: “The timetable will be restored by Friday.”"
    )
    a = _holding(text, _flat(nlp, text), "timetable will be restored")
    assert a.mention == "Director Jonas Berg"


def test_next_paragraph_quotation_continues_the_quoted_claim(nlp: Any) -> None:
    text = (
        "“We reopened the mill in March,” Ellen Park said during a visit to the valley.\n\n"
        "“Orders have doubled since then and we are hiring again.”\n\n"
        "The mill employs 40 people."
    )
    a = _holding(text, _flat(nlp, text), "We reopened the mill")
    assert "Orders have doubled" in _content(text, a)
    assert a.mention == "Ellen Park"


def test_quoted_phrase_under_any_verb_is_its_subjects(nlp: Any) -> None:
    text = "At the council meeting, Mayor Hanna Lind branded the tunnel project a “costly fantasy.”"
    a = _holding(text, _flat(nlp, text), "costly fantasy")
    assert a.mention == "Mayor Hanna Lind"


def test_programme_title_after_a_reporting_verb_is_not_a_claim(nlp: Any) -> None:
    text = "Senator Ruth Adler told “Morning Hour” on Sunday that the bridge was safe."
    found = _flat(nlp, text)
    assert not any(_content(text, a).strip("“”") == "Morning Hour" for a in found)


def test_circumstances_around_a_whole_quotation_are_not_content(nlp: Any) -> None:
    text = (
        "Asked about the delay, “The parts arrived late,” the engineer said as she left the site."
    )
    a = _holding(text, _flat(nlp, text), "The parts arrived late")
    assert "as she left" not in _content(text, a)


def test_quoted_claim_ends_at_a_quotation_closing_on_a_comma(nlp: Any) -> None:
    text = (
        "Ellen Park said the merger was “finished business,” pointing to the signed papers on "
        "her desk."
    )
    a = _holding(text, _flat(nlp, text), "finished business")
    assert "pointing" not in _content(text, a)


def test_transcript_lines_are_their_labelled_speakers(nlp: Any) -> None:
    text = (
        "A partial transcript of the radio interview follows:\n\n"
        '"HOST: Will the harbour reopen before the summer season?\n\n'
        '"LIND: It will. The repairs are on schedule and the crews work at night.\n\n'
        '"HOST: Thank you."'
    )
    found = _flat(nlp, text)
    a = _holding(text, found, "The repairs are on schedule")
    assert a.mention == "LIND"
    assert "HOST" not in _content(text, a)
    assert _holding(text, found, "Will the harbour reopen").mention == "HOST"


def test_speaker_lines_skip_editorial_labels() -> None:
    assert speaker_lines("UPDATE: The vote was moved.\nKIM: We agreed.") == [
        ((28, 31), (31, 32), (33, 43))
    ]


def test_quoted_claim_ends_before_a_dash_aside(nlp: Any) -> None:
    text = "Ellen Park said the merger was “finished business” — a phrase her rivals mocked."
    a = _holding(text, _flat(nlp, text), "finished business")
    assert "rivals" not in _content(text, a)


def test_inverted_said_before_a_colon_names_the_speaker(nlp: Any) -> None:
    text = (
        "Critics argued the bridge would cost far more than planned. "
        "Said Okafor: “I don’t think anyone has read the budget at all.”"
    )
    a = _holding(text, _flat(nlp, text), "read the budget")
    assert a.mention == "Okafor"


def test_quotation_right_after_a_claim_ending_in_a_quotation_goes_on_with_it(nlp: Any) -> None:
    text = (
        "The harbour master said the repairs had gone “better than planned.” "
        "“We will open the east pier next week and the west pier in May.”"
    )
    a = _holding(text, _flat(nlp, text), "better than planned")
    assert "east pier" in _content(text, a)


def test_clauses_widened_to_one_quotation_do_not_repeat_it(nlp: Any) -> None:
    text = (
        "Ms. Lind said the budget was “a fair compromise,” “Nobody got everything, but everybody "
        "got something, and that is how it should be.”"
    )
    a = _holding(text, _flat(nlp, text), "fair compromise")
    spans = a.content_spans
    assert all(e <= s2 for (_, e), (s2, _) in pairwise(spans))
    assert _content(text, a).count("fair compromise") == 1


def test_any_clause_closing_a_line_with_a_colon_introduces_a_quoted_paragraph(nlp: Any) -> None:
    text = (
        "The old ferry made its last crossing on Sunday. The port manager released this "
        "statement:\n\n“We thank every passenger who sailed with us over forty years.”"
    )
    a = _holding(text, _flat(nlp, text), "We thank every passenger")
    assert a.mention is not None and "port manager" in a.mention


def test_a_noun_subject_clause_ending_in_a_colon_introduces_the_quotation(nlp: Any) -> None:
    text = (
        "The ferry made its last crossing on Sunday. At the pier, the harbour manager waved: "
        "“We thank every passenger who sailed with us.”"
    )
    a = _holding(text, _flat(nlp, text), "We thank every passenger")
    assert a.mention is not None and "harbour manager" in a.mention


def test_quoted_claim_goes_on_past_a_comma_when_the_sentence_does(nlp: Any) -> None:
    text = (
        "Ms. Lind said the new fee was “small change,” because the port already pays far more "
        "for fuel."
    )
    a = _holding(text, _flat(nlp, text), "small change")
    assert "far more for fuel" in _content(text, a)


def test_quoted_phrase_under_a_common_noun_subject(nlp: Any) -> None:
    text = "On the form, the inspector had stamped “unsafe for use” in red ink."
    a = _holding(text, _flat(nlp, text), "unsafe for use")
    assert a.mention is not None and "inspector" in a.mention


def test_quotation_runs_on_where_the_next_paragraph_lost_its_opening_mark() -> None:
    from claimledger.extract.attribution.quotes import find_quotes

    text = (
        "“The shell landed on a school where there were forty pupils. Most of them escaped.\n\n"
        'By the evening, nine people had died and 30 were in hospital," the mayor said.\n\n'
        "The council met later."
    )
    (quote,) = find_quotes(text)
    assert text[quote[0]] == "“" and text[quote[1] - 1] == '"'
    # a paragraph whose first mark opens a quotation of its own does not continue the last one
    other = '“The shell landed on a school.\n\nThe mayor called it "a crime" on Friday.'
    assert [other[a:b] for a, b in find_quotes(other)] == [
        "“The shell landed on a school.",
        '"a crime"',
    ]


def test_figures_of_a_run_on_quotation_are_its_speakers() -> None:
    from claimledger.extract.pipeline import extract_claims
    from claimledger.models import Document

    text = (
        "Mayor Lena Okafor spoke at the site on Sunday.\n\n"
        "“The shell landed on a school where the pupils were in class. The guards were saved.\n\n"
        'By the evening, nine people had died and dozens were hurt," Lena Okafor said.'
    )
    claims = extract_claims(Document(doc_id="q", doc_path="q.txt", text=text, outlet="Wire"))
    holders = {q.text: c.claimant for c in claims for q in c.quantities}
    assert holders["nine"] == "Lena Okafor"
