"""When a claim was made: date expressions near the cue, resolved against the dateline.

Convention: a claim is dated by a date expression that belongs to its reporting cue ("said on
Friday", "reported Tuesday", "In a phone call on Wednesday night, ... expressed"); when none
does, the claim counts as made by the publication date, so `resolve_stated_on` returns
`published`. A past of days ("last week", "Earlier, the office reported") also takes the
dateline, the nearest day the text allows; a vaguer past ("last month", "previously") gives None:
the claim predates the dateline by more than the dateline can stand for. Dates inside the
claim's content ("fighting that broke out on Sunday", "killed since Sunday") describe what is
claimed, not when it was said, and are ignored.

The resolver is a small hand-written one (weekdays, today/yesterday, month-day, ISO), because it
runs once per claim. Metadata dates (a file's "published") are read by `ingest.dates`.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from enum import Enum

from spacy.tokens import Doc, Span, Token

from claimledger.extract.nlp import doc_text
from claimledger.lexicon import active_lexicon, words
from claimledger.models import Span as CharSpan

__all__ = [
    "MONTHS",
    "VAGUE",
    "WEEKDAYS",
    "cue_date",
    "cue_tokens",
    "resolve_expression",
    "resolve_stated_on",
]

_DATE_LABELS = {"DATE", "TIME"}
_DATE_ENTS_KEY = "claimledger.date_entities"
# Words that make a token a date expression even when the NER missed it.
_DAY_WORDS = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|yesterday|tonight)"
_DATE_WORDS = re.compile(rf"^{_DAY_WORDS}$", re.IGNORECASE)
# Time adverbs that date a statement without a day ("Earlier, the office reported", "the
# brigades previously stated"); taken only where they modify a verb, so "Earlier on Monday"
# keeps its Monday.
_TIME_ADVERBS = re.compile(r"^(?:earlier|previously)$", re.IGNORECASE)
# Any of those words (or "that day") anywhere in a text: a sentence without any has no token
# to look at.
_DAY_WORD_IN_TEXT = re.compile(rf"{_DAY_WORDS}|earlier|previously|\bday\b", re.IGNORECASE)
_CLAUSE_DEPS = {"ccomp", "xcomp", "relcl", "acl", "csubj", "csubjpass", "parataxis", "conj"}


class _Vague(Enum):
    """Marker for a past that has no day: "last week", "earlier this month"."""

    VAGUE = "vague"


VAGUE = _Vague.VAGUE
Resolution = date | _Vague

WEEKDAYS = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5,
    "sunday": 6, "mon": 0, "tue": 1, "tues": 1, "wed": 2, "thu": 3, "thur": 3, "thurs": 3,
    "fri": 4, "sat": 5, "sun": 6,
}  # fmt: skip
MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12, "jan": 1,
    "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
    "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
# A past within the last days ("last week", "earlier", "in recent days") has no day of its
# own, and the dateline is the nearest day the text allows: the gold's rule is "the article
# date when no day is given". A past of months or years ("last month", "previously") is too
# far for the dateline to stand for it: no day.
# Both are read at the end of the expression ("an interview last month" is a vague past).
_RECENT_PAST = re.compile(
    r"(?:^earlier|(?:^|\s)(?:(?:last|past|earlier this|this past|the past|previous|the previous)"
    r" week|(?:the )?(?:past|last|recent|previous) (?:few |several |two |three )?days"
    r"|in (?:the )?(?:past|last|recent) (?:few |several )?days))$"
)
_VAGUE_PAST = re.compile(
    r"^previously$|(?:^|\s)(?:last|past|earlier this|earlier in the|previous|the previous"
    r"|the past|recent) (?:week|month|year|weeks|months|days)\b"
)
_MONTH_NAMES = "|".join(sorted(MONTHS, key=len, reverse=True))
_MONTH_DAY = re.compile(
    rf"\b(?P<m>{_MONTH_NAMES})\.? (?P<d>\d{{1,2}})(?:st|nd|rd|th)?\b(?:,? (?P<y>\d{{4}}))?"
)
_DAY_MONTH = re.compile(
    rf"\b(?P<d>\d{{1,2}})(?:st|nd|rd|th)? (?:of )?(?P<m>{_MONTH_NAMES})\b\.?(?:,? (?P<y>\d{{4}}))?"
)
_WEEKDAY_NAMES = "|".join(sorted(WEEKDAYS, key=len, reverse=True))
_WEEKDAY = re.compile(rf"\b(?P<last>last )?(?P<w>{_WEEKDAY_NAMES})\b")
_ISO_IN = re.compile(r"\b(\d{4})-(\d{1,2})-(\d{1,2})\b")


def safe_date(year: int, month: int, day: int) -> date | None:
    """date(year, month, day) or None when the parts are out of range."""
    try:
        return date(year, month, day)
    except (ValueError, OverflowError):
        return None


def resolve_expression(text: str, anchor: date | None, *, whole: bool = False) -> Resolution | None:
    """Resolve a date expression against `anchor` (the dateline).

    A weekday is the most recent such day on or before the anchor ("last Friday" on a Friday
    is a week back); a month-day without a year takes the anchor's year, or the year before
    when that would fall after the anchor. Returns `VAGUE` for a past without a day
    ("last week") and None for what is not a point in time ("for decades") or needs an
    anchor that is missing. With `whole`, the text must be the date and nothing more.
    """
    norm = " ".join(text.lower().replace("’", "'").replace(",", ", ").split()).replace(" ,", ",")
    norm = re.sub(r"^(?:on|at|in|by|from|since|during|until) ", "", norm)
    if whole:  # "Tuesday, 3 November 2020": the weekday adds nothing to a full date
        norm = re.sub(rf"^(?:{_WEEKDAY_NAMES}),? (?=\d|{_MONTH_NAMES})", "", norm)
    for pattern in (_MONTH_DAY, _DAY_MONTH):
        match = pattern.search(norm)
        if match and (not whole or match.group(0).strip(". ") == norm.strip(". ")):
            return _month_day(int(match["d"]), MONTHS[match["m"]], match["y"], anchor)
    match = _ISO_IN.search(norm)
    if match:
        return safe_date(int(match[1]), int(match[2]), int(match[3]))
    same_day = active_lexicon().entries("same_day_phrases")
    day_before = active_lexicon().entries("day_before_phrases")
    if whole and norm not in same_day + day_before and not _WEEKDAY.fullmatch(norm):
        return None
    if anchor is not None and _RECENT_PAST.search(norm):
        return anchor
    if _VAGUE_PAST.search(norm):
        return VAGUE
    if anchor is None:
        return None
    if norm.startswith(same_day):
        return anchor
    if norm.startswith(day_before):
        return _days_before(anchor, 1)
    match = _WEEKDAY.search(norm)
    if match:
        back = (anchor.weekday() - WEEKDAYS[match["w"]]) % 7
        if match["last"] and back == 0:
            back = 7
        return _days_before(anchor, back)
    return None


def _days_before(anchor: date, days: int) -> date | None:
    """`anchor` minus `days`, or None before 1 January of year 1 (a dateline of 0001-01-01)."""
    try:
        return anchor - timedelta(days=days)
    except OverflowError:
        return None


def _month_day(day: int, month: int, year: str | None, anchor: date | None) -> date | None:
    if year is not None:
        return safe_date(int(year), month, day)
    if anchor is None:
        return None
    found = safe_date(anchor.year, month, day)
    if found is not None and found > anchor:
        found = safe_date(anchor.year - 1, month, day)
    return found


def resolve_stated_on(
    doc: Doc, sentence_span: CharSpan, cue_spans: list[CharSpan], published: date | None
) -> date | None:
    """The day the claimant made the claim.

    Args:
        doc: the parsed document.
        sentence_span: [start, end) character offsets of the sentence(s) holding the claim.
        cue_spans: character spans of the reporting words ("said", "according to").
        published: the document's dateline, the anchor for relative expressions.

    Returns:
        The date of a date expression attached to the cue (its verb, its subject, or a clause
        modifying it), resolved against `published`; `published` when no date expression belongs
        to the cue (the default convention); None for a vague past or when a relative
        expression has no dateline to resolve against.
    """
    if not cue_spans:
        return published  # an unattributed statement is the outlet's, made on publication
    resolution = cue_date(doc, sentence_span, cue_spans, published)
    if resolution is None:
        return published
    return resolution if isinstance(resolution, date) else None


def cue_date(
    doc: Doc, sentence_span: CharSpan, cue_spans: list[CharSpan], published: date | None
) -> Resolution | None:
    """The date expression that belongs to the cue, resolved (VAGUE for a vague past), or None
    when no expression belongs to it (the claim then takes a default day)."""
    cue_words = cue_tokens(doc, cue_spans)
    if not cue_words:
        return None
    best: tuple[int, int, Resolution] | None = None
    for span in _date_spans(doc, sentence_span):
        if _bounds_a_period(span):
            continue
        score = _attachment(span, cue_words)
        if score == 0:
            continue
        resolution = _day_pointed_at(doc, span, published) or resolve_expression(
            span.text, published
        )
        if resolution is None:
            continue  # durations and decades ("for decades", "the 1990s") date nothing
        distance = min(abs(span.start_char - t.idx) for t in cue_words)
        key = (score, -distance)
        if best is None or key > best[:2]:
            best = (score, -distance, resolution)
    return None if best is None else best[2]


def _day_pointed_at(doc: Doc, span: Span, published: date | None) -> date | None:
    """For "that day" / "the same day": the last day written in this or the two sentences
    before ("Aliyev said on Sunday that ... The ministry denied it that day" is Sunday)."""
    words_in = " ".join(t.lower_ for t in span if t.lower_ != "on")
    if words_in not in words("anaphoric_day_phrases"):
        return None
    sentences = list(doc.sents)
    here = next((k for k, sent in enumerate(sentences) if sent.start <= span.start < sent.end), 0)
    since = sentences[max(0, here - 2)].start_char
    for start, first, last in reversed(_date_entities(doc)):
        if since <= start < span.start_char and not _bounds_a_period(doc[first:last]):
            found = resolve_expression(doc[first:last].text, published)
            if isinstance(found, date):
                return found
    return None


def _bounds_a_period(span: Span) -> bool:
    """The date opens or closes a counted period rather than dating the statement."""
    doc = span.doc
    first = span[0]
    before = doc[first.i - 1] if first.i > 0 else None
    # A date after a period word bounds the period a figure counts (`period_words`).
    period = words("period_words")
    if first.lower_ in period or (before is not None and before.lower_ in period):
        return True
    if before is not None and before.lower_ == "of" and first.i > 1:
        return doc[first.i - 2].lower_ == "as"  # "as of May 24"
    return first.lower_ == "as" and first.i + 1 < len(doc) and doc[first.i + 1].lower_ == "of"


def cue_tokens(doc: Doc, spans: list[CharSpan]) -> list[Token]:
    tokens: list[Token] = []
    for start, end in spans:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is not None:
            tokens.extend(span)
    return tokens


def _date_entities(doc: Doc) -> list[tuple[int, int, int]]:
    """(start char, start token, end token) of the document's DATE/TIME entities, listed once
    per document: `doc.ents` builds every entity anew on each access, once per claim was slow."""
    found = doc.user_data.get(_DATE_ENTS_KEY)
    if found is None:
        found = [(e.start_char, e.start, e.end) for e in doc.ents if e.label_ in _DATE_LABELS]
        doc.user_data[_DATE_ENTS_KEY] = found
    return found


def _date_spans(doc: Doc, sentence_span: CharSpan) -> list[Span]:
    """DATE/TIME entities in the sentence, plus weekday/today words the NER missed."""
    start, end = sentence_span
    spans = [doc[a:b] for s, a, b in _date_entities(doc) if start <= s < end]
    covered = {t.i for e in spans for t in e}
    window = doc.char_span(start, end, alignment_mode="expand")
    if window is not None and _DAY_WORD_IN_TEXT.search(
        doc_text(doc), window.start_char, window.end_char
    ):
        for token in window:
            if token.i in covered:
                continue
            if _DATE_WORDS.match(token.text) or (
                _TIME_ADVERBS.match(token.text) and token.head.pos_ in {"VERB", "AUX"}
            ):
                spans.append(doc[token.i : token.i + 1])
            elif token.lower_ == "day" and token.i > 0 and doc[token.i - 1].lower_ == "that":
                spans.append(doc[token.i - 1 : token.i + 1])  # "denied it that day"
    return spans


def _attachment(span: Span, cue_tokens: list[Token]) -> int:
    """3: the date hangs off the cue; 2: off a clause framing the cue; 0: not the cue's."""
    cue_ids = {t.i for t in cue_tokens}
    root = span.root
    # Walk up until a verb: a cue token on the way ("said ... Lavrov Tuesday") counts.
    current = root
    for _ in range(12):
        if current.i in cue_ids and current.i != root.i:
            return 3
        if current.pos_ in {"VERB", "AUX"} and current.i != root.i:
            break
        if current.head.i == current.i:
            break
        current = current.head
    if current.i in cue_ids:
        return 3
    verb = current
    # The date's clause describes a word of the cue: "in a statement released late Friday",
    # "according to what the ministry revealed on Thursday".
    if verb.dep_ in {"acl", "relcl", "pcomp"} and verb.head.i in cue_ids:
        return 3
    cue_verbs = [t for t in cue_tokens if t.pos_ in {"VERB", "AUX"}] or cue_tokens
    for cue in cue_verbs:
        # A clause modifying the cue ("As fighting continued on Friday, X said").
        if verb.head.i == cue.i and verb.dep_ == "advcl":
            return 2
        if cue.dep_ == "prep":
            # "..., according to X": the clause the cue hangs on is the claim itself, and its
            # dates ("was on Monday the target of an ambush") are the event's.
            continue
        if cue.head.i == verb.i and _shares_time(cue, verb):
            return 2
        # The cue sits inside a clause this date frames ("It was X that reported last month"),
        # unless it is another speaker's aside ("..., with villagers telling the Wire that").
        aside = cue.dep_ == "pcomp" and any(c.dep_ == "nsubj" for c in cue.children)
        framed = verb.i in {a.i for a in cue.ancestors}
        if framed and cue.dep_ not in _CLAUSE_DEPS | {"advcl"} and not aside:
            return 2
    return 0


