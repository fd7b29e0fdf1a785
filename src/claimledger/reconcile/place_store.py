"""Places in the ledger: link claims to gazetteer places once, filter by place, count per place.

`link_places` scans every claim not scanned yet (its sentence, with `places.places_in`) and
stores what it finds in `claim_places`; it runs on demand (each function here calls it first),
so a ledger filled by any ingest path gets its places the first time they are asked for.
`places_summary` is what a map needs: every place with its coordinates and how many claims
(and figures) name it, for the same filters as `claimledger claims`.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sqlalchemy import func, insert, or_, select

from claimledger.ledger.records import iter_claims
from claimledger.ledger.schema import claim_places, claims
from claimledger.models import Claim
from claimledger.reconcile.places import Gazetteer, candidates, gazetteer, places_in

if TYPE_CHECKING:
    from claimledger.ledger.store import Store

__all__ = ["PlaceCount", "claims_at", "link_places", "places_summary"]

_BATCH = 2000
_NO_PLACE = dict.fromkeys(("written", "name", "geonameid", "country", "latitude", "longitude"))


@dataclass(frozen=True)
class PlaceCount:
    """A place named in claims: where it is and how many claims and figures name it."""

    name: str
    country: str
    latitude: float
    longitude: float
    claims: int
    figures: int


def _unscanned(store: Store) -> list[tuple[str, str]]:
    scanned = select(claim_places.c.claim_id)
    with store.read() as conn:
        rows = conn.execute(
            select(claims.c.claim_id, claims.c.sentence).where(claims.c.claim_id.not_in(scanned))
        )
        return [(str(r[0]), str(r[1])) for r in rows]


def link_places(store: Store, gaz: Gazetteer | None = None) -> int:
    """Scan the claims not scanned yet; returns how many were scanned."""
    todo = _unscanned(store)
    if not todo:
        return 0
    g = gaz or gazetteer()
    # Names the big-town table lacks are looked for once among small towns, all together.
    missing = {n for _, s in todo for n in candidates(s) if g.find(n) is None}
    if missing:
        g.add_small_towns(missing)
    rows: list[dict[str, Any]] = []
    for claim_id, sentence in todo:
        found = places_in(sentence, g)
        if not found:  # every row with every key: executemany takes the first row's columns
            rows.append({"claim_id": claim_id, "idx": -1, **_NO_PLACE})
        for i, p in enumerate(found):
            rows.append(
                {
                    "claim_id": claim_id,
                    "idx": i,
                    "written": p.written,
                    "name": p.name,
                    "geonameid": p.geonameid,
                    "country": p.country,
                    "latitude": p.latitude,
                    "longitude": p.longitude,
                }
            )
    with store.write() as conn:
        for start in range(0, len(rows), _BATCH):
            conn.execute(insert(claim_places), rows[start : start + _BATCH])
    return len(todo)


def claims_at(store: Store, place: str) -> set[str]:
    """Ids of claims naming `place` (its gazetteer name or as written, any case)."""
    link_places(store)
    wanted = place.strip().lower()
    with store.read() as conn:
        rows = conn.execute(
            select(claim_places.c.claim_id).where(
                or_(
                    func.lower(claim_places.c.name) == wanted,
                    func.lower(claim_places.c.written) == wanted,
                )
            )
        )
        return {str(r[0]) for r in rows}


def at_place(found: Iterable[Claim], ids: set[str]) -> list[Claim]:
    """The claims of `found` among `ids` (from `claims_at`)."""
    return [c for c in found if c.claim_id in ids]


def places_summary(store: Store, **filters: Any) -> list[PlaceCount]:
    """Every place named by the claims matching `filters` (those of `iter_claims`: claimant,
    stance, since, until, counted, event…), with coordinates and counts, most claims first."""
    link_places(store)
    wanted = {c.claim_id: len(c.quantities) for c in iter_claims(store, **filters)}
    with store.read() as conn:
        rows = conn.execute(
            select(
                claim_places.c.claim_id,
                claim_places.c.name,
                claim_places.c.country,
                claim_places.c.latitude,
                claim_places.c.longitude,
            ).where(claim_places.c.idx >= 0)
        ).all()
    per: dict[tuple[str, str, float, float], list[str]] = defaultdict(list)
    for claim_id, name, country, lat, lon in rows:
        if claim_id in wanted:
            per[(str(name), str(country), float(lat), float(lon))].append(str(claim_id))
    out = [
        PlaceCount(name, country, lat, lon, len(ids), sum(wanted[i] for i in ids))
        for (name, country, lat, lon), ids in per.items()
    ]
    out.sort(key=lambda p: (-p.claims, p.name))
    return out
