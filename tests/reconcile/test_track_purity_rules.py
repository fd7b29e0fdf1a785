"""Rules that keep one claimant's running figure on one track and different things apart,
each on sentences of our own (the causes found measuring track purity on real news)."""

from __future__ import annotations

from datetime import date

from claimledger.models import Claim, Quantity
from claimledger.reconcile.placing import place_officials
from claimledger.reconcile.sides import bundled_party_table
from claimledger.reconcile.track_keys import TrackKey, claimant_side, track_key
from claimledger.reconcile.tracks import build_tracks

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


def _official(claim_id: str, mention: str, sentence: str, figure: Quantity, doc_id: str) -> Claim:
    figure = figure.model_copy(update={"start": max(sentence.find(figure.text), 0)})
    claim = make_claim(
        claim_id, mention, sentence, DAY, sentence=sentence, quantities=[figure], doc_id=doc_id
    )
    return claim.model_copy(update={"claimant_type": "government"})


def test_a_bare_title_is_the_placed_office_its_article_names() -> None:
    placed = _official(
        "a",
        "the Karabakh Human Rights Ombudsman",
        "The Karabakh Human Rights Ombudsman said 31 civilians had been killed so far.",
        qty("31", "civilians", "killed", value=31),
        "doc-k",
    )
    bare = _official(
        "b",
        "the Human Rights Ombudsman",
        "The Human Rights Ombudsman added that 95 people had been wounded.",
        qty("95", "people", "wounded", value=95),
        "doc-k",
    )
    # The same title in an article that names no placed office stays unplaced.
    elsewhere = bare.model_copy(update={"claim_id": "c", "doc_id": "doc-z"})
    assert bare.claimant != placed.claimant
    placed_out, bare_out, elsewhere_out = place_officials(
        [placed, bare, elsewhere], bundled_party_table()
    )
    assert bare_out.claimant == placed_out.claimant == placed.claimant
    assert claimant_side(bare_out) == "Armenia"
    assert elsewhere_out.claimant == bare.claimant
    assert claimant_side(elsewhere_out) == "unknown"


def test_an_unplaced_ministry_takes_the_one_party_its_article_quotes() -> None:
    figure = qty("another 12", "people", "injured", value=12, kind="incremental")
    army = _official(
        "a",
        "Azerbaijan's defence ministry",
        "Azerbaijan's defence ministry said the shelling went on overnight, wounding 4 soldiers.",
        qty("4", "soldiers", "injured", value=4),
        "doc-e",
    )
    rescue = _official(
        "b",
        "the Emergency Situations Ministry",
        "According to the Emergency Situations Ministry, another 12 people were injured.",
        figure,
        "doc-e",
    )
    tracks = build_tracks([army, rescue])
    injured = next(t for t in tracks if t.key.counted == "people")
    assert injured.key.group == "Azerbaijan"
    # Two parties quoted: nothing is guessed.
    other = _official(
        "c",
        "Armenia's defence ministry",
        "Armenia's defence ministry said 3 soldiers were wounded.",
        qty("3", "soldiers", "injured", value=3),
        "doc-e",
    )
    both = place_officials([army, rescue, other], bundled_party_table())
    assert claimant_side(both[1]) == "unknown"
