"""Load the alias table (bundled YAML plus the user's additions) into precompiled lookups.

The table is plain data (see the header of ``data/aliases.yaml`` for its format); this module
turns it into dictionaries keyed by normalised token tuples so that folding a mention costs a
handful of dict lookups.

The user's additions are read at the edges: `read_user_aliases()` (``$CLAIMLEDGER_ALIASES``,
else ``./claimledger-aliases.yaml``) is called by the CLI, the API and the runners when they
build the extractor settings, which carry the file's contents (to Ray workers too). An
`Extractor` installs its table (`use_aliases`) before extracting; a process that never built
one (a CLI reading tracks) gets the bundled table plus the user's file on first use.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from claimledger.models import ClaimantType

ENV_VAR = "CLAIMLEDGER_ALIASES"
LOCAL_FILE = "claimledger-aliases.yaml"

_QUOTES = str.maketrans({"’": "'", "‘": "'", "`": "'", "“": '"', "”": '"'})
# Words kept whole: letters, digits, inner dots and hyphens ("U.S.", "Nagorno-Karabakh").
_TOKEN = re.compile(r"[^\W_]+(?:[.\-][^\W_]+)*\.?", re.UNICODE)
_POSSESSIVE = re.compile(r"(?<=\w)'s?\b")
_ARTICLES = frozenset({"the", "a", "an"})

Key = tuple[str, ...]


def tokens(text: str) -> list[str]:
    """Split a mention into matching tokens: lower case, quotes unified, possessive 's dropped."""
    text = _POSSESSIVE.sub("", text.translate(_QUOTES))
    return [t.lower().rstrip(".") if t.count(".") == 1 else t.lower() for t in _TOKEN.findall(text)]


def key_of(text: str) -> Key:
    """Normalised lookup key: tokens without leading articles."""
    toks = tokens(text)
    while toks and toks[0] in _ARTICLES:
        toks.pop(0)
    return tuple(toks)


def word_set(text: str) -> frozenset[str]:
    """A set of words written as one string (keeps long word lists readable)."""
    return frozenset(text.split())


@dataclass(frozen=True)
class Entity:
    """A named claimant from the table."""

    name: str
    claimant_type: ClaimantType
    affiliation: str | None


@dataclass
class AliasTable:
    """Precompiled lookups built from the YAML sections."""

    # Whole-mention or n-gram key -> entity (people, media, groups, organizations).
    entities: dict[Key, Entity] = field(default_factory=dict)
    # Subset of `entities` holding people, scanned first inside long mentions.
    people: dict[Key, Entity] = field(default_factory=dict)
    # Any phrase pointing at a state (name, alias, demonym, seat) -> state name.
    country_words: dict[Key, str] = field(default_factory=dict)
    # Phrases that ARE the state speaking (name, alias, seat) -> state name.
    country_seats: dict[Key, str] = field(default_factory=dict)
    # Plural demonym -> (as written, state): "Armenians" -> ("Armenians", "Armenia").
    peoples: dict[Key, tuple[str, str]] = field(default_factory=dict)
    # state -> its demonym as written first in the table ("Armenian").
    demonym: dict[str, str] = field(default_factory=dict)
    # Written office -> canonical office ("top diplomat" -> "foreign minister").
    offices: dict[Key, str] = field(default_factory=dict)
    # (state, office) -> person name.
    officeholders: dict[tuple[str, str], str] = field(default_factory=dict)
    # Written body -> canonical suffix ("ministry of defense" -> "Defence Ministry").
    bodies: dict[Key, str] = field(default_factory=dict)
    # Canonical name -> affiliation, for affiliation_of().
    affiliations: dict[str, str | None] = field(default_factory=dict)
    # Every token that is part of some state phrase: never part of a person's bare name.
    country_tokens: frozenset[str] = frozenset()
    # First tokens of state phrases: a cheap test before looking phrases up.
    country_starts: frozenset[str] = frozenset()
    # Words never part of a bare personal name: state words and office words.
    name_skip: frozenset[str] = frozenset()
    longest: int = 1
    # "the region's defence ministry": the state a body belongs to when only "the region" or
    # "the enclave" names it (section `region`), and those words.
    region_state: str | None = None
    region_words: frozenset[str] = frozenset()


_SECTION_TYPES: dict[str, ClaimantType] = {
    "people": "person",
    "media": "media",
    "groups": "group",
    "organizations": "organization",
}


