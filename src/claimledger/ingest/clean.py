"""Remove scraping junk from article text while keeping every sentence the author wrote.

The rules are data: `INLINE_JUNK` patterns are cut out wherever they occur, `LINE_JUNK` patterns
drop a whole line when they match it from start to end. Each pattern is anchored on a marker
that does not occur in news prose (a colon after "Photo", "[ad_1]", "All rights reserved"), so a
sentence that merely mentions a photo or a report is never dropped.
"""

from __future__ import annotations

import re
import unicodedata

_I = re.IGNORECASE

# Cut out of a line wherever they occur.
INLINE_JUNK: tuple[re.Pattern[str], ...] = (
    # WordPress ad-slot shortcodes left in scraped text: [ad_1], [ad_2].
    re.compile(r"\[ad_\d+\]", _I),
    # Invisible characters that break tokenisation (zero-width space/joiners, stray BOM).
    re.compile(r"[\u200b\u200c\u200d\u2060\ufeff]"),
)

# A line matching one of these entirely is dropped.
LINE_JUNK: tuple[re.Pattern[str], ...] = (
    # Agency reproduction notices: "It is not allowed to publish, quote or reproduce ...".
    re.compile(
        r"it is (?:not allowed|prohibited|forbidden|not permitted) to "
        r"(?:publish|quote|reproduce|copy|redistribute|use)\b.*",
        _I,
    ),
    re.compile(
        r"(?:any )?(?:reproduction|republication|redistribution)\b.{0,80}"
        r"\b(?:prohibited|forbidden|not allowed|without (?:the )?(?:prior )?(?:written )?"
        r"(?:permission|consent))\b.*",
        _I,
    ),
    # Copyright lines: "© 2020 Daily Wire", "Copyright 2020 ...", "(c) AFP".
    re.compile(r"(?:©|\(c\)\s|copyright\b).{0,200}", _I),
    # "All rights reserved" anywhere in a short line.
    re.compile(r".{0,200}\ball rights reserved\b.{0,100}", _I),
    # Image credits: "Icon: The mirror", "Photo: Reuters", "Image: AFP", "Foto: dpa".
    re.compile(
        r"[(\[]?(?:icon|photo|photos|image|images|picture|pictures|foto|fotos|bild|"
        r"photograph|illustration|video|credit|credits)\s*:\s*[^.!?]{1,80}[)\]]?",
        _I,
    ),
    # "Photo by Jane Doe/AFP via Getty Images".
    re.compile(r"(?:photo|image|picture)s?\s+(?:by|credit|courtesy)\b.{0,100}", _I),
    # Sharing, following and newsletter prompts (short lines only).
    re.compile(
        r"(?:share (?:this|on|via)\b|share\s*:|follow us\b|subscribe\b|sign up\b|"
        r"get (?:our|the) newsletter|newsletter\s*:|join our\b|click here\b|"
        r"download (?:our|the) app\b).{0,120}",
        _I,
    ),
    re.compile(
        r"(?:share|tweet|email|print|facebook|twitter|whatsapp|telegram|linkedin)"
        r"(?:\s*[|,/·•]?\s*(?:share|tweet|email|print|facebook|twitter|whatsapp|"
        r"telegram|linkedin))*",
        _I,
    ),
    # Cookie banners.
    re.compile(
        r".{0,200}\b(?:we use cookies|(?:this|our) (?:web)?site uses cookies|"
        r"accept (?:all )?cookies|cookie (?:policy|settings|preferences))\b.{0,200}",
        _I,
    ),
    # Navigation: "Read more: ...", "Related: ...", "See also", "Most read".
    re.compile(
        r"(?:read more|read also|also read|see also|related(?: articles| stories| news| "
        r"content| coverage| topics)?|more on this(?: story)?|recommended(?: for you)?|"
        r"most (?:read|popular)|trending(?: now)?|tags?|topics?)"
        r"\s*(?:[:»>|–—-].*)?",
        _I,
    ),
    # Lone advertising labels.
    re.compile(r"(?:advertisement|advertising|sponsored(?: content)?|ad|anzeige|реклама)", _I),
    # Separator rules: "***", "---", "___", "• • •".
    re.compile(r"[-_*=•·~#\s]{3,}"),
    # Page furniture: a bare number or counter ("23", "2 min read", "Read: 411", "1.2K views").
    re.compile(
        r"(?:(?:read|views?|comments?|shares?|likes?)\s*:?\s*)?[\d][\d,.:/kK]*"
        r"(?:\s*(?:min(?:ute)?s? read|views?|comments?|shares?|likes?|reads?))?",
        _I,
    ),
    # Upper-case caption labels, however long the caption: "IMAGE: A helicopter fires ...".
    re.compile(r"(?:IMAGE|PHOTO|PICTURE|VIDEO|FILE PHOTO|WATCH|LISTEN)\s*:.*"),
    # A caption that ends in its credit: "A ruined house. Stepanakert, 2020. Photo by J. Doe".
    re.compile(r".{0,300}[.!?]\s+(?:photo|image|picture)s?\s+(?:by|credit|courtesy)\b.{0,120}", _I),
)

