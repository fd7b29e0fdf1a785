"""The server keeps answering while an ingest writes to the same SQLite file (WAL)."""

from __future__ import annotations

import threading
from datetime import date, timedelta
from pathlib import Path

import httpx

from claimledger.ledger.engine import open_store

from .conftest import fill, serve
from .ledger_data import AZ_MOD, Fig, Spec, build, make


def extra_document(i: int) -> tuple:  # type: ignore[type-arg]
    day = date(2020, 10, 1) + timedelta(days=i % 40)
    sentence = (
        f"Azerbaijan's Defence Ministry said {100 + i} Armenian soldiers had been killed "
        f"by day {i}."
    )
    return make(
        f"Bulletin {i}.\n\n{sentence}",
        outlet="Bulletin Wire",
        title=f"Bulletin {i}",
        published=day,
        path=f"bulletin/{i}.txt",
        specs=[
            Spec(
                sentence,
                AZ_MOD,
                "Azerbaijan's Defence Ministry",
                "said",
                f"{100 + i} Armenian soldiers had been killed by day {i}",
                figures=[Fig(str(100 + i), 100 + i, "soldiers", "killed", "Armenian soldiers")],
            )
        ],
    )


def test_reads_while_a_writer_adds_documents(tmp_path: Path) -> None:
    db = tmp_path / "busy.db"
    batch = build()
    fill(db, batch)
    live = serve(db, batch)
    errors: list[BaseException] = []
    n_docs = 60

    def writer() -> None:
        try:
            with open_store(str(db)) as store:
                for i in range(n_docs):
                    store.write_batch([extra_document(i)])
        except BaseException as exc:  # surfaced by the assertion below
            errors.append(exc)

    thread = threading.Thread(target=writer)
    try:
        totals = []
        with httpx.Client(base_url=live.url, timeout=10) as client:
            thread.start()
            while thread.is_alive() or len(totals) < 20:
                for path in ("/api/claims?limit=5", "/api/overview", "/api/figures", "/claims"):
                    r = client.get(path)
                    assert r.status_code == 200, (path, r.text[:300])
                totals.append(client.get("/api/claims").json()["meta"]["total"])
            thread.join()
            final = client.get("/api/overview").json()["data"]
        assert not errors, errors
        assert totals == sorted(totals)  # every read saw a consistent, growing ledger
        assert final["claims"] == 9 + n_docs and final["documents"] == 5 + n_docs
        figures = httpx.get(f"{live.url}/api/figures").json()["data"]
        az = next(
            row
            for t in figures
            for row in t["claimants"]
            if row["claimant"] == AZ_MOD and t["counted"] == "soldiers"
        )
        assert az["n_points"] > 2  # the cached figures were rebuilt after the writes
    finally:
        live.stop()
