"""Derived views kept up to date at ingest: built once after a run, loaded by every `serve`.

Figure tracks and conflicts take tens of seconds to build from 100,000 claims. `refresh` builds
them at the end of an ingest (`Ledger.ingest` calls it) and stores them as JSON with the
fingerprint of the content they came from (`read_state.content_version`). The dashboard's
cache (`dashboard.cached`) asks `load` first: when the fingerprint still matches, the view is
read back (well under a second) instead of rebuilt. A stale or missing row is just a miss.

JSON and not pickle: a ledger file may come from elsewhere, and reading it must never run code.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any, TypeVar

from pydantic import TypeAdapter, ValidationError
from sqlalchemy import Engine, delete, insert, select
from sqlalchemy.exc import SQLAlchemyError

from claimledger.ledger.conflict_views import (
    StoredConflicts,
    opponent_counts,
    store_conflicts,
    stored_counts,
)
from claimledger.ledger.read_models import ClaimantSummary, Track
from claimledger.ledger.read_state import content_version
from claimledger.ledger.schema import derived_tracks, derived_views

if TYPE_CHECKING:
    from claimledger.ledger.store import Store

_T = TypeVar("_T")
log = logging.getLogger(__name__)
# The views stored, and how their JSON is read back.
ADAPTERS: dict[str, TypeAdapter[Any]] = {
    "tracks": TypeAdapter(list[Track]),
    "claimants": TypeAdapter(list[ClaimantSummary]),
}


def _fingerprint(engine: Engine) -> str:
    return json.dumps(list(content_version(engine)))


def _current_body(engine: Engine, name: str) -> str | None:
    """The stored body of view `name` if built from the ledger as it is now, else None."""
    try:
        with engine.connect() as conn:
            row = conn.execute(
                select(derived_views.c.version, derived_views.c.body).where(
                    derived_views.c.name == name
                )
            ).first()
    except SQLAlchemyError:  # a ledger from before the table: build instead
        return None
    if row is None or row[0] != _fingerprint(engine):
        return None
    return str(row[1])


def load(engine: Engine, name: str) -> Any | None:
    """The stored view `name` if it was built from the ledger as it is now, else None."""
    adapter = ADAPTERS.get(name)
    body = _current_body(engine, name) if adapter is not None else None
    if adapter is None or body is None:
        return None
    try:
        return adapter.validate_json(body)
    except ValidationError:
        log.warning("stored view %s does not read back; rebuilding it", name)
        return None


def load_or_build(engine: Engine, name: str, build: Callable[[], _T]) -> _T:
    """`load`, or `build()` when nothing current is stored."""
    found = load(engine, name)
    return found if found is not None else build()


def full_tracks(engine: Engine, track_ids: list[str], *, charted: bool = False) -> dict[str, Track]:
    """Stored tracks with every point (or, `charted`, the points a chart draws), by id.

    Written with the listing, in one transaction.
    """
    if not track_ids:
        return {}
    column = derived_tracks.c.chart_body if charted else derived_tracks.c.body
    with engine.connect() as conn:
        bodies = conn.execute(
            select(column).where(derived_tracks.c.track_id.in_(track_ids))
        ).scalars()
        found = [Track.model_validate_json(b) for b in bodies]
    return {t.track_id: t for t in found}


def stored_conflicts(engine: Engine) -> StoredConflicts | None:
    """The conflicts stored as rows, if current and complete, else None."""
    body = _current_body(engine, "conflicts")
    if body is None:
        return None
    stored = json.loads(body)
    counts = stored.get("counts", {})
    with engine.connect() as conn:
        if stored_counts(conn) != counts:  # a refresh cut short: build instead
            return None
    return StoredConflicts(engine, counts, stored.get("opponents", {}))


def _put(conn: Any, name: str, version: str, body: str) -> None:
    conn.execute(delete(derived_views).where(derived_views.c.name == name))
    conn.execute(
        insert(derived_views).values(
            name=name, version=version, body=body, built_at=datetime.now(UTC).replace(tzinfo=None)
        )
    )


def refresh(store: Store) -> dict[str, float]:
    """Build every stored view from the ledger as it is and store it; seconds per view."""
    import time

    from claimledger.ledger import dashboard, doc_reads, view_builds

    version = _fingerprint(store.engine)
    took: dict[str, float] = {}
    t0 = time.perf_counter()
    built = view_builds.build_tracks(dashboard.figure_claims(store.engine))
    listing = ADAPTERS["tracks"].dump_json([dashboard.without_series(t) for t in built]).decode()
    with store.write() as conn:
        conn.execute(delete(derived_tracks))
        rows = [
            {
                "track_id": t.track_id,
                "body": t.model_dump_json(),
                "chart_body": view_builds.chart_points(t).model_dump_json(),
            }
            for t in built
        ]
        for at in range(0, len(rows), 1000):
            conn.execute(insert(derived_tracks), rows[at : at + 1000])
        _put(conn, "tracks", version, listing)
    took["tracks"] = time.perf_counter() - t0
    builders: dict[str, Callable[[], list[Any]]] = {
        "claimants": lambda: doc_reads.list_claimants(store.engine, limit=10_000_000).items,
    }
    for name, build in builders.items():
        t0 = time.perf_counter()
        body = ADAPTERS[name].dump_json(build()).decode()
        with store.write() as conn:
            _put(conn, name, version, body)
        took[name] = time.perf_counter() - t0
    t0 = time.perf_counter()
    refs = view_builds.build_conflicts(dashboard.original_claims(store.engine))
    with store.write() as conn:
        counts = store_conflicts(conn, refs)
        meta = {"counts": counts, "opponents": opponent_counts(refs)}
        _put(conn, "conflicts", version, json.dumps(meta, sort_keys=True))
    took["conflicts"] = time.perf_counter() - t0
    return took
