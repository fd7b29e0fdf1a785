"""The taxonomy of what figures count and what happened to it, loaded from data files.

The bundled table is `claimledger/data/taxonomy.yaml` (its header documents the format); a
user's additions file is merged on top only when its path is given (`load_taxonomy(extra=…)`),
never picked up from the working directory, so the same call gives the same taxonomy anywhere.

    >>> tax = bundled_taxonomy()
    >>> tax.counted_class("Syrian militants").name
    'fighters'
    >>> tax.event_class("shot down")
    'destroyed'
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal, cast

from claimledger.reconcile.yamlfile import (
    DataFileError,
    named_entries,
    table_with_additions,
    text_of,
    texts_of,
)

__all__ = [
    "CountedClass",
    "DataFileError",
    "EventClass",
    "Taxonomy",
    "bundled_taxonomy",
    "load_taxonomy",
    "phrase_key",
]

Family = Literal["people", "equipment", "places"]
Owner = Literal["side", "opponent", "foreign", "none"]
_FAMILIES: tuple[Family, ...] = ("people", "equipment", "places")
_OWNERS: tuple[Owner, ...] = ("side", "opponent", "foreign", "none")
_TRIM = "'’‘\"“”.,;:()[]!?"
_SPLIT = re.compile(r"\s+")
# Where a counted phrase's head ends: "mercenaries | from the Middle East".
_PREPOSITIONS = frozenset(
    ["from", "of", "in", "at", "on", "who", "that", "with", "near", "to", "for", "by"]
)

Phrase = tuple[str, ...]


def _singular(word: str) -> str:
    # Crude on purpose: both the table and the text go through it, so only consistency
    # matters ("casualties" and "casualty" meet at "casualty", "lives" and "live" at "live").
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


@lru_cache(maxsize=131072)
def phrase_key(text: str) -> Phrase:
    """Lower-case singular tokens of a phrase: "Armoured Personnel Carriers" -> (armoured,
    personnel, carrier)."""
    words = (w.strip(_TRIM) for w in _SPLIT.split(text.lower().replace("’s", "").replace("'s", "")))
    return tuple(_singular(w) for w in words if w)


@dataclass(frozen=True)
class CountedClass:
    """One class of counted things: soldiers, fighters, tanks, settlements…"""

    name: str
    family: Family
    owner: Owner
    # The event meant when the figure names none (a presence of mercenaries is "deployed").
    event: str | None = None


@dataclass(frozen=True)
class EventClass:
    """One class of what happened: killed, injured, deployed, destroyed…"""

    name: str
    # The event meant instead for equipment and places ("lost 5 tanks" -> destroyed).
    on_things: str | None = None


@dataclass(eq=False)  # hashed by identity: cached lookups take the table as a key
class Taxonomy:
    """Compiled lookups from written phrases to classes."""

    counted: dict[str, CountedClass] = field(default_factory=dict)
    events: dict[str, EventClass] = field(default_factory=dict)
    counted_words: dict[Phrase, str] = field(default_factory=dict)
    event_words: dict[Phrase, str] = field(default_factory=dict)
    longest: int = 1

    def counted_class(self, words: str | None) -> CountedClass | None:
        """The class of a counted phrase, decided by its head; None when unknown (cached)."""
        return _counted_class(self, words)

    def _counted_class(self, words: str | None) -> CountedClass | None:
        """`counted_class` uncached.

        The head is the last words before a preposition ("mercenaries from the Middle East",
        "bodies of servicemen"), else of the whole phrase ("the number of soldiers").
        """
        key = phrase_key(words or "")
        cut = next((i for i, w in enumerate(key) if w in _PREPOSITIONS), None)
        if cut:
            found = self._trailing(key[:cut])
            if found is not None:
                return found
        return self._trailing(key)

    def _trailing(self, key: Phrase) -> CountedClass | None:
        for size in range(min(self.longest, len(key)), 0, -1):
            name = self.counted_words.get(key[-size:])
            if name is not None:
                return self.counted[name]
        return None

    def event_class(self, words: str | None) -> str | None:
        """The class of an event phrase, from the last of its words that is known (cached)."""
        return _event_class(self, words)

    def _event_class(self, words: str | None) -> str | None:
        key = phrase_key(words or "")
        for end in range(len(key), 0, -1):
            for size in range(min(self.longest, end), 0, -1):
                name = self.event_words.get(key[end - size : end])
                if name is not None:
                    return name
        return None

    def event_for(self, event: str | None, counted: CountedClass | None) -> str | None:
        """The event class for this counted class: "killed" tanks are destroyed tanks."""
        if event is None:
            return counted.event if counted is not None else None
        found = self.events.get(event)
        if found is not None and found.on_things and counted and counted.family != "people":
            return found.on_things
        return event

    def fold_word(self, word: str) -> str:
        """One form for a word: its counted class, else its event class, else itself."""
        counted = self.counted_class(word)
        if counted is not None:
            return counted.name
        return self.event_class(word) or word.lower()


# A ledger repeats the same few counted and event phrases endlessly.
@lru_cache(maxsize=65536)
def _counted_class(tax: Taxonomy, words: str | None) -> CountedClass | None:
    return tax._counted_class(words)


@lru_cache(maxsize=65536)
def _event_class(tax: Taxonomy, words: str | None) -> str | None:
    return tax._event_class(words)


def _merge(base: list[dict[str, Any]], extra: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """User entries over bundled ones by name: words added, other keys replaced."""
    by_name = {text_of(e["name"], "", "name").value: dict(e) for e in base}
    for entry in extra:
        name = text_of(entry["name"], "", "name").value
        target = by_name.setdefault(name, {})
        for k, v in entry.items():
            if k == "words" and isinstance(target.get(k), list):
                target[k] = [*target[k], *texts_of(v, name, "words")]
            else:
                target[k] = v
    return list(by_name.values())


def _choice(entry: dict[str, Any], key: str, allowed: tuple[str, ...], default: str) -> str:
    if key not in entry:
        return default
    value = text_of(entry[key], entry["name"].where, key)
    if value.value not in allowed:
        raise DataFileError(f"{value.where}: {key} {value.value!r}; use one of {allowed}")
    return value.value


def _index(entries: list[dict[str, Any]], what: str) -> tuple[dict[Phrase, str], int]:
    """Phrase -> class name; a phrase under two classes is an error naming both places."""
    index: dict[Phrase, tuple[str, str]] = {}
    longest = 1
    for entry in entries:
        name = entry["name"].value
        for word in texts_of(entry.get("words", []), entry["name"].where, "words"):
            key = phrase_key(word.value)
            if not key:
                raise DataFileError(f"{word.where}: empty {what} word")
            seen = index.get(key)
            if seen is not None and seen[0] != name:
                raise DataFileError(
                    f"{word.where}: {what} word {word.value!r} is listed under both "
                    f"{seen[0]!r} ({seen[1]}) and {name!r}; a word belongs to one class"
                )
            index.setdefault(key, (name, word.where))
            longest = max(longest, len(key))
    return {k: v[0] for k, v in index.items()}, longest


def compile_taxonomy(raw: dict[str, Any], source: str) -> Taxonomy:
    """Build the lookups from (merged) YAML data; errors name the file and line."""
    counted = named_entries(raw, "counted", source, nameless_at_entry=True)
    events = named_entries(raw, "events", source, nameless_at_entry=True)
    tax = Taxonomy()
    for e in events:
        on = e.get("on_things")
        tax.events[e["name"].value] = EventClass(
            e["name"].value, text_of(on, e["name"].where, "on_things").value if on else None
        )
    for e in counted:
        default = e.get("event")
        event = text_of(default, e["name"].where, "event") if default is not None else None
        if event is not None and event.value not in tax.events:
            raise DataFileError(f"{event.where}: event {event.value!r} is not an event class")
        tax.counted[e["name"].value] = CountedClass(
            e["name"].value,
            cast(Family, _choice(e, "family", _FAMILIES, "people")),
            cast(Owner, _choice(e, "owner", _OWNERS, "none")),
            event.value if event is not None else None,
        )
    for ev in tax.events.values():
        if ev.on_things and ev.on_things not in tax.events:
            raise DataFileError(f"{source}: on_things {ev.on_things!r} is not an event class")
    tax.counted_words, n1 = _index(counted, "counted")
    tax.event_words, n2 = _index(events, "event")
    tax.longest = max(n1, n2)
    return tax


def load_taxonomy(extra: Path | None = None) -> Taxonomy:
    """The bundled taxonomy, with the user's additions file `extra` merged on top if given.

    Raises:
        DataFileError: a file that cannot be read or parsed, a word under two classes, an
            unknown family, owner or event; the message names the file and line.
    """
    raw, source = table_with_additions(
        "taxonomy.yaml", extra, sections=("counted", "events"), merge=_merge, nameless_at_entry=True
    )
    return compile_taxonomy(raw, source)


@lru_cache(maxsize=1)
def bundled_taxonomy() -> Taxonomy:
    """The bundled taxonomy, compiled once per process."""
    return load_taxonomy()
