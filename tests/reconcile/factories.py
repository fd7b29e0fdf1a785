"""Hand-built claims for the reconcile tests: the extractor's output shape, written by hand."""

from __future__ import annotations

from datetime import date
from typing import Any

from claimledger.models import Claim, Quantity
from claimledger.names.claimants import canonicalize


def make_claim(
    claim_id: str,
    mention: str,
    content: str,
    stated_on: date | None,
    *,
    doc_id: str = "doc-a",
    stance: str = "assert",
    quantities: list[Quantity] | None = None,
    start: int = 0,
    label: str | None = None,
    **extra: Any,
) -> Claim:
    """A claim as the extractor would emit it, with the claimant folded by `canonicalize`."""
    who = canonicalize(mention, label)
    sentence = extra.pop("sentence", f"{mention} said {content}.")
    return Claim(
        claim_id=claim_id,
        doc_id=doc_id,
        sentence=sentence,
        start=start,
        end=start + len(sentence),
        claimant=who.name,
        claimant_mention=mention,
        claimant_type=who.claimant_type,
        affiliation=who.affiliation,
        cue="said",
        mode=extra.pop("mode", "indirect"),
        stance=stance,  # type: ignore[arg-type]
        stated_on=stated_on,
        content=content,
        quantities=quantities or [],
        carriers=[doc_id],
        **extra,
    )


def qty(
    text: str,
    counted: str,
    event: str,
    group: str | None = None,
    *,
    value: float | None = None,
    low: float | None = None,
    high: float | None = None,
    kind: str | None = None,
    approximate: bool = False,
) -> Quantity:
    """A figure with what it counts; `value` defaults to the number `text` starts with."""
    if value is None and low is None and high is None:
        value = float(text.split()[0].replace(",", ""))
    return Quantity(
        text=text,
        value=value,
        low=low,
        high=high,
        counted=counted,
        event=event,
        group=group,
        kind=kind,  # type: ignore[arg-type]
        approximate=approximate,
    )
