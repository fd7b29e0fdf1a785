"""The one claim filter: what the CLI, the Python API and the web narrow claims by, and how.

    >>> ClaimFilter(claimant="  macron ", counted="soldier", q="")
    ClaimFilter(claimant='macron', counted='soldier')

Semantics (the same on every read path: `claimledger claims`, `Ledger.claims`, `/api/claims`,
`/claims` and the CSV/JSON downloads):

- every field is optional; a blank or whitespace-only value is no filter at all;
- `claimant`: case-insensitive, the first of these that finds anyone: the canonical name equal
  to it (that claimant only); the canonical names containing it ("Macron" -> "Emmanuel
  Macron"); the claimants with a recorded alias containing it (the mentions seen at ingest:
  "SOHR" -> "Syrian Observatory for Human Rights"). Aliases come last because a joint mention
  ("Presidents Putin, Trump and Macron") may be recorded for one of its names;
- `counted`, `event`: word-form aware, on one and the same figure: the synonyms of
  `reconcile.tracks.fold_word` (troops = soldiers, deaths = killed) and simple inflections
  (soldier = soldiers, kill = killed);
- `outlet`: the document's outlet, case-insensitive, whole name;
- `stance`, `mode`, `doc_id`: exact; `since`/`until`: inclusive bounds on the date stated;
- `q`: every word (up to 8) appears in the sentence or the claimant name, case-insensitive;
- `copies`: also list each syndicated copy (by default a claim comes once, its copies in
  `carriers`).

Extension point: a new filter (say `party`, `place` or `event_type` from reconcile) is one
optional field here, one branch in `claim_conditions`, one field in `web/deps.ClaimQuery`
and one CLI option; `tests/web/test_read_paths.py` runs every example of `FILTER_EXAMPLES`
through the three paths, so add one there too.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator
from sqlalchemy import ColumnElement, func, or_, select

from claimledger.ledger.schema import claims, documents, quantities
from claimledger.reconcile.tracks import fold_word

Stance = Literal["assert", "deny", "call", "estimate"]
Mode = Literal["direct", "indirect", "according_to", "unattributed"]
MAX_TEXT = 300  # longest filter value accepted; longer is a validation error (422 on the web)
MAX_WORDS = 8  # words of `q` searched; the rest are ignored
# Control characters never belong in a filter; PostgreSQL refuses NUL in text outright.
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


class ClaimFilter(BaseModel):
    """What a claim listing may be narrowed by (semantics in the module docstring)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    claimant: str | None = Field(default=None, description="name or alias, partial, any case")
    stance: Stance | None = None
    mode: Mode | None = None
    counted: str | None = Field(default=None, description="what a figure counts; forms fold")
    event: str | None = Field(default=None, description="what happened to it; forms fold")
    outlet: str | None = Field(default=None, description="the document's outlet, any case")
    doc_id: str | None = None
    since: date | None = None
    until: date | None = None
    q: str | None = Field(default=None, description="words searched in sentence and claimant")
    copies: bool = Field(
        default=False,
        description="also list each syndicated copy of a claim (by default once, with carriers)",
    )

    @field_validator("claimant", "counted", "event", "outlet", "doc_id", "q", mode="before")
    @classmethod
    def _tidy_text(cls, value: Any) -> Any:
        """Blank is no filter; control characters become spaces; over-long is an error."""
        if not isinstance(value, str):
            return value
        value = " ".join(_CONTROL.sub(" ", value).split())
        if len(value) > MAX_TEXT:
            raise ValueError(f"at most {MAX_TEXT} characters")
        return value or None

    @field_validator("stance", "mode", "since", "until", mode="before")
    @classmethod
    def _blank_is_none(cls, value: Any) -> Any:
        if isinstance(value, str):
            value = value.strip().lower() or None
        return value

    def __repr__(self) -> str:
        shown = ", ".join(f"{k}={v!r}" for k, v in self.active().items())
        return f"ClaimFilter({shown})"

    def active(self) -> dict[str, Any]:
        """The fields that narrow anything (for echoing in API meta and download names)."""
        return {k: v for k, v in self.model_dump().items() if v not in (None, False)}

    @property
    def needs_vocabulary(self) -> bool:
        return bool(self.claimant or self.counted or self.event)


# Realistic values of every filter, for tests that run one filter through every read path.
FILTER_EXAMPLES: tuple[dict[str, Any], ...] = (
    {"claimant": "Putin"},  # part of "Vladimir Putin"
    {"claimant": "armenia defence ministry"},  # a canonical name, another case: that one only
    {"claimant": "armenian ministry"},  # a recorded mention ("The Armenian ministry")
    {"counted": "soldier"},  # stored as "soldiers"
    {"counted": "troops", "event": "kill"},  # a synonym and an inflection, on one figure
    {"event": "injured", "stance": "assert"},
    {"stance": "deny"},
    {"mode": "indirect"},
    {"outlet": "caspian wire"},
    {"since": "2020-10-06", "until": "2020-10-31"},
    {"q": "soldiers KILLED"},
    {"copies": True},
)


