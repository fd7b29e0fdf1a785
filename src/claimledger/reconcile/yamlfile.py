"""Read the editable data tables (taxonomy, parties) with the line of every scalar kept.

A mistake in a hand-edited table ("soldiers" listed under two classes) must be reported with
the file and line to fix, so the YAML is read into nodes first and every scalar keeps its mark.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any, cast

import yaml

__all__ = [
    "DataFileError",
    "Located",
    "bundled",
    "named_entries",
    "read_located",
    "table_with_additions",
    "text_of",
    "texts_of",
    "user_file",
]

Entries = list[dict[str, Any]]
# How a table merges a user's entries of one section over its bundled ones.
MergeEntries = Callable[[Entries, Entries], Entries]


class DataFileError(ValueError):
    """A data table that cannot be used: the message names the file and line."""


@dataclass(frozen=True)
class Located:
    """A scalar from a data file and where it was written."""

    value: str
    where: str  # "taxonomy.yaml:42"


def _plain(node: yaml.Node, source: str) -> Any:
    """Nodes to dicts and lists; every scalar becomes a `Located`."""
    if isinstance(node, yaml.ScalarNode):
        return Located(str(node.value), f"{source}:{node.start_mark.line + 1}")
    if isinstance(node, yaml.SequenceNode):
        return [_plain(n, source) for n in node.value]
    if isinstance(node, yaml.MappingNode):
        out: dict[str, Any] = {}
        for key_node, value_node in node.value:
            key = str(key_node.value)
            if key in out:
                line = key_node.start_mark.line + 1
                raise DataFileError(f"{source}:{line}: key {key!r} given twice")
            out[key] = _plain(value_node, source)
        return out
    raise DataFileError(f"{source}: unsupported YAML node {node!r}")


def read_located(text: str, source: str) -> dict[str, Any]:
    """Parse a YAML mapping, scalars as `Located`; an empty file is an empty mapping."""
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = f":{mark.line + 1}" if mark is not None else ""
        raise DataFileError(f"{source}{line}: not valid YAML ({exc})") from exc
    if node is None:
        return {}
    data = _plain(node, source)
    if not isinstance(data, dict):
        raise DataFileError(f"{source}:1: expected a mapping of sections")
    return data


def bundled(name: str) -> dict[str, Any]:
    """A table shipped in `claimledger/data/`."""
    text = resources.files("claimledger").joinpath(f"data/{name}").read_text("utf-8")
    return read_located(text, name)


def user_file(path: Path) -> dict[str, Any]:
    """A user's additions file; a missing or unreadable one is an error naming it."""
    try:
        text = path.read_text("utf-8")
    except OSError as exc:
        raise DataFileError(f"{path}: cannot read ({exc.strerror or exc})") from exc
    return read_located(text, str(path))


def text_of(value: Any, where: str, what: str) -> Located:
    """`value` must be one scalar."""
    if not isinstance(value, Located):
        raise DataFileError(f"{where}: {what} must be a single value")
    return value


def texts_of(value: Any, where: str, what: str) -> list[Located]:
    """`value` must be a list of scalars (or one scalar)."""
    if isinstance(value, Located):
        return [value]
    if not isinstance(value, list) or not all(isinstance(v, Located) for v in value):
        raise DataFileError(f"{where}: {what} must be a list of words")
    return list(value)


def named_entries(
    raw: dict[str, Any], section: str, source: str, *, nameless_at_entry: bool = False
) -> Entries:
    """The entries of `section`: a list of mappings, each with a `name`.

    A nameless entry is reported like a malformed section (at `source`), or, with
    `nameless_at_entry`, as "entry without a name" at the line of its first value.
    """
    value = raw.get(section) or []
    malformed = f"{source}: `{section}` must be a list of entries with a name"
    if not isinstance(value, list) or not all(isinstance(e, dict) for e in value):
        raise DataFileError(malformed)
    for entry in value:
        if "name" not in entry:
            if not nameless_at_entry:
                raise DataFileError(malformed)
            first = next((v for v in entry.values() if isinstance(v, Located)), None)
            raise DataFileError(f"{first.where if first else source}: entry without a name")
    return cast(Entries, value)


def table_with_additions(
    name: str,
    extra: Path | None,
    *,
    sections: tuple[str, ...],
    merge: MergeEntries,
    word_lists: tuple[str, ...] = (),
    nameless_at_entry: bool = False,
) -> tuple[dict[str, Any], str]:
    """The bundled table `name`, with the user's additions file `extra` merged on top if given,
    and the source to name in messages ("parties.yaml + mine.yaml").

    Each of `sections` is merged entry by entry with `merge`; each of `word_lists` (top-level
    lists of words) is the bundled words then the user's. Other keys of a merged table are
    dropped, as the tables define none.

    Raises:
        DataFileError: the user's file cannot be read, or a section is malformed (file and line).
    """
    raw = bundled(name)
    if extra is None:
        return raw, name
    user = user_file(extra)
    merged: dict[str, Any] = {
        section: merge(
            named_entries(raw, section, name, nameless_at_entry=nameless_at_entry),
            named_entries(user, section, str(extra), nameless_at_entry=nameless_at_entry),
        )
        for section in sections
    }
    for key in word_lists:
        merged[key] = [
            *texts_of(raw.get(key, []), name, key),
            *texts_of(user.get(key, []), str(extra), key),
        ]
    return merged, f"{name} + {extra}"
