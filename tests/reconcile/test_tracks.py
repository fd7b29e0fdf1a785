"""Tracks: figures about one thing, per claimant, in order, totals checked against increments."""

from __future__ import annotations

from datetime import date

from claimledger.models import Claim
from claimledger.reconcile.tracks import Track, build_tracks, figures_table, format_row

from .factories import make_claim, qty

KARABAKH_MOD = "the Karabakh defence ministry"


def _daily_tolls() -> list[Claim]:
    """The Karabakh ministry's running count of its dead, given out of order on purpose."""
    tolls = [
        (date(2020, 10, 2), "158"),
        (date(2020, 9, 28), "31"),
        (date(2020, 10, 4), "198"),
        (date(2020, 9, 30), "104"),
        (date(2020, 9, 29), "84"),
    ]
    return [
        make_claim(
            f"toll-{day.isoformat()}",
            KARABAKH_MOD,
            f"the number of its servicemen killed since Sunday had risen to {n}",
            day,
            quantities=[qty(n, "servicemen", "killed", "its servicemen", kind="cumulative")],
        )
        for day, n in tolls
    ]


def _only(tracks: list[Track]) -> Track:
    assert len(tracks) == 1, [t.label for t in tracks]
    return tracks[0]


def test_tracks_running_total_comes_out_in_date_order() -> None:
    track = _only(build_tracks(_daily_tolls()))
    assert track.label == "Armenian soldiers killed"
    points = track.points["Nagorno-Karabakh Defence Ministry"]
    assert [p.value for p in points] == [31, 84, 104, 158, 198]
    assert [p.stated_on for p in points] == sorted(p.stated_on for p in points if p.stated_on)
    # The latest total supersedes the earlier ones.
    assert track.latest["Nagorno-Karabakh Defence Ministry"].value == 198
    assert track.notes == []


def test_tracks_synonyms_share_one_track() -> None:
    claims = [
        make_claim(
            "sohr-1",
            "the Syrian Observatory",
            "300 Syrian mercenaries had been flown to Azerbaijan",
            date(2020, 10, 1),
            quantities=[qty("300", "mercenaries", "flown", "Syrian mercenaries")],
        ),
        make_claim(
            "macron-1",
            "French President Emmanuel Macron",
            "300 Syrian militants were sent to Baku through Gaziantep",
            date(2020, 10, 1),
            quantities=[qty("300", "militants", "sent", "Syrian militants")],
        ),
        make_claim(
            "armenia-1",
            "Yerevan",
            "Turkey had transferred some 4,000 fighters from northern Syria",
            date(2020, 9, 28),
            quantities=[
                qty("some 4,000", "fighters", "transferred", "Syrian fighters", value=4000)
            ],
        ),
    ]
    tracks = build_tracks(claims)
    labels = {t.label for t in tracks}
    # Mercenaries, militants and fighters from Syria are one class; flown, sent and
    # transferred one event: one track.
    assert labels == {"foreign fighters deployed (Armenia–Azerbaijan)"}
    assert set(tracks[0].points) == {
        "Emmanuel Macron",
        "Armenia",
        "Syrian Observatory for Human Rights",
    }


def test_tracks_track_id_is_stable() -> None:
    first = _only(build_tracks(_daily_tolls()))
    again = _only(build_tracks(list(reversed(_daily_tolls()))))
    assert first.track_id == again.track_id
    assert len(first.track_id) == 16


def _series(total_after: str) -> list[Claim]:
    """80 killed on 1 October, "23 more" on 2 October, then a new total the same day."""
    return [
        make_claim(
            "t1",
            KARABAKH_MOD,
            "80 of its soldiers had been killed",
            date(2020, 10, 1),
            quantities=[qty("80", "soldiers", "killed", "its soldiers", kind="cumulative")],
        ),
        make_claim(
            "t2",
            KARABAKH_MOD,
            "23 more of its soldiers had been killed",
            date(2020, 10, 2),
            start=10,
            quantities=[qty("23 more", "soldiers", "killed", "its soldiers", kind="incremental")],
        ),
        make_claim(
            "t3",
            KARABAKH_MOD,
            f"its losses had reached {total_after} soldiers",
            date(2020, 10, 2),
            start=200,
            quantities=[qty(total_after, "soldiers", "killed", "its soldiers", kind="cumulative")],
        ),
    ]


def test_tracks_total_matches_earlier_total_plus_increment() -> None:
    track = _only(build_tracks(_series("103")))
    assert len(track.notes) == 1
    assert track.notes[0].startswith("consistent:")
    assert "= 103" in track.notes[0]
    assert track.latest["Nagorno-Karabakh Defence Ministry"].value == 103


def test_tracks_total_that_does_not_add_up_is_reported() -> None:
    track = _only(build_tracks(_series("110")))
    assert len(track.notes) == 1
    assert track.notes[0].startswith("INCONSISTENT:")
    assert "80" in track.notes[0] and "23" in track.notes[0] and "= 103" in track.notes[0]


def test_tracks_falling_total_is_reported() -> None:
    claims = _daily_tolls()[:2]  # 158 on 2 October, 31 on 28 September
    claims[1] = claims[1].model_copy(update={"stated_on": date(2020, 10, 3)})
    track = _only(build_tracks(claims))
    assert any("fell from 158" in n for n in track.notes)


