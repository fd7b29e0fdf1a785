"""Conflicts: figures that cannot both hold, and denials linked to the claims they answer."""

from __future__ import annotations

from collections import Counter
from datetime import date

import pytest

from claimledger.models import Claim
from claimledger.reconcile.conflicts import contradicted_by, find_conflicts
from claimledger.reconcile.topics import claim_terms
from claimledger.reconcile.tracks import build_tracks

from .factories import make_claim, qty

OCT5 = date(2020, 10, 5)


def _soldier_counts(azerbaijan_text: str, **figure: float) -> list[Claim]:
    """Armenia's own count of its dead and Azerbaijan's count of them, both on 5 October."""
    return [
        make_claim(
            "am-toll",
            "the Armenian Defense Ministry",
            "240 Armenian servicemen had been killed since the fighting began",
            OCT5,
            doc_id="doc-yerevan",
            quantities=[qty("240", "servicemen", "killed", "Armenian servicemen")],
        ),
        make_claim(
            "az-toll",
            "Azerbaijan's defence ministry",
            f"{azerbaijan_text} Armenian soldiers had been killed since the fighting began",
            OCT5,
            doc_id="doc-baku",
            quantities=[qty(azerbaijan_text, "soldiers", "killed", "Armenian soldiers", **figure)],
        ),
    ]


def test_conflicts_same_day_figures_from_two_claimants() -> None:
    claims = _soldier_counts("more than 2,300", low=2300)
    conflicts = find_conflicts(claims, build_tracks(claims))
    assert len(conflicts) == 1
    c = conflicts[0]
    assert c.kind == "figure"
    assert set(c.claim_ids) == {"am-toll", "az-toll"}
    assert set(c.claimants) == {"Armenia Defence Ministry", "Azerbaijan Defence Ministry"}
    assert c.track_id == build_tracks(claims)[0].track_id
    assert "Armenian soldiers killed" in c.explanation
    assert "more than 2,300" in c.explanation and "240" in c.explanation


def test_conflicts_overlapping_figures_are_not_a_conflict() -> None:
    # "about 250" allows 240; "at least 200" does too.
    for text, figure in (("about 250", {"value": 250.0}), ("at least 200", {"low": 200.0})):
        claims = _soldier_counts(text, **figure)
        if text.startswith("about"):
            claims[1].quantities[0].approximate = True
        assert find_conflicts(claims, build_tracks(claims)) == []


def test_conflicts_figures_on_different_days_need_a_window() -> None:
    claims = _soldier_counts("more than 2,300", low=2300)
    claims[1] = claims[1].model_copy(update={"stated_on": date(2020, 10, 6)})
    assert find_conflicts(claims, build_tracks(claims)) == []
    widened = find_conflicts(claims, build_tracks(claims), window_days=1)
    assert [c.kind for c in widened] == ["figure"]


def _fighters_story() -> list[Claim]:
    return [
        make_claim(
            "macron-300",
            "French President Emmanuel Macron",
            "300 fighters from jihadist groups in Syria had travelled to Azerbaijan through "
            "the Turkish city of Gaziantep",
            date(2020, 10, 1),
            doc_id="doc-brussels",
            quantities=[qty("300", "fighters", "travelled", "Syrian fighters")],
        ),
        make_claim(
            "az-mod-front",
            "the Azerbaijani Defense Ministry",
            "its units had pushed Armenian forces back from several positions near Fuzuli",
            date(2020, 10, 2),
            doc_id="doc-baku",
        ),
        make_claim(
            "am-civilians",
            "Armenia",
            "shelling had damaged houses and a school in Stepanakert",
            date(2020, 10, 2),
            doc_id="doc-yerevan",
        ),
        make_claim(
            "aliyev-no-evidence",
            "Azerbaijani President Ilham Aliyev",
            "there was not a shred of proof that foreign fighters were present in Azerbaijan",
            date(2020, 10, 3),
            doc_id="doc-interview",
            stance="deny",
            start=900,
        ),
    ]


def test_conflicts_denial_is_linked_to_the_claim_it_answers() -> None:
    claims = _fighters_story()
    conflicts = find_conflicts(claims, build_tracks(claims))
    denials = [c for c in conflicts if c.kind == "denial"]
    assert len(denials) == 1
    link = denials[0]
    assert link.claim_ids == ("aliyev-no-evidence", "macron-300")
    assert link.claimants == ("Ilham Aliyev", "Emmanuel Macron")
    assert link.track_id is not None
    assert "fighters" in link.explanation and "azerbaijan" in link.explanation


def test_conflicts_denial_outside_the_window_is_not_linked() -> None:
    claims = _fighters_story()
    claims[3] = claims[3].model_copy(update={"stated_on": date(2020, 11, 20)})
    assert find_conflicts(claims, build_tracks(claims)) == []


