"""Derived views stored at ingest: a restarted dashboard reads them instead of rebuilding."""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest
from sqlalchemy import select, update

from claimledger.ledger import dashboard, stored_views
from claimledger.ledger.engine import open_store
from claimledger.ledger.schema import derived_views

from .conftest import fill, serve
from .ledger_data import AM_MOD, AZ_MOD, build


def _refuse(*_args: object) -> None:
    raise AssertionError("rebuilt although a current stored view exists")


def test_a_fresh_reader_loads_the_stored_views(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "ledger.db"
    fill(db, build())
    with open_store(str(db)) as store:
        took = stored_views.refresh(store)
        built = dashboard.build_tracks(dashboard.figure_claims(store.engine))
    assert set(took) == {"tracks", "claimants", "conflicts"}
    monkeypatch.setattr(dashboard, "build_tracks", _refuse)
    monkeypatch.setattr(dashboard, "build_conflicts", _refuse)
    with open_store(str(db)) as fresh:
        listed = dashboard.tracks(fresh.engine, everything=True)
        assert listed == [dashboard.without_series(t) for t in built]  # points in their rows
        assert dashboard.full_tracks(fresh.engine, listed) == built
        view = dashboard.conflict_view(fresh.engine)
        assert type(view).__name__ == "StoredConflicts"
        assert view.count() > 0 and view.page(None, 0, 5)
        assert dashboard.claimant_table(fresh.engine)


def test_a_stale_stored_view_is_rebuilt(tmp_path: Path) -> None:
    db = tmp_path / "ledger.db"
    batch = build()
    fill(db, batch[:3])
    with open_store(str(db)) as store:
        stored_views.refresh(store)
        old = stored_views.load(store.engine, "tracks")
        assert old is not None
        store.write_batch(batch[3:])  # an ingest that did not refresh
        assert stored_views.load(store.engine, "tracks") is None
        titles = {t.title for t in dashboard.tracks(store.engine, everything=True)}
    assert any(t.endswith("people killed") for t in titles)  # Putin's figure, the later document


def test_a_stored_view_that_does_not_read_back_is_rebuilt(tmp_path: Path) -> None:
    db = tmp_path / "ledger.db"
    fill(db, build())
    with open_store(str(db)) as store:
        stored_views.refresh(store)
        with store.write() as conn:
            conn.execute(update(derived_views).values(body='[{"not": "a track"}]'))
        assert stored_views.load(store.engine, "tracks") is None
        assert dashboard.tracks(store.engine)  # built instead
        with store.read() as conn:
            assert conn.execute(select(derived_views.c.name)).scalars().all()


def test_stored_and_built_views_answer_alike(tmp_path: Path, client: httpx.Client) -> None:
    """The session server builds its views in memory; this one reads them as stored at ingest."""
    db = tmp_path / "ledger.db"
    batch = build()
    fill(db, batch)
    with open_store(str(db)) as store:
        stored_views.refresh(store)
    server = serve(db, batch)
    track_id = client.get("/api/figures").json()["data"][0]["track_id"]
    paths = [
        "/api/figures?series=true&all=true",
        f"/api/tracks/{track_id}",
        "/api/conflicts?limit=500",
        "/api/conflicts?kind=denial",
        f"/api/claimants/{AM_MOD}",
        f"/api/claimants/{AZ_MOD}",
        f"/api/claims/{batch[0][1][0].claim_id}/detail",
        "/api/claimants",
        "/api/download/conflicts.csv",
    ]
    try:
        with httpx.Client(base_url=server.url, timeout=10) as stored:
            for path in paths:
                a, b = client.get(path), stored.get(path)
                assert a.status_code == b.status_code == 200, path
                assert a.content == b.content, path
            html = stored.get(f"/claimants/{AM_MOD}").text
            assert "Armenian soldiers killed" in html
    finally:
        server.stop()
