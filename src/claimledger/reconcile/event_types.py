"""Event types close to ACLED's, per claim with figures, by rules over the taxonomy.

    >>> event_type(claim)  # doctest: +SKIP
    'explosions/remote violence'

The rules are data (`claimledger/data/event_types.yaml`, its header documents them): in order,
the first whose conditions hold names the type. The conditions read the claim's sentence
(words such as "missile" or "earthquake") and its figures' taxonomy classes as tracks fold
them (`track_keys.track_key`: what is counted, what happened).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from claimledger.models import Claim
from claimledger.reconcile.track_keys import track_key
from claimledger.reconcile.yamlfile import DataFileError, bundled, text_of, texts_of, user_file

__all__ = ["EventTypeRule", "event_type", "event_type_rules", "load_event_types", "of_type"]


@dataclass(frozen=True)
class EventTypeRule:
    """One rule: a type name and the conditions that must all hold."""

    name: str
    words: re.Pattern[str] | None
    counted: frozenset[str]
    events: frozenset[str]

    def matches(self, sentence: str, classes: set[str], events: set[str]) -> bool:
        """Do the sentence and the figures' classes and events meet every condition?"""
        if self.words is not None and not self.words.search(sentence):
            return False
        if self.counted and not self.counted & classes:
            return False
        return not self.events or bool(self.events & events)


def load_event_types(extra: Path | None = None) -> tuple[EventTypeRule, ...]:
    """The bundled rules, or the rules of the user's file `extra` when given (replacing them:
    order matters, so a user file is the whole list)."""
    raw = user_file(extra) if extra is not None else bundled("event_types.yaml")
    source = str(extra) if extra is not None else "event_types.yaml"
    entries = raw.get("event_types")
    if not isinstance(entries, list) or not entries:
        raise DataFileError(f"{source}: `event_types` must be a non-empty list of rules")
    rules = []
    for e in entries:
        if not isinstance(e, dict) or "name" not in e:
            raise DataFileError(f"{source}: every rule needs a name")
        name = text_of(e["name"], source, "name")
        words = [w.value for w in texts_of(e.get("words", []), name.where, "words")]
        counted = frozenset(w.value for w in texts_of(e.get("counted", []), name.where, "counted"))
        events = frozenset(w.value for w in texts_of(e.get("events", []), name.where, "events"))
        if not (words or counted or events):
            raise DataFileError(f"{name.where}: rule {name.value!r} has no condition")
        pattern = (
            re.compile(r"\b(?:" + "|".join(re.escape(w) for w in words) + r")\b", re.IGNORECASE)
            if words
            else None
        )
        rules.append(EventTypeRule(name.value, pattern, counted, events))
    return tuple(rules)


@lru_cache(maxsize=1)
def event_type_rules() -> tuple[EventTypeRule, ...]:
    """The bundled rules, compiled once per process."""
    return load_event_types()


def event_type(claim: Claim, rules: tuple[EventTypeRule, ...] | None = None) -> str | None:
    """The event type of a claim with figures (None for a claim without, or matching none)."""
    if not claim.quantities:
        return None
    classes: set[str] = set()
    events: set[str] = set()
    for q in claim.quantities:
        key = track_key(q, claim, scoped=False)
        if key is not None:
            classes.add(key.counted)
            if key.event:
                events.add(key.event)
    for rule in rules or event_type_rules():
        if rule.matches(claim.sentence, classes, events):
            return rule.name
    return None


def of_type(claims: Iterable[Claim], wanted: str) -> list[Claim]:
    """The claims whose event type is `wanted` (case-insensitive)."""
    target = wanted.strip().lower()
    return [c for c in claims if (event_type(c) or "").lower() == target]
