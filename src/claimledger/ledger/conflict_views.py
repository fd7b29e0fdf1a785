"""The conflicts view behind one interface, in memory or as stored rows.

A synthetic 100,000-claim ledger holds some 350,000 conflicts: reading them all back at start
took 26 s, so `refresh` (at the end of an ingest) stores them as rows in rank order
(`derived_conflicts`) with an index by claim and by claimant (`derived_conflict_members`), and
a page is one indexed read. A ledger whose rows are missing or stale gets the same interface
over the list built in memory (`MemoryConflicts`), as before.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Sequence
from typing import Any, Protocol

from sqlalchemy import Engine, Select, delete, func, insert, select
from sqlalchemy.engine import Connection

from claimledger.ledger.read_models import ConflictRef
from claimledger.ledger.schema import derived_conflict_members, derived_conflicts

Kind = str | None  # "figure", "denial", or None for every kind
_CHUNK = 5_000


class ConflictView(Protocol):
    """What the pages ask of the conflicts: counts, a page, those of a claim or a claimant."""

    def count(self, kind: Kind = None) -> int: ...

    def page(self, kind: Kind, offset: int, limit: int) -> list[ConflictRef]: ...

    def of_claims(self, claim_ids: Sequence[str]) -> list[ConflictRef]: ...

    def of_claimant(self, name: str, limit: int) -> tuple[list[ConflictRef], int]: ...

    def opponents(self, name: str) -> dict[str, tuple[int, int]]: ...


def _members(ref: ConflictRef) -> set[str]:
    return {f"claim:{i}" for i in ref.claim_ids} | {f"claimant:{n}" for n in ref.claimants}


class MemoryConflicts:
    """The view over a list built in memory (newest first), indexed once."""

    def __init__(self, refs: list[ConflictRef]) -> None:
        self.refs = refs
        self.by_kind: dict[Kind, list[ConflictRef]] = {None: refs, "figure": [], "denial": []}
        self.by_member: dict[str, list[ConflictRef]] = defaultdict(list)
        for ref in refs:
            self.by_kind[ref.kind].append(ref)
            for m in _members(ref):
                self.by_member[m].append(ref)

    def count(self, kind: Kind = None) -> int:
        return len(self.by_kind.get(kind, []))

    def page(self, kind: Kind, offset: int, limit: int) -> list[ConflictRef]:
        return self.by_kind.get(kind, [])[offset : offset + limit]

    def of_claims(self, claim_ids: Sequence[str]) -> list[ConflictRef]:
        found: dict[str, ConflictRef] = {}
        for cid in claim_ids:
            for ref in self.by_member.get(f"claim:{cid}", []):
                found.setdefault(ref.conflict_id, ref)
        return list(found.values())

    def of_claimant(self, name: str, limit: int) -> tuple[list[ConflictRef], int]:
        theirs = self.by_member.get(f"claimant:{name}", [])
        return theirs[:limit], len(theirs)

    def opponents(self, name: str) -> dict[str, tuple[int, int]]:
        against: dict[str, list[int]] = defaultdict(lambda: [0, 0])
        for ref in self.by_member.get(f"claimant:{name}", []):
            for other in set(ref.claimants) - {name}:
                against[other][0 if ref.kind == "figure" else 1] += 1
        return {k: (v[0], v[1]) for k, v in against.items()}


class StoredConflicts:
    """The view over the rows `store_conflicts` wrote; counts come with it."""

    def __init__(
        self,
        engine: Engine,
        counts: dict[str, int],
        opponent_table: dict[str, dict[str, list[int]]] | None = None,
    ) -> None:
        self.engine = engine
        self.counts = counts
        self.opponent_table = opponent_table or {}

    def count(self, kind: Kind = None) -> int:
        return int(self.counts.get(kind or "all", 0))

    def _read(self, stmt: Select[Any]) -> list[ConflictRef]:
        with self.engine.connect() as conn:
            bodies = conn.execute(stmt).scalars().all()
        return [ConflictRef.model_validate_json(b) for b in bodies]

    def page(self, kind: Kind, offset: int, limit: int) -> list[ConflictRef]:
        stmt = select(derived_conflicts.c.body)
        if kind:
            stmt = stmt.where(derived_conflicts.c.kind == kind)
        return self._read(stmt.order_by(derived_conflicts.c.seq).limit(limit).offset(offset))

    def _of(self, members: list[str]) -> list[ConflictRef]:
        seqs = (
            select(derived_conflict_members.c.seq)
            .where(derived_conflict_members.c.member.in_(members))
            .distinct()
        )
        stmt = (
            select(derived_conflicts.c.body)
            .where(derived_conflicts.c.seq.in_(seqs))
            .order_by(derived_conflicts.c.seq)
        )
        return self._read(stmt)

    def of_claims(self, claim_ids: Sequence[str]) -> list[ConflictRef]:
        return self._of([f"claim:{i}" for i in claim_ids]) if claim_ids else []

    def of_claimant(self, name: str, limit: int) -> tuple[list[ConflictRef], int]:
        mine = derived_conflict_members.c.member == f"claimant:{name}"
        seqs = (
            select(derived_conflict_members.c.seq)
            .where(mine)
            .order_by(derived_conflict_members.c.seq)
            .limit(limit)
        )
        with self.engine.connect() as conn:
            total = conn.execute(
                select(func.count()).select_from(derived_conflict_members).where(mine)
            ).scalar_one()
            bodies = conn.execute(
                select(derived_conflicts.c.body)
                .where(derived_conflicts.c.seq.in_(seqs))
                .order_by(derived_conflicts.c.seq)
            ).scalars()
            found = [ConflictRef.model_validate_json(b) for b in bodies]
        return found, int(total)

    def opponents(self, name: str) -> dict[str, tuple[int, int]]:
        """Other claimants in this one's conflicts: (contradictory figures, denials) each.

        Counted at refresh (`opponent_counts`) and stored with the counts: a self-join over
        the members of a claimant in 60,000 conflicts took seconds.
        """
        mine = self.opponent_table.get(name, {})
        return {k: (v[0], v[1]) for k, v in mine.items()}


def iter_all(view: ConflictView, kind: Kind, limit: int) -> Iterator[list[ConflictRef]]:
    """Every conflict of a kind, in rank order, a few hundred at a time."""
    total = min(view.count(kind), limit)
    for at in range(0, total, 500):
        yield view.page(kind, at, min(500, total - at))


def store_conflicts(conn: Connection, refs: list[ConflictRef]) -> dict[str, int]:
    """Replace the stored rows with `refs` (rank order); returns the counts per kind."""
    conn.execute(delete(derived_conflict_members))
    conn.execute(delete(derived_conflicts))
    rows, members = [], []
    for seq, ref in enumerate(refs):
        rows.append({"seq": seq, "kind": ref.kind, "body": ref.model_dump_json()})
        members += [{"member": m, "seq": seq} for m in sorted(_members(ref))]
    for at in range(0, len(rows), _CHUNK):
        conn.execute(insert(derived_conflicts), rows[at : at + _CHUNK])
    for at in range(0, len(members), _CHUNK):
        conn.execute(insert(derived_conflict_members), members[at : at + _CHUNK])
    counts = {"all": len(refs), "figure": 0, "denial": 0}
    for ref in refs:
        counts[ref.kind] += 1
    return counts


def opponent_counts(refs: list[ConflictRef]) -> dict[str, dict[str, list[int]]]:
    """claimant -> other claimant -> [contradictory figures, denials] between them."""
    table: dict[str, dict[str, list[int]]] = defaultdict(dict)
    for ref in refs:
        names = set(ref.claimants)
        for name in names:
            for other in names - {name}:
                pair = table[name].setdefault(other, [0, 0])
                pair[0 if ref.kind == "figure" else 1] += 1
    return dict(table)


def stored_counts(conn: Connection) -> dict[str, int]:
    """Counts of the stored rows per kind (a check that they are all there)."""
    n: dict[str, int] = dict(
        conn.execute(
            select(derived_conflicts.c.kind, func.count()).group_by(derived_conflicts.c.kind)
        ).all()
    )
    return {"all": sum(n.values()), "figure": n.get("figure", 0), "denial": n.get("denial", 0)}
