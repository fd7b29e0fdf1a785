"""Small helpers the templates use: links to a claim's sentence, query strings, number format."""

from __future__ import annotations

from typing import Any
from urllib.parse import quote, urlencode

from jinja2 import Environment
from starlette.datastructures import QueryParams

from claimledger.models import Claim, Quantity
from claimledger.web.highlight import highlight_sentence
from claimledger.web.security import safe_href


def claim_href(claim: Claim) -> str:
    """The claim's sentence in context: its document page, scrolled to the claim's anchor."""
    return f"/documents/{quote(claim.doc_id, safe='')}#claim-{quote(claim.claim_id, safe='')}"


def with_query(params: QueryParams, **changes: Any) -> str:
    """The current query string with some keys replaced (None drops a key); for sort/page links."""
    merged = {k: v for k, v in params.multi_items() if k not in changes}
    merged.update({k: str(v) for k, v in changes.items() if v is not None and v != ""})
    return "?" + urlencode(merged)


def fmt_number(value: float | int | None) -> str:
    """1221.0 -> '1,221'; 2.5 -> '2.5'; None -> ''."""
    if value is None:
        return ""
    if float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:,.2f}".rstrip("0").rstrip(".")


def quantity_label(q: Quantity) -> str:
    """'1,221 soldiers killed' from a quantity's parts (the text as written when no value)."""
    words = [q.group or q.counted or "", q.event or ""]
    head = q.text
    return " ".join(w for w in [head, *words] if w)


def register_filters(env: Environment) -> None:
    """Make the helpers available in every template."""
    env.globals["claim_href"] = claim_href
    env.globals["with_query"] = with_query
    env.globals["safe_href"] = safe_href
    env.filters["num"] = fmt_number
    env.filters["qlabel"] = quantity_label
    env.filters["marked"] = highlight_sentence
