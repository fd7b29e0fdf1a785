"""Reconciliation end to end over our own multi-day corpus (tests/reconcile/corpus/).

The articles go through the real pipeline (ingest -> extract -> SQLite -> copies linked) and
the ledger's tracks, conflicts and claims are checked: a running total over six dates in
order, one increment checked against the totals around it, a same-day conflict between two
claimants, a denial linked to the claim it answers, and a story syndicated ten times that
comes back as one claim with ten carriers.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from claimledger import Ledger
from claimledger.reconcile.conflicts import Conflict
from claimledger.reconcile.tracks import Track

CORPUS = Path(__file__).parent / "corpus"
KARABAKH_MOD = "Nagorno-Karabakh Defence Ministry"
JUNK = ["Share this article.", "Subscribe to our newsletter.", "Related: more news.", "[ad_1]"]


def _syndicate(tmp: Path, copies: int) -> list[Path]:
    """The Lavrov story reprinted by other sites: new outlet, a later date, junk around it."""
    head, body = CORPUS.joinpath("syndicated.md").read_text("utf-8").split("---\n", 2)[1:]
    out = []
    for n in range(1, copies):
        meta = head.replace("Test Wire", f"Reprint Site {n}").replace(
            "2020-10-07", f"2020-10-{7 + n % 3:02d}"
        )
        credit = f"This story was republished by Reprint Site {n} under a syndication deal."
        text = f"---\n{meta}---\n{JUNK[n % len(JUNK)]}\n\n{body}\n{credit}\n{JUNK[(n + 1) % 4]}\n"
        path = tmp / f"reprint-{n}.md"
        path.write_text(text, "utf-8")
        out.append(path)
    return out


@pytest.fixture(scope="module")
def ledger(tmp_path_factory: pytest.TempPathFactory) -> Ledger:
    tmp = tmp_path_factory.mktemp("corpus")
    paths = [*sorted(CORPUS.glob("day*.md")), CORPUS / "syndicated.md", *_syndicate(tmp, 10)]
    led = Ledger(tmp / "ledger.db")
    report = led.ingest([str(p) for p in paths])
    assert report.documents_added == len(paths), report
    return led


@pytest.fixture(scope="module")
def tracks(ledger: Ledger) -> list[Track]:
    return ledger.tracks()


@pytest.fixture(scope="module")
def conflicts(ledger: Ledger) -> list[Conflict]:
    return ledger.conflicts()


def _toll(tracks: list[Track]) -> Track:
    found = [t for t in tracks if KARABAKH_MOD in t.points and t.key.counted == "soldiers"]
    assert len(found) == 1, [t.label for t in tracks]
    return found[0]


def test_corpus_running_total_over_six_dates_in_order(tracks: list[Track]) -> None:
    points = _toll(tracks).points[KARABAKH_MOD]
    totals = [(p.stated_on, p.value) for p in points if p.kind != "incremental"]
    assert totals == [
        (date(2020, 10, 1), 40),
        (date(2020, 10, 2), 55),
        (date(2020, 10, 3), 81),
        (date(2020, 10, 5), 104),
        (date(2020, 10, 6), 130),
    ]
    days = [p.stated_on for p in points]
    assert days == sorted(d for d in days if d is not None)
    # The latest total supersedes the earlier ones.
    assert _toll(tracks).latest[KARABAKH_MOD].value == 130


def test_corpus_increment_is_checked_against_the_totals(tracks: list[Track]) -> None:
    track = _toll(tracks)
    increments = [p for p in track.points[KARABAKH_MOD] if p.kind == "incremental"]
    assert [(p.stated_on, p.value) for p in increments] == [(date(2020, 10, 4), 23)]
    # 104 on 5 October = 81 on 3 October + 23 more on 4 October.
    assert any(n.startswith("consistent") and "= 104" in n for n in track.notes), track.notes
    assert not any(n.startswith("INCONSISTENT") for n in track.notes), track.notes


def test_corpus_same_day_conflict_between_two_claimants(conflicts: list[Conflict]) -> None:
    figures = [c for c in conflicts if c.kind == "figure"]
    assert len(figures) == 1, figures
    # One group: Armenia's side (its ministry and the Karabakh ministry) against Azerbaijan's.
    assert dict(figures[0].sides) == {
        "Armenia": ("Nagorno-Karabakh Defence Ministry", "Armenia Defence Ministry"),
        "Azerbaijan": ("Azerbaijan Defence Ministry",),
    }
    assert "Armenian soldiers killed" in figures[0].explanation


def test_corpus_denial_linked_to_the_claim_it_answers(
    ledger: Ledger, conflicts: list[Conflict]
) -> None:
    denials = [c for c in conflicts if c.kind == "denial"]
    assert [c.claimants for c in denials] == [("Ilham Aliyev", "Emmanuel Macron")]
    macron = ledger.claims(claimant="Macron")
    assert denials[0].claim_ids[1] in {c.claim_id for c in macron}


def test_corpus_ten_copies_are_one_claim_with_ten_carriers(ledger: Ledger) -> None:
    lavrov = [c for c in ledger.claims(claimant="Lavrov") if c.quantities]
    assert len(lavrov) == 1, [c.doc_id for c in lavrov]
    assert len(lavrov[0].carriers) == 10
    everything = ledger.claims(claimant="Lavrov", include_copies=True)
    assert len([c for c in everything if c.quantities]) == 10
