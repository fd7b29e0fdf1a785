"""Places: names in claims linked to gazetteer coordinates, stored, filterable, counted."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from claimledger.api import Ledger
from claimledger.cli import app
from claimledger.reconcile.place_store import claims_at, link_places, places_summary
from claimledger.reconcile.places import candidates, places_in

STORY = """---
date: 2020-10-11
outlet: Test Wire
title: Strikes on two cities
---
GANJA - Azerbaijan's prosecutor general's office said on Sunday that a missile hit a residential
block in Ganja overnight, killing 9 civilians.

Armenia's defence ministry said 14 people had been wounded by shelling of Stepanakert.

Officials in Kharkiv said 3 people were killed near the city centre on Saturday.
"""


def test_places_candidates_skip_states_and_words() -> None:
    found = candidates("A missile hit Azerbaijan's Tartar district on Monday, in Azerbaijan.")
    assert "Tartar" in found
    assert not {"Azerbaijan", "Monday"} & set(found)


@pytest.mark.parametrize(
    ("sentence", "name", "country"),
    [
        ("Shells fell on houses in Barda on Wednesday.", "Barda", "AZ"),
        ("The drone struck Kharkiv before dawn.", "Kharkiv", "UA"),
        ("The town of Tartar came under fire again.", "Tartar", "AZ"),
    ],
)
def test_places_in_sentence(sentence: str, name: str, country: str) -> None:
    found = places_in(sentence)
    assert [(p.name, p.country) for p in found] == [(name, country)]
    assert -90 <= found[0].latitude <= 90 and -180 <= found[0].longitude <= 180


def test_places_not_a_place() -> None:
    assert places_in("The president spoke in Parliament about the Republic.") == []


@pytest.fixture(scope="module")
def ledger(tmp_path_factory: pytest.TempPathFactory) -> Ledger:
    tmp = tmp_path_factory.mktemp("places")
    story = tmp / "story.md"
    story.write_text(STORY, encoding="utf-8")
    led = Ledger(tmp / "places.db")
    led.ingest([str(story)])
    return led


def test_places_stored_once_and_filtered(ledger: Ledger) -> None:
    assert link_places(ledger.store) > 0
    assert link_places(ledger.store) == 0  # scanned claims are not scanned again
    at_ganja = claims_at(ledger.store, "ganja")
    assert at_ganja
    sentences = [c.sentence for c in ledger.claims(limit=None) if c.claim_id in at_ganja]
    assert all("Ganja" in s for s in sentences)
    # Stepanakert is known to the gazetteer under its Azerbaijani name, among small towns.
    assert claims_at(ledger.store, "Stepanakert")


def test_places_summary_for_a_map(ledger: Ledger) -> None:
    places = {p.name: p for p in places_summary(ledger.store)}
    assert {"Ganja", "Kharkiv"} <= set(places)
    ganja = places["Ganja"]
    assert ganja.country == "AZ" and ganja.claims >= 1 and ganja.figures >= 1
    assert 40 < ganja.latitude < 41 and 46 < ganja.longitude < 47
    only = places_summary(ledger.store, claimant="Armenia")
    assert "Ganja" not in {p.name for p in only}


def test_places_cli_filters(ledger: Ledger) -> None:
    db = str(ledger.store.where)
    result = CliRunner().invoke(app, ["figures", "--db", db, "--place", "Ganja"])
    assert result.exit_code == 0
    assert "9" in result.stdout and "Kharkiv" not in result.stdout
    result = CliRunner().invoke(app, ["claims", "--db", db, "--place", "Kharkiv"])
    assert result.exit_code == 0 and "Kharkiv" in result.stdout
    assert "Ganja" not in result.stdout
