"""schema.org `Claim` objects (JSON-LD), the vocabulary fact-checkers' ClaimReview builds on.

Each ledger claim becomes::

    {"@context": "https://schema.org", "@type": "Claim", "identifier": claim_id,
     "text": content, "author": {"@type": "Person" | "Organization", "name": claimant},
     "datePublished": stated_on, "appearance": [CreativeWork per carrier],
     "firstAppearance": the earliest carrier}

A carrier's CreativeWork has its url, headline (title), publisher (outlet) and datePublished
when the ledger knows them. Output is one JSON array, or JSON Lines with ``lines=True``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from datetime import date
from typing import TYPE_CHECKING, Any, TextIO

from claimledger.batches import batched
from claimledger.ledger.records import DocMeta, document_meta
from claimledger.models import Claim

if TYPE_CHECKING:
    from claimledger.ledger.store import Store

CONTEXT = "https://schema.org"
# Claimant types that are people; every other known type is an organisation of some kind.
PERSON_TYPES = frozenset({"person"})
# Carrier pages looked up per round trip, and how many are kept between rounds.
LOOKUP = 500
CACHE_LIMIT = 20_000


def web_url(url: str) -> bool:
    """True for an http(s) URL with no blanks or control characters: the only kind a consumer
    may turn into a link (`javascript:`, `JaVaScRiPt:`, `java\\0script:` are left out)."""
    return bool(_WEB_URL.match(url))


_WEB_URL = re.compile(r"https?://[^\s\x00-\x1f\x7f-\x9f]+\Z", re.IGNORECASE)


def appearance(meta: DocMeta) -> dict[str, Any]:
    """A carrier document as a schema.org CreativeWork (unknown fields left out)."""
    work: dict[str, Any] = {"@type": "CreativeWork", "identifier": meta.doc_id}
    if meta.url and web_url(meta.url):
        work["url"] = meta.url
    if meta.title:
        work["headline"] = meta.title
    if meta.outlet:
        work["publisher"] = {"@type": "Organization", "name": meta.outlet}
    if meta.published:
        work["datePublished"] = meta.published.isoformat()
    return work


def claim_object(claim: Claim, carriers: list[DocMeta]) -> dict[str, Any]:
    """One ledger claim as a schema.org Claim; `carriers` in the claim's carrier order."""
    author_type = "Person" if claim.claimant_type in PERSON_TYPES else "Organization"
    obj: dict[str, Any] = {
        "@context": CONTEXT,
        "@type": "Claim",
        "identifier": claim.claim_id,
        "text": claim.content,
        "author": {"@type": author_type, "name": claim.claimant},
    }
    if claim.stated_on:
        obj["datePublished"] = claim.stated_on.isoformat()
    if carriers:
        obj["appearance"] = [appearance(m) for m in carriers]
        # Earliest dated carrier; undated ones only when none is dated (ties: carrier order).
        first = min(
            enumerate(carriers),
            key=lambda im: (im[1].published is None, im[1].published or date.min, im[0]),
        )[1]
        obj["firstAppearance"] = appearance(first)
    return obj


def _with_carriers(
    store: Store, records: Iterable[tuple[Claim, DocMeta]]
) -> Iterator[tuple[Claim, list[DocMeta]]]:
    """Attach the DocMeta of every carrier, looked up in batches with a bounded cache."""
    cache: dict[str, DocMeta] = {}

    def flush(pending: list[tuple[Claim, DocMeta]]) -> Iterator[tuple[Claim, list[DocMeta]]]:
        missing = {d for c, _ in pending for d in c.carriers if d not in cache}
        if len(cache) + len(missing) > CACHE_LIMIT:
            cache.clear()
            missing = {d for c, _ in pending for d in c.carriers}
        cache.update(document_meta(store, missing))
        for claim, meta in pending:
            cache.setdefault(meta.doc_id, meta)
            yield claim, [cache[d] for d in claim.carriers if d in cache]

    for pending in batched(records, LOOKUP):
        yield from flush(pending)


def write_claimreview(
    store: Store, records: Iterable[tuple[Claim, DocMeta]], out: TextIO, *, lines: bool = False
) -> int:
    """Write schema.org Claim objects as a JSON array (or JSON Lines); returns how many."""
    n = 0
    if not lines:
        out.write("[")
    for claim, carriers in _with_carriers(store, records):
        text = json.dumps(claim_object(claim, carriers), ensure_ascii=False)
        if lines:
            out.write(text + "\n")
        else:
            out.write(("\n" if n == 0 else ",\n") + text)
        n += 1
    if not lines:
        out.write("\n]\n" if n else "]\n")
    return n
