"""Word lists as data: one loader, one `Lexicon` object, shared by extraction and reconciliation.

Each list is a file `data/lexicon/<name>.txt`, one entry per line (`#` starts a comment line):

- a word or phrase per line makes a list (`hedge_phrases`: "could not be independently
  verified");
- `@other` takes in every entry of list `other` (`speech_verbs` is `@saying_verbs`, ...);
- `key: word word ...` lines make a mapping instead (`content_preps`: `warn: of about against`).

The loader rejects an entry written twice in one list (or written and also taken in by `@`;
lists taken in may overlap), a key given twice, a word twice under one key and a file mixing
both forms, naming the file and line. Tuning writes these files, or builds
a changed copy with `Lexicon.with_words`, and passes the lexicon in; nothing patches a module.

    >>> lexicon = shipped_lexicon()
    >>> "say" in lexicon.words("speech_verbs")
    True
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from contextlib import AbstractContextManager
from contextvars import ContextVar
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path

from claimledger.scoped import scoped

_KEY = re.compile(r"^([\w'-]+):\s*(.*)$")


class LexiconError(ValueError):
    """A malformed or duplicated entry in a lexicon file (the message names file and line)."""


@dataclass(frozen=True)
class Lexicon:
    """Named word lists (in file order) and named mappings of a key to words."""

    lists: Mapping[str, tuple[str, ...]]
    mappings: Mapping[str, Mapping[str, tuple[str, ...]]] = field(default_factory=dict)
    _sets: dict[str, frozenset[str]] = field(default_factory=dict, compare=False, repr=False)
    _patterns: dict[tuple[str, int], re.Pattern[str]] = field(
        default_factory=dict, compare=False, repr=False
    )

    def entries(self, name: str) -> tuple[str, ...]:
        """The entries of a list in file order (phrases whose order reads as written)."""
        try:
            return self.lists[name]
        except KeyError:
            raise KeyError(f"no word list {name!r} in the lexicon") from None

    def words(self, name: str) -> frozenset[str]:
        """The entries of a list as a set, for membership tests (built once per lexicon)."""
        found = self._sets.get(name)
        if found is None:
            found = self._sets[name] = frozenset(self.entries(name))
        return found

    def mapping(self, name: str) -> Mapping[str, tuple[str, ...]]:
        try:
            return self.mappings[name]
        except KeyError:
            raise KeyError(f"no mapping {name!r} in the lexicon") from None

    def pattern(self, name: str, flags: int = 0) -> re.Pattern[str]:
        """A regex matching any entry of a list as whole words: r"\\b(?:a|b c)\\b"."""
        key = (name, flags)
        found = self._patterns.get(key)
        if found is None:
            alternatives = "|".join(re.escape(e) for e in self.entries(name))
            found = self._patterns[key] = re.compile(rf"\b(?:{alternatives})\b", flags)
        return found

    def with_words(self, name: str, extra: Iterable[str]) -> Lexicon:
        """A copy with `extra` added to list `name` alone (lists taking it in by `@` stay as
        they are); for tuning. An entry already there stays once."""
        lists = dict(self.lists)
        old = lists[name]
        lists[name] = old + tuple(w for w in dict.fromkeys(extra) if w not in old)
        return Lexicon(lists, self.mappings)


def _entries(path: Traversable | Path) -> Iterable[tuple[int, str]]:
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        line = raw.strip()
        if line and not line.startswith("#"):
            yield number, line


def _read(path: Traversable | Path) -> tuple[list[tuple[int, str]], dict[str, tuple[str, ...]]]:
    """One file's list lines (with line numbers) or its mapping; a file holds one form only."""
    items: list[tuple[int, str]] = []
    mapping: dict[str, tuple[str, ...]] = {}
    for number, line in _entries(path):
        keyed = _KEY.match(line)
        if keyed is None:
            items.append((number, line))
            continue
        key, words = keyed.group(1), tuple(keyed.group(2).split())
        if key in mapping:
            raise LexiconError(f"{path}:{number}: key {key!r} given twice")
        if len(set(words)) != len(words):
            raise LexiconError(f"{path}:{number}: a word listed twice under {key!r}")
        mapping[key] = words
    if items and mapping:
        raise LexiconError(f"{path}:{items[0][0]}: a list line in a file of `key: words` lines")
    return items, mapping


def load_lexicon(folder: Traversable | Path | None = None) -> Lexicon:
    """Every `*.txt` list in `folder` (default: the lexicon shipped in the package)."""
    folder = folder if folder is not None else resources.files("claimledger") / "data" / "lexicon"
    files = sorted((p for p in folder.iterdir() if p.name.endswith(".txt")), key=lambda p: p.name)
    raw: dict[str, tuple[Traversable | Path, list[tuple[int, str]]]] = {}
    mappings: dict[str, Mapping[str, tuple[str, ...]]] = {}
    for path in files:
        name = path.name.removesuffix(".txt")
        items, mapping = _read(path)
        if mapping:
            mappings[name] = mapping
        else:
            raw[name] = (path, items)
    lists: dict[str, tuple[str, ...]] = {}

    def resolve(name: str, chain: tuple[str, ...]) -> tuple[str, ...]:
        if name in lists:
            return lists[name]
        path, items = raw[name]
        out: dict[str, None] = {}
        for number, entry in items:
            if entry.startswith("@"):
                other = entry[1:]
                if other not in raw or other in chain:
                    raise LexiconError(f"{path}:{number}: no list {other!r} to take in here")
                taken = resolve(other, (*chain, name))
                # Lists taken in may overlap (`speech_verbs` is their union).
                out.update(dict.fromkeys(w for w in taken if w not in out))
            elif entry in out:
                raise LexiconError(f"{path}:{number}: {entry!r} is listed twice in {name!r}")
            else:
                out[entry] = None
        lists[name] = tuple(out)
        return lists[name]

    for name in raw:
        resolve(name, ())
    return Lexicon(lists, mappings)


@lru_cache(maxsize=1)
def shipped_lexicon() -> Lexicon:
    """The lexicon shipped in the package, loaded once per process."""
    return load_lexicon()


# The lexicon extraction reads, set for the duration of a call by whoever passes one in
# (`Extractor`, `find_attributions(lexicon=...)`); the shipped one otherwise. A context variable,
# not a module global: two extractors with different lexicons never see each other's words.
_ACTIVE: ContextVar[Lexicon | None] = ContextVar("claimledger_lexicon", default=None)


def active_lexicon() -> Lexicon:
    return _ACTIVE.get() or shipped_lexicon()


def using_lexicon(lexicon: Lexicon | None) -> AbstractContextManager[None]:
    """Run the enclosed extraction with `lexicon` (None: leave the current one)."""
    return scoped(_ACTIVE, lexicon)


def words(name: str) -> frozenset[str]:
    """List `name` of the lexicon in use, as a set (the rules ask this at every token, so the
    built set is read straight from the lexicon's cache)."""
    lexicon = _ACTIVE.get() or shipped_lexicon()
    found = lexicon._sets.get(name)
    return found if found is not None else lexicon.words(name)
