"""What every response of `claimledger serve` carries, and which requests it refuses.

Three small ASGI middlewares, outermost first:

- `HostCheck`: only the Host names the server is bound to are answered (421 otherwise), so a
  page on another site cannot read the API through DNS rebinding;
- `HeadAsGet`: HEAD is answered as GET without the body, on pages, API and static files;
- `SecurityHeaders`: a strict Content-Security-Policy (scripts and styles from this server's
  own files only: no inline script, no inline style attribute), nosniff, no framing, no referrer.

And `safe_href`: the only way a URL from a document becomes a link (http and https only).
"""

from __future__ import annotations

import re
import socket
from collections.abc import Iterable
from typing import Any

from starlette.types import ASGIApp, Message, Receive, Scope, Send

# Everything from this server, nothing inline; data: images for the SVG charts' fallbacks.
CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
)
HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"no-referrer"),
    (b"cross-origin-opener-policy", b"same-origin"),
]
LOOPBACK = ("localhost", "127.0.0.1", "::1")
ANY_HOST = "*"


def allowed_hosts(bind: str, extra: Iterable[str] = ()) -> frozenset[str]:
    """Host names `serve --host bind` answers: the bound name, loopback names, and `extra`.

    Bound to every interface (0.0.0.0 or ::), the machine's own names are added too; any other
    name (a LAN address, a DNS name in front of it) must be given with --allow-host.
    """
    names = {bind.strip("[]").lower(), *LOOPBACK}
    if bind in ("0.0.0.0", "::", ""):
        names |= {socket.gethostname().lower(), socket.getfqdn().lower()}
    names |= {h.strip().strip("[]").lower() for h in extra if h.strip()}
    return frozenset(names)


def _host_name(raw: str) -> str:
    """'Example.org:8000' -> 'example.org'; '[::1]:8000' -> '::1'."""
    raw = raw.strip().lower()
    if raw.startswith("["):
        return raw[1 : raw.find("]")] if "]" in raw else raw
    return raw.rsplit(":", 1)[0] if raw.count(":") == 1 else raw


class HostCheck:
    """421 for a Host header that is not one of `hosts` (or no Host header at all)."""

    def __init__(self, app: ASGIApp, hosts: Iterable[str]) -> None:
        self.app = app
        self.hosts = frozenset(hosts)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or ANY_HOST in self.hosts:
            await self.app(scope, receive, send)
            return
        host = ""
        for key, value in scope.get("headers", []):
            if key == b"host":
                host = _host_name(value.decode("latin-1"))
                break
        if host in self.hosts:
            await self.app(scope, receive, send)
            return
        body = b"unknown host: this server answers only the names it is bound to\n"
        await send(
            {
                "type": "http.response.start",
                "status": 421,
                "headers": [
                    (b"content-type", b"text/plain; charset=utf-8"),
                    (b"content-length", str(len(body)).encode()),
                    *HEADERS,
                ],
            }
        )
        await send({"type": "http.response.body", "body": body})


class HeadAsGet:
    """Answer HEAD as the GET would be answered, headers (and Content-Length) without the body."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "HEAD":
            await self.app(scope, receive, send)
            return

        async def headers_only(message: Message) -> None:
            if message["type"] == "http.response.body":
                if not message.get("more_body", False):
                    await send({"type": "http.response.body", "body": b""})
                return
            await send(message)

        await self.app({**scope, "method": "GET"}, receive, headers_only)


class SecurityHeaders:
    """Add the policy headers to every response (pages, API, static files, errors)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                present = {k.lower() for k, _ in message.get("headers", [])}
                extra = [(k, v) for k, v in HEADERS if k not in present]
                message = {**message, "headers": [*message.get("headers", []), *extra]}
            await send(message)

        await self.app(scope, receive, with_headers)


# Browsers drop tabs and newlines anywhere in a URL and leading C0 controls and spaces, so
# "java\tscript:" and " javascript:" both run script; the scheme is read after doing the same.
_IGNORED = re.compile(r"[\t\n\r]")
_EDGE = "".join(map(chr, range(0x21)))  # C0 controls and space
_SCHEME = re.compile(r"^([a-z][a-z0-9+.\-]*):", re.IGNORECASE)


def safe_href(url: Any) -> str | None:
    """`url` if it is an absolute http(s) URL fit for an href, else None (show it as text).

    Anything with a control character left (NUL inside the scheme, say), no scheme, or any
    other scheme (javascript:, JaVaScRiPt:, data:, vbscript:, file:) is refused.
    """
    if not isinstance(url, str):
        return None
    cleaned = _IGNORED.sub("", url).strip(_EDGE)
    if not cleaned or any(ord(ch) < 0x20 or ord(ch) == 0x7F for ch in cleaned):
        return None
    match = _SCHEME.match(cleaned)
    if match is None or match.group(1).lower() not in ("http", "https"):
        return None
    if not cleaned[match.end() :].startswith("//") or len(cleaned) > 2000:
        return None
    return cleaned
