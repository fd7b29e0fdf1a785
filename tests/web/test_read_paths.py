"""One read path: the CLI, the Python API and the web answer every filter the same way; and no
filter value of any endpoint or page, blank, repeated or hostile, ever gets a 5xx."""

from __future__ import annotations

import json
from typing import Any

import httpx
import pytest
from fastapi.dependencies.models import Dependant
from fastapi.routing import APIRoute
from pydantic import BaseModel
from typer.testing import CliRunner

from claimledger.api import Ledger
from claimledger.cli import app as cli_app
from claimledger.ledger.claim_filter import FILTER_EXAMPLES, ClaimFilter, same_word, word_stem
from claimledger.web.routes import (
    claimants,
    claims,
    conflicts,
    documents,
    download,
    figures,
    overview,
    reference,
)

from .conftest import Live

# What a hostile or careless client sends; each is sent raw (already percent-encoded).
HOSTILE = [
    "",
    "%20%20",
    "%00",
    "x%00y",
    "%27%20OR%201%3D1%20--",
    "%3Cscript%3Ealert(1)%3C%2Fscript%3E",
    "%25",
    "_",
    "a" * 5000,
    "-1",
    "99999999999999999999999",
    "1e309",
    "NaN",
    "2020-02-30",
    "0000-00-00",
    "%F0%9F%99%82" * 20,
    "%ED%A0%80",  # a lone surrogate, UTF-8 encoded: not valid UTF-8
    "%FF%FE",
    "..%2F..%2Fetc%2Fpasswd",
    "true",
    "assert",
]


def _query_params(dependant: Dependant) -> list[str]:
    """Query parameter names of a route, its dependencies' and query models' included."""
    names: list[str] = []
    for param in dependant.query_params:
        model = param.field_info.annotation
        if isinstance(model, type) and issubclass(model, BaseModel):  # each field is a parameter
            names += [field.alias or name for name, field in model.model_fields.items()]
        else:
            names.append(param.alias)
    for sub in dependant.dependencies:
        names += _query_params(sub)
    return names


def _routes() -> list[tuple[str, list[str]]]:
    """Every GET route (API and pages) with its query parameters, from the routers themselves."""
    found = []
    for module in (overview, claims, documents, figures, conflicts, claimants, download, reference):
        for route in [*module.api.routes, *module.pages.routes]:
            if not isinstance(route, APIRoute) or "GET" not in route.methods:
                continue
            params = _query_params(route.dependant)
            found.append((route.path, params))
    return found


ROUTES = _routes()


def _concrete(path: str, live: Live) -> str:
    doc, claims = live.batch[0]
    return (
        path.replace("{doc_id}", doc.doc_id)
        .replace("{claim_id}", claims[0].claim_id)
        .replace("{track_id}", "0")
        .replace("{fmt}", "csv")
        .replace("{name}", "Vladimir%20Putin")
    )


def test_routes_cover_every_filter() -> None:
    params = {p for _, ps in ROUTES for p in ps}
    assert set(ClaimFilter.model_fields) <= params
    assert {"about", "kind", "limit", "offset", "sort", "order"} <= params
    assert len(ROUTES) >= 14


@pytest.mark.parametrize(("path", "params"), [r for r in ROUTES if r[1]], ids=lambda r: str(r))
def test_no_filter_value_gives_a_server_error(
    client: httpx.Client, live: Live, path: str, params: list[str]
) -> None:
    base = _concrete(path, live)
    failures = []
    for name in params:
        queries = [f"{name}={v}" for v in HOSTILE]
        queries += [f"{name}=a&{name}=b", f"{name}=&{name}=", f"{name}=1&{name}="]
        for query in queries:
            r = client.get(f"{base}?{query}")
            if r.status_code >= 500:
                failures.append((query[:60], r.status_code))
            elif r.status_code == 422 and path.startswith("/api"):
                assert r.json()["ok"] is False
    # Every parameter at once, blank: what the HTML form submits without JavaScript.
    r = client.get(base + "?" + "&".join(f"{n}=" for n in params))
    assert r.status_code == 200, r.text[:300]
    assert not failures, failures


@pytest.mark.parametrize("path", [p for p, _ in ROUTES if "{" in p])
def test_hostile_ids_are_not_found_never_a_crash(client: httpx.Client, path: str) -> None:
    for bad in ["nope", "%00", "%27%3B--", "a" * 3000, "%ED%A0%80", "..%2F.."]:
        url = path.split("{")[0] + bad
        r = client.get(url)
        assert r.status_code in (404, 422), (url[:80], r.status_code)


def test_blank_filters_are_no_filter(client: httpx.Client) -> None:
    every = client.get("/api/claims?limit=500").json()["meta"]["total"]
    blank = "&".join(f"{n}=" for n in ClaimFilter.model_fields)
    r = client.get(f"/api/claims?limit=&offset=&sort=&order=&{blank}")
    assert r.status_code == 200
    assert r.json()["meta"]["total"] == every > 0


def test_word_forms_fold() -> None:
    assert same_word("soldiers", "soldier")
    assert same_word("killed", "kill")
    assert same_word("troops", "soldiers")  # a synonym of reconcile.tracks.fold_word
    assert same_word("injured", "injure")
    assert not same_word("killed", "injured")
    assert word_stem("civilians") == word_stem("civilian")