def test_tracks_increments_after_the_last_total_give_an_implied_figure() -> None:
    claims = _series("103")[:2]
    track = _only(build_tracks(claims))
    assert track.implied["Nagorno-Karabakh Defence Ministry"] == 103
    assert track.latest["Nagorno-Karabakh Defence Ministry"].value == 80


def test_tracks_figures_table_per_claimant() -> None:
    claims = [
        *_daily_tolls(),
        make_claim(
            "az-1",
            "Azerbaijan's defence ministry",
            "more than 2,300 Armenian soldiers had been killed",
            date(2020, 10, 3),
            quantities=[
                qty("more than 2,300", "soldiers", "killed", "Armenian soldiers", low=2300)
            ],
        ),
        make_claim(
            "am-1",
            "Armenia",
            "19 Azerbaijani civilians were killed",
            date(2020, 10, 3),
            quantities=[qty("19", "civilians", "killed", "Azerbaijani civilians")],
        ),
    ]
    tracks = build_tracks(claims)
    # The Karabakh ministry's own dead and Azerbaijan's count of them: one track, Armenia's
    # side's soldiers killed.
    rows = figures_table(tracks, about="Armenian")
    assert [format_row(r) for r in rows] == [
        "Per Azerbaijan Defence Ministry: more than 2,300 Armenian soldiers killed (2020-10-03)",
        "Per Nagorno-Karabakh Defence Ministry: 198 Armenian soldiers killed (2020-10-04)",
    ]
    everything = figures_table(tracks)
    assert {r.label for r in everything} == {
        "Armenian soldiers killed",
        "Azerbaijani civilians killed",
    }
    karabakh = figures_table(tracks, about="Nagorno-Karabakh Defence Ministry")
    assert [(r.claimant, r.value, r.stated_on) for r in karabakh] == [
        ("Azerbaijan Defence Ministry", None, date(2020, 10, 3)),
        ("Nagorno-Karabakh Defence Ministry", 198, date(2020, 10, 4)),
    ]


def test_tracks_total_beyond_increments_after_unreported_days_is_a_gap() -> None:
    claims = _series("220")
    claims[2] = claims[2].model_copy(update={"stated_on": date(2020, 10, 9)})
    track = _only(build_tracks(claims))
    assert len(track.notes) == 1
    assert track.notes[0].startswith("gap:"), track.notes


def test_tracks_one_statement_read_twice_is_credited_to_the_body() -> None:
    # "Nagorno-Karabakh reported 54 more deaths, its defence ministry said": one statement.
    figure = [qty("54 more", "soldiers", "killed", "its soldiers", kind="incremental")]
    claims = [
        make_claim(
            "state", "Nagorno-Karabakh", "54 more deaths", date(2020, 10, 2), quantities=figure
        ),
        make_claim("body", KARABAKH_MOD, "54 more deaths", date(2020, 10, 2), quantities=figure),
    ]
    track = _only(build_tracks(claims))
    assert list(track.points) == ["Nagorno-Karabakh Defence Ministry"]


def test_tracks_fighters_from_a_state_are_that_state_s_fighters() -> None:
    # However the figure is worded, fighters said to come from Syria are foreign fighters.
    claims = [
        make_claim(
            "macron",
            "Macron",
            "300 fighters have left Syria to arrive in Baku",
            date(2020, 10, 2),
            quantities=[qty("300", "fighters", "sent")],
        ),
        make_claim(
            "armenia",
            "Yerevan",
            "4,000 Islamist militants had been brought from northern Syria",
            date(2020, 10, 2),
            quantities=[qty("4,000", "militants", "brought", "Islamist militants")],
        ),
        make_claim(
            "sohr",
            "the Syrian Observatory",
            "230 Syrian militants have been sent to Azerbaijan",
            date(2020, 10, 2),
            quantities=[qty("230", "militants", "sent", "Syrian militants")],
        ),
    ]
    track = _only(build_tracks(claims))
    assert track.label == "foreign fighters deployed (Armenia–Azerbaijan)"
    assert set(track.points) == {
        "Emmanuel Macron",
        "Armenia",
        "Syrian Observatory for Human Rights",
    }


def test_tracks_compound_counted_noun_keeps_its_head() -> None:
    """ "90 armoured personnel carriers" are armoured vehicles, not personnel folded into
    soldiers; both are the Kremlin's own (Russia's side)."""
    claims = [
        make_claim(
            "kremlin-1",
            "the Kremlin",
            "the force has 1,960 troops and 90 armoured personnel carriers",
            date(2020, 11, 10),
            quantities=[
                qty("1,960", "troops", ""),
                qty("90", "personnel carriers", ""),
            ],
        )
    ]
    labels = {t.label for t in build_tracks(claims)}
    assert labels == {"Russian soldiers", "Russian armoured vehicles"}


def test_tracks_a_toll_takes_the_event_of_its_sibling_figure() -> None:
    claims = [
        *_series("103")[:1],
        make_claim(
            "t2",
            KARABAKH_MOD,
            "23 more of its soldiers had been killed, taking its military toll to 103",
            date(2020, 10, 2),
            quantities=[
                qty("23 more", "soldiers", "killed", "its soldiers", kind="incremental"),
                qty("103", "soldiers", "", kind="cumulative"),
            ],
        ),
    ]
    track = _only(build_tracks(claims))
    assert [p.value for p in track.points["Nagorno-Karabakh Defence Ministry"]] == [80, 23, 103]
    assert track.notes[0].startswith("consistent:") and "= 103" in track.notes[0]
