"""Claimants as the ledger stores them: one row per canonical name, merged as claims arrive."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, bindparam, insert, select, update

from claimledger.ledger.schema import claimants
from claimledger.models import Claim

# Bound parameters per IN (...) list: well under SQLite's and PostgreSQL's limits.
CHUNK = 500


@dataclass
class _Claimant:
    claimant_type: str
    affiliation: str | None
    aliases: set[str]


def _merge_into(acc: _Claimant, claimant_type: str, affiliation: str | None) -> None:
    # A known type or affiliation wins over "unknown"/None; the first one seen is kept.
    if acc.claimant_type == "unknown" and claimant_type != "unknown":
        acc.claimant_type = claimant_type
    if acc.affiliation is None and affiliation:
        acc.affiliation = affiliation


def upsert_claimants(conn: Connection, stored: Sequence[Claim]) -> None:
    """Insert new claimants and merge type, affiliation and aliases into known ones."""
    seen: dict[str, _Claimant] = {}
    for claim in stored:
        acc = seen.setdefault(claim.claimant, _Claimant(claim.claimant_type, None, set()))
        _merge_into(acc, claim.claimant_type, claim.affiliation)
        if claim.claimant_mention:
            acc.aliases.add(claim.claimant_mention)
    if not seen:
        return
    names = list(seen)
    known: dict[str, Any] = {}
    for part in (names[i : i + CHUNK] for i in range(0, len(names), CHUNK)):
        for row in conn.execute(select(claimants).where(claimants.c.name.in_(part))):
            known[row.name] = row
    updates: list[dict[str, Any]] = []
    inserts: list[dict[str, Any]] = []
    for name, acc in seen.items():
        old = known.get(name)
        if old is None:
            inserts.append(
                {
                    "name": name,
                    "claimant_type": acc.claimant_type,
                    "affiliation": acc.affiliation,
                    "aliases": json.dumps(sorted(acc.aliases), ensure_ascii=False),
                }
            )
            continue
        old_aliases = set(json.loads(old.aliases or "[]"))
        merged = _Claimant(old.claimant_type, old.affiliation, old_aliases | acc.aliases)
        _merge_into(merged, acc.claimant_type, acc.affiliation)
        if (merged.claimant_type, merged.affiliation, merged.aliases) != (
            old.claimant_type,
            old.affiliation,
            old_aliases,
        ):
            updates.append(
                {
                    "b_name": name,
                    "b_type": merged.claimant_type,
                    "b_aff": merged.affiliation,
                    "b_aliases": json.dumps(sorted(merged.aliases), ensure_ascii=False),
                }
            )
    if inserts:
        conn.execute(insert(claimants), inserts)
    if updates:
        conn.execute(
            update(claimants)
            .where(claimants.c.name == bindparam("b_name"))
            .values(
                claimant_type=bindparam("b_type"),
                affiliation=bindparam("b_aff"),
                aliases=bindparam("b_aliases"),
            ),
            updates,
        )
