"""Event types close to ACLED's: one rule at a time, on sentences of our own."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from claimledger.models import Quantity
from claimledger.reconcile.event_types import event_type, load_event_types, of_type
from claimledger.reconcile.taxonomy import DataFileError

from .factories import make_claim, qty

DAY = date(2021, 4, 2)


@pytest.mark.parametrize(
    ("content", "figure", "expected"),
    [
        (
            "a missile hit an apartment block in the city, killing 12 residents",
            qty("12", "residents", "killed"),
            "explosions/remote violence",
        ),
        (
            "gunmen executed 9 villagers at the market",
            qty("9", "villagers", "executed"),
            "violence against civilians",
        ),
        (
            "14 civilians were abducted from the road to the capital",
            qty("14", "civilians", "abducted"),
            "violence against civilians",
        ),
        (
            "31 soldiers were killed when their post was overrun",
            qty("31", "soldiers", "killed"),
            "battles",
        ),
        (
            "1,960 peacekeepers had arrived in the region",
            qty("1,960", "peacekeepers", "arrived"),
            "strategic developments",
        ),
        (
            "the earthquake killed 42 people and left 300 homeless",
            qty("42", "people", "killed"),
            "disasters",
        ),
        (
            "some 5,000 protesters marched on the parliament and 30 were hurt",
            qty("30", "protesters", "hurt"),
            "protests",
        ),
        (
            "inflation rose to 3.8 percent",
            Quantity(text="3.8 percent", value=3.8, unit="percent", counted="inflation"),
            None,
        ),
    ],
)
def test_event_types_rules(content: str, figure: Quantity, expected: str | None) -> None:
    claim = make_claim("c", "the ministry", content, DAY, quantities=[figure])
    assert event_type(claim) == expected


def test_event_types_claim_without_figures_has_none() -> None:
    claim = make_claim("c", "the ministry", "the missile strike was a provocation", DAY)
    assert event_type(claim) is None


def test_event_types_filter() -> None:
    claims = [
        make_claim(
            "a",
            "the ministry",
            "a drone strike killed 4 people",
            DAY,
            quantities=[qty("4", "people", "killed")],
        ),
        make_claim(
            "b",
            "the ministry",
            "40 soldiers were killed",
            DAY,
            quantities=[qty("40", "soldiers", "killed")],
        ),
    ]
    assert [c.claim_id for c in of_type(claims, "Battles")] == ["b"]


def test_event_types_user_rules_replace_the_bundled(tmp_path: Path) -> None:
    mine = tmp_path / "types.yaml"
    mine.write_text("event_types:\n  - name: tolls\n    events: [killed]\n", encoding="utf-8")
    rules = load_event_types(extra=mine)
    claim = make_claim(
        "b",
        "the ministry",
        "40 soldiers were killed",
        DAY,
        quantities=[qty("40", "soldiers", "killed")],
    )
    assert event_type(claim, rules) == "tolls"
    empty = tmp_path / "empty.yaml"
    empty.write_text("event_types:\n  - name: nothing\n", encoding="utf-8")
    with pytest.raises(DataFileError, match=rf"{empty}:2: rule 'nothing' has no condition"):
        load_event_types(extra=empty)
