"""What a figure counts where the noun is not next to the number: a copula's subject, a
partitive of "those ...", a tally of a participle, a state a verb leaves people in, a share
restating another figure, coordinated figures read "respectively", rates that "tick"."""

from __future__ import annotations

from typing import Any

import pytest

from claimledger.extract.figures.quantities import find_quantities
from claimledger.models import Quantity


def _quantities(nlp: Any, text: str) -> list[Quantity]:
    return find_quantities(nlp(text), 0, len(text))


def _by_text(nlp: Any, text: str) -> dict[str, Quantity]:
    return {q.text: q for q in _quantities(nlp, text)}


@pytest.mark.parametrize(
    ("sentence", "figure", "counted", "event"),
    [
        # The copula's subject is what the figure counts, and may name the event itself.
        ("Local historians say the losses were about 9,000.", "about 9,000", "losses", "lost"),
        ("In the 2019 vote, the total registered voters were 12,004,310.", "12,004,310",
         "voters", None),
        # "those who ..." stands for people; its clause is what they did.
        ("Of these, those who voted were 8,112,455.", "8,112,455", "people", "vote"),
        # ... unless the sentence names a known event of its own.
        ("Now thousands of those wishing to go home are arriving every day.", "thousands",
         "people", "sent"),
        ("The agency added that more than 120,000 of those displaced since the floods come"
         " from the coast.", "more than 120,000", "people", "displaced"),
        # A tally of a participle counts the people it describes.
        ("The number of injured rose towards 400.", "towards 400", "people", "injured"),
        # ... but not a figure in a clause of its own.
        ("The number of injured rose towards 400, with at least 30 people still missing.",
         "at least 30", "people", "missing"),
        # What a verb leaves people as is their event, not a departure.
        ("Police said a second raid had left dozens dead.", "dozens", None, "killed"),
        ("Fighting has left more than 3,000 people homeless.", "more than 3,000", "people",
         "displaced"),
        # A count the NER read as a date still counts its copula's subject.
        ("Those arrested were 14, police said.", "14", "people", "arrested"),
        ("The blast left 14 people injured near the market.", "14", "people", "injured"),
        # A share restating a figure takes what happened to that figure's people.
        ("The agency said over 2 million Haitians, representing 18% of the population, have"
         " been displaced.", "18%", "people", "displaced"),
        # "for X to tick higher": the rate is what changes.
        ("Analysts expected prices to rise and for the annual inflation rate to tick higher to"
         " 4.1%.", "4.1%", "annual inflation rate", "tick"),
    ],
)  # fmt: skip
def test_counted_and_event_away_from_the_number(
    nlp: Any, sentence: str, figure: str, counted: str | None, event: str | None
) -> None:
    found = _by_text(nlp, sentence)
    assert figure in found, list(found)
    assert (found[figure].counted, found[figure].event) == (counted, event)


def test_coordinated_figures_respectively_take_their_own_subjects(nlp: Any) -> None:
    text = "The confirmed infections and deaths recorded since June are 8,210 and 311 respectively."
    found = _by_text(nlp, text)
    assert set(found) == {"8,210", "311"}
    assert (found["8,210"].value, found["8,210"].counted) == (8210, "infections")
    assert (found["311"].value, found["311"].counted, found["311"].event) == (
        311,
        "deaths",
        "killed",
    )


@pytest.mark.parametrize(
    ("sentence", "low", "high", "value"),
    [
        ("Between 200 and 300 people fled the valley.", 200, 300, None),
        ("One hundred and five soldiers died in the siege.", None, None, 105),
        ("The number of wounded climbed toward 600 by nightfall.", None, 600, None),
    ],
)
def test_one_amount_stays_one_phrase(
    nlp: Any, sentence: str, low: float | None, high: float | None, value: float | None
) -> None:
    (q,) = _quantities(nlp, sentence)
    assert (q.low, q.high, q.value) == (low, high, value)


