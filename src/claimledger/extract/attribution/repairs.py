"""Repairs of a quoted claim once its quotations are attached: where its content ends, which
unquoted parts it drops, and whose it is when the parser put the speaker in the wrong place.

Each repair works on one `Draft` and the quotations found over the raw text (`quotes.py`).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from spacy.tokens import Doc, Span, Token

from claimledger.extract.attribution.drafts import QUOTE_MARKS, Draft
from claimledger.extract.attribution.quotes import QuoteIndex
from claimledger.extract.attribution.sources import inverted_subject
from claimledger.extract.context import DocContext
from claimledger.models import Span as CharSpan

_AFTERWORD = re.compile(r"\s*(?:\w+ing|as|while|but|and|though|although|after|before)\b")
_OCCASION = re.compile(
    r"\s*(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|during|after|before|amid|following|when"
    r"|while|often|moments|earlier|yesterday|today|tonight|last)\b"
)
_RUN_ON = re.compile(r"\s*(?:[—–]|--)")


def widen_to_quotes(draft: Draft, quotes: QuoteIndex) -> None:
    """Content that touches a quotation takes in the whole quotation (it may span sentences)."""
    widened: list[CharSpan] = []
    for s, e in draft.content:
        for qs, qe in quotes.overlapping(s, e):
            s, e = min(s, qs), max(e, qe)
        widened.append((s, e))
    cue_start = min((c[0] for c in draft.cue), default=None)
    if cue_start is not None:
        # Never let a quotation swallow the cue itself.
        widened = [(s, e) for s, e in widened if not (s <= cue_start < e)] or draft.content
    draft.content = _merged(widened)


def _merged(spans: list[CharSpan]) -> list[CharSpan]:
    """Sorted spans with overlapping ones joined: two clauses widened to one quotation."""
    out: list[CharSpan] = []
    for s, e in sorted(spans):
        if out and s < out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], e))
        else:
            out.append((s, e))
    return out


def end_at_closing_quote(d: Draft, quotes: QuoteIndex, text: str) -> None:
    """'said the plan was "dead," adding that ...': a quotation closing on a comma or full stop
    ends the quoted claim; the unquoted words running on after it are the writer's. A transcript
    line ('PENCE: ... "Shark Tank." But ...') is the labelled speaker's to its end."""
    if d.cue_lemma == ":":
        return

    def runs_on(s: int, e: int, qs: int, qe: int) -> bool:
        rest = text[qe:e]
        mark = text[qe - 2 : qe - 1]
        closed = mark in (".", "!", "?") or (mark == "," and bool(_AFTERWORD.match(rest)))
        return len(rest.strip()) > 1 and (closed or bool(_RUN_ON.match(rest)))

    _cut_after_last_quote(d, quotes, runs_on)


def drop_verb_adjuncts(ctx: DocContext, d: Draft) -> None:
    """'blasted Clinton as a "disgrace" Wednesday on a radio show', '"We'll see," when asked
    about it': words after a quotation closing a content span that open with a time or an
    occasion say when the claim was made, not what it was. In a reported clause the quotation
    only part of ('said he had "even died" while volunteering') they stay with its verb."""
    if d.verb is None or d.cue_lemma == ":":
        return
    doc, text = ctx.doc, ctx.text

    def occasion(s: int, e: int, qs: int, qe: int) -> bool:
        if not _OCCASION.match(text, qe, e):
            return False
        return not (s < qs and _clause_adjunct(doc, qe, (s, e)))

    _cut_after_last_quote(d, ctx.quotes, occasion)


def _cut_after_last_quote(
    d: Draft, quotes: QuoteIndex, cut: Callable[[int, int, int, int], bool]
) -> None:
    """End each content span at the last quotation inside it when words follow that quotation
    and `cut(span start, span end, quote start, quote end)` says they are not the claim."""
    out: list[CharSpan] = []
    for s, e in d.content:
        inside = quotes.overlapping(s, e)
        if inside and s <= inside[-1][0] and inside[-1][1] < e and cut(s, e, *inside[-1]):
            e = inside[-1][1]
        out.append((s, e))
    d.content = out


def _clause_adjunct(doc: Doc, qe: int, span: CharSpan) -> bool:
    """Whether the first word after `qe` hangs on a verb of `span` before `qe` (the reported
    clause's own verb), rather than on the cue or on a noun."""
    after = doc.char_span(qe, span[1], alignment_mode="expand")
    tok = next((t for t in after or [] if not t.is_space and not t.is_punct), None)
    if tok is None:
        return False
    node = tok
    for _ in range(6):
        if node.head.i == node.i:
            return False
        node = node.head
        if not span[0] <= node.idx < span[1]:
            return False
        if node.pos_ in ("VERB", "AUX") and node.idx < qe:
            return True
    return False


def drop_unquoted_parts(d: Draft, quotes: QuoteIndex, text: str) -> None:
    """ "Asked about it, "A," he said as he left': when whole quotations carry the claim, the
    unquoted clauses the parser hung on the verb are circumstances, not content. A clause the
    quotation spells out after a colon ('said she has one plan: "..."') stays."""
    if len(d.content) < 2:
        return
    whole = [c for c in d.content if c in quotes.quotes_set]
    if not whole:
        return
    first = min(whole)[0]
    d.content = [
        c
        for c in d.content
        if c in whole or c[0] > first or quotes.overlapping(*c) or _colon_lead(text, d, c, first)
    ]