def _merge_lists(base: list[dict[str, Any]], extra: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Merge list entries by `name`: aliases-like lists are extended, scalars replaced."""
    by_name = {str(e["name"]): dict(e) for e in base}
    for entry in extra:
        name = str(entry["name"])
        if name not in by_name:
            by_name[name] = dict(entry)
            continue
        target = by_name[name]
        for k, v in entry.items():
            if isinstance(v, list) and isinstance(target.get(k), list):
                target[k] = [*target[k], *v]
            elif isinstance(v, dict) and isinstance(target.get(k), dict):
                target[k] = {**target[k], **v}
            else:
                target[k] = v
    return list(by_name.values())


def merge_tables(base: dict[str, Any], extra: dict[str, Any]) -> dict[str, Any]:
    """Overlay a user table on the bundled one (see the YAML header for the rules)."""
    merged = dict(base)
    for section, value in extra.items():
        if isinstance(value, list):
            merged[section] = _merge_lists(list(base.get(section) or []), value)
        elif isinstance(value, dict):
            combined = dict(base.get(section) or {})
            for k, v in value.items():
                old = combined.get(k)
                combined[k] = [*old, *v] if isinstance(old, list) and isinstance(v, list) else v
            merged[section] = combined
    return merged


def user_alias_path() -> Path | None:
    """The user's alias file: `$CLAIMLEDGER_ALIASES`, else ./claimledger-aliases.yaml if present."""
    env = os.environ.get(ENV_VAR)
    if env:
        return Path(env)
    local = Path.cwd() / LOCAL_FILE
    return local if local.is_file() else None


UserAliases = tuple[str, str]  # (YAML text, where it was read: named in errors)


def read_user_aliases() -> UserAliases | None:
    """The user's alias file as (text, path), read now; for the edges that build settings."""
    path = user_alias_path()
    return (path.read_text("utf-8"), str(path)) if path is not None else None


def _read_yaml(text: str, where: str) -> dict[str, Any]:
    data = yaml.safe_load(text) or {}
    if not isinstance(data, dict):
        raise ValueError(f"{where}: the alias table must be a YAML mapping of sections")
    return data


def load_raw(user: UserAliases | None = None) -> dict[str, Any]:
    """Bundled table merged with the user's additions (text, origin), as plain YAML data."""
    bundled = resources.files("claimledger").joinpath("data/aliases.yaml").read_text("utf-8")
    table = _read_yaml(bundled, "aliases.yaml")
    if user is not None:
        table = merge_tables(table, _read_yaml(*user))
    return table


def compile_table(raw: dict[str, Any]) -> AliasTable:
    """Build the lookup dictionaries from YAML data."""
    t = AliasTable()
    for office, written in (raw.get("offices") or {}).items():
        for w in [office, *written]:
            t.offices[key_of(w)] = str(office)
    for suffix, written in (raw.get("bodies") or {}).items():
        for w in written:
            t.bodies[key_of(w)] = str(suffix)
    for c in raw.get("countries") or []:
        name = str(c["name"])
        t.affiliations[name] = name
        demonyms = [str(d) for d in c.get("demonyms") or []]
        t.demonym[name] = demonyms[0] if demonyms else name
        for w in [name, *(c.get("aliases") or []), *(c.get("seats") or [])]:
            t.country_seats[key_of(str(w))] = name
            t.country_words[key_of(str(w))] = name
        for d in demonyms:
            t.country_words[key_of(d)] = name
            # "Armenians" are a people, not the state speaking: kept apart (type group).
            t.peoples[key_of(d + "s")] = (d + "s", name)
            # "the Armenian government": demonym + any seat-like noun is the state itself.
            for noun in ("government", "authorities", "leadership", "side", "officials"):
                t.country_seats.setdefault(key_of(f"{d} {noun}"), name)
        for office, person in (c.get("officeholders") or {}).items():
            t.officeholders[(name, str(office))] = str(person)
    for section, default_type in _SECTION_TYPES.items():
        for e in raw.get(section) or []:
            ctype: ClaimantType = e.get("type") or default_type
            aff = e.get("affiliation")
            ent = Entity(str(e["name"]), ctype, str(aff) if aff is not None else None)
            t.affiliations[ent.name] = ent.affiliation
            for w in [ent.name, *(e.get("aliases") or [])]:
                k = key_of(str(w))
                t.entities[k] = ent
                if section == "people":
                    t.people[k] = ent
    region = raw.get("region") or {}
    if region.get("state"):
        t.region_state = str(region["state"])
        t.region_words = frozenset(w for r in region.get("words") or [] for w in key_of(str(r)))
    t.country_tokens = frozenset(w for k in t.country_words for w in k)
    t.country_starts = frozenset(k[0] for k in t.country_words if k)
    t.name_skip = t.country_tokens | frozenset(w for k in t.offices for w in k)
    t.longest = max(len(k) for k in [*t.entities, *t.country_words, *t.bodies, *t.offices])
    return t


@dataclass
class _Installed:
    user: UserAliases | None = None
    table: AliasTable | None = None


_installed = _Installed()


def alias_table() -> AliasTable:
    """The process-wide compiled table: the one installed, else bundled + the user's file."""
    if _installed.table is None:
        install_alias_table(read_user_aliases())
    assert _installed.table is not None
    return _installed.table


def install_alias_table(user: UserAliases | None) -> bool:
    """Make bundled + `user` the process-wide table; False when it already is (no work)."""
    if _installed.table is not None and _installed.user == user:
        return False
    _installed.table = compile_table(load_raw(user))
    _installed.user = user
    return True


def reload_alias_table() -> None:
    """Forget the compiled table, e.g. after `$CLAIMLEDGER_ALIASES` changed."""
    _installed.table = None