# Words a timestamp, byline date or live-blog stamp is made of ("Published - September 15,
# 2024 02:57 am IST - KYIV", "Thu 01st October 2020 | 12:21 PM", "3 minutes ago").
_STAMP_WORDS = frozenset(
    [
        "published",
        "updated",
        "posted",
        "modified",
        "last",
        "date",
        "time",
        "at",
        "on",
        "ago",
        "min",
        "mins",
        "minute",
        "minutes",
        "hour",
        "hours",
        "day",
        "days",
        "am",
        "pm",
        "a.m.",
        "p.m.",
        "gmt",
        "utc",
        "ist",
        "msk",
        "eet",
        "eest",
        "cet",
        "cest",
        "bst",
        "edt",
        "est",
        "pst",
        "mon",
        "tue",
        "wed",
        "thu",
        "fri",
        "sat",
        "sun",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "jan",
        "feb",
        "mar",
        "apr",
        "may",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "january",
        "february",
        "march",
        "april",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ]
)
# Page counters a date line may carry: "29 May 2021 Read: 411", "12.10.2020 | 1,204 views".
_COUNTER_WORDS = frozenset(["read", "reads", "views", "view", "comments", "shares", "likes"])
# A clock time closing a line after a separator: "Politics 18 October — 11:37", "... | 12:21 PM".
_CLOCK_AT_END = re.compile(
    r"[—–|,-]\s*\d{1,2}[:.]\d{2}(?:\s*(?:[ap]\.?m\.?|gmt|utc|msk|ist))?\W*$", _I
)
_BYLINE = re.compile(r"by\s+(?P<rest>.{2,100})", _I)
_BYLINE_WORDS = frozenset(
    ["and", "the", "news", "desk", "staff", "reporter", "correspondent", "editor", "agency", "&"]
)

# A wire dateline opening the article: "STEPANAKERT, Oct 2 (Caucasus Wire) - ", "BRUSSELS — ",
# "YEREVAN/BAKU, Sept 27 (Reuters) -", "BARDA, Azerbaijan — ". Left in place it parses as the
# subject of the first sentence ("Oct" said ...), so it is cut; the place is all capitals and a
# dash must follow, which ordinary sentences do not do.
_DATELINE = re.compile(
    r"(?:[A-Z][A-Z'’.\-]+(?: [A-Z][A-Z'’.\-]+){0,3})"
    r"(?:/[A-Z][A-Z'’.\-]+(?: [A-Z][A-Z'’.\-]+){0,3})*"
    r"(?:,\s+(?:[A-Z][a-z]+\.?(?:\s+\d{1,2})?(?:,\s+\d{4})?|[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?))?"
    r"(?:\s+\([^()\n]{1,40}\))?"
    r"\s+[-–—]{1,2}\s+(?=[\"“A-Z])"
)
# A bullet marker at line start: keep the sentence, drop the marker.
_BULLET = re.compile(r"^(?:[-•*·▪►–—]|\d{1,2}[.)])\s+(?=\S)")
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
# Control characters but the tab: Unicode category Cc is exactly U+0000-001F and U+007F-009F
# (one regex pass; testing the category of every character was most of the cleaning time).
_CONTROLS = re.compile(r"[\x00-\x08\x0a-\x1f\x7f-\x9f]")
# Line ends after which a following line starts a new sentence (or is its own paragraph).
_TERMINAL = tuple('.!?:;"”’»)…')
# A block is hard-wrapped prose when it has this many lines, none longer than the width.
_WRAP_MIN_LINES = 3
_WRAP_MAX_WIDTH = 100


def clean_text(text: str) -> str:
    """Return article text with junk removed and whitespace normalised.

    Paragraphs come out separated by one blank line; lines inside a paragraph are single spaces.
    The result is stable: cleaning it again changes nothing.

    Example:
        >>> clean_text("[ad_1]\\n- Both sides reported fighting.\\nIcon: The mirror\\n")
        'Both sides reported fighting.'
    """
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    paragraphs: list[str] = []
    for block in re.split(r"\n\s*\n", text):
        lines = [line for line in (_clean_line(raw) for raw in block.split("\n")) if line]
        paragraphs.extend(_paragraphs(lines))
    # The dateline opens the body: the first paragraph, or the second after a headline.
    for k, paragraph in enumerate(paragraphs[:2]):
        paragraphs[k] = strip_dateline(paragraph)
        if paragraph.endswith(_TERMINAL):
            break
    return "\n\n".join(p for p in paragraphs if p)


