"""Unplaced officials placed by their article: "the Human Rights Ombudsman" in an article whose
other claims come from "the Nagorno-Karabakh Human Rights Ombudsman" is that ombudsman, and
"the Emergency Situations Ministry" in an article quoting only Azerbaijan's officials is
Azerbaijan's ministry.

The extraction folds a bare title to a name without a state ("Human Rights Ombudsman"), so
one office's running count is split across two claimant names and lands on no side. The tables
people keep are per party and institution ("Per Azerbaijan: ..."): within one article, the
title is read as the placed office it abbreviates, else as an office of the one party whose
officials the article quotes. Nothing is guessed when the article quotes officials of several
parties, or none.
"""

from __future__ import annotations

from collections import defaultdict

from claimledger.models import Claim
from claimledger.names.aliases import key_of
from claimledger.reconcile.sides import UNKNOWN, PartyTable, party_of

__all__ = ["place_officials"]

_OFFICIAL = "government"


def _party(c: Claim, table: PartyTable) -> str:
    return party_of(c.claimant, c.claimant_mention, table=table, claimant_type=c.claimant_type)


def place_officials(claims: list[Claim], table: PartyTable) -> list[Claim]:
    """The claims with each unplaced government claimant named as its article places it."""
    by_doc: dict[str, list[Claim]] = defaultdict(list)
    for c in claims:
        if c.claimant_type == _OFFICIAL:
            by_doc[c.doc_id].append(c)
    renamed: dict[tuple[str, str], tuple[str, str]] = {}
    for doc_id, officials in by_doc.items():
        parties = {c.claimant: _party(c, table) for c in officials}
        placed = {name: p for name, p in parties.items() if p != UNKNOWN and p != "media"}
        unplaced = [name for name, p in parties.items() if p == UNKNOWN]
        if not placed or not unplaced:
            continue
        for name in unplaced:
            tail = key_of(name)
            longer = [
                n for n in placed if len(key_of(n)) > len(tail) and key_of(n)[-len(tail) :] == tail
            ]
            if len(longer) == 1:
                renamed[(doc_id, name)] = (longer[0], placed[longer[0]])
            elif not longer and len(set(placed.values())) == 1:
                party = next(iter(placed.values()))
                renamed[(doc_id, name)] = (f"{party} {name}", party)
    if not renamed:
        return claims
    out: list[Claim] = []
    for c in claims:
        new = renamed.get((c.doc_id, c.claimant))
        if new is None:
            out.append(c)
        else:
            out.append(c.model_copy(update={"claimant": new[0], "affiliation": new[1]}))
    return out
