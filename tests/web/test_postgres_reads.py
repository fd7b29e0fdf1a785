"""The same API over PostgreSQL: every read query runs on the second dialect too."""

from __future__ import annotations

import importlib.util
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from .conftest import fill, serve
from .ledger_data import AM_MOD, build

pytestmark = pytest.mark.postgres

# The server fixtures of tests/postgres (a throwaway PostgreSQL, or $CLAIMLEDGER_TEST_PG_URL),
# loaded by path: a conftest's fixtures are not visible from a sibling folder.
_spec = importlib.util.spec_from_file_location(
    "web_pg_fixtures", Path(__file__).parents[1] / "postgres" / "conftest.py"
)
assert _spec is not None and _spec.loader is not None
_pg = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_pg)
pg_server_url = _pg.pg_server_url
pg_url = _pg.pg_url


@pytest.fixture
def pg_client(pg_url: str) -> Iterator[httpx.Client]:
    batch = build()
    fill(pg_url, batch)  # type: ignore[arg-type]
    live = serve(pg_url, batch)  # type: ignore[arg-type]
    try:
        with httpx.Client(base_url=live.url, timeout=30) as client:
            yield client
    finally:
        live.stop()


def data(client: httpx.Client, path: str, **params: Any) -> Any:
    r = client.get(path, params=params)
    assert r.status_code == 200, r.text
    return r.json()


def test_postgres_api_reads(pg_client: httpx.Client) -> None:
    assert data(pg_client, "/api/claims")["meta"]["total"] == 9
    assert data(pg_client, "/api/claims", copies="true")["meta"]["total"] == 12
    for sort in ("date", "published", "claimant", "stance", "outlet", "position"):
        seen = [
            c["claim_id"]
            for o in (0, 5, 10)
            for c in data(pg_client, "/api/claims", sort=sort, limit=5, offset=o, copies="true")[
                "data"
            ]
        ]
        assert len(set(seen)) == 12, sort
    assert data(pg_client, "/api/claims", stance="deny")["meta"]["total"] == 2
    assert data(pg_client, "/api/claims", q="AIRPORT destroyed")["meta"]["total"] == 1
    assert data(pg_client, "/api/claims", counted="troops")["meta"]["total"] > 0
    assert data(pg_client, "/api/claims", outlet="Caspian Wire")["meta"]["total"] > 0
    overview = data(pg_client, "/api/overview")["data"]
    assert overview["documents"] == 5 and overview["claims"] == 9
    doc_id = data(pg_client, "/api/documents")["data"][0]["doc_id"]
    assert data(pg_client, f"/api/documents/{doc_id}")["data"]["doc_id"] == doc_id
    am = next(r for r in data(pg_client, "/api/claimants")["data"] if r["name"] == AM_MOD)
    assert am["n_denials"] == 1
    assert data(pg_client, "/api/figures")["meta"]["total"] >= 1
    assert data(pg_client, "/api/conflicts")["meta"]["total"] >= 1
    for page in ("/", "/claims?q=airport", "/figures", "/conflicts", f"/documents/{doc_id}"):
        assert pg_client.get(page).status_code == 200, page
