"""Figures nobody is said to have claimed: the outlet's own statements, or a continued claim."""

from __future__ import annotations

from bisect import bisect_left

import numpy as np
from spacy.attrs import LIKE_NUM, POS
from spacy.symbols import NUM
from spacy.tokens import Doc, Span, Token

from claimledger.extract.attribution.drafts import char_range, token_at
from claimledger.extract.attribution.found import Attribution
from claimledger.extract.context import DocContext
from claimledger.extract.stance import hedged
from claimledger.lexicon import active_lexicon
from claimledger.models import Span as CharSpan

SKIP_FIGURE_ENTS = frozenset({"DATE", "TIME", "ORDINAL"})


def unattributed(ctx: DocContext, found: list[Attribution]) -> list[Attribution]:
    """Sentences with a figure outside any attributed content: the outlet's own statements
    (rule `unattributed_figure`); one opening with "In addition" carries the previous claim's
    source over (rule `continued_source`)."""
    doc, text = ctx.doc, ctx.text
    covered = sorted(s for a in found for s in a.content_spans)
    out: list[Attribution] = []
    previous: Attribution | None = None
    continuations = active_lexicon().entries("continuation_openers")
    numbers = _number_tokens(doc)
    for sent in _lines(ctx):
        lo, hi = bisect_left(numbers, sent.start), bisect_left(numbers, sent.end)
        figures = [t for t in (doc[i] for i in numbers[lo:hi]) if _is_figure(t)]
        if not figures or all(_inside(t.idx, covered) for t in figures):
            previous = _ending_in(found, sent) or previous
            continue
        span = char_range(doc, sent.start, sent.end - 1)
        if span is None:
            continue
        span = (span[0], _rstrip_text(text, span))
        opening = text[span[0] : span[0] + 20].lower()
        carried = previous is not None and opening.startswith(continuations)
        if carried and previous is not None and ctx.enabled("continued_source"):
            out.append(
                Attribution(
                    content_spans=[span],
                    source_spans=list(previous.source_spans),
                    mode="indirect",
                    hedged=previous.hedged,
                    sentence_span=(sent.start_char, sent.end_char),
                    mention=previous.mention,
                    speaker=previous.speaker,
                    speaker_label=previous.speaker_label,
                    rule="continued_source",
                )
            )
        elif ctx.enabled("unattributed_figure"):
            out.append(
                Attribution(
                    content_spans=[span],
                    mode="unattributed",
                    hedged=hedged(doc, text, sent.start_char, sent.end_char, ""),
                    sentence_span=(sent.start_char, sent.end_char),
                    rule="unattributed_figure",
                )
            )
        previous = None
    return out


def _lines(ctx: DocContext) -> list[Span]:
    """Sentences, cut again at line breaks the splitter ran over (headline + first line)."""
    doc = ctx.doc
    # The tokens holding a line break or followed by one: each break lies in the text and
    # trailing space of the token starting last before it (found from the breaks, not by
    # looking at every token).
    breaks = (p - 1 for p in ctx.paragraphs[1:])  # each paragraph starts after a break
    breaking = sorted({token_at(ctx.starts, b) for b in breaks} if len(doc) else ())
    out: list[Span] = []
    k = 0
    for sent in ctx.sents.spans:
        start = sent.start
        while k < len(breaking) and breaking[k] < sent.end:
            i = breaking[k]
            k += 1
            if i < sent.start:
                continue
            if i + 1 > start:
                out.append(doc[start : i + 1])
            start = i + 1
        if start < sent.end:
            out.append(doc[start : sent.end])
    # A span's text is the document text between its first and last character.
    return [s for s in out if ctx.text[s.start_char : s.end_char].strip()]


def _number_tokens(doc: Doc) -> list[int]:
    """Indices of the tokens that are numbers (like_num or tagged NUM), read from two arrays
    at once: the only tokens `_is_figure` can take."""
    if not len(doc):
        return []
    attrs = doc.to_array([LIKE_NUM, POS])
    found: list[int] = np.flatnonzero((attrs[:, 0] != 0) | (attrs[:, 1] == NUM)).tolist()
    return found


def _is_figure(tok: Token) -> bool:
    return (tok.like_num or tok.pos_ == "NUM") and tok.ent_type_ not in SKIP_FIGURE_ENTS


def _rstrip_text(text: str, span: CharSpan) -> int:
    end = span[1]
    while end > span[0] and text[end - 1].isspace():
        end -= 1
    return end


def _inside(pos: int, spans: list[CharSpan]) -> bool:
    return any(s <= pos < e for s, e in spans)


def _ending_in(found: list[Attribution], sent: Span) -> Attribution | None:
    """An attributed claim with a source whose content ends in this sentence."""
    for a in found:
        if a.source_spans and any(sent.start_char < e <= sent.end_char for _, e in a.content_spans):
            return a
    return None
