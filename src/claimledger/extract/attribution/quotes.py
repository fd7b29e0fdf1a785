"""Quotation spans found over the raw text, independent of spaCy's sentence splitter.

The small English model often splits a sentence inside a quotation or joins two around it, so
quotations are located by scanning the characters: curly and straight double quotes, and
guillemets. A quotation left open at the end of a paragraph continues when the next paragraph
opens with a quote mark again (the news convention for multi-paragraph quotes); otherwise it is
closed at the paragraph end so one stray mark never swallows the article.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable

from claimledger.lexicon import words as lexicon_words
from claimledger.models import Span

OPENERS = frozenset("“«„")
CLOSERS = frozenset("”»")
STRAIGHT = '"'
# Two apostrophes stand for a straight double quote in some wire and archive texts.
DOUBLED = "''"
QUOTE_CHARS = OPENERS | CLOSERS | {STRAIGHT}
SINGLE_OPENERS = frozenset("'‘’‹")
SINGLE_CLOSERS = frozenset("'’›")
_SINGLE_MARK = re.compile("['‘’‹›]")
_DOUBLE_MARK = re.compile(f"{DOUBLED}|[{''.join(sorted(QUOTE_CHARS))}]")


def _paragraphs(text: str) -> list[Span]:
    """[start, end) of every non-empty line."""
    spans: list[Span] = []
    start = 0
    for line in text.split("\n"):
        end = start + len(line)
        if line.strip():
            spans.append((start, end))
        start = end + 1
    return spans


def _opens_with_quote(text: str, s: int, e: int) -> int | None:
    """Offset of the opening quote mark starting a paragraph, if it starts with one."""
    i = s
    while i < e and text[i].isspace():
        i += 1
    if i < e and (text[i] in OPENERS or text[i] == STRAIGHT or text.startswith(DOUBLED, i)):
        return i
    return None


def find_quotes(text: str) -> list[Span]:
    """Every quotation as [start, end) including its marks, in text order, non-overlapping:
    double marks (" “ ” « » „) first, then single ones (' ‘ ’) outside them.

    Example:
        >>> find_quotes('He said: "We will win." Then left.')
        [(9, 23)]
    """
    double = _double_quotes(text)
    single = [q for q in _single_quotes(text) if not any(a < q[1] and q[0] < b for a, b in double)]
    return sorted(double + single)


# One paragraph's scan: (text, where to start, the paragraph, the quotation open at the start
# or None, the list to append closed ones to) -> the quotation still open at the paragraph end.
_ParagraphScan = Callable[[str, int, Span, int | None, list[Span]], int | None]


def _by_paragraph(
    text: str,
    opens_with: Callable[[str, int, int], int | None],
    scan: _ParagraphScan,
    runs_on: Callable[[str, Span], bool] | None = None,
) -> list[Span]:
    """The frame both quotation scanners share: a quotation open at a paragraph's end goes on
    when the next paragraph opens with a mark (that mark is skipped) or, with `runs_on`, when
    that paragraph's first mark can only close it; else it closes there."""
    quotes: list[Span] = []
    paragraphs = _paragraphs(text)
    open_at: int | None = None
    for p_index, paragraph in enumerate(paragraphs):
        i = paragraph[0]
        if open_at is not None:
            first = opens_with(text, *paragraph)
            if first is not None:
                i = first + _mark_len(text, first)
        open_at = scan(text, i, paragraph, open_at, quotes)
        if open_at is not None:
            nxt = paragraphs[p_index + 1] if p_index + 1 < len(paragraphs) else None
            if nxt is None or not (
                opens_with(text, *nxt) is not None or (runs_on is not None and runs_on(text, nxt))
            ):
                quotes.append((open_at, _rstrip(text, open_at, paragraph[1])))
                open_at = None
    return quotes


def _single_quotes(text: str) -> list[Span]:
    """Quotations in single marks: 'We will win,' he said. An apostrophe is told apart by its
    place: an opening mark follows a space, a colon or a dash and comes before a word; a closing
    one follows a word or punctuation and comes before a space, punctuation or the line end, and
    never sits between two letters (It’s, Azerbaijan’s)."""
    return _by_paragraph(text, _opens_with_single, _scan_single)


def _scan_single(
    text: str, i: int, paragraph: Span, open_at: int | None, quotes: list[Span]
) -> int | None:
    p_start, p_end = paragraph
    # Only the marks themselves are looked at: one regex pass, not every character.
    for mark in _SINGLE_MARK.finditer(text, i, p_end):
        j = mark.start()
        if open_at is None:
            if _single_opener(text, j, p_start):
                open_at = j
        elif _single_closer(text, j, p_end):
            quotes.append((open_at, j + 1))
            open_at = None
    return open_at


def _single_opener(text: str, i: int, p_start: int) -> bool:
    ch = text[i]
    if ch not in SINGLE_OPENERS or i + 1 >= len(text) or not text[i + 1].isalnum():
        return False
    if ch == "’" and not text[i + 1].isupper():
        return False
    return i == p_start or text[i - 1].isspace() or text[i - 1] in "(:—–-"


def _single_closer(text: str, i: int, p_end: int) -> bool:
    if text[i] not in SINGLE_CLOSERS or text[i - 1].isspace():
        return False
    after = text[i + 1] if i + 1 < p_end else " "
    if text[i - 1].isalpha() and after.isalpha():
        return False  # an apostrophe inside a word
    return after.isspace() or after in ",.;:!?)—–-"


def _opens_with_single(text: str, start: int, end: int) -> int | None:
    i = start
    while i < end and text[i].isspace():
        i += 1
    return i if i < end and _single_opener(text, i, i) else None


def _double_quotes(text: str) -> list[Span]:
    """Quotations in double marks; „…“ closes on its “."""
    return _by_paragraph(text, _opens_with_quote, _scan_double, runs_on=_first_mark_closes)


def _scan_double(
    text: str, i: int, paragraph: Span, open_at: int | None, quotes: list[Span]
) -> int | None:
    p_start, p_end = paragraph
    # Only the marks themselves are looked at (every other character leaves the state as it
    # is): one regex pass, not every character. The pattern takes a doubled apostrophe before
    # a lone character, as reading left to right does.
    for mark in _DOUBLE_MARK.finditer(text, i, p_end):
        i = mark.start()
        ch = text[i]
        width = mark.end() - i
        if open_at is None:
            # A closing mark opening a paragraph is a typo for an opening one.
            leading = ch in CLOSERS and not text[p_start:i].strip()
            if ch in OPENERS or ch == STRAIGHT or width == 2 or leading:
                open_at = i
        elif ch in CLOSERS or ch == STRAIGHT or width == 2 or (ch == "“" and text[open_at] == "„"):
            quotes.append((open_at, i + width))
            open_at = None
        elif ch in OPENERS:
            # A new opener while open: the earlier one was never closed.
            quotes.append((open_at, _rstrip(text, open_at, i)))
            open_at = i
    return open_at


def _first_mark_closes(text: str, span: Span) -> bool:
    """The paragraph's first double mark can only close a quotation: it follows a word or
    punctuation and comes before a space, punctuation or the line end ('... injured," the
    minister said'). A quotation left open above runs on to it: scraped copies often lose the
    mark that reopens a quotation's next paragraph."""
    s, e = span
    for i in range(s, e):
        if text[i] in QUOTE_CHARS or text.startswith(DOUBLED, i):
            after = text[i + _mark_len(text, i)] if i + _mark_len(text, i) < e else " "
            return (
                text[i] not in OPENERS
                and i > s
                and not text[i - 1].isspace()
                and (after.isspace() or after in ",.;:!?)")
            )
    return False


def _mark_len(text: str, i: int) -> int:
    """2 at a doubled-apostrophe quote mark, else 1."""
    return 2 if text.startswith(DOUBLED, i) else 1


def _rstrip(text: str, start: int, end: int) -> int:
    while end > start + 1 and text[end - 1].isspace():
        end -= 1
    return end


class QuoteIndex:
    """Fast lookup of the quotation covering or overlapping a character range."""

    def __init__(self, quotes: list[Span]) -> None:
        self.quotes = quotes
        self.quotes_set = frozenset(quotes)
        self._starts = [s for s, _ in quotes]

    def covering(self, pos: int) -> Span | None:
        """The quotation holding character `pos`, if any."""
        k = bisect_right(self._starts, pos) - 1
        if k >= 0 and self.quotes[k][0] <= pos < self.quotes[k][1]:
            return self.quotes[k]
        return None

    def overlapping(self, start: int, end: int) -> list[Span]:
        """Quotations that share at least one character with [start, end)."""
        k = max(bisect_right(self._starts, start) - 1, 0)
        found: list[Span] = []
        while k < len(self.quotes) and self.quotes[k][0] < end:
            if self.quotes[k][1] > start:
                found.append(self.quotes[k])
            k += 1
        return found


# "… trouble." ― Edwin Monroy: a dash then a name closing the line credits the quotation.
_GAP = r"[ \t\u00a0]*"
_NAME_WORD = r"[A-Z][\w.'’-]*"
_BYLINE = re.compile(rf"{_GAP}([―—–]|--?){_GAP}({_NAME_WORD}(?:[ \t\u00a0]+{_NAME_WORD}){{0,4}})")


def byline_after(text: str, end: int) -> tuple[Span, Span] | None:
    """(dash, name) when a quotation ending at `end` is signed by a name closing its line."""
    m = _BYLINE.match(text, end)
    if m is None:
        return None
    rest = text[m.end() : m.end() + 80].split("\n", 1)[0]
    if rest.strip(" \t\u00a0.,") and not rest.lstrip().startswith(","):
        return None
    return m.span(1), (m.start(2), m.end(2))


def block_after(text: str, pos: int, index: QuoteIndex) -> Span | None:
    """The paragraph a line ending in a colon at `pos` introduces (`He said:` then a block).

    A quotation opening that paragraph is taken whole, with any paragraphs it continues into.
    """
    gap = pos
    while gap < len(text) and text[gap].isspace():
        gap += 1
    if gap >= len(text) or "\n" not in text[pos:gap]:
        return None
    quote = index.covering(gap)
    if quote is not None and quote[0] == gap:
        return quote
    end = text.find("\n", gap)
    return gap, _rstrip(text, gap, end if end != -1 else len(text))


# "WALLACE: Let's start ..." - an interview transcript line: a capitalised speaker label, a colon.
_SPEAKER_LINE = re.compile(
    r"[ \t\u00a0]*[\"“]?[ \t\u00a0]*([A-Z][A-Z.'’-]+(?:[ \t\u00a0][A-Z][A-Z.'’-]+){0,3})"
    r"[ \t\u00a0]*(:)[ \t\u00a0]*(?=\S)"
)


def speaker_lines(text: str) -> list[tuple[Span, Span, Span]]:
    """(label, colon, words) of every transcript line that opens with an upper-case label.

    Example:
        >>> speaker_lines('HOST: Welcome back.')
        [((0, 4), (4, 5), (6, 19))]
    """
    out: list[tuple[Span, Span, Span]] = []
    not_speakers = lexicon_words("transcript_non_speakers")
    for start, end in _paragraphs(text):
        m = _SPEAKER_LINE.match(text, start, end)
        if m is None or len(m.group(1).replace(".", "")) < 2 or m.group(1) in not_speakers:
            continue
        stop = end
        while stop > m.end() and (text[stop - 1].isspace() or text[stop - 1] in QUOTE_CHARS):
            stop -= 1
        if stop - m.end() > 1:
            out.append((m.span(1), m.span(2), (m.end(), stop)))
    return out
