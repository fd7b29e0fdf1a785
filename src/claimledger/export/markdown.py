"""The "Per X" table in Markdown (GitHub flavour), numbered sources listed under it.

    | What is counted | Per Armenia | Per Azerbaijan | Per others |
    |---|---|---|---|
    | Armenian soldiers killed | 158 (Armenia, 2020-10-02) [1] | … | … |

    1. [Title](https://…): Outlet, 2020-10-02 (accessed 2020-10-05)

Text from documents is escaped so that it cannot end a cell, start a link, emphasis, code or an
HTML tag: Markdown's punctuation is backslash-escaped and < > & become entities. Only http(s)
URLs become links, with parentheses and spaces percent-encoded.
"""

from __future__ import annotations

import re
from typing import TextIO

from claimledger.export.per_side import Citation, SideTable
from claimledger.export.wikitable import safe_url

__all__ = ["escape_markdown", "write_markdown"]

_PUNCT = set("\\`*_{}[]()#+-.!|~^\"'$:;")
_HTML = {"<": "&lt;", ">": "&gt;", "&": "&amp;"}
_SPACES = re.compile(r"\s+")


def escape_markdown(text: str | None) -> str:
    """Document text as inert Markdown: one line, punctuation escaped, tags as entities."""
    flat = _SPACES.sub(" ", text or "").strip()
    out = []
    for c in flat:
        if c in _HTML:
            out.append(_HTML[c])
        elif c in _PUNCT:
            out.append("\\" + c)
        elif c.isprintable():
            out.append(c)
        else:
            out.append(" ")
    return "".join(out)


def _source(n: int, c: Citation) -> str:
    title = escape_markdown(c.title or c.work or "untitled")
    url = safe_url(c.url)
    head = f"[{title}]({url.replace('(', '%28').replace(')', '%29')})" if url else title
    parts = [p for p in (escape_markdown(c.work), c.published and c.published.isoformat()) if p]
    accessed = f" (accessed {c.accessed.isoformat()})" if c.accessed else ""
    return f"{n}. {head}{': ' + ', '.join(parts) if parts else ''}{accessed}"


def write_markdown(table: SideTable, out: TextIO, about: str | None = None) -> int:
    """Write the table and its numbered sources; returns the number of figures written."""
    sources: dict[Citation, int] = {}

    def ref(c: Citation) -> int:
        return sources.setdefault(c, len(sources) + 1)

    caption = "Figures per side" + (f" about {escape_markdown(about)}" if about else "")
    out.write(f"**{caption}**\n\n")
    header = ["What is counted", *(f"Per {escape_markdown(s)}" for s in table.sides)]
    out.write("| " + " | ".join(header) + " |\n")
    out.write("|" + "---|" * len(header) + "\n")
    for label, cells in table.rows:
        row = [escape_markdown(label)]
        for side in table.sides:
            shown = []
            for f in cells.get(side, []):
                share = " of them" if f.share else ""
                when = f", {f.stated_on.isoformat()}" if f.stated_on else ""
                who = escape_markdown(f.claimant)
                shown.append(
                    f"{escape_markdown(f.text)}{share} ({who}{when}) \\[{ref(f.citation)}\\]"
                )
            row.append("<br>".join(shown))
        out.write("| " + " | ".join(row) + " |\n")
    if sources:
        out.write("\n")
        for c, n in sources.items():
            out.write(_source(n, c) + "\n")
    return len(table)
