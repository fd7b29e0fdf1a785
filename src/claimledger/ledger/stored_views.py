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

from claimledger.ledger.read_models import ConflictRef, Track
from claimledger.ledger.read_state import content_version
from claimledger.ledger.schema import derived_views

if TYPE_CHECKING:
    from claimledger.ledger.store import Store

_T = TypeVar("_T")
log = logging.getLogger(__name__)
# The views stored, and how their JSON is read back.
ADAPTERS: dict[str, TypeAdapter[Any]] = {
    "tracks": TypeAdapter(list[Track]),
    "conflicts": TypeAdapter(list[ConflictRef]),
}


def _fingerprint(engine: Engine) -> str:
    return json.dumps(list(content_version(engine)))


def load(engine: Engine, name: str) -> Any | None:
    """The stored view `name` if it was built from the ledger as it is now, else None."""
    adapter = ADAPTERS.get(name)
    if adapter is None:
        return None
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
    try:
        return adapter.validate_json(row[1])
    except ValidationError:
        log.warning("stored view %s does not read back; rebuilding it", name)
        return None


def load_or_build(engine: Engine, name: str, build: Callable[[], _T]) -> _T:
    """`load`, or `build()` when nothing current is stored."""
    found = load(engine, name)
    return found if found is not None else build()


def refresh(store: Store) -> dict[str, float]:
    """Build every stored view from the ledger as it is and store it; seconds per view."""
    import time

    from claimledger.ledger import dashboard

    builders: dict[str, Callable[[], list[Any]]] = {
        "tracks": lambda: dashboard.build_tracks(dashboard.figure_claims(store.engine)),
        "conflicts": lambda: dashboard.build_conflicts(dashboard.original_claims(store.engine)),
    }
    version = _fingerprint(store.engine)
    took: dict[str, float] = {}
    for name, build in builders.items():
        t0 = time.perf_counter()
        body = ADAPTERS[name].dump_json(build()).decode()
        with store.write() as conn:
            conn.execute(delete(derived_views).where(derived_views.c.name == name))
            conn.execute(
                insert(derived_views).values(
                    name=name,
                    version=version,
                    body=body,
                    built_at=datetime.now(UTC).replace(tzinfo=None),
                )
            )
        took[name] = time.perf_counter() - t0
    return took
