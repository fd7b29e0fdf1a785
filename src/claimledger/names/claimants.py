"""Fold the many ways a claimant is named into one canonical claimant.

"French President Emmanuel Macron", "Macron" and "the French president" are one person;
"Baku", "Azerbaijan" and "the Azerbaijani government" are one government; "Moscow's Foreign
Ministry" keeps its identity as "Russia Foreign Ministry" but is affiliated with Russia. The
names come from the editable alias table (``data/aliases.yaml`` plus the user's additions, see
``names.aliases``). Called once per claim at extraction, so every public function here is
pure and cached.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import TypeVar

from claimledger.models import Claim, ClaimantType
from claimledger.names.aliases import (
    AliasTable,
    Key,
    UserAliases,
    alias_table,
    install_alias_table,
    key_of,
    reload_alias_table,
    word_set,
)

__all__ = [
    "ClaimantInfo",
    "affiliation_of",
    "canonicalize",
    "outlet_claimant",
    "refine_claimants",
    "reload_aliases",
    "use_aliases",
]


@dataclass(frozen=True)
class ClaimantInfo:
    """A canonical claimant: display name, contract type and the state/body it speaks for."""

    name: str
    claimant_type: ClaimantType
    affiliation: str | None


UNKNOWN = ClaimantInfo("unknown", "unknown", None)


_PRONOUNS = word_set(
    "he she they it we i you him her them his its their our my your who which this that these "
    "those one someone somebody"
)
# Words that name a role rather than a person; stripped when looking for a bare name.
_ROLE_WORDS = word_set(
    "mr mrs ms dr sir madam minister ministers spokesman spokeswoman spokesperson spokespeople "
    "ambassador envoy representative permanent deputy chief head leader commander general "
    "colonel lieutenant major secretary secretary-general chairman chairwoman chair speaker "
    "aide adviser advisor assistant official press senior former acting first vice "
    "presidential foreign defense defence interior affairs of the to for a an and in at "
    "office ministry service agency told mp lawmaker member parliament"
)
# Words that, next to a state, still mean the state or its officials speaking.
_STATE_FILLER = word_set(
    "government authorities authority leadership side officials official state administration "
    "presidency cabinet separatist separatists ethnic self-proclaimed unrecognized unrecognised "
    "de facto republic of the in at to figures data statement"
)
# Unnamed sources: kept apart from the government they are attributed to.
_SOURCE_WORDS = word_set(
    "sources source circles media observers reports report experts close to at its their in "
    "northern southern eastern western local"
)
_V = TypeVar("_V")
_SPLIT = re.compile(r"\s*[,;(]\s*|\s+[-–—]\s+")


def _ngrams(key: Key, longest: int) -> list[tuple[int, int]]:
    """All (start, end) windows, longest first then leftmost, for greedy phrase matching."""
    n = len(key)
    return [(i, i + size) for size in range(min(n, longest), 0, -1) for i in range(n - size + 1)]


def _find(key: Key, index: dict[Key, _V], longest: int) -> tuple[_V, int, int] | None:
    """The longest phrase of `key` in `index`, leftmost first: (value, start, end)."""
    for i, j in _ngrams(key, longest):
        hit = index.get(key[i:j])
        if hit is not None:
            return hit, i, j
    return None


def _country(t: AliasTable, key: Key) -> tuple[str, set[int]] | None:
    """The first state named anywhere in `key`, with the token positions that named it."""
    best: tuple[str, int, int] | None = None
    for i, j in _ngrams(key, t.longest):
        hit = t.country_words.get(key[i:j])
        # Prefer the leftmost mention; among equal starts the longest (windows come longest first).
        if hit is not None and (best is None or i < best[1]):
            best = (hit, i, j)
    if best is None:
        return None
    return best[0], set(range(best[1], best[2]))


def _proper_tail(mention: str, skip: frozenset[str]) -> str | None:
    """The trailing run of capitalised words that are not roles or state words: the bare name."""
    words = [w.strip(".,'\"’”“") for w in mention.split()]
    tail: list[str] = []
    for w in reversed(words):
        if not w:
            continue
        low = re.sub(r"['’]s$", "", w).lower()
        if w[0].isupper() and low not in _ROLE_WORDS and low not in skip and low not in _PRONOUNS:
            tail.append(w)
        elif tail:
            break
    return " ".join(reversed(tail)) or None


@lru_cache(maxsize=65536)
def canonicalize(mention: str, label: str | None = None) -> ClaimantInfo:
    """Canonical claimant for a source mention as written in an article.

    Args:
        mention: the words naming the claimant ("Russia's foreign minister", "Baku").
        label: spaCy entity label of the mention (PERSON, ORG, GPE, NORP) or None.

    Returns:
        ClaimantInfo with the canonical name, contract type and affiliation. Pronouns and bare
        generic nouns ("he", "the ministry") give the `unknown` claimant: they should have been
        resolved before this point.
    """
    t = alias_table()
    # Appositions ("Artsrun Hovhannisyan, a spokesman for ...") : try each part, named parts first.
    parts = [p for p in _SPLIT.split(mention.strip()) if p]
    if len(parts) > 1:
        infos = [_canonical_part(t, p, label) for p in parts]
        for preferred in ("person", "media", "group", "organization", "government", "unknown"):
            for info in infos:
                if info.claimant_type == preferred and info != UNKNOWN:
                    if info.affiliation is None:
                        # "Armenia's ambassador to Russia, Vardan Toganyan": the role names
                        # the state the person speaks for.
                        states = [c[0] for p in parts if (c := _country(t, key_of(p)))]
                        if states:
                            return ClaimantInfo(info.name, info.claimant_type, states[0])
                    return info
        return UNKNOWN
    return _canonical_part(t, mention, label)


# How the names of agencies, centres and offices end: "Infocenter", "Observatory", "Tracker".
_BODY_SUFFIXES = (
    "center", "centre", "agency", "office", "service", "programme", "program", "committee",
    "council", "institute", "bureau", "fund", "mission", "commission", "tracker", "observatory",
    "network", "union", "association", "foundation", "organization", "organisation",
    "department", "directorate", "command", "headquarters", "unit", "desk", "monitor",
)  # fmt: skip


def _owned_name(mention: str, t: AliasTable) -> ClaimantInfo | None:
    """The proper name after a possessive, when the possessor alone holds the body word."""
    parts = re.split(r"['’]s\s+", mention, maxsplit=1)
    if len(parts) != 2:
        return None
    words = parts[1].split()
    capital = [w for w in words if w[:1].isupper()]
    if len(capital) < 2 or not words[-1][:1].isupper():
        return None
    if not words[-1].lower().endswith(_BODY_SUFFIXES):
        return None  # a person's name after the possessive is step 2's or the fallback's
    country = _country(t, key_of(parts[0]))
    owner = country[0] if country else None
    return ClaimantInfo(" ".join(capital), "organization", owner)


def _canonical_part(t: AliasTable, mention: str, label: str | None) -> ClaimantInfo:
    key = key_of(mention)
    if not key or (len(key) == 1 and key[0] in _PRONOUNS):
        return UNKNOWN
    # 1. The whole mention is a known name or a seat of government.
    ent = t.entities.get(key)
    if ent is not None:
        return ClaimantInfo(ent.name, ent.claimant_type, ent.affiliation)
    seat = t.country_seats.get(key)
    if seat is not None:
        return ClaimantInfo(seat, "government", seat)
    people = t.peoples.get(key)
    if people is not None:
        return ClaimantInfo(people[0], "group", people[1])
    # 2. A known person inside a longer mention: titles and roles around the name are dropped.
    hit = _find(key, t.people, t.longest)
    if hit is not None:
        return ClaimantInfo(hit[0].name, "person", hit[0].affiliation)
    # 2b. A named body owned by another: "the Nagorno-Karabakh army's news center Armenian
    # Unified Infocenter" is the Infocenter, not the army its possessor names.
    owned = _owned_name(mention, t) if label != "PERSON" else None
    if owned is not None:
        return owned
    country = _country(t, key)
    state = country[0] if country else None
    rest = [w for w in key if w not in t.country_tokens]
    name = _proper_tail(mention, t.name_skip)
    # 3. A state body: "Azerbaijan's defence ministry" -> "Azerbaijan Defence Ministry". A
    # named person ("Azerbaijani army commander Mayis ...") is the claimant, not the body.
    body = _find(key, t.bodies, t.longest)
    if body is not None and not (label == "PERSON" and name):
        if state is None and t.region_state and t.region_words & set(key):
            state = t.region_state  # "the enclave's defence ministry"
        if state is None:
            return ClaimantInfo(body[0], "government", None)
        return ClaimantInfo(f"{state} {body[0]}", "government", state)
    # 4. Known media, groups, organisations inside a longer mention ("the Tass agency").
    hit_e = _find_entity(t, key)
    if hit_e is not None:
        return hit_e
    # 5. An office of a state with no name given: "Russia's foreign minister" -> its holder.
    office = _find(key, t.offices, t.longest)
    # A deputy, acting or former holder is not the holder ("the deputy defence minister").
    not_the_holder = bool(_NOT_HOLDER & set(key))
    if office is not None and state is not None and name is None and not not_the_holder:
        holder = t.officeholders.get((state, office[0]))
        if holder is not None:
            return ClaimantInfo(holder, "person", state)
        return ClaimantInfo(f"{state} {office[0].title()}", "person", state)
    # 6. The state itself through its officials ("Armenian officials", "the Karabakh side").
    if state is not None and all(w in _STATE_FILLER for w in rest):
        return ClaimantInfo(state, "government", state)
    if state is not None and rest and all(w in _SOURCE_WORDS | _STATE_FILLER for w in rest):
        return ClaimantInfo(f"{t.demonym.get(state, state)} sources", "group", state)
    return _fallback(mention, key, label, state, name)


def _find_entity(t: AliasTable, key: Key) -> ClaimantInfo | None:
    for i, j in _ngrams(key, t.longest):
        ent = t.entities.get(key[i:j])
        if ent is not None:
            return ClaimantInfo(ent.name, ent.claimant_type, ent.affiliation)
    return None


def _fallback(
    mention: str, key: Key, label: str | None, state: str | None, name: str | None
) -> ClaimantInfo:
    """Unknown names keep their own words; the entity label decides the type."""
    if all(w in _ROLE_WORDS or w in _STATE_FILLER or w in _SOURCE_WORDS for w in key):
        return UNKNOWN  # "the government", "officials": nobody in particular
    if label == "PERSON":
        return ClaimantInfo(name or _clean(mention), "person", state)
    if label == "ORG":
        return ClaimantInfo(_clean(mention), "organization", state)
    if label in ("GPE", "LOC"):
        return ClaimantInfo(state or _clean(mention), "government", state or _clean(mention))
    if label == "NORP":
        return ClaimantInfo(_clean(mention), "group", state)
    # No label: only a capitalised name is worth keeping; "officials" or "the ministry" is not.
    if name:
        return ClaimantInfo(_clean(mention), "unknown", state)
    return UNKNOWN


def _clean(mention: str) -> str:
    """The mention as written, without a leading article or trailing punctuation."""
    words = mention.strip().strip(".,;:\"'“”’").split()
    while words and words[0].lower() in ("the", "a", "an"):
        words.pop(0)
    return " ".join(words)


_NOT_HOLDER = frozenset({"deputy", "vice", "acting", "former", "ex", "first-deputy", "assistant"})


@lru_cache(maxsize=4096)
def outlet_claimant(outlet: str | None) -> ClaimantInfo:
    """The claimant for an uncredited statement: the outlet itself (type media).

    Args:
        outlet: the document's outlet name, or None when unknown.

    Returns:
        The outlet folded through the media aliases ("Al-Jazeera" -> "Al Jazeera"), or
        "unknown outlet" when None.
    """
    if not outlet or not outlet.strip():
        return ClaimantInfo("unknown outlet", "media", None)
    t = alias_table()
    ent = t.entities.get(key_of(outlet))
    if ent is not None and ent.claimant_type == "media":
        return ClaimantInfo(ent.name, "media", ent.affiliation)
    return ClaimantInfo(_clean(outlet), "media", None)


@lru_cache(maxsize=65536)
def affiliation_of(name: str) -> str | None:
    """The state or body a canonical claimant speaks for ("Sergei Lavrov" -> "Russia").

    Works on canonical names and on raw mentions alike; None when nothing is known.
    """
    t = alias_table()
    if name in t.affiliations:
        return t.affiliations[name]
    return canonicalize(name).affiliation


def refine_claimants(claims: list[Claim]) -> list[Claim]:
    """Claims whose claimant extraction left vague, with a better one from the claim's context.

    The extractor canonicalises the speaker a mention resolves to; when that is "unknown" or a
    state body with no state ("Defence Ministry" from "its defence ministry"), the mention as
    written and the sentence around it often say more: "The defence ministry of
    Nagorno-Karabakh", or "Nagorno-Karabakh reported ..., its defence ministry said" (the
    nearest state named before the mention). Other claims come back unchanged (same objects).
    """
    out: list[Claim] = []
    for c in claims:
        if c.claimant == "unknown" or (c.affiliation is None and c.claimant_mention):
            info = _from_mention(c.claimant, c.claimant_type, c.claimant_mention)
            if info is None and c.claimant_type == "government":
                info = _from_sentence(c.claimant, c.sentence, _offset(c))
            if info is not None:
                c = c.model_copy(
                    update={
                        "claimant": info.name,
                        "claimant_type": info.claimant_type,
                        "affiliation": info.affiliation,
                    }
                )
        out.append(c)
    return out


def _offset(c: Claim) -> int:
    """Where the claimant is named inside the sentence (0 when unknown)."""
    if c.claimant_spans:
        return max(0, c.claimant_spans[0][0] - c.start)
    return 0


@lru_cache(maxsize=65536)
def _from_mention(claimant: str, ctype: ClaimantType, mention: str | None) -> ClaimantInfo | None:
    """The mention as written, when it names the claimant better than the resolved speaker."""
    if not mention:
        return None
    info = canonicalize(mention)
    if info == UNKNOWN or (claimant != "unknown" and info.affiliation is None):
        return None
    if claimant == "unknown" or info.name == claimant or ctype == "government":
        return info
    return ClaimantInfo(claimant, ctype, info.affiliation)


def _from_sentence(claimant: str, sentence: str, at: int) -> ClaimantInfo | None:
    """A bare body ("Defence Ministry"): the state named nearest before it in the sentence."""
    t = alias_table()
    body = t.bodies.get(key_of(claimant))
    if body is None:
        return None
    before = key_of(sentence[:at])
    best: tuple[int, str] | None = None
    for i, j in _ngrams(before, t.longest):
        state = t.country_words.get(before[i:j])
        if state is not None and (best is None or j > best[0]):
            best = (j, state)
    if best is None:
        return None
    return ClaimantInfo(f"{best[1]} {body}", "government", best[1])


def reload_aliases() -> None:
    """Re-read the alias files and forget every cached answer (after editing the table)."""
    reload_alias_table()
    _forget_answers()


def use_aliases(user: UserAliases | None) -> None:
    """Fold names with the bundled table plus `user` (text, origin) from now on."""
    if install_alias_table(user):
        _forget_answers()


def _forget_answers() -> None:
    canonicalize.cache_clear()
    outlet_claimant.cache_clear()
    affiliation_of.cache_clear()
    _from_mention.cache_clear()
