"""Every page at desktop and phone widths in Chromium: nothing scrolls sideways, the nav folds on
a phone, charts stay legible, and the keyboard and screen-reader affordances work."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any
from urllib.parse import quote

import pytest

from .conftest import SCREENSHOTS, Live
from .ledger_data import AM_MOD

pytestmark = pytest.mark.browser

WIDTHS = {"desktop": 1400, "phone": 390}


def _pages(live: Live) -> dict[str, str]:
    doc, claims = live.batch[0]
    return {
        "overview": "/",
        "figures": "/figures",
        "claims": "/claims",
        "conflicts": "/conflicts",
        "documents": "/documents",
        "claimants": "/claimants",
        "api": "/docs",
        "document": f"/documents/{doc.doc_id}",
        "claim": f"/claims/{claims[0].claim_id}",
        "claimant": f"/claimants/{quote(AM_MOD)}",
        "track": "/tracks/{first}",
    }


@pytest.fixture(params=list(WIDTHS))
def sized(request: pytest.FixtureRequest, browser: Any, live: Live) -> Iterator[tuple[str, Any]]:
    width = WIDTHS[request.param]
    ctx = browser.new_context(base_url=live.url, viewport={"width": width, "height": 860})
    pg = ctx.new_page()
    errors: list[str] = []
    pg.on("pageerror", lambda exc: errors.append(str(exc)))
    pg.on("console", lambda m: errors.append(m.text) if "Content Security" in m.text else None)
    yield request.param, pg
    ctx.close()
    assert not errors, errors


def test_no_page_scrolls_sideways(sized: tuple[str, Any], live: Live) -> None:
    name, page = sized
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    first_track = None
    for label, path in _pages(live).items():
        if "{first}" in path:
            path = path.format(first=first_track)
        response = page.goto(path)
        assert response.status == 200, path
        if label == "figures":
            first_track = page.locator("section.track").first.get_attribute("data-track-id")
        overflow = page.evaluate(
            "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        assert overflow <= 0, f"{path} is {overflow}px too wide at {WIDTHS[name]}px"
        page.screenshot(path=str(SCREENSHOTS / f"{label}-{WIDTHS[name]}.png"), full_page=True)


def test_phone_nav_folds_behind_a_menu_button(browser: Any, live: Live) -> None:
    ctx = browser.new_context(base_url=live.url, viewport={"width": 390, "height": 800})
    page = ctx.new_page()
    page.goto("/claims")
    nav = page.locator("#site-nav")
    button = page.locator("button.nav-toggle")
    assert button.is_visible() and not nav.is_visible()
    header_height = page.locator("header.top").bounding_box()["height"]
    assert header_height < 60  # one row, not four
    button.click()
    assert nav.is_visible() and button.get_attribute("aria-expanded") == "true"
    nav.locator("text=Figures").click()
    page.wait_for_url("**/figures")
    ctx.close()


def test_phone_charts_stay_legible(browser: Any, live: Live) -> None:
    ctx = browser.new_context(base_url=live.url, viewport={"width": 390, "height": 800})
    page = ctx.new_page()
    page.goto("/figures")
    label = page.locator("svg.chart.compact .axis text").first
    assert label.bounding_box()["height"] >= 9  # rendered pixels, not 3-4 px
    ctx.close()


def test_skip_link_and_visible_focus(page: Any) -> None:
    page.goto("/claims")
    page.keyboard.press("Tab")
    focused = page.evaluate("() => document.activeElement.className")
    assert focused == "skip"
    outline = page.evaluate("() => getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none"
    page.keyboard.press("Enter")
    assert page.evaluate("() => location.hash") == "#main"


def test_arrow_keys_in_a_select_do_not_navigate(page: Any) -> None:
    page.goto("/claims")
    before = page.url
    page.focus('select[name="stance"]')
    page.keyboard.press("ArrowDown")
    page.wait_for_timeout(300)
    assert page.url == before
    page.keyboard.press("Enter")
    page.wait_for_url("**stance=**")


def test_legend_shows_and_hides_a_claimant(page: Any) -> None:
    page.goto("/figures")
    track = page.locator("section.track").first
    toggle = track.locator("button.toggle").first
    name = toggle.get_attribute("data-series")
    series = track.locator("g.series").filter(has=page.locator("path")).first
    assert series.is_visible()
    toggle.click()
    assert toggle.get_attribute("aria-pressed") == "false"
    hidden = track.locator("svg.chart.wide g.series.off")
    assert hidden.count() == 1 and hidden.get_attribute("data-claimant") == name
    toggle.click()
    assert track.locator("g.series.off").count() == 0


def test_chart_values_are_reachable_as_text(page: Any) -> None:
    page.goto("/figures")
    track = page.locator("section.track").first
    assert "log scale" in track.locator("svg.chart.wide").get_attribute("aria-label")
    assert (track.locator("svg.chart.wide text.unit").text_content() or "").startswith(
        "soldiers killed"
    )
    table = track.locator("table.per-claimant")
    assert "2,317" in table.inner_text()  # the latest figure, as text