def test_conflicts_topicless_denial_takes_the_topic_of_the_preceding_claim() -> None:
    claims = [
        *_fighters_story()[:3],
        make_claim(
            "am-mercenaries",
            "Armenia",
            "Turkey had moved thousands of mercenaries from Syria and Libya to the Caucasus",
            date(2020, 10, 3),
            doc_id="doc-interview",
            start=100,
        ),
        make_claim(
            "aliyev-fake",
            "Aliyev",
            "this is fake news",
            date(2020, 10, 3),
            doc_id="doc-interview",
            stance="deny",
            start=400,
        ),
    ]
    denials = [c for c in find_conflicts(claims, build_tracks(claims)) if c.kind == "denial"]
    answered = [c.claim_ids[1] for c in denials]
    # The claim just before it first, then the same topic elsewhere (Macron's Syrian fighters).
    assert answered == ["am-mercenaries", "macron-300"]
    assert all(c.claim_ids[0] == "aliyev-fake" for c in denials)


def test_conflicts_denial_never_links_to_its_own_side() -> None:
    claims = [
        make_claim(
            "az-mod-fighters",
            "Azerbaijan's defence ministry",
            "no foreign fighters were serving with units in Azerbaijan",
            date(2020, 10, 2),
        ),
        make_claim(
            "aliyev-deny",
            "Aliyev",
            "foreign fighters were not present in Azerbaijan",
            date(2020, 10, 3),
            stance="deny",
        ),
    ]
    assert find_conflicts(claims, build_tracks(claims)) == []


def test_conflicts_claim_terms_fold_synonyms_and_states() -> None:
    claim = make_claim(
        "x",
        "Yerevan",
        "Ankara has sent mercenaries to Baku",
        date(2020, 10, 1),
    )
    assert claim_terms(claim) == {"turkey", "deployed", "fighters", "azerbaijan"}


def test_conflicts_denial_needs_the_same_subject_not_just_the_same_place() -> None:
    claims = [
        make_claim(
            "am-fighting",
            "Yerevan",
            "fighting near the Azerbaijani town of Tartar had engaged several brigades",
            date(2020, 10, 2),
        ),
        make_claim(
            "narration",
            "Caucasus Weekly",
            "mercenaries from Syria were seen fighting in Azerbaijan",
            date(2020, 10, 2),
            mode="unattributed",
        ),
        make_claim(
            "tr-deny",
            "the Turkish government",
            "mercenaries from Syria were fighting in Azerbaijan alongside several brigades",
            date(2020, 10, 2),
            stance="deny",
        ),
    ]
    # Yerevan's claim shares places and words but says nothing about mercenaries; the outlet's
    # own narration is not a claim anybody answers.
    assert find_conflicts(claims, build_tracks(claims)) == []


def _barda() -> list[Claim]:
    """Two strikes on one town reported the same day by two bodies of one government."""
    return [
        make_claim(
            "az-barda-tue",
            "Azerbaijani officials",
            "another strike on Barda on Tuesday had killed five people",
            date(2020, 10, 28),
            sentence="Azerbaijani officials said another strike on Barda on Tuesday had killed "
            "five people.",
            quantities=[qty("five", "people", "killed", value=5)],
        ),
        make_claim(
            "az-barda-wed",
            "Azerbaijan's prosecutor-general's office",
            "Rockets struck the centre of the town of Barda on Wednesday, killing 21 people",
            date(2020, 10, 28),
            sentence="Rockets struck the centre of the Azerbaijani town of Barda on Wednesday, "
            "killing 21 people, Azerbaijan's prosecutor-general's office said.",
            quantities=[qty("21", "people", "killed")],
        ),
    ]


def test_conflicts_one_government_does_not_contradict_itself() -> None:
    claims = _barda()
    assert {c.affiliation for c in claims} == {"Azerbaijan"}
    assert find_conflicts(claims, build_tracks(claims)) == []


def test_conflicts_two_strikes_on_one_town_are_not_a_conflict() -> None:
    claims = _barda()
    claims[0] = make_claim(
        "am-barda-tue",
        "Yerevan",
        claims[0].content,
        claims[0].stated_on,
        sentence=claims[0].sentence,
        quantities=claims[0].quantities,
    )
    tracks = build_tracks(claims)
    # A strike's toll is kept apart from the running toll, on a track of the place hit.
    assert [t.label for t in tracks] == ["people killed at Barda (Armenia–Azerbaijan)"]
    assert find_conflicts(claims, tracks) == []
    # The same strike (same day named) with figures that cannot both hold is a conflict.
    same = claims[0].sentence.replace("Tuesday", "Wednesday")
    claims[0] = claims[0].model_copy(update={"sentence": same})
    assert [c.kind for c in find_conflicts(claims, build_tracks(claims))] == ["figure"]


