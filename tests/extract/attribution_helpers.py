"""Shared helpers of the attribution tests: run the extractor, read a claim's content, find the
claim holding some words. On the test path via `pythonpath` in pyproject.toml."""

from __future__ import annotations

from typing import Any

from claimledger.extract.attribution.cascade import find_attributions
from claimledger.extract.attribution.found import Attribution


def run(nlp: Any, text: str) -> list[Attribution]:
    """Every attribution as the ledger reads it (nested claims kept)."""
    return find_attributions(nlp(text))


def flat(nlp: Any, text: str) -> list[Attribution]:
    """Attributed claims as PolNeAR reads them: outer ones only, no unattributed figures."""
    return [a for a in find_attributions(nlp(text), nested=False) if a.mode != "unattributed"]


def content(text: str, a: Attribution) -> str:
    return " ".join(text[s:e] for s, e in a.content_spans)


def holding(text: str, found: list[Attribution], words: str) -> Attribution:
    """The first attribution whose content holds `words`; fails listing what was found."""
    hits = [a for a in found if words in content(text, a)]
    assert hits, f"no attribution holds {words!r}: {[content(text, a) for a in found]}"
    return hits[0]
