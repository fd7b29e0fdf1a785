"""URL fetching against real local HTTP servers: redirects, schemes, hosts, slow and big pages."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from claimledger.errors import TOO_LARGE, UNREADABLE, InputError
from claimledger.ingest import fetch, read_inputs
from claimledger.models import Document

PAGE = (
    b"<html><head><title>Dam</title></head><body><article><p>The water board said on Friday "
    b"that 6 pumping stations had failed after the river burst its banks.</p><p>Engineers "
    b"denied that the dam itself had been damaged.</p></article></body></html>"
)


class Site:
    """A loopback server; `routes` maps a path to a handler writing the answer."""

    def __init__(self) -> None:
        self.routes: dict[str, object] = {}
        site = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                route = site.routes.get(self.path.split("?")[0])
                if route is None:
                    self.send_error(404)
                    return
                route(self)  # type: ignore[operator]

            def log_message(self, *args: object) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.base = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def site() -> Iterator[Site]:
    one = Site()
    yield one
    one.close()


@pytest.fixture
def other_site() -> Iterator[Site]:
    one = Site()
    yield one
    one.close()


def page(handler: BaseHTTPRequestHandler, body: bytes = PAGE) -> None:
    handler.send_response(200)
    handler.send_header("Content-Type", "text/html; charset=utf-8")
    handler.send_header("Content-Length", str(len(body)))
    handler.end_headers()
    handler.wfile.write(body)


def redirect(to: str, status: int = 302):  # type: ignore[no-untyped-def]
    def answer(handler: BaseHTTPRequestHandler) -> None:
        handler.send_response(status)
        handler.send_header("Location", to)
        handler.send_header("Content-Length", "0")
        handler.end_headers()

    return answer


def test_redirect_on_the_same_host_is_followed_and_final_url_recorded(site: Site) -> None:
    site.routes["/old"] = redirect("/moved", 301)
    site.routes["/moved"] = redirect(f"{site.base}/story", 307)
    site.routes["/story"] = page
    fetched = fetch.fetch_url(f"{site.base}/old")
    assert fetched.body == PAGE and fetched.url == f"{site.base}/story"
    (doc,) = [i for i in read_inputs([f"{site.base}/old"]) if isinstance(i, Document)]
    assert doc.url == f"{site.base}/story"  # provenance: where the text came from
    assert "6 pumping stations" in doc.text


def test_redirect_to_another_port_is_refused(site: Site, other_site: Site) -> None:
    other_site.routes["/story"] = page
    site.routes["/go"] = redirect(f"{other_site.base}/story")
    with pytest.raises(InputError) as info:
        fetch.fetch_url(f"{site.base}/go")
    assert info.value.code == UNREADABLE and "another host" in info.value.message
    allowed = fetch.fetch_url(f"{site.base}/go", other_hosts=True)
    assert allowed.url == f"{other_site.base}/story"


@pytest.mark.parametrize(
    "target", ["ftp://127.0.0.1/story", "file:///etc/passwd", "javascript:alert(1)", "gopher://x"]
)
def test_redirect_to_another_scheme_is_refused(site: Site, target: str) -> None:
    site.routes["/go"] = redirect(target)
    with pytest.raises(InputError) as info:
        fetch.fetch_url(f"{site.base}/go", other_hosts=True)
    assert "not followed" in info.value.message


def test_redirect_loop_stops(site: Site) -> None:
    site.routes["/a"] = redirect("/b")
    site.routes["/b"] = redirect("/a")
    with pytest.raises(InputError) as info:
        fetch.fetch_url(f"{site.base}/a")
    assert "redirects" in info.value.message


def test_drip_server_hits_the_total_deadline(site: Site) -> None:
    def drip(handler: BaseHTTPRequestHandler) -> None:
        handler.send_response(200)
        handler.send_header("Content-Type", "text/html")
        handler.end_headers()
        try:
            for _ in range(200):
                handler.wfile.write(b"<p>")
                handler.wfile.flush()
                time.sleep(0.1)
        except OSError:
            pass

    site.routes["/drip"] = drip
    start = time.perf_counter()
    with pytest.raises(InputError) as info:
        fetch.fetch_url(f"{site.base}/drip", timeout=1.5)
    assert time.perf_counter() - start < 4.0
    assert "within 1.5 s" in info.value.message


def test_slow_headers_hit_the_deadline(site: Site) -> None:
    def slow_headers(handler: BaseHTTPRequestHandler) -> None:
        try:
            handler.wfile.write(b"HTTP/1.1 200 OK\r\n")
            for i in range(100):
                handler.wfile.write(f"X-Pad-{i}: a\r\n".encode())
                handler.wfile.flush()
                time.sleep(0.1)
        except OSError:
            pass

    site.routes["/slow"] = slow_headers
    start = time.perf_counter()
    with pytest.raises(InputError):
        fetch.fetch_url(f"{site.base}/slow", timeout=1.0)
    assert time.perf_counter() - start < 3.5


def test_body_above_the_cap_is_refused(site: Site) -> None:
    site.routes["/big"] = lambda h: page(h, b"<p>" + b"x" * 300_000 + b"</p>")
    with pytest.raises(InputError) as info:
        fetch.fetch_url(f"{site.base}/big", max_bytes=100_000)
    assert info.value.code == TOO_LARGE


def test_http_error_and_refused_scheme_are_one_error_each(site: Site) -> None:
    items = list(read_inputs([f"{site.base}/missing"]))
    assert [(type(i), getattr(i, "code", None)) for i in items] == [(InputError, UNREADABLE)]
    with pytest.raises(InputError):
        fetch.fetch_url("ftp://127.0.0.1/file")
