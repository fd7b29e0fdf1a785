"""Frame cues: "In a poll released Monday, <finding>" names the poll as the source."""

from __future__ import annotations

from typing import Any

from claimledger.extract.attribution.cascade import find_attributions


def _found(nlp: Any, text: str) -> list[tuple[str, str]]:
    """(source, content) pairs, as the benchmark reads them."""
    out = []
    for a in find_attributions(nlp(text), nested=False, negated=True):
        if a.mode == "unattributed":
            continue
        src = " / ".join(text[s:e] for s, e in a.source_spans)
        out.append((src, " / ".join(text[s:e] for s, e in a.content_spans)))
    return out


def test_opening_poll_phrase_is_the_source(nlp: Any) -> None:
    text = "In a Harbour Gazette poll released Monday, most ferry users backed the new timetable."
    found = _found(nlp, text)
    assert (
        "a Harbour Gazette poll released Monday",
        "most ferry users backed the new timetable",
    ) in found


def test_opening_survey_phrase_is_the_source(nlp: Any) -> None:
    text = "In the latest survey, the mayor led her challenger by nine points."
    assert ("the latest survey", "the mayor led her challenger by nine points") in _found(nlp, text)


def test_trailing_in_the_polls_is_no_attribution(nlp: Any) -> None:
    text = "The mayor has slipped in the polls since the ferry strike."
    assert _found(nlp, text) == []


def test_opening_in_phrase_without_a_poll_is_no_attribution(nlp: Any) -> None:
    text = "In a quiet harbour town, the ferry crews went home early."
    assert _found(nlp, text) == []