def _shares_time(cue: Token, verb: Token) -> bool:
    """The cue's clause is told at the time of `verb`, its head: a participle with no
    conjunction of its own ("took over the base on Tuesday, claiming to have killed 50"), or
    the report a speaker relays ("said Thursday that its data indicated ...")."""
    if cue.dep_ == "advcl":
        return cue.tag_ == "VBG" and not any(c.dep_ == "mark" for c in cue.children)
    return cue.dep_ == "ccomp" and verb.lemma_.lower() in words("speech_verbs")


# A line that is only a place and a full date, as a press release or wire copy opens ("Geneva,
# 4 October 2024", "KYIV, Nov. 3, 2023", "October 28, 2020 - 22:30 AMT"): what follows was
# said on that day, though the page carrying it is dated later.
_DATELINE_LINE = re.compile(
    rf"^[ \t]*(?:[A-Z][\w.'’-]*(?:[ \t]+[A-Z][\w.'’-]*)*,[ \t]*)?"
    rf"(?:(?:{_WEEKDAY_NAMES.title()}),?[ \t]+)?"
    rf"(?P<date>\d{{1,2}}(?:st|nd|rd|th)?[ \t]+[A-Z][a-z]+\.?,?[ \t]+\d{{4}}"
    rf"|[A-Z][a-z]+\.?[ \t]+\d{{1,2}}(?:st|nd|rd|th)?,?[ \t]+\d{{4}})"
    r"(?:[ \t]*[,;|–-][ \t]*\d{1,2}[:.]\d{2}(?:[ \t]*[ap]\.?m\.?)?(?:[ \t]+[A-Z]{2,4})?)?[ \t]*$",
    re.MULTILINE,
)
_DATELINE_REACH = 31  # days: an older dated line is an archive link, not this copy's dateline


def body_datelines(text: str, published: date | None) -> list[tuple[int, date]]:
    """(offset, day) of each dateline line in the text that dates its copy before the page's
    own date (within a month of it); none for an undated page."""
    if published is None:
        return []
    found: list[tuple[int, date]] = []
    for match in _DATELINE_LINE.finditer(text):
        day = resolve_expression(match["date"], published, whole=True)
        if isinstance(day, date) and 0 <= (published - day).days <= _DATELINE_REACH:
            found.append((match.start(), day))
    return found


def dateline_at(
    datelines: list[tuple[int, date]], offset: int, published: date | None
) -> date | None:
    """The day of the last dateline before `offset`, else the page's date."""
    day = published
    for start, line_day in datelines:
        if start > offset:
            break
        day = line_day
    return day
