"""Turn the paths a user gives (files, folders, globs, URLs) into the inputs to read, lazily.

Folders are walked recursively in sorted order and only files with a known extension are taken
(a README.rst or a .png next to the articles is skipped silently); hidden files and folders are
skipped. A file named explicitly is always read, whatever its extension, so it gets an error if
it cannot be.

Symbolic links are followed, to folders as to files. Each real file and folder is read once per
run: a link back to a folder being walked (a loop), or a second way to a file or folder already
read, is reported and not followed again; a broken link is reported.
"""

from __future__ import annotations

import glob
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from claimledger.errors import NOT_FOUND, UNREADABLE, InputError
from claimledger.ingest.detect import format_from_extension

_GLOB_CHARS = frozenset("*?[")


@dataclass(frozen=True)
class Source:
    """One input to read: a file path (as the user spelled it) or a URL."""

    path: str
    is_url: bool = False


def is_url(path: str) -> bool:
    """True for http(s) addresses."""
    return path.lower().startswith(("http://", "https://"))


def iter_sources(paths: Iterable[str]) -> Iterator[Source | InputError]:
    """Expand user paths in order; NOT_FOUND for a path that names nothing."""
    seen: set[str] = set()  # real paths of the folders and files read so far
    for raw in paths:
        path = str(raw)
        if is_url(path):
            yield Source(path, is_url=True)
        elif Path(path).is_dir():
            yield from _walk(path, seen)
        elif Path(path).exists() or Path(path).is_symlink():
            yield from _once(path, seen)
        elif _GLOB_CHARS & set(path):
            yield from _expand_glob(path, seen)
        else:
            yield InputError(path, "no such file or folder", code=NOT_FOUND)


def _expand_glob(pattern: str, seen: set[str]) -> Iterator[Source | InputError]:
    """Glob matches in sorted order; like a folder, only known extensions are taken."""
    # glob, not Path.glob: the user's pattern may be absolute or start with "..".
    matches = sorted(glob.glob(pattern, recursive=True))  # noqa: PTH207
    if not matches:
        yield InputError(pattern, "no files match this pattern", code=NOT_FOUND)
        return
    for match in matches:
        if Path(match).is_dir():
            yield from _walk(match, seen)
        elif format_from_extension(match):
            yield from _once(match, seen)


def _once(path: str, seen: set[str]) -> Iterator[Source | InputError]:
    """The file at `path`, unless this run already read it under another name."""
    real = os.path.realpath(path)
    if real in seen and Path(path).exists():
        yield InputError(
            path, f"already read as {real} (a second link to it); not read again", code=UNREADABLE
        )
        return
    seen.add(real)
    yield Source(path)


def _walk(folder: str, seen: set[str]) -> Iterator[Source | InputError]:
    """Files under `folder` with known extensions, in sorted path order (a.md, b/1.txt, c.txt)."""
    real = os.path.realpath(folder)
    if real in seen:
        yield InputError(
            folder,
            f"folder {real} already read (a symbolic link loop or a second link); not read again",
            code=UNREADABLE,
        )
        return
    seen.add(real)
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError as exc:  # reported; the sibling folders are still read
        yield InputError(
            folder, f"folder cannot be listed ({exc.strerror or exc})", code=UNREADABLE
        )
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        try:
            is_dir = entry.is_dir()  # follows a symbolic link, as for files
        except OSError:
            is_dir = False
        if is_dir:
            yield from _walk(entry.path, seen)
        elif entry.is_symlink() and not Path(entry.path).exists():
            yield InputError(entry.path, "broken symbolic link", code=NOT_FOUND)
        elif format_from_extension(entry.name):
            yield from _once(entry.path, seen)