# -- word forms ------------------------------------------------------------------------------

_SUFFIXES = (("ies", "y"), ("ied", "y"), ("ings", ""), ("ing", ""), ("es", ""), ("ed", ""))


def word_stem(word: str) -> str:
    """A crude stem for matching forms: soldiers/soldier, killed/kill, injured/injure."""
    w = fold_word(word.strip().lower())
    for suffix, repl in _SUFFIXES:
        if w.endswith(suffix) and len(w) - len(suffix) >= 3:
            w = w[: -len(suffix)] + repl
            break
    else:
        if w.endswith("s") and not w.endswith("ss") and len(w) > 3:
            w = w[:-1]
    return w[:-1] if w.endswith("e") and len(w) > 3 else w


def same_word(stored: str, wanted: str) -> bool:
    """Is `stored` a form of `wanted` (synonym fold or inflection)?"""
    return fold_word(stored) == fold_word(wanted) or word_stem(stored) == word_stem(wanted)


def word_forms(wanted: str, words: Iterable[str]) -> list[str]:
    """The stored words that are forms of `wanted`, plus `wanted` itself."""
    return sorted({w for w in words if same_word(w, wanted)} | {wanted})


# -- claimant names --------------------------------------------------------------------------


def matching_claimants(wanted: str, aliases: Mapping[str, Sequence[str]]) -> list[str]:
    """Canonical names the claimant filter selects (see the module docstring).

    `aliases` maps every canonical claimant name to the mentions recorded for it.
    """
    needle = wanted.casefold()
    exact = [name for name in aliases if name.casefold() == needle]
    if exact:
        return exact
    named = sorted(name for name in aliases if needle in name.casefold())
    if named:
        return named
    return sorted(
        name for name, seen in aliases.items() if any(needle in a.casefold() for a in seen)
    )


@dataclass(frozen=True)
class Vocabulary:
    """What the ledger holds that filters resolve against: figure words and claimant aliases."""

    figure_words: Sequence[str] = ()
    aliases: Mapping[str, Sequence[str]] = field(default_factory=dict)


# -- SQL ---------------------------------------------------------------------------------------


def claim_conditions(
    flt: ClaimFilter, dialect: str, vocab: Vocabulary, *, probe: bool = False
) -> tuple[list[ColumnElement[bool]], bool]:
    """WHERE conditions on `claims` for a filter, and whether `documents` must be joined.

    Every value is a bound parameter. With `probe`, the figure filter is written so that no
    index on claim_id can serve it: the query then walks its ORDER BY index and tests each row
    (see `claim_reads._walk_in_order`).
    """
    conds: list[ColumnElement[bool]] = []
    needs_docs = False
    if not flt.copies:
        # Nearly every claim is an original; on SQLite, without statistics, a bare
        # `copy_of IS NULL` would make ix_claims_copy_of drive the query (and sort 100,000 rows).
        # Written as an expression, it is only checked on rows another condition found.
        own = claims.c.copy_of.concat("") if dialect == "sqlite" else claims.c.copy_of
        conds.append(own.is_(None))
    if flt.claimant:
        conds.append(claims.c.claimant.in_(matching_claimants(flt.claimant, vocab.aliases)))
    if flt.stance:
        conds.append(claims.c.stance == flt.stance)
    if flt.mode:
        conds.append(claims.c.mode == flt.mode)
    if flt.doc_id:
        conds.append(claims.c.doc_id == flt.doc_id)
    if flt.since:
        conds.append(claims.c.stated_on >= flt.since)
    if flt.until:
        conds.append(claims.c.stated_on <= flt.until)
    if flt.counted or flt.event:
        # Both on the same figure: "soldiers killed", not soldiers in one and killed in another.
        # An uncorrelated IN is computed once; a correlated EXISTS lets SQLite probe the
        # (counted, event) index once per claim, which is quadratic on a large ledger.
        q_conds = []
        if flt.counted:
            q_conds.append(quantities.c.counted.in_(word_forms(flt.counted, vocab.figure_words)))
        if flt.event:
            q_conds.append(quantities.c.event.in_(word_forms(flt.event, vocab.figure_words)))
        ids = select(quantities.c.claim_id).where(*q_conds)
        # `claim_id || ''` is the same value, but no index lookup can answer it.
        subject = claims.c.claim_id.concat("") if probe else claims.c.claim_id
        conds.append(subject.in_(ids))
    if flt.outlet:
        conds.append(func.lower(documents.c.outlet) == flt.outlet.lower())
        needs_docs = True
    if flt.q:
        for word in flt.q.split()[:MAX_WORDS]:
            if dialect == "sqlite":  # SQLite's LIKE is already case-insensitive (ASCII)
                conds.append(
                    or_(
                        claims.c.sentence.contains(word, autoescape=True),
                        claims.c.claimant.contains(word, autoescape=True),
                    )
                )
            else:
                conds.append(
                    or_(
                        claims.c.sentence.icontains(word, autoescape=True),
                        claims.c.claimant.icontains(word, autoescape=True),
                    )
                )
    return conds, needs_docs
