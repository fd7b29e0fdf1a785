"""A value set for the duration of a call: what an `Extractor` passes into the rules.

The rules read the lexicon and the cue model in use through context variables set here by the
caller that passed them in, and reset when its call ends: two extractors in one process (or
thread) never see each other's, and nothing is patched at module level.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import TypeVar

T = TypeVar("T")


@contextmanager
def scoped(var: ContextVar[T | None], value: T | None) -> Iterator[None]:
    """Run the enclosed code with `var` set to `value` (None: leave it as it is)."""
    if value is None:
        yield
        return
    token = var.set(value)
    try:
        yield
    finally:
        var.reset(token)
