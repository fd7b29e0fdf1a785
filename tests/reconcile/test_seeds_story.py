"""The seeds' central story comes out as one table: one track of foreign fighters deployed,
with the denials linked to it (seed articles read in place; skipped when ../shared is absent)."""

from __future__ import annotations

from pathlib import Path

import pytest

from claimledger import Ledger
from claimledger.reconcile.conflicts import Conflict
from claimledger.reconcile.figures import figures_by_side
from claimledger.reconcile.tracks import Track


@pytest.fixture(scope="module")
def story(
    seeds_dir: Path, tmp_path_factory: pytest.TempPathFactory
) -> tuple[list[Track], list[Conflict]]:
    db = tmp_path_factory.mktemp("story") / "seeds.db"
    with Ledger(db) as ledger:
        ledger.ingest([str(seeds_dir)])
        return ledger.tracks(), ledger.conflicts()


def _fighters(tracks: list[Track]) -> Track:
    found = [t for t in tracks if "Emmanuel Macron" in t.points and t.key.counted == "fighters"]
    assert len(found) == 1, [t.label for t in found]
    return found[0]


def test_seeds_story_is_one_track(story: tuple[list[Track], list[Conflict]]) -> None:
    track = _fighters(story[0])
    assert track.label == "foreign fighters deployed (Armenia–Azerbaijan)"
    values = {who: [p.value for p in points] for who, points in track.points.items()}
    assert 300 in values["Emmanuel Macron"]
    assert 4000 in values["Armenia"]
    assert 2000 in values["Sergei Lavrov"]
    # The Observatory's 230 is an increment on the track, not a total of its own.
    observatory = track.points["Syrian Observatory for Human Rights"]
    assert [(p.value, p.kind) for p in observatory] == [(230, "incremental")]


def test_seeds_story_denials_are_linked_to_the_track(
    story: tuple[list[Track], list[Conflict]],
) -> None:
    tracks, conflicts = story
    track = _fighters(tracks)
    deniers = {c.claimants[0] for c in conflicts if c.kind == "denial"}
    on_track = {c.claimants[0] for c in conflicts if c.track_id == track.track_id}
    assert {"Ilham Aliyev", "Turkey"} <= deniers
    assert {"Ilham Aliyev", "Turkey"} <= on_track


def test_seeds_story_shares_sit_on_the_killed_track(
    story: tuple[list[Track], list[Conflict]],
) -> None:
    # "eliminated 50 percent of the mercenaries": a share of the fighters, on their track.
    killed = [t for t in story[0] if t.key.counted == "fighters" and t.key.event == "killed"]
    assert len(killed) == 1, [t.label for t in killed]
    assert "(percent)" not in killed[0].label
    shares = [p for points in killed[0].points.values() for p in points if p.share]
    assert shares and all(p.claimant == "Arayik Harutyunyan" for p in shares)


def test_seeds_story_per_side(story: tuple[list[Track], list[Conflict]]) -> None:
    track = _fighters(story[0])
    rows = [r for r in figures_by_side(story[0]) if r.track_id == track.track_id]
    sides = {r.side: r.claimant for r in rows if r.side != "others"}
    # Armenia's side speaks through Yerevan and the Artsakh president: its latest word.
    assert sides["Armenia"] in {"Armenia", "Arayik Harutyunyan"}
    assert sides["Russia"] == "Sergei Lavrov"
    others = {r.claimant for r in rows if r.side == "others"}
    assert {"Emmanuel Macron", "Syrian Observatory for Human Rights"} <= others
