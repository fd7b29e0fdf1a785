"""One test per rule that decides a figure's track, on sentences of our own."""

from __future__ import annotations

from datetime import date

from claimledger.models import Claim, Quantity
from claimledger.reconcile.theatres import doc_theatres
from claimledger.reconcile.track_keys import is_increment, track_key
from claimledger.reconcile.tracks import build_tracks

from .factories import make_claim, qty

DAY = date(2020, 10, 20)


def _claim(mention: str, sentence: str, figure: Quantity, doc_id: str = "doc-a") -> Claim:
    figure = figure.model_copy(update={"start": max(sentence.find(figure.text), 0)})
    return make_claim(
        "c", mention, sentence, DAY, sentence=sentence, quantities=[figure], doc_id=doc_id
    )


def _key(mention: str, sentence: str, figure: Quantity) -> tuple[str | None, str, str | None]:
    claim = _claim(mention, sentence, figure)
    key = track_key(claim.quantities[0], claim)
    assert key is not None
    return key.group, key.counted, key.event


def test_rule_own_side_counts_its_own_dead() -> None:
    figure = qty("73", "servicemen", "killed")
    said = "The ministry said 73 servicemen had been killed in the past day."
    assert _key("Azerbaijan's defence ministry", said, figure) == (
        "Azerbaijan",
        "soldiers",
        "killed",
    )
    assert _key("Armenia's defence ministry", said, figure) == ("Armenia", "soldiers", "killed")


def test_rule_karabakh_speaks_for_armenia_s_side() -> None:
    figure = qty("12", "soldiers", "killed")
    said = "The ministry in Stepanakert said 12 soldiers had been killed."
    assert _key("the Karabakh defence ministry", said, figure)[0] == "Armenia"


def test_rule_what_it_destroyed_is_the_enemy_s() -> None:
    figure = qty("5", "tanks", "destroyed")
    said = "The ministry said its units destroyed 5 tanks overnight."
    assert _key("Azerbaijan's defence ministry", said, figure) == ("Armenia", "tanks", "destroyed")


def test_rule_enemy_losses_belong_to_the_opponent() -> None:
    figure = qty("four", "pickup trucks", "", value=4)
    said = "The total enemy losses reached 90 personnel, two tanks and four pickup trucks."
    assert _key("Armenia's defence ministry", said, figure)[0] == "Azerbaijan"


def test_rule_a_monitor_s_figure_has_no_side() -> None:
    figure = qty("41", "civilians", "killed")
    said = "The monitor said 41 civilians had been killed in the district."
    assert _key("the Syrian Observatory", said, figure)[0] is None


def test_rule_event_read_from_the_sentence() -> None:
    figure = qty("1,245", "servicemen", "", value=1245)
    said = "The ministry said 1,245 servicemen are being treated in military hospitals."
    assert _key("Azerbaijan's defence ministry", said, figure)[2] == "injured"


def test_rule_event_word_right_after_the_figure_wins() -> None:
    figure = qty("1,143", "civilians", "killed", value=1143)
    said = "The office recorded the deaths of 782 civilians and 1,143 injured since May."
    assert _key("the UN rights office", said, figure)[2] == "injured"


def test_rule_purpose_is_not_an_event() -> None:
    figure = qty("990", "samples", "", value=990)
    said = "The lab has collected 1,800 samples from relatives and 990 samples for identification."
    assert _key("the Armenian health ministry", said, figure)[2] != "recovered"


def test_rule_bodies_of_soldiers_count_bodies() -> None:
    figure = qty("2,100", "soldiers", "killed", value=2100)
    said = "Forensic experts have examined the bodies of 2,100 soldiers killed in the war."
    assert _key("the Armenian health ministry", said, figure)[1:] == ("bodies", "examined")


def test_rule_the_wounded_are_people_injured() -> None:
    figure = qty("60", "wounded", "killed")
    said = "In the town the number of wounded reached 60, the aide said."
    assert _key("Hikmet Hajiyev", said, figure)[1:] == ("people", "injured")


def test_rule_new_group_is_an_increment() -> None:
    for said, text in (
        ("A new group of about 150 fighters has been flown in, the monitor said.", "about 150"),
        ("Another 80 fighters arrived on Monday.", "80"),
    ):
        figure = qty(text, "fighters", "sent", value=float(text.split()[-1]))
        claim = _claim("the Syrian Observatory", said, figure)
        assert is_increment(claim.quantities[0], claim)
    bound = qty("more than 30", "civilians", "killed", low=30)
    claim = _claim("Baku", "More than 30 civilians were killed, Baku said.", bound)
    assert not is_increment(claim.quantities[0], claim)


def test_rule_fighters_in_an_article_about_foreign_fighters_are_foreign() -> None:
    claims = [
        make_claim(
            "a",
            "the Syrian Observatory",
            "about 300 mercenaries were sent from Syria",
            DAY,
            doc_id="d",
            quantities=[qty("300", "mercenaries", "sent")],
        ),
        make_claim(
            "b",
            "the Syrian Observatory",
            "41 militants have been killed so far",
            DAY,
            doc_id="d",
            start=200,
            quantities=[qty("41", "militants", "killed")],
        ),
    ]
    groups = {t.key.event: t.key.group for t in build_tracks(claims)}
    assert groups == {"deployed": "foreign", "killed": "foreign"}


def test_rule_theatre_of_an_article() -> None:
    claims = [
        make_claim(
            "a",
            "the agency",
            "shelling hit Kharkiv and Kyiv, Ukraine's officials said",
            DAY,
            doc_id="ua",
            sentence="Russian shelling hit Kharkiv, Ukraine said.",
        ),
        make_claim(
            "b",
            "the agency",
            "floods displaced 9,000 people in Malawi",
            DAY,
            doc_id="mw",
            sentence="Floods in Malawi displaced 9,000 people.",
        ),
        make_claim(
            "c",
            "the agency",
            "fighters from Syria reached Azerbaijan",
            DAY,
            doc_id="az",
            sentence="Fighters from Syria reached Azerbaijan and Armenia.",
        ),
    ]
    assert doc_theatres(claims) == {
        "ua": "Russia–Ukraine",
        "mw": "Malawi",
        "az": "Armenia–Azerbaijan",
    }
