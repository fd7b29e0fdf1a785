"""Topic terms of claims and an index to find claims on the same topic in a time window.

A denial rarely repeats the words of what it denies: Macron's "300 militants have left Syria
to arrive in Baku" is answered by "not a single evidence of foreign fighters in Azerbaijan".
Folding words the way tracks do (militants -> fighters), naming states instead of capitals and
demonyms (Baku -> azerbaijan) and dropping the vocabulary of denying itself leaves the shared
topic: {fighters, azerbaijan}.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Sequence
from functools import lru_cache

from claimledger.models import Claim
from claimledger.reconcile.aliases import alias_table, word_set
from claimledger.reconcile.tracks import fold_word, track_key

__all__ = ["TopicIndex", "claim_terms"]

_WORD = re.compile(r"[^\W\d_][\w\-]*", re.UNICODE)
# Function words and the vocabulary of denying itself: they say nothing about the topic.
_STOP = word_set(
    """
    a an the and or but of in on at to for from by with as is are was were be been being
    has have had do does did not no nor never any some this that these those there here it
    its they them their he she his her we our you i which who what when where how than then
    so such only also just very more most less all both each other into over about after
    before against between during since until up down out off again further once will
    would can could should may might must said says say told according claim claims claimed
    report reports reported evidence single fake news false lie lies baseless allegation
    allegations alleged deny denies denied rejected reject rejects untrue true information
    statement statements present presented provided
    """
)


@lru_cache(maxsize=65536)
def _stem(word: str) -> str:
    """Fold plural and synonym forms: militants -> fighters, deaths -> killed."""
    folded = fold_word(word)
    if folded != word:
        return folded
    if len(word) > 4 and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


@lru_cache(maxsize=131072)
def _content_terms(content: str) -> frozenset[str]:
    t = alias_table()
    starts = t.country_starts
    terms: set[str] = set()
    words = [w.lower() for w in _WORD.findall(content.replace("’", "'"))]
    i = 0
    while i < len(words):
        w = words[i]
        if w in starts:
            # States first, longest phrase wins: "Nagorno-Karabakh", "White House", "Syrian".
            for size in (3, 2, 1):
                state = t.country_words.get(tuple(words[i : i + size]))
                if state is not None:
                    terms.add(state.lower())
                    i += size
                    break
            else:
                i += 1
            continue
        w = w.removesuffix("'s")
        if w not in _STOP and len(w) > 2:
            terms.add(_stem(w))
        i += 1
    return frozenset(terms)


def claim_terms(claim: Claim) -> frozenset[str]:
    """Topic terms of a claim: content words (folded), states named, and its tracks' nouns."""
    terms = _content_terms(claim.content)
    extra = set()
    for q in claim.quantities:
        key = track_key(q, claim)
        if key is not None:
            extra.add(key.counted)
            if key.group:
                extra.add(key.group.lower())
    return terms | extra if extra - terms else terms


class TopicIndex:
    """Claims indexed by topic term and date, to find those a statement may answer."""

    def __init__(self, claims: Sequence[Claim], per_term: int = 60) -> None:
        """Index `claims` (positions in the sequence are the ids `related` returns).

        Args:
            claims: the candidate claims.
            per_term: for each term, only the claims nearest in time are looked at; bounds the
                work per query on a large ledger where a term like "azerbaijan" is everywhere.
        """
        self.terms = [claim_terms(c) for c in claims]
        self.per_term = per_term
        self._dated: dict[str, list[tuple[int, int]]] = defaultdict(list)
        self._undated: dict[str, list[int]] = defaultdict(list)
        for idx, (c, ts) in enumerate(zip(claims, self.terms, strict=True)):
            day = c.stated_on.toordinal() if c.stated_on else None
            for term in ts:
                if day is None:
                    self._undated[term].append(idx)
                else:
                    self._dated[term].append((day, idx))
        for postings in self._dated.values():
            postings.sort()
        n = max(1, len(claims))
        self.df = {
            t: len(self._dated.get(t, ())) + len(self._undated.get(t, ()))
            for t in {*self._dated, *self._undated}
        }
        self.idf = {t: math.log(1 + n / df) for t, df in self.df.items()}

    def _window(self, term: str, day: int | None, window_days: int) -> list[int]:
        """Claims with `term` stated up to `window_days` before `day` (or the next day)."""
        postings = self._dated.get(term, [])
        if day is None:
            dated = postings[-self.per_term :]
        else:
            # Up to the next day: dates resolved from datelines are approximate.
            lo = bisect_left(postings, (day - window_days, -1))
            hi = bisect_right(postings, (day + 1, math.inf))
            dated = postings[max(lo, hi - self.per_term) : hi]
        return [idx for _, idx in dated] + self._undated.get(term, [])[-self.per_term :]

    def related(self, topic: set[str], day: int | None, window_days: int) -> list[int]:
        """Claims sharing at least two topic terms, best first (summed idf of shared terms).

        Args:
            topic: the query's terms (`claim_terms`).
            day: the query's date as an ordinal, or None when undated.
            window_days: how many days back a related claim may be.
        """
        candidates: set[int] = set()
        for term in topic:
            if term in self.df:
                candidates.update(self._window(term, day, window_days))
        scored = []
        for idx in candidates:
            shared = topic & self.terms[idx]
            if len(shared) >= 2:
                scored.append((-sum(self.idf[t] for t in shared), idx))
        scored.sort()
        return [idx for _, idx in scored]
