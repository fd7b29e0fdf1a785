"""YAML front matter read safely: bounded, typed as text, and key by key when it is not YAML.

Front matter is a handful of `key: value` lines a person typed. PyYAML's safe loader still
expands aliases (a 552-byte "billion laughs" block took minutes and gigabytes), recurses once per
nesting level (RecursionError), and turns `2020-02-30` into a date object, raising on impossible
ones. The loader here refuses anchors and aliases, stops at `MAX_DEPTH` levels and keeps every
scalar as the text written, so a bad date is a CL110 warning on a document that is kept. A block
that is not strict YAML (an unquoted colon in a title, tabs) is read line by line instead, with
one warning, rather than dropped. CRLF line ends are read like LF.
"""

from __future__ import annotations

import re
from typing import Any

import yaml

# A front matter block beyond this is not metadata typed by a person: read key by key only.
MAX_FRONT_MATTER_CHARS = 64 * 1024
# Nesting deeper than this is no metadata either (and PyYAML's composer recurses per level).
MAX_DEPTH = 16

FRONT_MATTER = re.compile(
    r"\A\ufeff?\s*---[ \t]*\r?\n(.*?\r?\n)?(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.DOTALL
)
# `key: value` (or `key:` alone) at the start of a line; leading blanks and tabs allowed.
_KEY_LINE = re.compile(r"[ \t]*([A-Za-z_][\w-]*)[ \t]*:(?:[ \t]+(.*))?\Z")
_ANCHOR = re.compile(r"\A&[^\s\[\]{},]+\s*")
_ALIAS = re.compile(r"\*[^\s\[\]{},]+")
_QUOTED = re.compile(r"\A(?:\"(.*)\"|'(.*)')\Z", re.DOTALL)
# Only these scalar types are kept: metadata are strings, whatever they look like.
_TEXT_ONLY = frozenset(
    f"tag:yaml.org,2002:{kind}" for kind in ("timestamp", "bool", "int", "float")
)


class NotMetadataError(ValueError):
    """The block uses YAML features no metadata needs (aliases, anchors, deep nesting)."""


class _MetadataLoader(yaml.SafeLoader):
    """SafeLoader without aliases, anchors, deep nesting or typed scalars."""

    depth = 0

    def compose_node(self, parent: Any, index: Any) -> Any:
        if self.check_event(yaml.AliasEvent):
            raise NotMetadataError("it uses an alias (*name)")
        if getattr(self.peek_event(), "anchor", None) is not None:  # type: ignore[no-untyped-call]
            raise NotMetadataError("it uses an anchor (&name)")
        self.depth += 1
        try:
            if self.depth > MAX_DEPTH:
                raise NotMetadataError(f"it is nested deeper than {MAX_DEPTH} levels")
            return super().compose_node(parent, index)
        finally:
            self.depth -= 1


_MetadataLoader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag not in _TEXT_ONLY]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def parse_front_matter(block: str) -> tuple[dict[str, Any], str | None]:
    """The key/value pairs of a front matter block, and a problem to warn about (or None).

    Strict YAML gives the mapping as written (scalars as text); anything else is read key by
    key, the problem saying why. A block with no `key: value` line at all gives {} and a problem.
    """
    block = block.replace("\r\n", "\n").replace("\r", "\n")
    if not block.strip():
        return {}, None
    if len(block) > MAX_FRONT_MATTER_CHARS:
        problem = f"longer than {MAX_FRONT_MATTER_CHARS:,} characters"
    else:
        try:
            data = yaml.load(block, Loader=_MetadataLoader)
        except NotMetadataError as exc:
            problem = str(exc)
        except yaml.YAMLError as exc:
            problem = str(exc).splitlines()[0]
        except (ValueError, TypeError, RecursionError) as exc:  # an explicit !!tag gone wrong
            problem = f"{type(exc).__name__}: {exc}"
        else:
            if isinstance(data, dict):
                return data, None
            problem = "not a key: value block"
    return key_by_key(block), problem


def key_by_key(block: str) -> dict[str, str]:
    """`key: value` lines read one by one; indented lines after a key continue its value.

    The first colon ends the key, so `title: Baku: the report` keeps its colon; matching
    quotes around a value are removed. Lines that are neither are ignored.
    """
    found: dict[str, list[str]] = {}
    current: list[str] | None = None
    for line in block.split("\n"):
        if match := _KEY_LINE.match(line):
            # A repeated key keeps its first value (YAML would refuse the block).
            current = None if match.group(1) in found else found.setdefault(match.group(1), [])
            if current is not None and match.group(2):
                current.append(match.group(2).strip())
        elif current is not None and line[:1] in " \t" and line.strip():
            current.append(line.strip())  # a folded continuation line
        else:
            current = None
    out: dict[str, str] = {}
    for key, parts in found.items():
        value = _ANCHOR.sub("", " ".join(parts))  # `&name value`: the value
        if _ALIAS.fullmatch(value):  # `*name` stands for another value: never expanded
            continue
        quoted = _QUOTED.match(value)
        out[key] = next(g for g in quoted.groups() if g is not None) if quoted else value
    return out


def scrub_surrogates(value: str) -> str:
    """`value` with each lone UTF-16 surrogate (from a `\\ud800` escape) made U+FFFD.

    A pair written as two escapes (`\\ud83d\\ude00`) is joined into its character. A lone
    surrogate cannot be encoded as UTF-8: left in, it fails the write of a whole batch.
    """
    if not _SURROGATE.search(value):
        return value
    return value.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")


_SURROGATE = re.compile("[\ud800-\udfff]")


def storable_name(name: str) -> str:
    """A file name as the ledger can store it (UTF-8): a byte the file system gave undecoded
    (a surrogate escape, as in `b"\\xff.txt"`) is written `\\xff`, like a terminal shows it."""
    if not _SURROGATE.search(name):
        return name
    return _SURROGATE.sub(_byte_escape, name)


def _byte_escape(match: re.Match[str]) -> str:
    code = ord(match.group(0))
    return f"\\x{code - 0xDC00:02x}" if 0xDC80 <= code <= 0xDCFF else "\ufffd"
