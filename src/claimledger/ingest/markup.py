"""Linear passes over raw HTML that keep libxml2 (under trafilatura) within bounds.

libxml2 checks each new attribute of an element against all the earlier ones, so one element
with tens of thousands of attributes costs quadratic time (1.5 MB took 80 s, 3.2 MB 796 s).
`limit_attributes` keeps the first MAX_ATTRIBUTES of every run of attributes, in one regex pass
whose work per character is bounded, before the page is parsed; no article needs more.

libxml2 also stops building the tree 256 elements deep (without XML_PARSE_HUGE), so an article
nested deeper is lost. `flatten_deep` drops the wrapper tags beyond MAX_DEPTH (keeping
paragraphs, line breaks and headings), so the text inside is parsed at a depth it can reach.
"""

from __future__ import annotations

import re
from collections import Counter

# Attributes kept per element: a real element has a handful; srcset-heavy images a dozen.
MAX_ATTRIBUTES = 64
# Elements kept open at most this deep; libxml2 gives up at 256.
MAX_DEPTH = 200

_NAME = r"[^\s\"'<>/=]+"
_VALUE = r"(?:\"[^\"]*\"|'[^']*'|[^\s\"'<>=`]+)"
_ATTRIBUTE = rf"\s+{_NAME}(?:\s*=\s*{_VALUE})?"
# A start tag with more than MAX_ATTRIBUTES attributes (the tag name, then the whole run).
_LONG_RUN = re.compile(rf"(<[A-Za-z][^\s\"'<>/=]*)((?:{_ATTRIBUTE}){{{MAX_ATTRIBUTES + 1},}})")
_ONE = re.compile(_ATTRIBUTE)
_TAG = re.compile(r"<(/?)([A-Za-z][\w:-]*)[^<>]*?(/?)>")
# Elements that never hold others (no end tag) and those whose end tag the parser implies.
_VOID = frozenset(
    [
        "area",
        "base",
        "br",
        "col",
        "embed",
        "hr",
        "img",
        "input",
        "link",
        "meta",
        "param",
        "source",
        "track",
        "wbr",
    ]
)
_IMPLIED_END = frozenset(
    ["p", "li", "dt", "dd", "option", "tr", "td", "th", "thead", "tbody", "tfoot", "rb", "rt", "rp"]
)
_KEPT_WHEN_DEEP = frozenset(["p", "br", "h1", "h2", "h3", "h4", "h5", "h6"])


def limit_attributes(html: str) -> str:
    """`html` with every run of attributes cut to its first MAX_ATTRIBUTES."""
    return _LONG_RUN.sub(_first_attributes, html)


def _first_attributes(run: re.Match[str]) -> str:
    kept = [run.group(1)]
    for n, attribute in enumerate(_ONE.finditer(run.group(2))):
        if n == MAX_ATTRIBUTES:
            break
        kept.append(attribute.group(0))
    return "".join(kept)


def nesting_depth(html: str) -> int:
    """How deep elements nest, counting only those that need an end tag (an estimate)."""
    deepest = 0
    stack: list[str] = []
    open_count: Counter[str] = Counter()
    for tag in _TAG.finditer(html):
        name = tag.group(2).lower()
        if name in _VOID or name in _IMPLIED_END or tag.group(3):
            continue
        if not tag.group(1):
            stack.append(name)
            open_count[name] += 1
            deepest = max(deepest, len(stack))
        elif open_count[name]:  # an end tag closes its element and any left open inside it
            while (popped := stack.pop()) != name:
                open_count[popped] -= 1
            open_count[name] -= 1
    return deepest


def flatten_deep(html: str) -> str:
    """`html` without the start and end tags of elements nested beyond MAX_DEPTH."""
    out: list[str] = []
    stack: list[tuple[str, bool]] = []  # (name, dropped)
    open_count: Counter[str] = Counter()
    last = 0
    for tag in _TAG.finditer(html):
        name = tag.group(2).lower()
        if name in _VOID or name in _IMPLIED_END or tag.group(3):
            continue
        drop = False
        if not tag.group(1):
            drop = len(stack) >= MAX_DEPTH and name not in _KEPT_WHEN_DEEP
            stack.append((name, drop))
            open_count[name] += 1
        elif open_count[name]:
            while True:
                popped, drop = stack.pop()
                open_count[popped] -= 1
                if popped == name:
                    break
        if drop:
            out.append(html[last : tag.start()])
            out.append(" ")
            last = tag.end()
    out.append(html[last:])
    return "".join(out)