def test_coordinated_event_adjectives_respectively(nlp: Any) -> None:
    found = _by_text(nlp, "The dead and the injured are 40 and 75 respectively.")
    assert (found["40"].counted, found["40"].event) == ("people", "killed")
    assert (found["75"].counted, found["75"].event) == ("people", "injured")


def test_a_tally_subject_is_not_read_as_the_copulas_noun(nlp: Any) -> None:
    (q,) = _quantities(nlp, "The total number of deaths was 1,200.")
    assert (q.counted, q.event) == ("deaths", "killed")


@pytest.mark.parametrize(
    ("sentence", "figure", "counted"),
    [
        # What a subject is valued at counts that subject.
        ("The damage to the power grid is estimated at $30 million.", "$30 million", "damages"),
        ("Rebel losses were put at 1,200, the ministry said.", "1,200", "rebel losses"),
        ("The cost of repairs is valued at 4 million euros.", "4 million euros", "costs"),
        ("Confirmed infections now stand at 4,210.", "4,210", "infections"),
        ("With spoiled ballots standing at 48,210, the count ended.", "48,210", "ballots"),
        # A distance or speed measures the noun it is "of".
        ("The storm was packing maximum sustained winds of 85 kilometres per hour.", "85",
         "winds"),
    ],
)  # fmt: skip
def test_counted_noun_of_valued_and_measured_figures(
    nlp: Any, sentence: str, figure: str, counted: str
) -> None:
    found = _by_text(nlp, sentence)
    assert figure in found, list(found)
    assert found[figure].counted == counted


def test_a_slashed_number_is_a_figure_only_as_a_share_of_something(nlp: Any) -> None:
    assert _quantities(nlp, "This story first ran on our 24/7 news channel.") == []
    assert _quantities(nlp, "Relatives of the 9/11 victims gathered in the square.") == []
    (share,) = _quantities(nlp, "About 2/3 of the voters stayed home.")
    assert share.counted == "voters"


@pytest.mark.parametrize(
    ("sentence", "figures"),
    [
        # "one of the deadliest" ranks; "one witness ... said" names a speaker.
        ("In one of the deadliest attacks this year, at least 40 people were killed.",
         ["at least 40"]),
        ("It was one of the worst floods in decades, officials said.", []),
        ("The doctor added that one man who had just reached the clinic said that soldiers"
         " had burned the market.", []),
        # ... but one of a group that something happened to is counted.
        ("One of the most senior officers was killed.", ["One"]),
        ("One soldier was killed and one wounded.", ["One", "one"]),
    ],
)  # fmt: skip
def test_one_is_a_figure_only_where_it_counts(nlp: Any, sentence: str, figures: list[str]) -> None:
    assert [q.text for q in _quantities(nlp, sentence)] == figures


def test_a_weight_counts_what_it_weighs_and_is_no_money(nlp: Any) -> None:
    (q,) = _quantities(nlp, "The navy shipped about 18,000 pounds of relief goods in.")
    assert (q.text, q.value, q.unit, q.counted) == ("about 18,000", 18000, None, "relief goods")
    (money,) = _quantities(nlp, "The repairs will cost 5 million pounds.")
    assert (money.value, money.unit) == (5_000_000, "GBP")


@pytest.mark.parametrize(
    ("sentence", "value", "high"),
    [("About 2/3 of the voters stayed home.", 200 / 3, None),
     ("Nearly 1/4 of the houses burned.", None, 25.0)],
)  # fmt: skip
def test_a_slashed_share_is_a_percentage(
    nlp: Any, sentence: str, value: float | None, high: float | None
) -> None:
    (q,) = _quantities(nlp, sentence)
    assert (q.value, q.high, q.unit) == (value, high, "percent")


def test_a_tally_set_at_a_figure_keeps_its_own_event(nlp: Any) -> None:
    (wounded,) = _quantities(nlp, "The wounded toll stands at 70.")
    assert (wounded.counted, wounded.event) == (None, "injured")
    (toll,) = _quantities(nlp, "The ministry put the death toll at 45.")
    assert (toll.counted, toll.event) == (None, "killed")  # not the ministry it was put by
