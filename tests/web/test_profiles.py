"""The claimant page and the claim page: what an analyst opens from any name or sentence."""

from __future__ import annotations

import httpx

from .conftest import Live
from .ledger_data import AM_MOD, AZ_MOD, SCRIPT


def test_claimant_page_gathers_figures_denials_opponents_and_aliases(
    client: httpx.Client,
) -> None:
    r = client.get("/claimants/armenia%20defence%20ministry")  # any case
    assert r.status_code == 200
    html = r.text
    assert f"<h1>{AM_MOD}</h1>" in html
    assert "side: <b>Armenia</b>" in html
    assert "“The Armenian ministry”" in html  # a recorded alias
    assert "Armenian soldiers killed" in html and 'class="chart"' in html
    assert "calling it a fabrication" in html  # their denial
    opponents = html.split('id="opponents"')[1].split("</table>")[0]
    assert AZ_MOD in opponents


def test_claimant_api_profile(client: httpx.Client) -> None:
    data = client.get("/api/claimants/Armenia%20Defence%20Ministry").json()["data"]
    assert data["name"] == AM_MOD and data["affiliation"] == "Armenia"
    assert data["n_denials"] == 1 and len(data["denials"]) == 1
    (track,) = [t for t in data["tracks"] if t["title"] == "Armenian soldiers killed"]
    assert [p["value"] for p in track["figures"]["points"]] == [220, 532, 2317]
    assert {o["claimant"] for o in data["opponents"]} == {AZ_MOD}
    assert client.get("/api/claimants/Nobody%20At%20All").status_code == 404
    assert client.get("/claimants/Nobody").status_code == 404


def test_claim_page_shows_paragraph_carriers_and_conflicts(
    client: httpx.Client, live: Live
) -> None:
    (orig, orig_claims), (copy, _) = live.batch[0], live.batch[1]
    claim = orig_claims[0]  # Baku's 2,300, denied by Yerevan in the next sentence
    r = client.get(f"/claims/{claim.claim_id}")
    assert r.status_code == 200
    paragraph = r.text.split('id="paragraph"')[1].split("</blockquote>")[0]
    assert "2,300" in paragraph and "denied the figure" in paragraph  # the whole paragraph
    assert "Shelling was reported overnight" not in paragraph  # the next one is not
    assert 'class="hl hl-number"' in paragraph
    carriers = r.text.split('id="carriers"')[1].split("</ul>")[0]
    assert orig.doc_id in carriers and copy.doc_id in carriers
    assert "denial" in r.text.split("Conflicts and denials")[1]
    assert 'id="claim-rule"' not in r.text  # no rule recorded for this claim
    detail = client.get(f"/api/claims/{claim.claim_id}/detail").json()["data"]
    assert [c["doc_id"] for c in detail["carriers"]] == [orig.doc_id, copy.doc_id]
    assert any(k["kind"] == "denial" for k in detail["conflicts"])


def test_claim_page_escapes_article_text(client: httpx.Client, live: Live) -> None:
    claim = live.batch[3][1][0]
    html = client.get(f"/claims/{claim.claim_id}").text
    assert SCRIPT not in html
    assert "&lt;script&gt;" in html
    assert client.get("/claims/nope").status_code == 404


def test_names_link_to_claimant_pages(client: httpx.Client) -> None:
    assert 'href="/claimants/Vladimir%20Putin"' in client.get("/claimants").text
    assert "/claims/" in client.get("/claims").text