def _colon_lead(text: str, d: Draft, part: CharSpan, quote_start: int) -> bool:
    """Whether `part` is a clause of the draft ending in a colon right before the quotation."""
    if d.source is None or not 0 < quote_start - part[1] <= 3:
        return False
    return text[part[1] : quote_start].strip() == ":" and clause_like(text, part)


def clause_like(text: str, part: CharSpan) -> bool:
    """At least four words: a clause ('she has one plan:'), not a colon-ended object ('changed
    my answer:', 'banners proclaiming:') that a quotation merely illustrates."""
    return len(text[part[0] : part[1]].split()) >= 4


def repair_source(doc: Doc, text: str, d: Draft, quotes: QuoteIndex) -> None:
    """A source the parser found inside the quotation or the content is wrong: take the noun
    phrase between the content and the cue ('"...," Flynn, an aide, said') or after the cue."""
    if d.verb is not None and _speaker_after_quote(doc, text, d, quotes):
        return
    src = d.source
    if src is None or d.verb is None:
        return
    if quotes.covering(src.start_char) is None:
        return
    verb = doc[d.verb]
    k = verb.i - 1
    while k >= 0 and not doc[k].is_space and doc[k].text not in QUOTE_MARKS:
        if any(s <= doc[k].idx < e for s, e in d.content) or doc[k].text in ".!?":
            break
        k -= 1
    words = doc[k + 1 : verb.i]
    while len(words) and (words[0].is_punct or words[0].is_space):
        words = words[1:]
    while len(words) and (words[-1].is_punct or words[-1].pos_ in ("AUX", "ADV", "PART")):
        words = words[:-1]
    if len(words) and any(t.pos_ in ("PROPN", "NOUN", "PRON") for t in words):
        d.source = words
    else:
        d.source = inverted_subject(verb)


def _speaker_after_quote(doc: Doc, text: str, d: Draft, quotes: QuoteIndex) -> bool:
    """'"...," Flynn, a top surrogate, said Thursday': the parser hung the speaker and its
    appositive on the quotation, so the content runs on past it and the verb finds no subject.
    The words between the quotation's closing comma and the cue are the source."""
    verb = doc[d.verb] if d.verb is not None else None
    if verb is None or (d.source is not None and d.source.start_char < verb.idx):
        return False
    for k, (s, e) in enumerate(d.content):
        inside = quotes.overlapping(s, e)
        if not inside or e > verb.idx or inside[-1][1] >= e or inside[-1][0] < s:
            continue
        qe = inside[-1][1]
        if text[qe - 2 : qe - 1] != "," or not _name_run(text[qe : verb.idx]):
            continue
        words = doc.char_span(qe, verb.idx, alignment_mode="contract")
        while words is not None and len(words) and (words[0].is_punct or words[0].is_space):
            words = words[1:]
        while words is not None and len(words) and (words[-1].is_punct or words[-1].is_space):
            words = words[:-1]
        if words is None or not len(words) or words[0].pos_ not in ("PROPN", "PRON", "NOUN", "DET"):
            continue
        d.content[k] = (s, qe)
        d.source = words
        return True
    return False


def _name_run(gap: str) -> bool:
    """Whether `gap` is a short noun phrase set off by commas: no sentence end, quote or line."""
    return (
        0 < len(gap.strip(" ,")) <= 120
        and gap.rstrip().endswith(",")
        and not any(ch in gap for ch in '.!?\n"“”')
    )


def source_around(doc: Doc, verb: Token, content: list[CharSpan]) -> Span | None:
    """A quoted claim's speaker the parse did not tie to its verb: the noun phrase right
    before the verb ('her adviser, Jo Lee, said: "..."') or a name right after it ('Said Lee:')."""
    if verb.i + 1 < len(doc) and doc[verb.i + 1].pos_ == "PROPN":
        k = verb.i + 1
        while k + 1 < len(doc) and doc[k + 1].pos_ == "PROPN":
            k += 1
        return doc[verb.i + 1 : k + 1]
    k = verb.i - 1
    while k >= 0 and "\n" not in doc[k].text and doc[k].text not in QUOTE_MARKS:
        if doc[k].text in ".!?;:" or any(s <= doc[k].idx < e for s, e in content):
            break
        k -= 1
    words = doc[k + 1 : verb.i]
    if len(words) and words[0].pos_ == "ADP":
        comma = next((t.i for t in words if t.text == ","), None)
        words = doc[comma + 1 : verb.i] if comma is not None else words[:0]
    while len(words) and (words[-1].is_punct or words[-1].pos_ in ("AUX", "ADV", "PART")):
        words = words[:-1]
    while len(words) and words[0].is_punct:
        words = words[1:]
    if len(words) and len(words) <= 20 and any(t.pos_ in ("PROPN", "PRON") for t in words):
        return words
    return None


def quoted_share(content: list[CharSpan], quotes: QuoteIndex) -> float:
    total = sum(e - s for s, e in content)
    inside = 0
    for s, e in content:
        for qs, qe in quotes.overlapping(s, e):
            inside += min(e, qe) - max(s, qs)
    return inside / total if total else 0.0