def strip_dateline(paragraph: str) -> str:
    """The paragraph without a leading wire dateline ("MOSCOW, Oct 22 (Wire) - ").

    Example:
        >>> strip_dateline("BRUSSELS — Macron said 300 fighters had left Syria.")
        'Macron said 300 fighters had left Syria.'
    """
    found = _DATELINE.match(paragraph)
    return paragraph[found.end() :] if found else paragraph


def is_junk_line(line: str) -> bool:
    """True when a whole (already stripped) line is boilerplate per LINE_JUNK, a timestamp or
    a byline."""
    return any(p.fullmatch(line) for p in LINE_JUNK) or is_stamp(line) or is_byline(line)


def is_stamp(line: str) -> bool:
    """A line that only dates the page: made of date and time words, page counters and
    numbers (a place in capitals may close it), or a short unpunctuated line ending in a clock
    time ("Politics 18 October — 11:37"). Such a line is never a statement, and its numbers
    are no figures."""
    if len(line) > 90 or line.endswith((".", "!", "?", "”", '"')):
        return False
    if _CLOCK_AT_END.search(line) and len(line.split()) <= 12:
        return True
    words = [w for w in re.split(r"[\s|,/()\-–—:]+", line.lower()) if w]
    if not words or not any(ch.isdigit() for ch in line):
        return False
    for i, word in enumerate(words):
        numeric = re.fullmatch(
            r"\d{1,4}(?:st|nd|rd|th)?(?:[:.]\d{2})?(?:[+-]\d{1,2})?|\d{1,2}\.\d{1,2}\.\d{2,4}", word
        )
        place = i == len(words) - 1 and line.rstrip().split()[-1].isupper()
        if not (numeric or word.strip(".") in _STAMP_WORDS or word in _COUNTER_WORDS or place):
            return False
    return True


def is_byline(line: str) -> bool:
    """ "By Jane Doe", "By AFP Published: Sun 22 Oct 2023, 4:40 PM", "by The Kyiv Independent
    news desk July 28, 2024": the author line, not a sentence (no closing full stop, every word
    a name, a staff word or part of a date)."""
    found = _BYLINE.fullmatch(line)
    if found is None or line.endswith((".", "!", "?")):
        return False
    rest = re.split(r"\b(?:published|updated|posted)\b", found.group("rest"), maxsplit=1, flags=_I)
    words = [w for w in re.split(r"[\s,|]+", rest[0]) if w]
    return bool(words) and all(
        w[0].isupper() or w.lower() in _BYLINE_WORDS or w.lower() in _STAMP_WORDS or w.isdigit()
        for w in words
    )


def _clean_line(raw: str) -> str:
    """One line with inline junk cut, spaces collapsed and a bullet marker dropped."""
    line = raw
    for pattern in INLINE_JUNK:
        line = pattern.sub("", line)
    line = _CONTROLS.sub("", line)
    line = _SPACES.sub(" ", line).strip()
    if not line or is_junk_line(line):
        return ""
    line = _BULLET.sub("", line)
    return "" if is_junk_line(line) else line


def _paragraphs(lines: list[str]) -> list[str]:
    """Group a block's lines into paragraphs: join hard-wrapped prose, keep one-line paragraphs."""
    wrapped = _looks_wrapped(lines)
    out: list[str] = []
    for line in lines:
        if out and _continues(out[-1], line, wrapped=wrapped):
            out[-1] = f"{out[-1]} {line}"
        else:
            out.append(line)
    return out


def _looks_wrapped(lines: list[str]) -> bool:
    """True for a block of short lines that mostly stop mid-sentence (text wrapped at a width).

    One-paragraph-per-line text (the scraped seeds) has long lines ending in punctuation; a
    heading followed by a paragraph has too few lines to count as wrapped.
    """
    body = lines[:-1]
    if len(body) < _WRAP_MIN_LINES - 1 or max(len(line) for line in body) > _WRAP_MAX_WIDTH:
        return False
    return sum(not line.endswith(_TERMINAL) for line in body) * 2 >= len(body)


def _continues(previous: str, line: str, *, wrapped: bool) -> bool:
    """True when `line` carries on the sentence of `previous` rather than opening a paragraph."""
    if previous.endswith(_TERMINAL):
        return False
    # A lower-case start cannot open a sentence; a capital can, unless the block is wrapped.
    return line[0].islower() or wrapped
