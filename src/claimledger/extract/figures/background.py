"""Background figures: what a story gives for context, not what anyone reports now.

A region's population ("home to 150,000 people"), the toll of an earlier war ("some 30,000
were killed in the 1990s"), a distance or a speed ("85 kilometres", "390 miles south") stay in
the record, marked `background`, and are left out of the figures tables by default. Marked by
the words around the figure as written; nothing here guesses at what a claimant meant.
"""

from __future__ import annotations

import re
from datetime import date

from claimledger.lexicon import words
from claimledger.models import Claim, Quantity

# A population: "a population of", "home to", "inhabited by" right before the figure.
_POPULATION_BEFORE = re.compile(
    r"(?:population of|home to|inhabited by|inhabitants of)\s+(?:about |some |around |nearly |"
    r"almost |over |more than |roughly )?$",
    re.IGNORECASE,
)
_POPULATION_AFTER = re.compile(r"^\s*(?:\w+\s+){0,2}(?:inhabitants|residents live)\b", re.I)
_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)s?\b")
_DECADE = re.compile(r"\b(?:in the )?(?:19|20)?[0-9]0s\b|\bearly 1990s\b", re.IGNORECASE)


def mark_background(claims: list[Claim], text: str, published: date | None) -> None:
    """Set `background` on every quantity whose words make it context rather than a report."""
    for claim in claims:
        past = _mentions_the_past(claim.sentence, published)
        for q in claim.quantities:
            q.background = q.background or past or _measure_or_population(text, q)


def _measure_or_population(text: str, q: Quantity) -> bool:
    after = text[q.end : q.end + 30]
    unit = re.match(r"\s*([a-zA-Z/]+)", after)
    if unit and unit.group(1).lower() in words("distance_units"):
        return True
    before = text[max(0, q.start - 40) : q.start]
    return bool(_POPULATION_BEFORE.search(before) or _POPULATION_AFTER.match(after))


def _mentions_the_past(sentence: str, published: date | None) -> bool:
    """The sentence dates what it counts years before the article: an earlier war's toll."""
    if _DECADE.search(sentence) and re.search(r"\b(?:19|20)?[0-9]0s\b", sentence):
        return True
    if published is None:
        return False
    return any(int(y) <= published.year - 3 for y in _YEAR.findall(sentence))


def split_background(ordered: list[Claim], outlet_name: str) -> None:
    """An outlet statement holding both background figures and figures of the story is cut in
    two, so a source the sentences around it give takes the story's figures only: in "the
    spokesman said the ships carried 40 tonnes of food to the island, which lies 210
    miles south", the distance stays the outlet's. `ordered` is changed in place."""
    k = 0
    while k < len(ordered):
        claim = ordered[k]
        k += 1
        outlet_own = claim.mode == "unattributed" or claim.claimant == outlet_name
        context = [q for q in claim.quantities if q.background]
        if not outlet_own or not context or len(context) == len(claim.quantities):
            continue
        claim.quantities = [q for q in claim.quantities if not q.background]
        spans = [(q.start, q.end) for q in context]
        aside = claim.model_copy(
            update={
                "claim_id": Claim.make_id(claim.doc_id, spans, []),
                "quantities": context,
                "content_spans": spans,
            }
        )
        ordered.insert(k, aside)
        k += 1
