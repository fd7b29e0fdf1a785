"""Every stored claim carries its claimant's party, from the party table; unknown, never a guess."""

from __future__ import annotations

from pathlib import Path

from claimledger.api import Ledger


def test_stored_claims_carry_their_party(tmp_path: Path) -> None:
    article = tmp_path / "gaza.md"
    article.write_text(
        "---\noutlet: Harbour Times\ndate: 2024-06-15\n---\n\n"
        "The health ministry in Hamas-run Gaza said on Saturday that at least 3,100 people had "
        "been killed. A retired colonel said the figures were plausible. The Israeli military "
        "said 12 soldiers had been killed.\n",
        encoding="utf-8",
    )
    ledger = Ledger(tmp_path / "l.db")
    ledger.ingest([article])
    parties = {c.claimant: c.party for c in ledger.claims()}
    assert parties["Gaza Health Ministry"] == "Gaza authorities"
    assert parties["Israel Defence Ministry"] == "Israel"
    assert "unknown" in parties.values()  # the colonel names no party