def _jet_story() -> list[Claim]:
    """Armenia's account of a downed jet, its elaborations, then Turkey's denials."""
    jet = "a Turkish F-16 fighter jet had shot down an Armenian Su-25 warplane, killing the pilot"
    return [
        make_claim("am-jet", "Armenia's defence ministry", jet, date(2020, 9, 29), start=0),
        make_claim(
            "am-ganja",
            "the Armenian Defense Ministry",
            "the jet had taken off from Ganja and was giving cover to drones",
            date(2020, 9, 29),
            start=150,
        ),
        make_claim(
            "am-hero",
            "Shushan Stepanyan",
            "the pilot had died a hero",
            date(2020, 9, 29),
            start=300,
        ),
        make_claim(
            "tr-account",
            "Turkey",
            "the account",
            date(2020, 9, 29),
            stance="deny",
            start=400,
        ),
        make_claim(
            "tr-altun",
            "Fahrettin Altun",
            "Armenia's claim that a Turkish F-16 shot down an Armenian SU-25 is absolutely untrue",
            date(2020, 9, 29),
            start=450,
            mode="direct",
        ),
        make_claim(
            "az-fighters",
            "Azerbaijan's defence ministry",
            "the ministry called the reports of recruited militants baseless",
            date(2020, 9, 29),
            stance="deny",
            start=700,
        ),
    ]


def test_conflicts_denial_links_only_the_claim_it_answers() -> None:
    claims = _jet_story()
    links = {c.claim_ids for c in find_conflicts(claims, build_tracks(claims))}
    # "Turkey rejected the account": the account of the F-16, not the pilot's death; the
    # quoted "absolutely untrue" is a denial too. Nothing in the story is about recruited
    # militants, so that denial answers none of it.
    assert links == {("tr-account", "am-jet"), ("tr-altun", "am-jet")}
    assert Counter(c.claimants[0] for c in find_conflicts(claims, build_tracks(claims))) == {
        "Turkey": 1,
        "Fahrettin Altun": 1,
    }


def _many_claimants() -> list[Claim]:
    """One day, one track: Armenia's side counts 240 and 250 of its dead, Azerbaijan 2,300,
    a monitor 900; the next day, a second and smaller disagreement."""
    said = [
        ("am", "the Armenian Defense Ministry", "240", OCT5),
        ("nk", "the Karabakh defence ministry", "250", OCT5),
        ("az", "Azerbaijan's defence ministry", "2,300", OCT5),
        ("mon", "the Syrian Observatory", "900", OCT5),
        ("am-6", "the Armenian Defense Ministry", "260", date(2020, 10, 6)),
        ("az-6", "Azerbaijan's defence ministry", "400", date(2020, 10, 6)),
    ]
    return [
        make_claim(
            cid,
            who,
            f"{n} Armenian servicemen had been killed since the fighting began",
            day,
            doc_id=f"doc-{cid}",
            quantities=[qty(n, "servicemen", "killed", "Armenian servicemen")],
        )
        for cid, who, n, day in said
    ]


def test_conflicts_grouped_per_track_and_day_and_ranked() -> None:
    claims = _many_claimants()
    conflicts = find_conflicts(claims, build_tracks(claims))
    groups = [c for c in conflicts if c.kind == "figure"]
    # One group per day, not one row per pair; the larger disagreement first.
    assert [g.day for g in groups] == [OCT5, date(2020, 10, 6)]
    first = groups[0]
    assert set(first.claim_ids) == {"am", "nk", "az", "mon"}
    assert (first.low, first.high) == (240, 2300)
    assert dict(first.sides)["Armenia"] == (
        "Armenia Defence Ministry",
        "Nagorno-Karabakh Defence Ministry",
    )
    assert first.spread == pytest.approx(2300 / 240)
    assert first.origins == 4


def test_conflicts_each_claim_knows_what_contradicts_it() -> None:
    claims = _many_claimants()
    by_claim = contradicted_by(find_conflicts(claims, build_tracks(claims)))
    # Armenia's 240 is contradicted by Azerbaijan's and the monitor's figures, never by the
    # Karabakh ministry (its own side).
    assert {other for other, _ in by_claim["am"]} == {"az", "mon"}
    assert {other for other, _ in by_claim["nk"]} == {"az", "mon"}


def test_conflicts_window_joins_days() -> None:
    claims = _many_claimants()
    groups = [c for c in find_conflicts(claims, build_tracks(claims), window_days=1)]
    assert len([g for g in groups if g.kind == "figure"]) == 1


def test_conflicts_two_agencies_are_two_voices() -> None:
    # Both speak for the United Nations, which is not at war: their figures can still clash.
    claims = [
        make_claim(
            cid,
            who,
            f"{n} civilians had been killed in the city since May",
            OCT5,
            doc_id=f"doc-{cid}",
            quantities=[qty(n, "civilians", "killed")],
        )
        for cid, who, n in (("a", "UNRWA", "120"), ("b", "OCHA", "480"))
    ]
    groups = [c for c in find_conflicts(claims, build_tracks(claims)) if c.kind == "figure"]
    assert [set(g.claim_ids) for g in groups] == [{"a", "b"}]
