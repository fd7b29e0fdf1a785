"""Stance: the cue's reading corrected by the content (denials and appeals said with "said")."""

from __future__ import annotations

from typing import Any

import pytest

from claimledger.extract.attribution.cascade import find_attributions


def _stance_of(nlp: Any, text: str, words: str) -> str:
    found = find_attributions(nlp(text))
    hits = [a for a in found if any(words in text[s:e] for s, e in a.content_spans)]
    assert hits, [[text[s:e] for s, e in a.content_spans] for a in found]
    return hits[0].stance


@pytest.mark.parametrize(
    ("text", "words", "stance"),
    [
        # Denials reported with a plain "said".
        (
            "The ministry said no Turkish aircraft were taking part in the fighting.",
            "no Turkish aircraft",
            "deny",
        ),
        (
            "The ministry said the army did not strike churches or mosques.",
            "did not strike",
            "deny",
        ),
        (
            "A spokesman said reports of a downed jet were absolutely untrue.",
            "absolutely untrue",
            "deny",
        ),
        ("Aliyev said the story about foreign fighters was fake news.", "fake news", "deny"),
        (
            "Turkey denied that it had sent fighters to the region.",
            "sent fighters",
            "deny",
        ),
        # A negated figure is still a claim about the figure.
        (
            "The ministry said 20 soldiers had not been found after the attack.",
            "20 soldiers",
            "assert",
        ),
        # "families" holds "lies" but is no rebuttal.
        ("An aide said the strike on sleeping families was a war crime.", "war crime", "assert"),
        # Appeals.
        (
            "Erdogan said Yerevan should withdraw from the occupied districts.",
            "should withdraw",
            "call",
        ),
        (
            "Aliyev said Armenian forces must leave the territories immediately.",
            "must leave",
            "call",
        ),
        (
            "The prime minister told Armenians to get ready to defend their homeland.",
            "get ready",
            "call",
        ),
        ("Russia called on the two sides to cease fire and begin talks.", "cease fire", "call"),
        (
            "\u201cWe call for an immediate ceasefire,\u201d the envoy said.",
            "immediate ceasefire",
            "call",
        ),
        # "call" that names something is an assertion.
        (
            "Armenia's foreign ministry called the attack on the cathedral a crime against"
            " its heritage.",
            "a crime against its heritage",
            "assert",
        ),
        ("The ministry said the fighting went on through the night.", "went on", "assert"),
    ],
)
def test_stance_of_claims(nlp: Any, text: str, words: str, stance: str) -> None:
    assert _stance_of(nlp, text, words) == stance
