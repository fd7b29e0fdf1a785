"""Serving safely: policy headers, Host names, HEAD, and links from documents only if http(s)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from claimledger.web.security import CSP, allowed_hosts, safe_href

from .conftest import CHROMIUM, Live, fill, serve
from .ledger_data import build

PAGES = ["/", "/claims", "/figures", "/conflicts", "/documents", "/claimants", "/docs"]
API = ["/api/overview", "/api/claims", "/api/figures", "/api/conflicts", "/openapi.json"]
# Document urls as a hostile feed would send them; only the first two may become links.
URLS = [
    "https://caspian.example/2020/10/05/figures",
    "HTTP://yerevan.example/toll",
    "JaVaScRiPt:void(document.title='X')",
    "java\tscript:void(document.title='X')",
    "\x00javascript:void(document.title='X')",
    "jav\x00ascript:void(document.title='X')",
]


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://a.example/x?y=1", "https://a.example/x?y=1"),
        ("  http://a.example/ ", "http://a.example/"),
        ("HtTpS://a.example", "HtTpS://a.example"),
        ("javascript:alert(1)", None),
        ("JAVASCRIPT:alert(1)", None),
        (" \tjavascript:alert(1)", None),
        ("java\nscript:alert(1)", None),
        ("ja\x00vascript:alert(1)", None),
        ("\x01javascript:alert(1)", None),
        ("data:text/html,<script>alert(1)</script>", None),
        ("vbscript:msgbox", None),
        ("file:///etc/passwd", None),
        ("//evil.example/x", None),  # scheme-relative: not what the document said
        ("http:evil", None),
        ("/documents/abc", None),
        ("", None),
        (None, None),
        ("http\x00s://a.example", None),
    ],
)
def test_safe_href(url: Any, expected: str | None) -> None:
    assert safe_href(url) == expected


def test_every_response_carries_the_policy_headers(client: httpx.Client) -> None:
    for path in [*PAGES, *API, "/static/app.js", "/static/style.css", "/no/such/page"]:
        r = client.get(path)
        assert r.headers["content-security-policy"] == CSP, path
        assert r.headers["x-content-type-options"] == "nosniff"
        assert r.headers["x-frame-options"] == "DENY"
        assert r.headers["referrer-policy"] == "no-referrer"
    assert "script-src 'self'" in CSP and "'unsafe-inline'" not in CSP
    assert "frame-ancestors 'none'" in CSP


def test_pages_hold_no_inline_script_or_style(client: httpx.Client, live: Live) -> None:
    doc = live.batch[0][0].doc_id
    for path in [*PAGES, f"/documents/{doc}"]:
        html = client.get(path).text
        assert "<script>" not in html.replace("&lt;script&gt;", "")
        assert 'src="/static/app.js"' in html
        assert " style=" not in html and "onclick" not in html.lower(), path


def test_head_works_on_pages_api_and_static(client: httpx.Client) -> None:
    for path in [*PAGES, *API, "/static/app.js"]:
        got = client.get(path)
        head = client.head(path)
        assert head.status_code == got.status_code == 200, path
        assert head.content == b""
        assert head.headers["content-type"] == got.headers["content-type"]
        assert head.headers["x-content-type-options"] == "nosniff"
    assert client.head("/no/such/page").status_code == 404


def test_a_foreign_host_is_refused(client: httpx.Client, live: Live) -> None:
    for host in ["evil.example", "evil.example:80", "127.0.0.1.evil.example", "[::2]"]:
        r = client.get("/api/claims", headers={"Host": host})
        assert r.status_code == 421, host
        assert "claim_id" not in r.text
    for host in [live.url.removeprefix("http://"), "localhost:1234", "[::1]:8000"]:
        assert client.get("/api/overview", headers={"Host": host}).status_code == 200, host


def test_allowed_hosts() -> None:
    assert allowed_hosts("127.0.0.1") == {"127.0.0.1", "localhost", "::1"}
    assert "ledger.example" in allowed_hosts("127.0.0.1", ["Ledger.Example "])
    assert "0.0.0.0" in allowed_hosts("0.0.0.0")  # and the machine's own names


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Live]:
    batch = build()
    batch = [
        (doc.model_copy(update={"url": URLS[i]}), claims) for i, (doc, claims) in enumerate(batch)
    ]
    extra_doc = batch[-1][0]
    batch.append((extra_doc.model_copy(update={"doc_id": "f" * 16, "url": URLS[5]}), []))
    db = tmp_path_factory.mktemp("hostile") / "ledger.db"
    fill(db, batch)
    server = serve(db, batch)
    yield server
    server.stop()


def test_only_http_urls_become_links(hostile: Live) -> None:
    with httpx.Client(base_url=hostile.url, timeout=10) as c:
        for i, (doc, _) in enumerate(hostile.batch):
            html = c.get(f"/documents/{doc.doc_id}").text
            if i < 2:
                assert f'href="{doc.url}"'.replace("'", "&#39;") in html
            else:
                assert "javascript" not in html.split("source-text")[0].lower()
                assert 'class="source"' not in html
                assert "source-text" in html  # shown, as text


@pytest.mark.browser
def test_hostile_link_does_not_run_and_the_csp_reports_nothing(
    browser: Any, hostile: Live, live: Live
) -> None:
    if not CHROMIUM.exists():
        pytest.skip("chromium missing")
    ctx = browser.new_context(base_url=hostile.url)
    page = ctx.new_page()
    violations: list[str] = []
    page.on(
        "console",
        lambda m: violations.append(m.text) if "Content Security Policy" in m.text else None,
    )
    for doc, _ in hostile.batch[2:]:
        page.goto(f"/documents/{doc.doc_id}")
        assert page.locator("a.source").count() == 0
        page.locator(".source-text").first.click()
        assert page.title() != "X"
    for path in PAGES:
        page.goto(path)
    ctx.close()
    assert violations == []


def test_serve_answers_only_its_host_names(tmp_path: Path) -> None:
    import subprocess
    import sys
    import time

    from .conftest import free_port

    db = tmp_path / "served.db"
    fill(db, build())
    port = free_port()
    cli = str(Path(sys.executable).parent / "claimledger")
    cmd = [cli, "serve", "--db", str(db), "--port", str(port), "--allow-host", "ledger.example"]
    server = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}/api/overview"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                httpx.get(url, timeout=5)
                break
            except httpx.TransportError:
                assert server.poll() is None, server.communicate()[0]
                assert time.monotonic() < deadline, "serve did not come up"
                time.sleep(0.2)
        assert httpx.get(url, headers={"Host": "evil.example"}).status_code == 421
        assert httpx.get(url, headers={"Host": f"ledger.example:{port}"}).status_code == 200
        assert httpx.head(url).status_code == 200
    finally:
        server.terminate()
        server.communicate(timeout=30)