def _cli_ids(db: str, flt: dict[str, Any]) -> list[str]:
    args = ["claims", "--db", db, "--json", "--limit", "1000"]
    for key, value in flt.items():
        if key == "copies":
            args.append("--copies")
        else:
            option = {"q": "--search", "doc_id": "--doc-id"}.get(key, f"--{key}")
            args += [option, str(value)]
    result = CliRunner().invoke(cli_app, args)
    assert result.exit_code == 0, result.output
    return [json.loads(line)["claim_id"] for line in result.output.splitlines() if line]


@pytest.mark.parametrize("flt", FILTER_EXAMPLES, ids=lambda f: ",".join(f))
def test_cli_api_and_web_agree(client: httpx.Client, live: Live, flt: dict[str, Any]) -> None:
    copies = bool(flt.get("copies"))
    rest = {k: v for k, v in flt.items() if k != "copies"}
    with Ledger(live.db) as ledger:
        from_api = {c.claim_id: c for c in ledger.claims(include_copies=copies, **rest)}
    from_cli = _cli_ids(str(live.db), flt)
    web = client.get("/api/claims", params={**flt, "limit": 500}).json()
    from_web = {c["claim_id"]: c for c in web["data"]}
    assert web["meta"]["total"] == len(from_web)
    assert sorted(from_cli) == sorted(from_api) == sorted(from_web)
    assert from_api, f"the example {flt} matches nothing in the fixture ledger"
    for claim_id, claim in from_api.items():  # carriers computed one way
        assert claim.carriers == from_web[claim_id]["carriers"]


def test_claimant_filter_semantics(client: httpx.Client) -> None:
    def claimants(**params: str) -> set[str]:
        data = client.get("/api/claims", params={**params, "limit": 500}).json()["data"]
        return {c["claimant"] for c in data}

    assert claimants(claimant="putin") == {"Vladimir Putin"}
    # A canonical name picks that claimant only, not every name containing it.
    assert claimants(claimant="ARMENIA") == {"Armenia"}
    assert claimants(claimant="Defence Ministry") == {
        "Armenia Defence Ministry",
        "Azerbaijan Defence Ministry",
    }
    assert claimants(claimant="a ministry spokesman") == {"Azerbaijan Defence Ministry"}


def test_carriers_of_a_syndicated_claim_list_both_documents(
    client: httpx.Client, live: Live
) -> None:
    (orig, orig_claims), (copy, _) = live.batch[0], live.batch[1]
    claim = client.get(f"/api/claims/{orig_claims[0].claim_id}").json()["data"]
    assert claim["carriers"] == [orig.doc_id, copy.doc_id]
    conflicts = client.get("/api/conflicts?limit=500").json()["data"]
    listed = [c for k in conflicts for c in k["claims"] if c["claim_id"] == orig_claims[0].claim_id]
    assert listed and all(c["carriers"] == [orig.doc_id, copy.doc_id] for c in listed)


def test_figures_about_agrees_between_cli_and_web(client: httpx.Client, live: Live) -> None:
    for about in ["Baku", "armenian", "Putin", "Russia"]:
        result = CliRunner().invoke(
            cli_app, ["figures", "--db", str(live.db), "--json", "--about", about]
        )
        assert result.exit_code == 0, result.output
        from_cli = {row["track_id"] for row in json.loads(result.output)}
        data = client.get("/api/figures", params={"about": about, "limit": 500}).json()["data"]
        assert from_cli == {t["track_id"] for t in data}, about
    baku = client.get("/api/figures", params={"about": "Baku"}).json()["data"]
    assert baku, "Baku names Azerbaijan, a side on the soldiers' track"


def test_terminal_output_carries_no_control_codes(capsys: pytest.CaptureFixture[str]) -> None:
    from claimledger.cli_render import plain, print_claims
    from claimledger.models import Claim

    sentence = "Officials said \x1b[2J\x1b]0;owned\x07 the count was 12."
    claim = Claim(
        claim_id="c1",
        doc_id="d1",
        sentence=sentence,
        start=0,
        end=len(sentence),
        claimant="Officials\x1b[31m",
        claimant_type="government",
        mode="indirect",
        stance="assert",
        content=sentence,
    )
    print_claims([claim], as_json=False)
    shown = capsys.readouterr().out
    assert "\x1b" not in shown and "\x07" not in shown
    assert "Officials" in shown and "the count was 12" in shown
    assert plain("a\x9bb\x00c") == "a b c"


def test_claimant_names_come_before_aliases() -> None:
    from claimledger.ledger.claim_filter import matching_claimants

    aliases = {
        "Emmanuel Macron": ["French President Emmanuel Macron", "the French leader"],
        "Vladimir Putin": ["Presidents Vladimir Putin, Donald Trump and Emmanuel Macron"],
        "Syrian Observatory for Human Rights": ["SOHR", "the observatory"],
    }
    assert matching_claimants("macron", aliases) == ["Emmanuel Macron"]  # not Putin's joint mention
    assert matching_claimants("SOHR", aliases) == ["Syrian Observatory for Human Rights"]
    assert matching_claimants("french leader", aliases) == ["Emmanuel Macron"]
    assert matching_claimants("vladimir putin", aliases) == ["Vladimir Putin"]
    assert matching_claimants("nobody", aliases) == []
