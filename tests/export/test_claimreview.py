"""ClaimReview export: schema.org Claim objects with author, date and every appearance."""

from __future__ import annotations

import json
from pathlib import Path

from claimledger.export import export
from claimledger.ledger.store import Store
from claimledger.models import Claim, Document


def test_claimreview_objects(
    ledger: Store,
    tmp_path: Path,
    claims_by_id: dict[str, Claim],
    docs_by_id: dict[str, Document],
) -> None:
    out = tmp_path / "claims.json"
    assert export(ledger, "claimreview", out) == 6
    objects = json.loads(out.read_text(encoding="utf-8"))
    assert isinstance(objects, list) and len(objects) == 6
    for obj in objects:
        claim = claims_by_id[obj["identifier"]]
        assert obj["@context"] == "https://schema.org"
        assert obj["@type"] == "Claim"
        assert obj["text"] == claim.content
        assert obj["author"]["name"] == claim.claimant
        assert obj["author"]["@type"] == (
            "Person" if claim.claimant_type == "person" else "Organization"
        )
        if claim.stated_on:
            assert obj["datePublished"] == claim.stated_on.isoformat()
        else:
            assert "datePublished" not in obj
        assert [a["identifier"] for a in obj["appearance"]] == claim.carriers

    mayor = next(o for o in objects if o["author"]["name"] == "Ana Ruiz")
    flood, wire = (docs_by_id[a["identifier"]] for a in mayor["appearance"])
    assert mayor["appearance"][0] == {
        "@type": "CreativeWork",
        "identifier": flood.doc_id,
        "headline": "Bridges shut",
        "publisher": {"@type": "Organization", "name": "Ravensford Courier"},
        "datePublished": "2024-05-06",
    }
    assert mayor["appearance"][1]["url"] == "https://wire.example/r1"
    assert mayor["firstAppearance"]["identifier"] == flood.doc_id  # 6 May before 7 May
    assert wire.published is not None and flood.published is not None


def test_claimreview_as_json_lines(ledger: Store, tmp_path: Path) -> None:
    out = tmp_path / "claims.jsonl"
    assert export(ledger, "claimreview", out, stance="call") == 1
    (line,) = out.read_text(encoding="utf-8").splitlines()
    obj = json.loads(line)
    assert obj["author"] == {"@type": "Organization", "name": "Port Alder Port Authority"}
    assert obj["firstAppearance"] == obj["appearance"][0]  # undated, but the only carrier
    assert "url" not in obj["firstAppearance"]


def test_claimreview_empty_is_an_empty_array(tmp_path: Path) -> None:
    from claimledger.ledger.engine import open_store

    out = tmp_path / "none.json"
    with open_store(str(tmp_path / "e.db")) as empty:
        assert export(empty, "claimreview", out) == 0
    assert json.loads(out.read_text()) == []
