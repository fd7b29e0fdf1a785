"""What a figure counts and what happened to them, in shapes of war and disaster reporting."""

from __future__ import annotations

import pytest

from claimledger.extract.pipeline import extract_claims
from claimledger.models import Document


def quantities(text: str) -> dict[str, tuple[str | None, str | None]]:
    doc = Document(doc_id="d", doc_path="d.txt", text=text, outlet="Harbour Times")
    return {q.text: (q.counted, q.event) for c in extract_claims(doc) for q in c.quantities}


@pytest.mark.parametrize(
    ("sentence", "figure", "counted", "event"),
    [
        # A generic noun after a tally: the tally says who was counted and what happened.
        (
            "The total number of soldiers killed since May has reached 212 people, the army said.",
            "212",
            "soldiers",
            "killed",
        ),
        # A death toll names its event even when nothing else does.
        (
            "Officials said the combined death toll was approaching 3,000.",
            "approaching 3,000",
            None,
            "killed",
        ),
        # A participle the parser made the subject clause: "the number of X thrown into".
        (
            "The monitor says the number of foreign fighters thrown into the battles has reached "
            "1,350, of whom 120 fighters returned home.",
            "1,350",
            "fighters",
            "sent",
        ),
        (
            "Another 1,240 were reported wounded, the embassy said.",
            "Another 1,240",
            None,
            "injured",
        ),
        (
            "More than 41,000 were staying in evacuation centres, the agency said.",
            "More than 41,000",
            None,
            "evacuated",
        ),
        (
            "Twenty-one of the dead were from the coastal province, the agency said.",
            "Twenty-one",
            "people",
            "killed",
        ),
    ],
)
def test_figure_reading(sentence: str, figure: str, counted: str | None, event: str) -> None:
    found = quantities(sentence)
    assert found[figure][1] == event
    if counted is not None:
        assert found[figure][0] == counted


def test_a_figure_of_its_own_in_a_relative_clause_keeps_its_event() -> None:
    found = quantities(
        "The monitor says the number of foreign fighters sent to the front has reached 1,350, "
        "of whom 120 fighters returned home."
    )
    assert found["120"][1] == "returned"
    assert found["1,350"][1] == "sent"


def test_a_tallys_own_modifier_names_its_event() -> None:
    assert quantities("The report places the wounded toll at 64.")["64"][1] == "injured"
    assert quantities("Death counts have now risen to 17, officials said.")["17"][1] == "killed"


@pytest.mark.parametrize(
    ("sentence", "figure", "counted", "event"),
    [
        (
            "The wheat price index rose 2.4% in March, the statistics office said.",
            "2.4%",
            "wheat price index",
            "rise",
        ),
        (
            "Analysts expected exports to fall 1.5% this year, according to the bank.",
            "1.5%",
            "exports",
            "fall",
        ),
    ],
)
def test_a_rate_measures_the_subject_of_its_change(
    sentence: str, figure: str, counted: str, event: str
) -> None:
    assert quantities(sentence)[figure] == (counted, event)
