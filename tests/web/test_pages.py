"""The dashboard in headless Chromium: every page loads, filters work, highlights are in place."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from .conftest import SCREENSHOTS, Live
from .ledger_data import AM_MOD, SCRIPT

pytestmark = pytest.mark.browser


def shot(page: Any, name: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)


@pytest.mark.parametrize(
    ("path", "heading"),
    [
        ("/", "Overview"),
        ("/figures", "Figures"),
        ("/claims", "Claims"),
        ("/conflicts", "Conflicts"),
        ("/documents", "Documents"),
        ("/claimants", "Claimants"),
        ("/docs", "JSON API"),
    ],
)
def test_page_loads(page: Any, path: str, heading: str) -> None:
    response = page.goto(path)
    assert response.status == 200
    assert page.locator("h1").first.inner_text() == heading
    shot(page, heading.lower().replace(" ", "-"))


def test_overview_shows_counts(page: Any) -> None:
    page.goto("/")
    assert page.locator('[data-stat="claims"]').inner_text() == "9"
    assert page.locator('[data-stat="documents"]').inner_text() == "5"
    assert page.locator("#ingests tbody tr").count() == 1
    assert page.locator("#latest-documents tbody tr").count() == 5


def test_claims_filter_form(page: Any) -> None:
    page.goto("/claims")
    assert page.locator("#claims-table tbody tr").count() == 9
    # A syndicated claim is one row, its copy named in the outlet column.
    assert page.locator("#claims-table td >> text=+1 copy").count() == 3
    page.select_option('select[name="stance"]', "deny")
    page.click("#claim-filters button[type=submit]")
    page.wait_for_url("**stance=deny**")
    rows = page.locator("#claims-table tbody tr")
    assert rows.count() == 2
    assert page.locator("#claim-total").inner_text() == "2"
    assert "since=" not in page.url  # empty fields are left out of the URL
    page.fill('input[name="q"]', "airport")
    page.click("#claim-filters button[type=submit]")
    page.wait_for_url("**q=airport**")
    assert rows.count() == 1
    # The sentence shows its parts marked, and the form keeps what was asked.
    assert rows.first.locator("mark.hl-cue").inner_text() == "denied"
    assert page.locator('input[name="q"]').input_value() == "airport"
    shot(page, "claims-filtered")


def test_claims_sort_link(page: Any) -> None:
    page.goto("/claims")
    page.click("th a.sort >> text=claimant")
    page.wait_for_url("**sort=claimant**")
    names = page.locator("#claims-table tbody tr td:nth-child(2) a").all_inner_texts()
    assert names == sorted(names, reverse=True)


def test_claim_row_opens_sentence_in_document(page: Any, live: Live) -> None:
    page.goto(f"/claims?claimant={AM_MOD}&sort=date&order=asc")
    link = page.locator("#claims-table tbody tr td.sentence a").first
    href = link.get_attribute("href")
    assert href.startswith("/documents/") and "#claim-" in href
    link.click()
    page.wait_for_url("**/documents/**")
    claim_id = href.split("#claim-")[1]
    target = page.locator("span.sent.target")
    assert target.count() >= 1
    assert claim_id in target.first.get_attribute("data-claims").split()
    assert page.locator(f"#claim-{claim_id}").count() == 1


def test_document_highlights(page: Any, live: Live) -> None:
    doc, claims = live.batch[0]
    page.goto(f"/documents/{doc.doc_id}")
    text = page.locator("#article")
    assert text.inner_text().replace("\n", "") == doc.text.replace("\n", "")
    for role in ("claimant", "cue", "content", "number"):
        assert text.locator(f"mark.hl-{role}").count() >= 1, role
    numbers = text.locator("mark.hl-number").all_inner_texts()
    assert numbers == ["2,300", "220"]
    claimants = text.locator("mark.hl-claimant").all_inner_texts()
    assert "Azerbaijan's Defence Ministry" in claimants
    cues = text.locator("mark.hl-cue").all_inner_texts()
    assert "denied" in cues
    assert page.locator("#doc-claims li").count() == len(claims)
    assert page.locator("#copies li").count() == 1
    shot(page, "document")


def test_script_in_article_is_shown_as_text(page: Any, live: Live) -> None:
    doc = live.batch[3][0]
    page.goto(f"/documents/{doc.doc_id}")
    assert page.title() != "pwned"
    assert SCRIPT in page.locator("#article").inner_text()
    assert page.locator("#article script").count() == 0
    assert SCRIPT in page.locator("h1").inner_text()
    page.goto("/claims?q=Ganja")
    assert page.title() != "pwned"
    assert SCRIPT in page.locator("#claims-table").inner_text()
    page.goto("/documents")
    assert "<b>Test</b> Herald" in page.locator("#documents-table").inner_text()
    shot(page, "escaped-script")


def test_figures_chart_points_link_to_sentences(page: Any) -> None:
    page.goto("/figures")
    track = page.locator("section.track").first
    assert track.locator("svg.chart g.series").count() >= 2
    assert track.locator("svg.chart path").count() >= 2
    point = track.locator("svg.chart a").first
    href = point.get_attribute("href")
    assert href.startswith("/documents/") and "#claim-" in href
    assert track.locator("table.per-claimant tbody tr").count() >= 2
    shot(page, "figures-chart")


def test_conflicts_side_by_side(page: Any) -> None:
    page.goto("/conflicts")
    first = page.locator("section.conflict").first
    assert first.locator(".claim-line").count() >= 2
    assert first.locator("blockquote a").first.get_attribute("href").startswith("/documents/")


def test_pages_error_shape(live: Live) -> None:
    r = httpx.get(f"{live.url}/documents/nope")
    assert r.status_code == 404 and "no document" in r.text
    r = httpx.get(f"{live.url}/claims?since=notadate")
    assert r.status_code == 422 and "since" in r.text


def test_figures_filter_and_track_page(page: Any) -> None:
    page.goto("/figures")
    page.fill('input[name="about"]', "putin")
    page.click("#figure-filters button[type=submit]")
    page.wait_for_url("**about=putin**")
    assert page.locator("#track-total").inner_text() == "1"
    # Putin gave one figure: a compact card, not a chart of one dot.
    assert page.locator("section.track").count() == 0
    card = page.locator("#track-cards li.track-card")
    assert card.count() == 1
    assert "Vladimir Putin" in card.inner_text() and "almost 5,000" in card.inner_text()
    card.locator("a.title").click()
    page.wait_for_url("**/tracks/**")
    assert page.locator("svg.chart g.series").count() >= 1
    assert page.locator("table.points tbody tr").count() >= 1
    shot(page, "track")


def test_conflict_tabs(page: Any) -> None:
    page.goto("/conflicts")
    page.click("#conflict-kinds >> text=denials")
    page.wait_for_url("**kind=denial**")
    kinds = page.locator("section.conflict").evaluate_all("els => els.map(e => e.dataset.kind)")
    assert kinds and set(kinds) == {"denial"}
    first = page.locator("section.conflict").first
    assert first.locator(".side").count() == 2
    assert first.locator(".side-label").first.inner_text().lower() == "denial"
    shot(page, "conflicts-denials")
