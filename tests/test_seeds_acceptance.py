"""Acceptance: the seed articles (read in place from ../shared/seeds) end up in the ledger with
the right claimant, figure and stance. This is the end-to-end path: ingest -> extract -> SQLite."""

from __future__ import annotations

from pathlib import Path

import pytest

from claimledger import Ledger
from claimledger.models import Claim, Quantity


@pytest.fixture(scope="module")
def seed_claims(seeds_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> list[Claim]:
    db = tmp_path_factory.mktemp("seeds") / "seeds.db"
    with Ledger(db) as ledger:
        report = ledger.ingest([str(seeds_dir)])
        assert report.documents_added == 5, report
        return ledger.claims(limit=None)


def _figure(q: Quantity) -> float | None:
    return q.value if q.value is not None else (q.low if q.low is not None else q.high)


def _find(
    claims: list[Claim], claimant: str, value: float, counted: str | None = None
) -> list[Claim]:
    """Claims by `claimant` (canonical name) holding a figure `value` (point or bound)."""
    return [
        c
        for c in claims
        if c.claimant == claimant
        and any(
            _figure(q) == value and (counted is None or q.counted == counted) for q in c.quantities
        )
    ]


@pytest.mark.parametrize(
    ("claimant", "value", "counted"),
    [
        ("Armenia", 4000, "militants"),
        ("Sergei Lavrov", 2000, "mercenaries"),
        ("Syrian Observatory for Human Rights", 230, None),
        ("Syrian Observatory for Human Rights", 240, "militants"),
        ("Syrian Observatory for Human Rights", 183, None),
        ("Syrian Observatory for Human Rights", 22, "militants"),
        ("Azerbaijan", 19, "civilians"),
        ("Azerbaijan", 60, None),
        ("Armenia", 158, "soldiers"),
        ("Armenia", 13, "civilians"),
        ("Nagorno-Karabakh Defence Ministry", 54, "soldiers"),
        ("Arayik Harutyunyan", 50, None),
    ],
)
def test_seed_figure_attributed(
    seed_claims: list[Claim], claimant: str, value: float, counted: str | None
) -> None:
    found = _find(seed_claims, claimant, value, counted)
    assert found, f"no claim by {claimant} with {value} {counted or ''}"


def test_macron_300_in_two_articles(seed_claims: list[Claim]) -> None:
    docs = {c.doc_id for c in _find(seed_claims, "Emmanuel Macron", 300)}
    assert len(docs) == 2


def test_observatory_three_captured(seed_claims: list[Claim]) -> None:
    three = [
        q
        for c in seed_claims
        for q in c.quantities
        if q.value == 3 and c.claimant in {"Syrian Observatory for Human Rights", "unknown outlet"}
    ]
    assert three and three[0].event == "captured"


def test_denials(seed_claims: list[Claim]) -> None:
    denials = {c.claimant for c in seed_claims if c.stance == "deny"}
    assert "Turkey" in denials
    assert "Ilham Aliyev" in denials
    fake = [c for c in seed_claims if c.claimant == "Ilham Aliyev" and "fake news" in c.content]
    assert fake and fake[0].stance == "deny" and fake[0].mode == "direct"


def test_macron_stated_on_resolves_friday(seed_claims: list[Claim]) -> None:
    # Seed 000 is dated Friday 2020-10-02; "said ... on Friday" is that same day.
    macron = [c for c in _find(seed_claims, "Emmanuel Macron", 300) if c.stated_on is not None]
    assert any(c.stated_on.isoformat() == "2020-10-02" for c in macron if c.stated_on)


def test_lavrov_estimate(seed_claims: list[Claim]) -> None:
    lavrov = _find(seed_claims, "Sergei Lavrov", 2000)
    assert any(q.approximate for c in lavrov for q in c.quantities)
    assert any(c.stance == "estimate" for c in lavrov)


def test_junk_never_reaches_a_claim(seed_claims: list[Claim]) -> None:
    for c in seed_claims:
        assert "[ad_" not in c.sentence
        assert "reproduce the information" not in c.sentence
        assert "Icon:" not in c.sentence


def test_reingest_adds_nothing(seeds_dir: Path, tmp_path: Path) -> None:
    db = tmp_path / "twice.db"
    with Ledger(db) as ledger:
        first = ledger.ingest([str(seeds_dir)])
        n_claims = len(ledger.claims(limit=None))
        second = ledger.ingest([str(seeds_dir)])
        assert first.documents_added == 5
        assert second.documents_added == 0 and second.claims_added == 0
        assert len(ledger.claims(limit=None)) == n_claims
