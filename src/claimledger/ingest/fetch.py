"""The one network seam: fetch a URL's bytes with urllib. Tests patch `fetch_url`."""

from __future__ import annotations

import urllib.error
import urllib.request

from claimledger.errors import TOO_LARGE, UNREADABLE, InputError

USER_AGENT = "claimledger/0.1 (+https://github.com/claimledger)"
# A page larger than this is not an article; matches the file limit in reader.py.
MAX_FETCH_BYTES = 10 * 1024 * 1024


def fetch_url(
    url: str, *, timeout: float = 20.0, max_bytes: int = MAX_FETCH_BYTES
) -> tuple[bytes, str | None]:
    """Download `url`; return its body and Content-Type header.

    Raises:
        InputError: UNREADABLE on any network or HTTP failure, TOO_LARGE above `max_bytes`.
    """
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            body: bytes = response.read(max_bytes + 1)
            content_type = response.headers.get("Content-Type")
    except urllib.error.HTTPError as exc:
        raise InputError(url, f"HTTP {exc.code} {exc.reason}", code=UNREADABLE) from exc
    except (urllib.error.URLError, TimeoutError, OSError, ValueError) as exc:
        reason = getattr(exc, "reason", exc)
        raise InputError(url, f"cannot fetch ({reason})", code=UNREADABLE) from exc
    if len(body) > max_bytes:
        raise InputError(url, f"page larger than {max_bytes:,} bytes", code=TOO_LARGE)
    return body, content_type
