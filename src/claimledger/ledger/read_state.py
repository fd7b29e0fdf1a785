"""What every read path shares per ledger version: the version itself, counts, the vocabulary.

`data_version` is a cheap fingerprint that changes whenever the ledger is written; counts and the
filter vocabulary (figure words, claimant aliases) are remembered per version, per engine.
"""

from __future__ import annotations

import json
import threading
import weakref
from collections import OrderedDict
from collections.abc import Callable
from typing import Any, TypeVar

from sqlalchemy import Engine, func, select

from claimledger.ledger.claim_filter import Vocabulary
from claimledger.ledger.schema import claimants, claims, documents, quantities

_T = TypeVar("_T")
_lock = threading.Lock()
_probe_lock = threading.Lock()
# Per engine (weakly: an engine and its probe go together); never keyed by id(), which recurs.
_probes: weakref.WeakKeyDictionary[Engine, tuple[threading.Lock, Any]] = weakref.WeakKeyDictionary()
_memo: weakref.WeakKeyDictionary[Engine, OrderedDict[tuple[Any, ...], Any]] = (
    weakref.WeakKeyDictionary()
)
_MAX_MEMO = 512


def _sqlite_probe(engine: Engine) -> tuple[threading.Lock, Any] | None:
    """A connection kept aside for `PRAGMA data_version` (None for in-memory ledgers).

    The pragma changes whenever another connection commits, so it must be asked on one
    connection that never writes; it is a header read, far cheaper than counting rows.
    """
    database = engine.url.database or ":memory:"
    if engine.dialect.name != "sqlite" or "memory" in database:
        return None
    with _probe_lock:
        if engine not in _probes:
            _probes[engine] = (threading.Lock(), engine.raw_connection())
        return _probes[engine]


def data_version(engine: Engine) -> tuple[Any, ...]:
    """A cheap fingerprint that changes whenever the ledger is written (for caching views)."""
    probe = _sqlite_probe(engine)
    if probe is not None:
        lock, raw = probe
        with lock:
            cur = raw.driver_connection.execute("PRAGMA data_version")
            return ("v", int(cur.fetchone()[0]))
    return content_version(engine)


def content_version(engine: Engine) -> tuple[Any, ...]:
    """A fingerprint of the ledger's content that survives restarts (for stored views)."""
    with engine.connect() as conn:
        n_claims = conn.execute(select(func.count()).select_from(claims)).scalar_one()
        n_copies = conn.execute(
            select(func.count()).select_from(claims).where(claims.c.copy_of.is_not(None))
        ).scalar_one()
        n_docs = conn.execute(select(func.count()).select_from(documents)).scalar_one()
        last = conn.execute(select(func.max(documents.c.ingested_at))).scalar_one()
    return int(n_claims or 0), int(n_copies or 0), int(n_docs or 0), str(last)


def remembered(engine: Engine, key: tuple[Any, ...], compute: Callable[[], _T]) -> _T:
    """`compute()` once per (ledger version, key) and engine; the oldest entries are dropped."""
    full = (data_version(engine), *key)
    with _lock:
        known = _memo.setdefault(engine, OrderedDict())
        if full in known:
            known.move_to_end(full)
            found: _T = known[full]
            return found
    value = compute()
    with _lock:
        known[full] = value
        while len(known) > _MAX_MEMO:
            known.popitem(last=False)
    return value


def figure_words(engine: Engine) -> list[str]:
    """Every distinct counted noun and event word in the ledger (index reads; per version)."""

    def read() -> list[str]:
        with engine.connect() as conn:
            found = set(conn.execute(select(quantities.c.counted).distinct()).scalars())
            found |= set(conn.execute(select(quantities.c.event).distinct()).scalars())
        return sorted(w for w in found if w)

    return remembered(engine, ("figure_words",), read)


def claimant_aliases(engine: Engine) -> dict[str, list[str]]:
    """Canonical claimant name -> mentions recorded for it (the registry, plus bare names)."""

    def read() -> dict[str, list[str]]:
        with engine.connect() as conn:
            out: dict[str, list[str]] = {
                str(name): _alias_list(raw)
                for name, raw in conn.execute(select(claimants.c.name, claimants.c.aliases))
            }
            # A claimant written without a registry row still answers to its own name.
            for name in conn.execute(select(claims.c.claimant).distinct()).scalars():
                out.setdefault(str(name), [])
        return out

    return remembered(engine, ("aliases",), read)


def _alias_list(raw: str | None) -> list[str]:
    try:
        value = json.loads(raw or "[]")
    except ValueError:
        return []
    return [str(v) for v in value] if isinstance(value, list) else []


def vocabulary(engine: Engine) -> Vocabulary:
    """The vocabulary filters resolve against, for the ledger's current version."""
    return Vocabulary(figure_words=figure_words(engine), aliases=claimant_aliases(engine))
