"""The one network seam: fetch a URL's bytes, bounded every way a server can stretch it.

Redirects are followed by hand, at most MAX_REDIRECTS, only to http(s) and only on the host
(and port) asked for unless the caller allows others: a page may not send the fetcher to
`ftp://`, to another port of the same machine or to another site. The whole fetch, headers
included, has one deadline, enforced by a timer that shuts the socket (a server dripping one
byte a second never trips a per-read timeout), and the body is capped at `max_bytes`. The final
URL is returned, so a redirected page is recorded under the address it came from. Tests patch
`fetch_url`.
"""

from __future__ import annotations

import contextlib
import http.client
import socket
import threading
import time
from typing import NamedTuple
from urllib.parse import urljoin, urlsplit

from claimledger.errors import TOO_LARGE, UNREADABLE, InputError

USER_AGENT = "claimledger/0.1 (+https://github.com/claimledger)"
# A page larger than this is not an article; matches the file limit in reader.py.
MAX_FETCH_BYTES = 10 * 1024 * 1024
MAX_REDIRECTS = 5
# Seconds for the whole fetch, redirects included.
DEADLINE = 30.0
_REDIRECTS = frozenset({301, 302, 303, 307, 308})
_CHUNK = 64 * 1024


class Fetched(NamedTuple):
    """A fetched page: its bytes, its Content-Type and the URL it finally came from."""

    body: bytes
    content_type: str | None
    url: str


def fetch_url(
    url: str,
    *,
    timeout: float = DEADLINE,
    max_bytes: int = MAX_FETCH_BYTES,
    max_redirects: int = MAX_REDIRECTS,
    other_hosts: bool = False,
) -> Fetched:
    """Download `url` within `timeout` seconds in total.

    Args:
        url: an http or https URL.
        timeout: deadline for the whole fetch, redirects and slow servers included.
        max_bytes: largest body accepted.
        max_redirects: redirects followed before giving up.
        other_hosts: follow redirects to another host or port (off: same host and port only).

    Raises:
        InputError: UNREADABLE on a network or HTTP failure, a refused redirect or the deadline;
            TOO_LARGE above `max_bytes`.
    """
    deadline = time.monotonic() + timeout
    current = url
    for _ in range(max_redirects + 1):
        target = _checked(url, current, other_hosts)
        status, location, content_type, body = _get_once(url, target, deadline, timeout, max_bytes)
        if status in _REDIRECTS and location:
            current = urljoin(current, location.strip())
            continue
        if status >= 400:
            raise InputError(url, f"HTTP {status} from {current}", code=UNREADABLE)
        return Fetched(body, content_type, current)
    raise InputError(url, f"more than {max_redirects} redirects; not followed", code=UNREADABLE)


def _checked(asked: str, url: str, other_hosts: bool) -> tuple[str, str, int, str]:
    """(scheme, host, port, path?query) of `url`; refuses schemes and hosts not allowed."""
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError as exc:
        raise InputError(asked, f"not a URL we fetch ({url[:200]!r})", code=UNREADABLE) from exc
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https") or not parts.hostname:
        where = "redirected to" if url != asked else "not an http(s) URL:"
        raise InputError(asked, f"{where} {url[:200]!r}; not followed", code=UNREADABLE)
    port = port or (443 if scheme == "https" else 80)
    if url != asked and not other_hosts:
        first = urlsplit(asked)
        first_port = first.port or (443 if first.scheme.lower() == "https" else 80)
        if (parts.hostname, port) != (first.hostname, first_port):
            raise InputError(
                asked,
                f"redirected to another host ({parts.hostname}:{port}); not followed",
                code=UNREADABLE,
            )
    path = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    return scheme, parts.hostname, port, path


def _get_once(
    asked: str,
    target: tuple[str, str, int, str],
    deadline: float,
    timeout: float,
    max_bytes: int,
) -> tuple[int, str | None, str | None, bytes]:
    """One GET: (status, Location, Content-Type, body); body empty for redirects and errors."""
    scheme, host, port, path = target
    remaining = deadline - time.monotonic()
    if remaining <= 0:
        raise InputError(asked, f"no answer within {timeout:g} s", code=UNREADABLE)
    connection_class = (
        http.client.HTTPSConnection if scheme == "https" else http.client.HTTPConnection
    )
    conn = connection_class(host, port, timeout=remaining)
    expired = threading.Event()
    opened: list[socket.socket] = []  # the connection drops its socket once a response is read

    def cut() -> None:
        expired.set()
        for sock in opened:
            with contextlib.suppress(OSError):  # already closed
                sock.shutdown(socket.SHUT_RDWR)

    timer = threading.Timer(remaining, cut)
    timer.daemon = True
    timer.start()
    try:
        conn.connect()
        opened.append(conn.sock)
        if expired.is_set():  # the deadline passed while connecting
            cut()
        conn.request("GET", path, headers={"User-Agent": USER_AGENT, "Accept-Encoding": "identity"})
        response = conn.getresponse()
        status = response.status
        if status in _REDIRECTS or status >= 400:
            return status, response.getheader("Location"), None, b""
        body = bytearray()
        while chunk := response.read1(_CHUNK):
            body += chunk
            if len(body) > max_bytes:
                raise InputError(asked, f"page larger than {max_bytes:,} bytes", code=TOO_LARGE)
        if expired.is_set():
            raise InputError(asked, f"no full answer within {timeout:g} s", code=UNREADABLE)
        return status, None, response.getheader("Content-Type"), bytes(body)
    except InputError:
        raise
    except (OSError, http.client.HTTPException, ValueError) as exc:
        if expired.is_set():
            raise InputError(
                asked, f"no full answer within {timeout:g} s", code=UNREADABLE
            ) from exc
        raise InputError(asked, f"cannot fetch ({exc})", code=UNREADABLE) from exc
    finally:
        timer.cancel()
        conn.close()
