"""Rules that keep one claimant's running figure on one track and different things apart,
each on sentences of our own (the causes found measuring track purity on real news)."""

from __future__ import annotations

from datetime import date

from claimledger.models import Quantity
from claimledger.reconcile.track_keys import TrackKey, track_key

from .factories import make_claim, qty

DAY = date(2020, 11, 2)


def _key(mention: str, sentence: str, figure: Quantity) -> TrackKey:
    figure = figure.model_copy(update={"start": max(sentence.find(figure.text), 0)})
    claim = make_claim(
        "c", mention, sentence, DAY, sentence=sentence, quantities=[figure], doc_id="doc-p"
    )
    key = track_key(claim.quantities[0], claim)
    assert key is not None
    return key


def test_enemy_as_a_noun_does_not_make_the_dead_the_enemy_s() -> None:
    figure = qty("310", "soldiers", "killed", value=310, kind="cumulative")
    said = (
        "Another 22 servicemen fell in clashes with the enemy near the river, and the number "
        "of soldiers killed since the offensive began has climbed to 310."
    )
    assert _key("Armenia's defence ministry", said, figure).group == "Armenia"
    # As a modifier it still says whose they are.
    trucks = qty("six", "trucks", "", value=6)
    listed = "The ministry put enemy losses at 75 personnel, four tanks and six trucks."
    assert _key("Armenia's defence ministry", listed, trucks).group == "Azerbaijan"


def test_the_dead_of_a_named_perpetrator_are_the_other_side_s() -> None:
    figure = qty("45", "civilians", "killed", value=45)
    said = "The rights office documented 45 civilians killed by the Azerbaijani armed forces."
    # A monitor, and an official the claimant table places on the wrong side, say the same.
    assert _key("the rights office", said, figure).group == "Armenia"
    assert _key("Azerbaijan's ombudsman", said, figure).group == "Armenia"
    shelled = qty("seven", "civilians", "killed", value=7)
    by_fire = (
        "Seven villagers' neighbours said seven civilians died under fire from Armenian forces."
    )
    assert _key("a local official", by_fire, shelled).group == "Azerbaijan"


def test_a_state_named_after_by_is_a_perpetrator_only_as_a_force_or_a_state() -> None:
    figure = qty("12", "civilians", "killed", value=12)
    said = (
        "The monitor said 12 civilians were killed by mines after the truce was signed by the "
        "Azerbaijani, Russian and Armenian leaders."
    )
    assert _key("the Syrian Observatory", said, figure).group is None
    war = qty("2,400", "servicemen", "killed", value=2400)
    unleashed = (
        "Experts examined the bodies of 2,400 servicemen killed in the war unleashed by Azerbaijan."
    )
    assert _key("a ministry spokeswoman", unleashed, war).group == "Armenia"


def test_bodies_found_examined_and_identified_are_three_tracks() -> None:
    found = qty("14 more", "bodies", "", value=14, kind="incremental")
    searched = "Search teams found 14 more bodies of fallen soldiers near the village."
    examined = qty("2,500", "soldiers", "killed", value=2500)
    forensic = "Forensic experts have examined the bodies of 2,500 soldiers killed in the fighting."
    named = qty("410", "bodies", "", value=410)
    genetic = "So far 410 bodies have been identified through genetic testing."
    events = {
        _key("the emergency service", searched, found).event,
        _key("the health ministry", forensic, examined).event,
        _key("the health ministry", genetic, named).event,
    }
    assert events == {"recovered", "examined", "identified"}


def test_fighters_whose_bodies_were_brought_home_count_bodies_returned() -> None:
    figure = qty("180", "fighters", "", value=180)
    said = "The toll reached 260, including 180 fighters whose bodies were brought back to Syria."
    key = _key("the Syrian Observatory", said, figure)
    assert (key.counted, key.event) == ("bodies", "returned")


def test_homes_and_facilities_damaged_or_destroyed_are_apart() -> None:
    houses = qty("1,900", "houses", "", value=1900)
    plants = qty("about 300", "facilities", "", value=300)
    damaged = "The ombudsman said 1,900 houses and about 300 facilities were damaged by shelling."
    razed = qty("three", "houses", "destroyed", value=3)
    destroyed = "The ombudsman said three houses were destroyed in the village overnight."
    mention = "the Karabakh ombudsman"
    a, b, c = (
        _key(mention, damaged, houses),
        _key(mention, damaged, plants),
        _key(mention, destroyed, razed),
    )
    assert (a.counted, a.event) == ("homes", "damaged")
    assert (b.counted, b.event) == ("buildings", "damaged")
    assert (c.counted, c.event) == ("homes", "destroyed")


def test_a_state_between_the_figure_and_its_noun_says_whose() -> None:
    figure = qty("At least six", "citizens", "killed", low=6)
    said = "At least six U.S. citizens are among the dead, a White House spokesman said."
    assert _key("a White House spokesman", said, figure).group == "United States"
