"""The "Per X" table in MediaWiki markup, a {{cite news}} reference behind every figure.

    {| class="wikitable"
    ! What is counted !! Per Armenia !! Per Azerbaijan !! Per others
    |-
    | Armenian soldiers killed
    | 158 (Armenia, 2020-10-02)<ref>{{cite news |url=… |title=… |work=… |date=…
      |access-date=…}}</ref>
    | …
    |}

Text from documents (titles, outlets, claimants, figures as written) is escaped so that it
cannot close a cell, a template or a reference, open a link or a tag, or start a new row: every
character that means something to the parser becomes its HTML entity. A URL is kept only when
it is http(s), with the characters that would end a template parameter percent-encoded.
"""

from __future__ import annotations

import re
from datetime import date
from typing import TextIO
from urllib.parse import quote

from claimledger.export.per_side import Citation, Figure, SideTable

__all__ = ["escape_wiki", "safe_url", "write_wikitable"]

# Everything the parser reads as markup: cell and template separators, link and template
# brackets, tags and entities, bold/italic quotes, headings, signatures, magic words.
_WIKI = {c: f"&#{ord(c)};" for c in "|{}[]<>&'=~_*#:;!"}
_SPACES = re.compile(r"\s+")


def escape_wiki(text: str | None) -> str:
    """Document text as inert wiki text: one line, every markup character an entity."""
    flat = _SPACES.sub(" ", text or "").strip()
    return "".join(_WIKI.get(c, c) if c.isprintable() else " " for c in flat)


def safe_url(url: str | None) -> str | None:
    """An http(s) URL fit for a template parameter, else None."""
    if not url or not re.match(r"https?://", url, re.IGNORECASE):
        return None
    # Percent-encode what would end the parameter or the template, and whitespace.
    return quote(url.strip(), safe=":/?&=#%@+,;.-_~!$*()")


def _day(d: date | None) -> str:
    return d.isoformat() if d else ""


def cite(c: Citation) -> str:
    """<ref>{{cite news |url= |title= |work= |date= |access-date=}}</ref>, fields escaped."""
    fields = [
        ("url", safe_url(c.url) or ""),
        ("title", escape_wiki(c.title) or escape_wiki(c.work) or "untitled"),
        ("work", escape_wiki(c.work)),
        ("date", _day(c.published)),
        ("access-date", _day(c.accessed)),
    ]
    inner = " ".join(f"|{k}={v}" for k, v in fields)
    return f"<ref>{{{{cite news {inner}}}}}</ref>"


def _figure(f: Figure) -> str:
    share = " of them" if f.share else ""
    when = f", {f.stated_on.isoformat()}" if f.stated_on else ""
    return f"{escape_wiki(f.text)}{share} ({escape_wiki(f.claimant)}{when}){cite(f.citation)}"


def write_wikitable(table: SideTable, out: TextIO, about: str | None = None) -> int:
    """Write the table; returns the number of figures written."""
    caption = "Figures per side" + (f" about {escape_wiki(about)}" if about else "")
    out.write('{| class="wikitable"\n')
    out.write(f"|+ {caption}\n")
    out.write("! What is counted !! " + " !! ".join(f"Per {escape_wiki(s)}" for s in table.sides))
    out.write("\n")
    for label, cells in table.rows:
        out.write("|-\n")
        out.write(f"| {escape_wiki(label)}\n")
        for side in table.sides:
            figures = cells.get(side, [])
            out.write("| " + "<br />".join(_figure(f) for f in figures) + "\n")
    out.write("|}\n")
    return len(table)
