"""Whose the figures are: the side, party or "foreign" a figure's words, its claimant and
who it says did it make them ("158 of its soldiers", "enemy losses", "killed by the Azerbaijani
armed forces", "300 militants sent from Syria")."""

from __future__ import annotations

import re
from functools import lru_cache

from claimledger.models import Claim
from claimledger.names.aliases import alias_table, key_of, word_set
from claimledger.reconcile.sides import UNKNOWN, PartyTable
from claimledger.reconcile.taxonomy import CountedClass

__all__ = ["ENEMY_BEFORE", "FOREIGN", "FOREIGN_WORDS", "owner_of", "stated_owner", "victims_side"]

FOREIGN = "foreign"
FOREIGN_WORDS = word_set(
    "foreign middle east eastern jihadist jihadists islamist islamists "
    "terrorist terrorists mercenary mercenaries jihadi jihadis"
)
_OWN = word_set("its our their own")
_ENEMY = word_set("enemy enemy's adversary opponent opposing")
# "Enemy" as a modifier ("the total enemy losses ... 3 tanks") says whose the figure counts;
# as a noun ("killed in battles with the enemy, the total ... has reached 158") it does not.
ENEMY_BEFORE = re.compile(
    r"\benemy(?:'s|’s)?\s+(?!(?:in|on|at|of|and|or|with|was|were|is|are|has|had|have|by|to|"
    r"from|near|along|for|as|that|which|who)\b)[a-z]",
    re.IGNORECASE,
)
# Who did it: "killed by the Azerbaijani armed forces", "by fire from Azeri forces", "in
# Azerbaijan's aggression against": the dead and hurt are then the other side's.
_FORCES = (
    r"(?:armed\s+forces|forces|army|troops|military|soldiers|servicemen|drones?|artillery|"
    r"shelling|bombardment|strikes?|airstrikes?|attacks?|aggression|missiles?|rockets?|side)"
)
_PERPETRATOR = re.compile(
    r"\b(?:by|from)\s+(?:the\s+)?(?:(?:fire|shelling|strikes?|attacks?)\s+(?:by|from|of)\s+"
    r"(?:the\s+)?)?([A-Z][\w-]+)(?:'s|’s)?(\s+" + _FORCES + r"\b)?"
    r"|\b([A-Z][\w-]+)(?:'s|’s)?\s+(?:aggression|shelling|bombardment|strikes?|attacks?|"
    r"airstrikes?)\b"
)


_ORIGIN = re.compile(
    r"\b(?:from|left|leaving|out of)\s+(?:the\s+)?(?:(?:northern|southern|eastern|western|"
    r"war-torn|neighbouring|neighboring)\s+)?([A-Z][\w-]+)"
)


@lru_cache(maxsize=65536)
def stated_owner(words: str, side: str, table: PartyTable) -> str | None:
    """Whose the figure says they are: a state's side, a named party's side, "its" (the
    claimant's side), "enemy" (the side it fights), foreign; None when it does not say."""
    t = alias_table()
    key = key_of(words)
    for size in (3, 2, 1):
        for i in range(len(key) - size + 1):
            gram = key[i : i + size]
            state = t.country_words.get(gram) or (t.peoples[gram][1] if gram in t.peoples else None)
            if state is not None:
                party = table.by_affiliation.get(state)
                return table.side_of(party) if party is not None else state
    named = table.resolve(UNKNOWN, words, None)
    if named != UNKNOWN and named in table.side and named != "media":
        return table.side_of(named)
    found = set(key)
    known = side != UNKNOWN and table.is_belligerent(side)
    if found & _OWN and known:
        return side
    if found & _ENEMY and known:
        return table.opponent_of(side)
    if found & FOREIGN_WORDS:
        return FOREIGN
    return None


@lru_cache(maxsize=65536)
def _origin(content: str) -> str | None:
    """The one state fighters are said to come from ("left Syria", "from northern Syria")."""
    t = alias_table()
    found = {t.country_words.get(key_of(m.group(1))) for m in _ORIGIN.finditer(content)}
    found.discard(None)
    return found.pop() if len(found) == 1 else None


def owner_of(
    cls: CountedClass,
    event: str | None,
    stated: str | None,
    side: str,
    claim: Claim,
    table: PartyTable,
) -> str | None:
    known = side != UNKNOWN and table.is_belligerent(side)
    if cls.owner == "foreign":
        # Fighters of a side at war are that side's ("Armenian militants"); any other origin,
        # named or implied ("left Syria", "mercenaries"), is one thing: foreign fighters.
        if stated is not None and (table.is_belligerent(stated) or stated == FOREIGN):
            return stated
        if stated is not None or _origin(claim.content) or event == "deployed":
            return FOREIGN
        return FOREIGN if set(key_of(claim.content)) & FOREIGN_WORDS else None
    if stated is not None:
        return stated
    if not known:
        return None
    if cls.owner == "side":
        return side
    if cls.owner == "opponent":
        # What it destroyed or took is the enemy's; what it sent or has is its own.
        if event in ("destroyed", "captured", "killed"):
            return table.opponent_of(side)
        return side if event in ("deployed", None) else None
    return None


@lru_cache(maxsize=65536)
def victims_side(sentence: str, table: PartyTable) -> str | None:
    """The side whose people a sentence says another side killed or hurt: the one side the
    named perpetrator fights ("killed by the Azerbaijani armed forces" -> Armenia)."""
    t = alias_table()
    found: set[str] = set()
    for m in _PERPETRATOR.finditer(sentence):
        word = m.group(1) or m.group(3)
        state = t.country_words.get(key_of(word))
        # "by the Azerbaijani armed forces", "by Azerbaijan"; not "signed by the Azerbaijani,
        # Russian and Armenian leaders".
        if m.group(1) and not m.group(2) and state != word:
            continue
        party = table.by_affiliation.get(state) if state is not None else None
        if party is None:
            continue
        side = table.side_of(party)
        victims = table.opponent_of(side) if table.is_belligerent(side) else None
        if victims is not None:
            found.add(victims)
    return found.pop() if len(found) == 1 else None
