"""The Python API: one `Ledger` object over one store, the same calls the CLI makes.

>>> from claimledger import Ledger
>>> ledger = Ledger("claims.db")                     # doctest: +SKIP
>>> report = ledger.ingest(["articles/"])           # doctest: +SKIP
>>> [c.claimant for c in ledger.claims(claimant="Macron")]  # doctest: +SKIP
['Emmanuel Macron', 'Emmanuel Macron']
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from pathlib import Path
from typing import Any

from claimledger.closing import ClosedOnExit
from claimledger.extract.settings import ExtractorSettings
from claimledger.ledger import dashboard, records, view_builds
from claimledger.ledger.engine import open_store
from claimledger.models import Claim
from claimledger.reconcile.conflicts import Conflict
from claimledger.reconcile.tracks import FigureRow, Track, build_tracks, figures_table
from claimledger.runner import ErrorHook, IngestReport, ProgressHook, ingest_paths


class Ledger(ClosedOnExit):
    """A claims ledger in a SQLite file (default) or a database URL."""

    def __init__(self, db: str | Path | None = None) -> None:
        self.store = open_store(str(db) if db is not None else None)

    def ingest(
        self,
        paths: Iterable[str | Path],
        *,
        default_date: date | None = None,
        workers: int = 1,
        on_error: ErrorHook | None = None,
        on_document: ProgressHook | None = None,
        settings: ExtractorSettings | None = None,
    ) -> IngestReport:
        """Read files, folders, globs or URLs; store every document and its claims.

        Re-ingesting the same input adds nothing. Copies across documents are linked afterwards.
        `settings` choose the extractor (rules off, lexicon, aliases); by default the shipped
        one with the user's alias file (`ExtractorSettings.from_environment()`).
        """
        # A run killed between its last batch and the copy linking leaves copies unlinked,
        # and a re-run adds nothing: link again when the previous run may have been cut short.
        stale = self.store.links_may_be_stale()
        report = ingest_paths(
            self.store,
            [str(p) for p in paths],
            default_date=default_date,
            workers=workers,
            on_error=on_error,
            on_document=on_document,
            settings=settings if settings is not None else ExtractorSettings.from_environment(),
        )
        if report.documents_added or report.documents_updated or stale:
            self.reconcile()
            self.refresh_views()
        return report

    def refresh_views(self) -> dict[str, float]:
        """Rebuild the dashboard's stored views (figure tracks, conflicts); seconds per view.

        `ingest` does this after every run that added documents, so `serve` starts at once.
        """
        from claimledger.ledger.stored_views import refresh

        return refresh(self.store)

    def reconcile(self) -> int:
        """Detect syndicated/near-duplicate documents and link the claims they repeat."""
        from claimledger.ledger.reconcile import link_copies

        return link_copies(self.store)

    def claims(self, *, include_copies: bool = False, **filters: Any) -> list[Claim]:
        """Claims matching filters, in publication order.

        Filters are the fields of `claimledger.ledger.claim_filter.ClaimFilter` (claimant,
        stance, mode, counted, event, outlet, doc_id, since, until, q) with the semantics
        documented there, the same as `claimledger claims` and /api/claims; plus `limit` and
        `offset`. A blank value is no filter; an invalid one raises pydantic's ValidationError.
        A claim repeated by syndicated copies comes back once, its copies listed in `carriers`.
        """
        return list(records.iter_claims(self.store, include_copies=include_copies, **filters))

    def tracks(self) -> list[Track]:
        """Every figure track: the same counted group and event, per claimant, over time.

        Built from the same claims as the web's /figures (originals with a counted figure).
        """
        return build_tracks(dashboard.figure_claims(self.store.engine))

    def figures(self, about: str | None = None, *, everything: bool = False) -> list[FigureRow]:
        """The "Per X" table: each claimant's latest figure on each track (optionally about X).

        `about` follows `view_builds.mentions`, as /figures?about= does. Tracks of bare things
        ("12 systems") are left out unless `everything` is true.
        """
        found = dashboard.figure_claims(self.store.engine)
        affiliation = {c.claimant: c.affiliation for c in found}
        tracks = [
            t
            for t in build_tracks(found)
            if view_builds.mentions(
                about,
                t.label,
                t.key.group,
                {n: affiliation.get(n) for n in t.points},
                (p.sentence for points in t.points.values() for p in points),
            )
        ]
        return figures_table(tracks, None, everything=everything)

    def track(self, track_id: str) -> Track | None:
        """One track by id (or unique id prefix), or None."""
        found = [t for t in self.tracks() if t.track_id.startswith(track_id)]
        return found[0] if len(found) == 1 else None

    def conflicts(self) -> list[Conflict]:
        """Contradicting figures within tracks, and denials linked to the claims they answer."""
        return view_builds.find_conflicts(dashboard.original_claims(self.store.engine))

    def close(self) -> None:
        self.store.close()
