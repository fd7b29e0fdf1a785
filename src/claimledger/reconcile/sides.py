"""Parties and sides: whom a claimant speaks for, from the editable party table.

    >>> party_of("Arayik Harutyunyan", table=bundled_party_table())
    'Nagorno-Karabakh'
    >>> bundled_party_table().side_of("Nagorno-Karabakh")
    'Armenia'
    >>> party_of("a retired colonel", table=bundled_party_table())
    'unknown'

The bundled table is `claimledger/data/parties.yaml` (its header documents the format); a
user's additions file is merged on top only when its path is given to `load_party_table`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from claimledger.names.aliases import Key, alias_table, key_of
from claimledger.reconcile.yamlfile import (
    DataFileError,
    Located,
    named_entries,
    table_with_additions,
    text_of,
    texts_of,
)

__all__ = [
    "OTHERS",
    "UNKNOWN",
    "PartyTable",
    "bundled_party_table",
    "load_party_table",
    "party_of",
]

UNKNOWN = "unknown"
OTHERS = "others"


@dataclass(eq=False)  # hashed by identity: cached lookups take the table as a key
class PartyTable:
    """Compiled lookups: claimant, affiliation, names -> party; party -> side."""

    by_claimant: dict[str, str] = field(default_factory=dict)
    by_affiliation: dict[str, str] = field(default_factory=dict)
    by_type: dict[str, str] = field(default_factory=dict)
    names: dict[Key, str] = field(default_factory=dict)
    side: dict[str, str] = field(default_factory=dict)
    belligerent: set[str] = field(default_factory=set)
    opponents: dict[str, tuple[str, ...]] = field(default_factory=dict)
    official: frozenset[Key] = frozenset()
    longest: int = 1
    # side -> the theatre (war) it fights in.
    theatre: dict[str, str] = field(default_factory=dict)

    def side_of(self, party: str) -> str:
        """The side of a party (itself when the table gives none); unknown stays unknown."""
        return self.side.get(party, party)

    def is_belligerent(self, side: str) -> bool:
        """Does this side fight (Armenia, Azerbaijan), rather than report (UN, media)?"""
        return side in self.belligerent

    def shown_as(self, side: str) -> str:
        """The heading a side's figures go under: itself if it fights, else "others"."""
        return side if side in self.belligerent else OTHERS

    def opponent_of(self, side: str) -> str | None:
        """The one side `side` fights, or None when it fights none or several."""
        found = self.opponents.get(side, ())
        return found[0] if len(found) == 1 else None

    def _named(self, key: Key) -> str | None:
        for size in range(min(self.longest, len(key)), 0, -1):
            for i in range(len(key) - size + 1):
                party = self.names.get(key[i : i + size])
                if party is not None:
                    return party
        return None

    def _official_state(self, key: Key) -> str | None:
        """A state named together with an official word ("Armenian defence ministry")."""
        words = set(key) | {" ".join(key[i : i + 2]) for i in range(len(key) - 1)}
        if not any(" ".join(o) in words for o in self.official):
            return None
        t = alias_table()
        states = set()
        for size in (3, 2, 1):
            for i in range(len(key) - size + 1):
                state = t.country_words.get(key[i : i + size])
                if state is not None:
                    states.add(state)
        parties = {self.by_affiliation.get(s) for s in states} - {None}
        return parties.pop() if len(parties) == 1 else None

    def resolve(self, claimant: str, mention: str | None, claimant_type: str | None) -> str:
        """See `party_of`."""
        found = self.by_claimant.get(claimant.casefold())
        if found is not None:
            return found
        t = alias_table()
        entity = t.entities.get(key_of(claimant))
        kind = claimant_type or (entity.claimant_type if entity is not None else None)
        if kind is not None and kind in self.by_type:
            return self.by_type[kind]
        affiliation = t.affiliations.get(claimant)
        if affiliation is not None and affiliation in self.by_affiliation:
            return self.by_affiliation[affiliation]
        for text in (claimant, mention):
            if not text:
                continue
            key = tuple(key_of(text))
            party = self._named(key) or self._official_state(key)
            if party is not None:
                return party
        return UNKNOWN


