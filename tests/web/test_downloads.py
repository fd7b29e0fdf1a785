"""CSV and JSON of the current view: the link beside each view downloads what it lists."""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterator
from datetime import date

import httpx
import pytest

from claimledger.web.downloads import csv_chunks, safe_cell

from .conftest import Live, fill, serve
from .ledger_data import AM_MOD, Spec, build, make

LINK = re.compile(r'href="(/api/download/[^"]+)"')


def _rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


def _links(html: str) -> list[str]:
    return [h.replace("&amp;", "&") for h in LINK.findall(html)]


@pytest.mark.parametrize(
    ("page", "api", "key"),
    [
        ("/claims?counted=soldier&sort=claimant&order=asc", "/api/claims", "claim_id"),
        ("/claims?claimant=armenia%20defence%20ministry&limit=2", "/api/claims", "claim_id"),
        ("/figures?about=Baku", "/api/figures", None),
        ("/conflicts?kind=denial", "/api/conflicts", None),
        ("/claimants?q=ministry", "/api/claimants", "name"),
        ("/documents?outlet=caspian%20wire", "/api/documents", "doc_id"),
    ],
)
def test_each_view_links_a_download_of_what_it_lists(
    client: httpx.Client, page: str, api: str, key: str | None
) -> None:
    html = client.get(page).text
    csv_link, json_link = _links(html)[:2]
    assert ".csv" in csv_link and ".json" in json_link
    got = client.get(csv_link)
    assert got.status_code == 200
    assert got.headers["content-type"].startswith("text/csv")
    assert "attachment" in got.headers["content-disposition"]
    rows = _rows(got.text)
    as_json = client.get(json_link).json()
    assert len(as_json) == len(rows) > 0
    query = re.sub(r"limit=\d+", "", page.split("?", 1)[1])
    listed = client.get(f"{api}?{query}&limit=500").json()
    if key is not None:  # same rows, same order, every page (not only the page shown)
        assert [r[key] for r in rows] == [item[key] for item in listed["data"]]
        assert len(rows) == listed["meta"]["total"]
    elif "figures" in api:
        assert {r["track_id"] for r in rows} == {t["track_id"] for t in listed["data"]}
    else:
        assert {r["conflict_id"] for r in rows} == {c["conflict_id"] for c in listed["data"]}


def test_track_download_holds_every_figure(client: httpx.Client) -> None:
    track = client.get("/api/figures?series=true").json()["data"][0]
    html = client.get(f"/tracks/{track['track_id']}").text
    csv_link = next(h for h in _links(html) if h.endswith(".csv"))
    rows = _rows(client.get(csv_link).text)
    assert len(rows) == sum(len(c["points"]) for c in track["claimants"]) == track["n_points"]


def test_safe_cell_neutralises_formulas() -> None:
    assert safe_cell('=HYPERLINK("http://x")') == '\'=HYPERLINK("http://x")'
    assert safe_cell("+1+2") == "'+1+2"
    assert safe_cell("-2+3") == "'-2+3"
    assert safe_cell("@SUM(A1)") == "'@SUM(A1)"
    assert safe_cell("\t=1") == "'\t=1"
    assert safe_cell(-12.5) == -12.5  # a number is no formula
    assert safe_cell("2,300 soldiers") == "2,300 soldiers"
    assert safe_cell(date(2020, 10, 5)) == "2020-10-05"
    text = "".join(csv_chunks(("a", "b"), [{"a": "=1+1", "b": "line\nbreak"}]))
    assert _rows(text) == [{"a": "'=1+1", "b": "line\nbreak"}]


FORMULA_TITLE = "=cmd|' /C calc'!A0"
FORMULA_OUTLET = "@Wire+1"


@pytest.fixture(scope="module")
def formulas(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Live]:
    sentence = "Armenia's Defence Ministry said =1+1 was not a figure it had ever given."
    doc = make(
        f"Statement.\n\n{sentence}",
        outlet=FORMULA_OUTLET,
        title=FORMULA_TITLE,
        published=date(2020, 10, 9),
        path="formula.txt",
        specs=[
            Spec(
                sentence,
                AM_MOD,
                "Armenia's Defence Ministry",
                "said",
                "=1+1 was not a figure it had ever given",
            )
        ],
    )
    batch = [*build(), doc]
    db = tmp_path_factory.mktemp("formulas") / "ledger.db"
    fill(db, batch)
    server = serve(db, batch)
    yield server
    server.stop()


def test_no_cell_from_a_document_is_a_formula(formulas: Live) -> None:
    with httpx.Client(base_url=formulas.url, timeout=10) as c:
        docs = _rows(c.get("/api/download/documents.csv").text)
        claims = _rows(c.get("/api/download/claims.csv?q=ever%20given").text)
        raw = c.get("/api/download/claims.json?q=ever%20given").json()
    formula_doc = next(d for d in docs if "calc" in d["title"])
    assert formula_doc["title"] == "'" + FORMULA_TITLE
    assert formula_doc["outlet"] == "'" + FORMULA_OUTLET
    (claim,) = claims
    assert claim["content"] == "'=1+1 was not a figure it had ever given"
    assert claim["title"] == "'" + FORMULA_TITLE
    for row in [*docs, *claims]:
        assert not any(v.startswith(("=", "+", "-", "@")) for v in row.values())
    assert raw[0]["content"].startswith("=1+1")  # JSON keeps the text as written
    assert json.dumps(raw)
