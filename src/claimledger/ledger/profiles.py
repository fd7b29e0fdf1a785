"""One claimant, one claim: everything the ledger knows about them, from the shared views.

A claimant's profile gathers their figures on every track, their denials and calls, the
conflicts they are part of (and with whom), their recorded aliases and side. A claim's detail
adds the paragraph it was said in, the documents carrying it and the conflicts it is part of.
Both read the cached derived views of `dashboard`, indexed once per ledger version.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date

from pydantic import BaseModel, Field
from sqlalchemy import Engine, select

from claimledger.ledger import dashboard
from claimledger.ledger.claim_filter import ClaimFilter
from claimledger.ledger.claim_reads import get_claim, list_claims
from claimledger.ledger.read_models import (
    ClaimantFigures,
    Conflict,
    LedgerClaim,
    Track,
)
from claimledger.ledger.read_state import claimant_aliases, remembered
from claimledger.ledger.schema import documents

RECENT = 20  # latest claims, denials and calls listed on a claimant's page


class TrackFigures(BaseModel):
    """A claimant's figures on one track."""

    track_id: str
    title: str
    unit: str | None = None
    figures: ClaimantFigures = Field(
        description="their latest figure and count; points: one per day and kind, as charted"
    )
    n_claimants: int = Field(description="claimants giving figures on this track")


class Opponent(BaseModel):
    """Another claimant in conflict with this one, and how often."""

    claimant: str
    n_figure: int = Field(description="contradictory figures")
    n_denial: int = Field(description="denials between them, either way")


class ClaimantProfile(BaseModel):
    """Everything about one claimant."""

    name: str
    claimant_type: str
    affiliation: str | None = None
    aliases: list[str]
    n_claims: int
    n_denials: int
    first_date: date | None = None
    last_date: date | None = None
    tracks: list[TrackFigures]
    denials: list[LedgerClaim] = Field(description=f"their latest {RECENT} denials")
    calls: list[LedgerClaim] = Field(description=f"their latest {RECENT} calls")
    n_calls: int
    recent: list[LedgerClaim] = Field(description=f"their latest {RECENT} claims")
    opponents: list[Opponent]
    conflicts: list[Conflict] = Field(description=f"the latest {RECENT} conflicts they are in")
    n_conflicts: int


class CarrierDoc(BaseModel):
    """A document carrying a claim."""

    doc_id: str
    title: str | None = None
    outlet: str | None = None
    published: date | None = None


class ClaimDetail(BaseModel):
    """One claim with its paragraph, carriers and conflicts."""

    claim: LedgerClaim
    paragraph: str = Field(description="the paragraph of the document holding the sentence")
    paragraph_start: int = Field(description="offset of the paragraph in the document text")
    rule: str | None = Field(default=None, description="the extraction rule, when recorded")
    carriers: list[CarrierDoc]
    conflicts: list[Conflict]


def _track_index(engine: Engine) -> dict[str, list[tuple[Track, ClaimantFigures]]]:
    """Each claimant's rows on every track (headline or not), built once per version."""

    def build() -> dict[str, list[tuple[Track, ClaimantFigures]]]:
        out: dict[str, list[tuple[Track, ClaimantFigures]]] = defaultdict(list)
        for t in dashboard.tracks(engine, everything=True):
            for row in t.claimants:
                out[row.claimant].append((t, row))
        return dict(out)

    return dashboard.cached(engine, "track_index", build)


def claimant_profile(engine: Engine, name: str) -> ClaimantProfile | None:
    """The claimant with this canonical name (any case), or None (remembered per version)."""
    return remembered(engine, ("profile", name.strip().casefold()), lambda: _profile(engine, name))


def _profile(engine: Engine, name: str) -> ClaimantProfile | None:
    aliases = claimant_aliases(engine)
    exact = next((n for n in aliases if n.casefold() == name.strip().casefold()), None)
    if exact is None:
        return None
    summary = next((s for s in dashboard.claimant_table(engine) if s.name == exact), None)
    mine = ClaimFilter(claimant=exact)
    denials = list_claims(engine, mine.model_copy(update={"stance": "deny"}), limit=RECENT)
    calls = list_claims(engine, mine.model_copy(update={"stance": "call"}), limit=RECENT)
    recent = list_claims(engine, mine, limit=RECENT)
    listed = [t for t, _ in _track_index(engine).get(exact, [])]
    tracks = [
        TrackFigures(
            track_id=t.track_id,
            title=t.title,
            unit=t.unit,
            figures=next(r for r in t.claimants if r.claimant == exact),
            n_claimants=len(t.claimants),
        )
        # The points a chart draws (one per day and kind), for the timeline.
        for t in dashboard.full_tracks(engine, listed, charted=True)
    ]
    tracks.sort(key=lambda tf: (-tf.figures.n_points, tf.title))
    view = dashboard.conflict_view(engine)
    theirs, n_theirs = view.of_claimant(exact, RECENT)
    against = view.opponents(exact)
    opponents = [Opponent(claimant=k, n_figure=v[0], n_denial=v[1]) for k, v in against.items()]
    opponents.sort(key=lambda o: (-(o.n_figure + o.n_denial), o.claimant))
    return ClaimantProfile(
        name=exact,
        claimant_type=summary.claimant_type if summary else "unknown",
        affiliation=summary.affiliation if summary else None,
        aliases=sorted(set(aliases[exact]) - {exact}),
        n_claims=summary.n_claims if summary else recent.total,
        n_denials=denials.total,
        first_date=summary.first_date if summary else None,
        last_date=summary.last_date if summary else None,
        tracks=tracks,
        denials=denials.items,
        calls=calls.items,
        n_calls=calls.total,
        recent=recent.items,
        opponents=opponents,
        conflicts=dashboard.resolve_conflicts(engine, theirs[:RECENT]),
        n_conflicts=n_theirs,
    )


def _paragraph(text: str, start: int, end: int) -> tuple[str, int]:
    """The blank-line-delimited paragraph holding text[start:end], and where it begins."""
    begin = text.rfind("\n\n", 0, start)
    begin = 0 if begin < 0 else begin + 2
    finish = text.find("\n\n", end)
    finish = len(text) if finish < 0 else finish
    return text[begin:finish], begin


def claim_detail(engine: Engine, claim_id: str) -> ClaimDetail | None:
    """The claim with this id, its paragraph, carriers and conflicts; or None."""
    claim = get_claim(engine, claim_id)
    if claim is None:
        return None
    with engine.connect() as conn:
        text = conn.execute(
            select(documents.c.text).where(documents.c.doc_id == claim.doc_id)
        ).scalar_one()
        carrier_rows = conn.execute(
            select(
                documents.c.doc_id, documents.c.title, documents.c.outlet, documents.c.published
            ).where(documents.c.doc_id.in_(claim.carriers))
        ).mappings()
        by_id = {r["doc_id"]: CarrierDoc(**r) for r in carrier_rows}
    paragraph, at = _paragraph(text, claim.start, claim.end)
    root = claim.copy_of or claim.claim_id
    linked = dashboard.conflict_view(engine).of_claims(sorted({root, claim_id}))
    rule = getattr(claim, "rule", None)
    return ClaimDetail(
        claim=claim,
        paragraph=paragraph,
        paragraph_start=at,
        rule=str(rule) if rule else None,
        carriers=[by_id[d] for d in claim.carriers if d in by_id],
        conflicts=dashboard.resolve_conflicts(engine, linked),
    )