def party_of(
    claimant: str,
    mention: str | None = None,
    *,
    table: PartyTable | None = None,
    claimant_type: str | None = None,
) -> str:
    """The party a canonical claimant speaks for, or "unknown" when the table cannot tell.

    In order: the claimant listed by name; its type (an outlet is `media`); its affiliation in
    the alias table (Lavrov -> Russia); a party named in the claimant or its mention ("Hamas");
    a state named with an official word ("the Armenian defence ministry"). Nothing is guessed
    from a bare demonym ("an Armenian analyst" stays unknown).

    Args:
        claimant: the canonical claimant name.
        mention: the words the article used, if any.
        table: the party table (default: the bundled one).
        claimant_type: the claimant's type when known (media, person, government…).
    """
    return (table or bundled_party_table()).resolve(claimant, mention, claimant_type)


def _merge(base: list[dict[str, Any]], extra: list[dict[str, Any]]) -> list[dict[str, Any]]:
    by_name = {text_of(e["name"], "", "name").value: dict(e) for e in base}
    for entry in extra:
        target = by_name.setdefault(text_of(entry["name"], "", "name").value, {})
        for k, v in entry.items():
            old = target.get(k)
            target[k] = [*old, *v] if isinstance(old, list) and isinstance(v, list) else v
    return list(by_name.values())


def _put(index: dict[Any, tuple[str, str]], key: Any, party: str, word: Located) -> None:
    seen = index.get(key)
    if seen is not None and seen[0] != party:
        raise DataFileError(
            f"{word.where}: {word.value!r} is listed under both {seen[0]!r} ({seen[1]}) "
            f"and {party!r}"
        )
    index.setdefault(key, (party, word.where))


def compile_party_table(raw: dict[str, Any], source: str) -> PartyTable:
    """Build the lookups from (merged) YAML data; errors name the file and line."""
    table = PartyTable()
    claimants: dict[str, tuple[str, str]] = {}
    affiliations: dict[str, tuple[str, str]] = {}
    names: dict[Key, tuple[str, str]] = {}
    for e in named_entries(raw, "parties", source):
        name = text_of(e["name"], source, "name")
        party = name.value
        table.side[party] = text_of(e.get("side", name), name.where, "side").value
        for c in texts_of(e.get("claimants", []), name.where, "claimants"):
            _put(claimants, c.value.casefold(), party, c)
        for a in [name, *texts_of(e.get("affiliations", []), name.where, "affiliations")]:
            _put(affiliations, a.value, party, a)
        for n in texts_of(e.get("names", []), name.where, "names"):
            _put(names, tuple(key_of(n.value)), party, n)
        for k in texts_of(e.get("claimant_types", []), name.where, "claimant_types"):
            table.by_type[k.value] = party
    for s in named_entries(raw, "sides", source):
        side = text_of(s["name"], source, "name")
        flag = s.get("belligerent")
        if flag is not None and text_of(flag, side.where, "belligerent").value == "true":
            table.belligerent.add(side.value)
        opponents = texts_of(s.get("opponents", []), side.where, "opponents")
        table.opponents[side.value] = tuple(o.value for o in opponents)
    for th in named_entries(raw, "theatres", source):
        name = text_of(th["name"], source, "name")
        for side_name in texts_of(th.get("sides", []), name.where, "sides"):
            table.theatre[side_name.value] = name.value
    table.by_claimant = {k: v[0] for k, v in claimants.items()}
    table.by_affiliation = {k: v[0] for k, v in affiliations.items()}
    table.names = {k: v[0] for k, v in names.items()}
    table.longest = max((len(k) for k in table.names), default=1)
    words = texts_of(raw.get("official_words", []), source, "official_words")
    table.official = frozenset(tuple(key_of(w.value)) for w in words)
    return table


def load_party_table(extra: Path | None = None) -> PartyTable:
    """The bundled party table, with the user's additions file `extra` merged on top if given.

    Raises:
        DataFileError: unreadable or invalid file, a name under two parties (file and line).
    """
    raw, source = table_with_additions(
        "parties.yaml",
        extra,
        sections=("parties", "sides", "theatres"),
        merge=_merge,
        word_lists=("official_words",),
    )
    return compile_party_table(raw, source)


@lru_cache(maxsize=1)
def bundled_party_table() -> PartyTable:
    """The bundled party table, compiled once per process."""
    return load_party_table()
