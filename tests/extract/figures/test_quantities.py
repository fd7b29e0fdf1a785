"""Figures in claims: the pure amount parser, then find_quantities on real parses."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimledger.extract.figures.amounts import Amount, parse_amount
from claimledger.extract.figures.quantities import find_quantities
from claimledger.models import Quantity

# --- parse_amount -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1,221", Amount(1221.0)),
        ("more than 200", Amount(None, low=200.0)),
        ("over 200", Amount(None, low=200.0)),
        ("at least 200", Amount(None, low=200.0)),
        ("200+", Amount(None, low=200.0)),
        ("almost 200", Amount(None, high=200.0)),
        ("Nearly 200", Amount(None, high=200.0)),
        ("up to 200", Amount(None, high=200.0)),
        ("fewer than 200", Amount(None, high=200.0)),
        ("less than 15", Amount(None, high=15.0)),
        ("around 2,000", Amount(2000.0, approximate=True)),
        ("about 230", Amount(230.0, approximate=True)),
        ("some 145,000", Amount(145000.0, approximate=True)),
        ("approximately 70", Amount(70.0, approximate=True)),
        ("roughly 3,500", Amount(3500.0, approximate=True)),
        ("an estimated 90,000", Amount(90000.0, approximate=True)),
        ("a dozen", Amount(12.0)),
        ("more than a dozen", Amount(None, low=12.0)),
        ("two dozen", Amount(24.0)),
        ("dozens of", Amount(None, low=24.0, approximate=True)),
        ("hundreds of", Amount(None, low=200.0, approximate=True)),
        ("thousands of", Amount(None, low=2000.0, approximate=True)),
        ("tens of thousands", Amount(None, low=20000.0, approximate=True)),
        ("50 percent", Amount(50.0, unit="percent")),
        ("50%", Amount(50.0, unit="percent")),
        ("50 per cent", Amount(50.0, unit="percent")),
        ("half", Amount(50.0, unit="percent")),
        ("over half", Amount(None, low=50.0, unit="percent")),
        ("$5 million", Amount(5e6, unit="USD")),
        ("€3.2 billion", Amount(3.2e9, unit="EUR")),
        ("£40", Amount(40.0, unit="GBP")),
        ("2 million dollars", Amount(2e6, unit="USD")),
        ("100 manats", Amount(100.0, unit="AZN")),
        ("1.5 million", Amount(1.5e6)),
        ("1,000,000,000,000", Amount(1e12)),
        ("-3", Amount(-3.0)),
        ("10^9", Amount(1e9)),
        ("three", Amount(3.0)),
        ("twenty-two", Amount(22.0)),
        ("one hundred and five", Amount(105.0)),
        ("a hundred", Amount(100.0)),
        ("between 200 and 300", Amount(None, low=200.0, high=300.0)),
        ("200-300", Amount(None, low=200.0, high=300.0)),
        ("200–300", Amount(None, low=200.0, high=300.0)),
        ("1-2 million", Amount(None, low=1e6, high=2e6)),
        ("54 more", Amount(54.0)),
        ("another 20", Amount(20.0)),
    ],
)
def test_parse_amount_forms(text: str, expected: Amount) -> None:
    assert parse_amount(text) == expected


@pytest.mark.parametrize(
    "text", ["", "   ", "hello", "the 1990s", "6th", "sixth", "- 3", "$", "between and", "%"]
)
def test_parse_amount_rejects_non_figures(text: str) -> None:
    assert parse_amount(text) is None


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=60))
def test_parse_amount_never_raises(text: str) -> None:
    result = parse_amount(text)
    assert result is None or isinstance(result, Amount)


@given(st.integers(min_value=-(10**15), max_value=10**15))
def test_parse_amount_round_trips_grouped_integers(n: int) -> None:
    amount = parse_amount(format(n, ","))
    assert amount is not None and amount.value == n


@given(
    st.decimals(min_value=0, max_value=999, places=1, allow_nan=False, allow_infinity=False),
    st.sampled_from([("million", 10**6), ("billion", 10**9)]),
)
def test_parse_amount_round_trips_scaled_decimals(d: Any, scale: tuple[str, int]) -> None:
    word, factor = scale
    amount = parse_amount(f"{d} {word}")
    assert amount is not None and amount.value == pytest.approx(float(d) * factor)


_ONES = [
    *("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"),
    *("eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen"),
    *("eighteen", "nineteen"),
]
_TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]


def _spell(n: int) -> str:
    """Our own English speller, independent of the parser, for 0..999."""
    if n < 20:
        return _ONES[n]
    if n < 100:
        tens, ones = divmod(n, 10)
        return _TENS[tens] + (f"-{_ONES[ones]}" if ones else "")
    hundreds, rest = divmod(n, 100)
    return f"{_ONES[hundreds]} hundred" + (f" and {_spell(rest)}" if rest else "")


@given(st.integers(min_value=0, max_value=999))
def test_parse_amount_round_trips_spelled_numbers(n: int) -> None:
    amount = parse_amount(_spell(n))
    assert amount is not None and amount.value == n


# --- find_quantities on real parses -------------------------------------------------------


def _quantities(nlp: Any, text: str) -> list[Quantity]:
    return find_quantities(nlp(text), 0, len(text))


def _only(nlp: Any, text: str) -> Quantity:
    found = _quantities(nlp, text)
    assert len(found) == 1, found
    return found[0]


def test_find_quantities_nationality_group_and_event(nlp: Any) -> None:
    q = _only(nlp, "Officials in Baku said 12 Azerbaijani soldiers were killed overnight.")
    assert (q.value, q.counted, q.event, q.group) == (
        12,
        "soldiers",
        "killed",
        "Azerbaijani soldiers",
    )
    assert q.text == "12" and q.kind is None


def test_find_quantities_coordinated_figure_borrows_the_noun(nlp: Any) -> None:
    first, second = _quantities(
        nlp, "Officials in Baku said 12 Azerbaijani soldiers were killed and 35 wounded."
    )
    assert (first.value, first.event) == (12, "killed")
    assert (second.value, second.counted, second.event) == (35, "soldiers", "injured")


def test_find_quantities_offsets_cover_the_phrase(nlp: Any) -> None:
    text = "The ombudsman said nearly 90,000 people have been displaced by the war."
    q = _only(nlp, text)
    assert text[q.start : q.end] == "nearly 90,000" == q.text
    assert (q.high, q.value, q.counted, q.event) == (90000, None, "people", "displaced")


def test_find_quantities_incremental_partitive(nlp: Any) -> None:
    q = _only(nlp, "The separatist ministry said 27 more of its troops had been killed.")
    assert (q.text, q.value, q.counted, q.event, q.kind, q.group) == (
        "27 more",
        27,
        "troops",
        "killed",
        "incremental",
        None,
    )


def test_find_quantities_cumulative_markers(nlp: Any) -> None:
    q = _only(nlp, "More than 400 Armenian servicemen have died since the fighting began.")
    assert (q.low, q.counted, q.event, q.kind) == (400, "servicemen", "killed", "cumulative")
    toll = _only(nlp, "The death toll has risen to 1,221, the ministry said.")
    assert (toll.value, toll.event, toll.kind) == (1221, "killed", "cumulative")


def test_find_quantities_event_vocabulary(nlp: Any) -> None:
    cases = {
        "Around 1,500 fighters were deployed to the front line.": ("fighters", "sent"),
        "The bodies of 40 were handed over and returned to Armenia.": ("bodies", "returned"),
        "Five Syrian fighters were taken prisoner near Hadrut.": ("fighters", "captured"),
        "Azerbaijan said it had detained 14 Armenian saboteurs.": ("saboteurs", "arrested"),
        "Hundreds of families fled their homes in Martuni.": ("families", "displaced"),
        "An estimated 3,000 civilians were evacuated from the town.": ("civilians", "evacuated"),
        "The ministry said 15 soldiers remain missing.": ("soldiers", "missing"),
    }
    for text, expected in cases.items():
        q = _only(nlp, text)
        assert (q.counted, q.event) == expected, text


def test_find_quantities_units_and_ranges(nlp: Any) -> None:
    money = _only(nlp, "The reconstruction will cost at least $5 million, the minister said.")
    assert (money.low, money.unit, money.counted) == (5e6, "USD", None)
    share = _only(nlp, "Turkish drones destroyed 50% of the air defence systems.")
    assert (share.value, share.unit, share.counted) == (50, "percent", "air defence systems")
    span = _only(nlp, "Between 200 and 300 prisoners of war are still held in Baku.")
    assert (span.low, span.high, span.counted, span.event) == (200, 300, "prisoners", "captured")


@pytest.mark.parametrize(
    "text",
    [
        "The ceasefire of 1994 collapsed on September 27, 2020, after years of skirmishes.",
        "Under Article 5 of the treaty, members must defend each other.",
        "Clashes resumed on the sixth day of the offensive.",
        "Residents can call +7 495 123-45-67 for information.",
        "The two countries have not held talks since the G20 summit.",
        "The 44-day war ended with a Russian-brokered deal.",
        "Some 30 years ago the region voted to leave Azerbaijan.",
    ],
)
def test_find_quantities_skips_dates_names_and_references(nlp: Any, text: str) -> None:
    assert _quantities(nlp, text) == []


def test_find_quantities_respects_the_character_range(nlp: Any) -> None:
    text = "Baku said 19 civilians died. Yerevan said 40 soldiers died."
    doc = nlp(text)
    second = text.index("Yerevan")
    found = find_quantities(doc, second, len(text))
    assert [q.value for q in found] == [40]
    assert found[0].start > second


# --- the seed corpus, read in place -------------------------------------------------------

_SEED_CASES: list[tuple[str, str, dict[str, Any]]] = [
    ("300 Syrian militants have been sent", "300", {"value": 300, "counted": "militants",
     "event": "sent", "group": "Syrian militants"}),
    ("more than 200 people have been killed", "more than 200", {"low": 200, "value": None,
     "counted": "people", "event": "killed", "kind": "cumulative"}),
    ("19 civilians killed and 60 injured", "19", {"counted": "civilians", "event": "killed"}),
    ("19 civilians killed and 60 injured", "60", {"counted": "civilians", "event": "injured"}),
    ("the deaths of 158 of its soldiers", "158", {"counted": "soldiers", "event": "killed",
     "kind": "cumulative", "group": None}),
    ("the deaths of 158 of its soldiers", "13", {"counted": "civilians", "event": "killed"}),
    ("54 more of its soldiers", "54 more", {"value": 54, "counted": "soldiers",
     "event": "killed", "kind": "incremental"}),
    ("around 2,000 mercenaries", "around 2,000", {"value": 2000, "approximate": True,
     "counted": "mercenaries"}),
    ("230 more mercenaries have left Syria", "230 more", {"kind": "incremental",
     "event": "sent", "counted": "mercenaries"}),
    ("240 militants have been killed", "240", {"counted": "militants", "event": "killed"}),
    ("the bodies of 183", "183", {"counted": "bodies", "event": "returned"}),
    ("taken captive three Syrian militants", "three", {"value": 3, "event": "captured",
     "group": "Syrian militants"}),
    ("22 militants have escaped", "22", {"counted": "militants", "event": "escaped"}),
    ("50 percent of the mercenaries", "50 percent", {"value": 50, "unit": "percent",
     "counted": "mercenaries", "event": "killed"}),
    ("Almost 200 people, including", "Almost 200", {"high": 200, "counted": "people",
     "event": "killed"}),
    ("Almost 200 people, including", "more than 30", {"low": 30, "counted": "civilians",
     "event": "killed"}),
    ("more than a dozen civilians", "more than a dozen", {"low": 12, "counted": "civilians"}),
    ("some 145,000 people", "some 145,000", {"value": 145000, "approximate": True,
     "counted": "people", "event": None}),
    ("4,000 Islamist militants", "4,000", {"value": 4000, "counted": "militants"}),
]  # fmt: skip


@pytest.fixture(scope="module")
def seed_docs(nlp: Any, seeds_dir: Path) -> list[Any]:
    return [nlp(path.read_text(encoding="utf-8")) for path in sorted(seeds_dir.glob("*.txt"))]


@pytest.mark.parametrize(("anchor", "figure", "expected"), _SEED_CASES)
def test_find_quantities_on_seed_sentences(
    seed_docs: list[Any], anchor: str, figure: str, expected: dict[str, Any]
) -> None:
    matches = []
    for doc in seed_docs:
        at = doc.text.find(anchor)
        if at < 0:
            continue
        sentence = doc.char_span(at, at + len(anchor), alignment_mode="expand")[0].sent
        for q in find_quantities(doc, sentence.start_char, sentence.end_char):
            if q.text == figure:
                matches.append(q)
    assert matches, f"{figure!r} not found near {anchor!r}"
    for q in matches:
        got = {key: getattr(q, key) for key in expected}
        assert got == expected, (anchor, figure)


def test_seed_documents_yield_no_years_or_ordinals(seed_docs: list[Any]) -> None:
    texts = [q.text for doc in seed_docs for q in find_quantities(doc, 0, len(doc.text))]
    for bad in ("1994", "2020", "1990s", "sixth", "28", "27"):
        assert bad not in texts


def test_find_quantities_governing_verb_beats_a_modifier(nlp: Any) -> None:
    # "sent" describes the fighters; what the claim says happened to half of them is "killed".
    q = _only(nlp, "The leader said his forces had killed about half of the fighters sent there.")
    assert (q.value, q.unit, q.approximate, q.counted, q.event) == (
        50,
        "percent",
        True,
        "fighters",
        "killed",
    )


def test_find_quantities_keeps_irregular_plurals(nlp: Any) -> None:
    q = _only(nlp, "The ministry said 84 of its servicemen had been killed since Sunday morning.")
    assert (q.counted, q.event, q.kind) == ("servicemen", "killed", "cumulative")


def test_find_quantities_read_tallies_and_compounds(nlp: Any) -> None:
    cases = {
        # The NER runs "Sept. 27 to 60" together as one date; 60 is still the count.
        "The strike brought the number of civilians killed since Sept. 27 to 60.": (
            60,
            None,
            "civilians",
        ),
        "The ministry said its list of servicemen killed had grown to 480.": (
            480,
            None,
            "servicemen",
        ),
        "The number of recruits at the front was approaching 2,000.": (None, 2000, "recruits"),
        "Drones destroyed 12 air-defence systems overnight.": (12, None, "air-defence systems"),
        # People keep their plain noun: one track for "jihadist fighters" and "fighters".
        "He said 300 jihadist fighters had crossed the border.": (300, None, "fighters"),
        "The town's population of 40,000 has shrunk.": (40000, None, "people"),
    }
    for text, expected in cases.items():
        q = _only(nlp, text)
        assert (q.value, q.high, q.counted) == expected, text


def test_find_quantities_loss_is_an_event(nlp: Any) -> None:
    q = _only(nlp, "It acknowledged the loss of one helicopter near Jabrayil.")
    assert (q.value, q.counted, q.event) == (1, "helicopters", "lost")


def test_find_quantities_count_run_into_a_date_by_the_ner(nlp: Any) -> None:
    # The small model labels "Saturday that 80" one DATE; 80 is still the count.
    q = _only(nlp, "The ministry said on Saturday that 80 of its servicemen had been killed.")
    assert (q.value, q.counted, q.event) == (80, "servicemen", "killed")
    q = _only(nlp, "The ministry said on Saturday that 12 soldiers had been wounded.")
    assert (q.value, q.counted) == (12, "soldiers")


def test_find_quantities_up_from_is_the_same_running_figure(nlp: Any) -> None:
    found = _quantities(
        nlp, "The ministry said its count of servicemen killed had risen to 604, up from 532."
    )
    assert [(q.value, q.counted, q.event) for q in found] == [
        (604, "servicemen", "killed"),
        (532, "servicemen", "killed"),
    ]
