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
from collections import Counter, defaultdict
from collections.abc import Sequence
from functools import lru_cache

from claimledger.models import Claim
from claimledger.names.aliases import alias_table, word_set
from claimledger.reconcile.track_keys import topic_nouns
from claimledger.reconcile.tracks import EVENT_WORDS, SUBJECT_NOUNS, fold_word

__all__ = ["GENERIC", "TopicIndex", "claim_terms", "state_terms"]

_WORD = re.compile(r"[^\W\d_][\w\-]*", re.UNICODE)
_FIGHTER_JET = re.compile(r"\bfighter[\s-]+(?=jets?\b|planes?\b|aircraft\b|bombers?\b)")
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
    statement statements present presented provided account accounts accusation accusations
    accused dismissed dismiss dismisses disinformation groundless responsibility described
    describe absolutely totally completely categorically claiming propaganda
    """
)
# Terms too broad to make two statements about the same thing on their own: every story of the
# war names its states, its forces and its fighting.
GENERIC = word_set(
    "fighting fight force army military conflict war region side situation area country "
    "countries government official killed people day week part still"
)


@lru_cache(maxsize=65536)
def _stem(word: str) -> str:
    """Fold plural and synonym forms: militants -> fighters, deaths -> killed."""
    folded = fold_word(word)
    if folded != word or word in SUBJECT_NOUNS or word in EVENT_WORDS:
        return folded  # "fighters" stays "fighters", as "militants" becomes
    if len(word) > 4 and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


@lru_cache(maxsize=131072)
def _content_terms(content: str) -> frozenset[str]:
    t = alias_table()
    # A "fighter jet" is a warplane, not a fighter.
    text = content.replace("’", "'").lower()
    if "fighter " in text or "fighter-" in text:
        text = _FIGHTER_JET.sub("", text)
    words = _WORD.findall(text)
    terms: set[str] = set()
    used: set[str] = set()
    # States first, longest phrase wins: "Nagorno-Karabakh", "White House", "Syrian". Only
    # positions starting a state phrase are looked at; the rest is set arithmetic.
    starts = t.country_starts
    for i in [] if starts.isdisjoint(words) else [i for i, w in enumerate(words) if w in starts]:
        for size in (3, 2, 1):
            phrase = tuple(words[i : i + size])
            state = t.country_words.get(phrase)
            if state is not None:
                terms.add(state.lower())
                used.update(phrase)
                break
    rest = {w.removesuffix("'s") for w in words} - used - _STOP
    terms.update(_stem(w) for w in rest if len(w) > 2)
    return frozenset(terms)


@lru_cache(maxsize=1)
def state_terms() -> frozenset[str]:
    """Every state as a topic term ("azerbaijan"): generic too, but worth a bonus when the
    claim names the state that denies it."""
    return frozenset(s.lower() for s in alias_table().country_words.values())


def claim_terms(claim: Claim) -> frozenset[str]:
    """Topic terms of a claim: content words (folded), states named, and its tracks' nouns."""
    terms = _content_terms(claim.content)
    extra = set()
    for q in claim.quantities:
        counted, owner = topic_nouns(q, claim)
        if counted is not None:
            extra.add(counted)
            if owner:
                extra.add(owner.lower())
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
        # Per term: claim positions in date order, and their dates (ordinals) for bisect.
        self._ids: dict[str, list[int]] = defaultdict(list)
        self._days: dict[str, list[int]] = defaultdict(list)
        self._undated: dict[str, list[int]] = defaultdict(list)
        dated: list[tuple[int, int]] = []
        for idx, c in enumerate(claims):
            if c.stated_on is None:
                for term in self.terms[idx]:
                    self._undated[term].append(idx)
            else:
                dated.append((c.stated_on.toordinal(), idx))
        dated.sort()
        for day, idx in dated:  # visiting in date order keeps every posting list sorted
            for term in self.terms[idx]:
                self._ids[term].append(idx)
                self._days[term].append(day)
        n = max(1, len(claims))
        self.df = {
            t: len(self._ids.get(t, ())) + len(self._undated.get(t, ()))
            for t in {*self._ids, *self._undated}
        }
        self.idf = {t: math.log(1 + n / df) for t, df in self.df.items()}

    def _window(self, term: str, day: int | None, window_days: int) -> list[int]:
        """Claims with `term` stated up to `window_days` before `day` (or the next day)."""
        ids = self._ids.get(term, [])
        if day is None:
            dated = ids[-self.per_term :]
        else:
            # Up to the next day: dates resolved from datelines are approximate.
            days = self._days[term] if ids else []
            lo = bisect_left(days, day - window_days)
            hi = bisect_right(days, day + 1)
            dated = ids[max(lo, hi - self.per_term) : hi]
        return dated + self._undated.get(term, [])[-self.per_term :]

    def related(self, topic: set[str], day: int | None, window_days: int) -> list[int]:
        """Claims sharing at least two topic terms, best first (summed idf of shared terms).

        Args:
            topic: the query's terms (`claim_terms`).
            day: the query's date as an ordinal, or None when undated.
            window_days: how many days back a related claim may be.
        """
        # Count, per candidate, the windows it turns up in (Counter counts in C); only those
        # seen for two terms or more are scored.
        seen: Counter[int] = Counter()
        for term in topic:
            if term in self.df:
                seen.update(self._window(term, day, window_days))
        idf = self.idf
        scored = []
        for idx, hits in seen.items():
            if hits >= 2:
                shared = topic & self.terms[idx]
                scored.append((-sum(idf[t] for t in shared), idx))
        scored.sort()
        return [idx for _, idx in scored]
