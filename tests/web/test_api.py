"""The JSON API over a real server: one success shape, one error shape, filters, safety."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from .conftest import Live
from .ledger_data import AM_MOD, AZ_MOD, SCRIPT


def ok(client: httpx.Client, path: str, **params: Any) -> dict[str, Any]:
    r = client.get(path, params=params)
    assert r.status_code == 200, r.text
    body = r.json()
    assert set(body) == {"ok", "data", "meta"} and body["ok"] is True
    return body


def first_ids(live: Live) -> dict[str, str]:
    doc, claims = live.batch[0]
    return {"doc": doc.doc_id, "claim": claims[0].claim_id, "script_doc": live.batch[3][0].doc_id}


SUCCESS = [
    "/api/overview",
    "/api/claims",
    "/api/documents",
    "/api/figures",
    "/api/conflicts",
    "/api/claimants",
    "/api/facets",
]


@pytest.mark.parametrize("path", SUCCESS)
def test_api_success_envelope(client: httpx.Client, path: str) -> None:
    body = ok(client, path)
    assert isinstance(body["meta"], dict)


def test_api_item_endpoints_share_the_envelope(client: httpx.Client, live: Live) -> None:
    ids = first_ids(live)
    claim = ok(client, f"/api/claims/{ids['claim']}")["data"]
    assert claim["claim_id"] == ids["claim"] and claim["claimant"] == AZ_MOD
    doc = ok(client, f"/api/documents/{ids['doc']}")["data"]
    assert doc["doc_id"] == ids["doc"] and len(doc["claims"]) == 3
    track_id = ok(client, "/api/figures")["data"][0]["track_id"]
    track = ok(client, f"/api/tracks/{track_id}")["data"]
    assert track["track_id"] == track_id and track["claimants"]


ERRORS = [
    ("/api/claims/no-such-claim", 404),
    ("/api/documents/no-such-doc", 404),
    ("/api/tracks/no-such-track", 404),
    ("/api/nowhere", 404),
    ("/api/claims?limit=0", 422),
    ("/api/claims?limit=100000", 422),
    ("/api/claims?offset=-1", 422),
    ("/api/claims?stance=maybe", 422),
    ("/api/claims?since=yesterday", 422),
    ("/api/claims?sort=sentence;drop table claims", 422),
    ("/api/claims?order=sideways", 422),
    ("/api/conflicts?kind=feud", 422),
    ("/api/figures?all=perhaps", 422),
    ("/api/figures?about=" + "x" * 201, 422),
    ("/api/documents?limit=abc", 422),
    ("/api/claimants?offset=x", 422),
]


@pytest.mark.parametrize(("path", "status"), ERRORS)
def test_api_error_shape(client: httpx.Client, path: str, status: int) -> None:
    r = client.get(path)
    assert r.status_code == status
    body = r.json()
    assert set(body) == {"ok", "error"} and body["ok"] is False
    assert set(body["error"]) == {"status", "message", "details"}
    assert body["error"]["status"] == status and body["error"]["message"]
    if status == 422:
        assert body["error"]["details"][0]["loc"][0] == "query"


def test_api_claims_filters(client: httpx.Client) -> None:
    total = ok(client, "/api/claims")["meta"]["total"]
    assert total == 9  # the syndicated copy's three claims are listed once, as carriers
    assert ok(client, "/api/claims", copies="true")["meta"]["total"] == 12
    denials = ok(client, "/api/claims", stance="deny")
    assert denials["meta"]["total"] == 2
    assert {c["stance"] for c in denials["data"]} == {"deny"}
    assert denials["meta"]["filters"]["stance"] == "deny"
    az = ok(client, "/api/claims", claimant=AZ_MOD)["data"]
    assert az and {c["claimant"] for c in az} == {AZ_MOD}
    injured = ok(client, "/api/claims", counted="civilians", event="injured")["data"]
    assert [c["quantities"][0]["text"] for c in injured] == ["12"]
    october = ok(client, "/api/claims", since="2020-10-06", until="2020-10-31")
    assert october["meta"]["total"] == 4
    herald = ok(client, "/api/claims", outlet="<b>Test</b> Herald")["data"]
    assert len(herald) == 1 and herald[0]["hedged"] is True
    words = ok(client, "/api/claims", q="airport destroyed")["data"]
    assert len(words) == 1 and words[0]["stance"] == "deny"
    # LIKE wildcards in the search are literal characters, not patterns.
    assert ok(client, "/api/claims", q="%")["meta"]["total"] == 0
    assert ok(client, "/api/claims", q="_")["meta"]["total"] == 0


def test_api_claims_sort_and_paginate(client: httpx.Client) -> None:
    asc = ok(client, "/api/claims", sort="date", order="asc", limit=5)
    dates = [c["stated_on"] for c in asc["data"]]
    assert dates == sorted(dates)
    assert asc["meta"]["next_offset"] == 5
    seen = []
    for offset in (0, 5):
        seen += [c["claim_id"] for c in ok(client, "/api/claims", limit=5, offset=offset)["data"]]
    assert len(seen) == len(set(seen)) == 9
    last = ok(client, "/api/claims", limit=5, offset=5)["meta"]
    assert last["next_offset"] is None
    by_claimant = ok(client, "/api/claims", sort="claimant", order="asc", limit=50)["data"]
    names = [c["claimant"] for c in by_claimant]
    assert names == sorted(names)


def test_api_claim_record_follows_contract(client: httpx.Client, live: Live) -> None:
    claim = ok(client, f"/api/claims/{first_ids(live)['claim']}")["data"]
    contract = (
        "claim_id doc_id doc_path source_id url outlet title published sentence start end "
        "claimant claimant_mention claimant_type cue mode stance hedged stated_on content "
        "quantities carriers"
    )
    assert set(contract.split()) <= set(claim)
    qty = claim["quantities"][0]
    assert {"text", "value", "low", "high", "unit", "counted", "event", "group", "kind"} <= set(qty)
    # The syndicated copy carries the same claim.
    assert sorted(claim["carriers"]) == sorted([live.batch[0][0].doc_id, live.batch[1][0].doc_id])


def test_api_document_copies(client: httpx.Client, live: Live) -> None:
    doc = ok(client, f"/api/documents/{live.batch[0][0].doc_id}")["data"]
    assert [d["doc_id"] for d in doc["copies"]] == [live.batch[1][0].doc_id]


def test_api_returns_article_text_verbatim_as_json(client: httpx.Client, live: Live) -> None:
    doc_id = live.batch[3][0].doc_id
    r = client.get(f"/api/documents/{doc_id}")
    assert r.headers["content-type"].startswith("application/json")
    doc = r.json()["data"]
    assert SCRIPT in doc["text"] and SCRIPT in doc["claims"][0]["sentence"]


def test_api_figures_per_claimant(client: httpx.Client) -> None:
    tracks = ok(client, "/api/figures")["data"]
    soldiers = next(t for t in tracks if t["counted"] == "soldiers" and t["event"] == "killed")
    latest = {row["claimant"]: row["latest"]["text"] for row in soldiers["claimants"]}
    assert latest[AM_MOD] == "2,317"
    assert latest[AZ_MOD] == "more than 4,000"
    am = next(r for r in soldiers["claimants"] if r["claimant"] == AM_MOD)
    # The listing is the "Per claimant" table: counts, no series unless asked for.
    assert am["points"] == [] and am["n_points"] == 3
    full = ok(client, "/api/figures", series="true")["data"]
    soldiers = next(t for t in full if t["track_id"] == soldiers["track_id"])
    am = next(r for r in soldiers["claimants"] if r["claimant"] == AM_MOD)
    # The syndicated copy does not add a second point for the same statement.
    assert [p["text"] for p in am["points"]] == ["220", "532", "2,317"]
    track = ok(client, f"/api/tracks/{soldiers['track_id']}")["data"]
    assert track["claimants"] == soldiers["claimants"]


def test_api_figures_filters(client: httpx.Client) -> None:
    everything = ok(client, "/api/figures")["meta"]["total"]
    assert everything >= 2
    about = ok(client, "/api/figures", about="putin")
    assert about["meta"]["total"] == 1 and about["meta"]["filters"] == {"about": "putin"}
    assert about["data"][0]["claimants"][0]["claimant"] == "Vladimir Putin"
    assert ok(client, "/api/figures", about="nobody at all")["meta"]["total"] == 0
    # Most contested first: more claimants, then more figures.
    ranks = [(-len(t["claimants"]), -t["n_points"]) for t in ok(client, "/api/figures")["data"]]
    assert ranks == sorted(ranks)


def test_api_conflicts(client: httpx.Client) -> None:
    found = ok(client, "/api/conflicts")["data"]
    figures = [c for c in found if c["kind"] == "figure"]
    assert figures and all(len(c["claims"]) >= 2 for c in figures)
    denial = next(c for c in found if c["kind"] == "denial")
    assert [m["stance"] for m in denial["claims"]] == ["deny", "assert"]
    only = ok(client, "/api/conflicts", kind="figure")
    assert only["meta"]["total"] == len(figures)


def test_api_claimants(client: httpx.Client) -> None:
    rows = ok(client, "/api/claimants")["data"]
    am = next(r for r in rows if r["name"] == AM_MOD)
    assert am["n_claims"] == 4 and am["n_denials"] == 1  # the copy's claims counted once
    assert ok(client, "/api/claimants", q="putin")["meta"]["total"] == 1


def test_api_overview_counts(client: httpx.Client) -> None:
    data = ok(client, "/api/overview")["data"]
    assert data["documents"] == 5 and data["outlets"] == 4
    assert data["claims"] == 9 and data["copies"] == 3
    assert data["first_date"] == "2020-10-05" and data["last_date"] == "2020-11-10"
    assert data["latest_ingests"][0]["documents_added"] == 5
    assert len(data["latest_documents"]) == 5 and "text" not in data["latest_documents"][0]


def test_openapi_documents_both_shapes(client: httpx.Client) -> None:
    spec = client.get("/openapi.json").json()
    paths = spec["paths"]
    for path in [
        *SUCCESS,
        "/api/claims/{claim_id}",
        "/api/documents/{doc_id}",
        "/api/tracks/{track_id}",
    ]:
        assert path in paths, path
        responses = paths[path]["get"]["responses"]
        assert "200" in responses and "422" in responses and "404" in responses
    assert "ErrorEnvelope" in spec["components"]["schemas"]
    assert all(not p.startswith("/claims") for p in paths)  # pages stay out of the API spec


@pytest.mark.parametrize("sort", ["date", "published", "claimant", "stance", "outlet", "position"])
def test_api_claims_pages_partition_every_sort(client: httpx.Client, sort: str) -> None:
    for order in ("asc", "desc"):
        seen = []
        for offset in (0, 5, 10):
            page = ok(
                client, "/api/claims", sort=sort, order=order, limit=5, offset=offset, copies="true"
            )
            seen += [c["claim_id"] for c in page["data"]]
        assert len(seen) == len(set(seen)) == 12, (sort, order)


def test_api_counted_filter_folds_word_forms(client: httpx.Client) -> None:
    soldiers = ok(client, "/api/claims", counted="soldiers")["meta"]["total"]
    assert soldiers > 0
    # "troops" and "servicemen" are the same track as "soldiers", as on the figures page.
    assert ok(client, "/api/claims", counted="troops")["meta"]["total"] == soldiers
    assert ok(client, "/api/claims", event="deaths", counted="servicemen")["meta"]["total"] > 0


def test_docs_page_is_local(client: httpx.Client) -> None:
    r = client.get("/docs")
    assert r.status_code == 200 and "/api/claims" in r.text
    assert "cdn" not in r.text.lower() and "https://" not in r.text
    assert client.get("/redoc").status_code == 404


def test_track_page_and_404(client: httpx.Client) -> None:
    track_id = ok(client, "/api/figures")["data"][0]["track_id"]
    r = client.get(f"/tracks/{track_id}")
    assert r.status_code == 200 and "Every figure, per claimant" in r.text
    assert client.get("/tracks/nope").status_code == 404


def test_api_documents_name_the_original_of_a_copy(client: httpx.Client, live: Live) -> None:
    docs = ok(client, "/api/documents", limit=50)["data"]
    copy = next(d for d in docs if d["doc_id"] == live.batch[1][0].doc_id)
    assert copy["origin_id"] == live.batch[0][0].doc_id
    assert copy["origin_outlet"] == live.batch[0][0].outlet
    assert ok(client, "/api/documents", outlet="Caspian Wire")["meta"]["total"] == 2


def test_api_facets_fold_word_forms(client: httpx.Client) -> None:
    facets = ok(client, "/api/facets")["data"]
    assert "soldiers" in facets["counted"] and "<b>Test</b> Herald" in facets["outlet"]
    assert set(facets["stance"]) <= {"assert", "deny", "call", "estimate"}


@pytest.mark.parametrize(
    "params",
    [
        {"claimant": "x' OR '1'='1"},
        {"outlet": "' UNION SELECT * FROM documents --"},
        {"counted": "soldiers') OR ('1'='1"},
        {"q": "'; DROP TABLE claims; --"},
    ],
)
def test_api_filters_are_bound_parameters(client: httpx.Client, params: dict[str, str]) -> None:
    assert ok(client, "/api/claims", **params)["meta"]["total"] == 0
    assert ok(client, "/api/claims")["meta"]["total"] == 9  # and nothing was dropped
