"""Who said what: attributions found in one parsed document.

The rules, in the order they run:

1. Reporting verbs ("said", "told", "denied", "urged", "spoke of", ...): the content is the
   verb's clausal complement (ccomp/xcomp) or, for verbs like "reported"/"confirmed", its object;
   the source is its subject, inherited through "adding that"/"but said" chains. Inverted
   forms ("..., said Lavrov") come out of the same parse.
2. "According to X, ...": the clause around the phrase is the content, X the source.
3. Quotations, found over the raw text (`quotes.py`) because the sentence splitter may cut them:
   a verb's content touching a quotation is widened to the whole quotation; a quotation no cue
   claimed yet is tied to a cue just after it (`"...," he said`) or just before (`he said: "..."`),
   which also joins quotes split around their cue.
4. Sentences carrying a figure outside every attributed content become unattributed statements
   (the outlet is the claimant); one opening with "In addition" carries the previous source over.

Everything is a single pass over tokens plus bounded look-arounds, so it stays linear.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from claimledger.extract.attribution_rules import (
    Sentences,
    antecedent,
    cue_tokens,
    inverted_subject,
    is_cue_verb,
    nominal_cue,
    subject_of,
    trailing_cue_parts,
    trim_range,
    verb_content,
)
from claimledger.extract.cues import (
    HEDGE_CUES,
    HEDGE_PHRASES,
    HEDGE_WORDS,
    RAISING_VERBS,
    stance_of,
)
from claimledger.extract.quotes import (
    QuoteIndex,
    block_after,
    byline_after,
    find_quotes,
    speaker_lines,
)
from claimledger.extract.speakers import SpeakerResolver
from claimledger.extract.stance import refine_stance
from claimledger.extract.types import Attribution
from claimledger.models import Mode, Stance
from claimledger.models import Span as CharSpan

EDGE_PUNCT = frozenset(",;:-–—")
# How far (characters) a cue sentence may run on before a quotation that continues its claim.
MAX_CONTINUATION_GAP = 300
QUOTE_MARKS = frozenset({'"', "“", "”", "''", "«", "»"})
CONTINUATIONS = ("in addition", "additionally", "moreover", "furthermore")
SKIP_FIGURE_ENTS = frozenset({"DATE", "TIME", "ORDINAL"})
_SETTING_PREPS = frozenset({"on", "to", "in", "at", "during", "from", "with", "for", "of"})
_RUN_ON = re.compile(r"\s*(?:[—–]|--)")
_SENTENCE_BREAK = re.compile(r"[.!?]\s+\S")


@dataclass
class _Draft:
    """An attribution being assembled: token-level parts before resolution."""

    content: list[CharSpan]
    cue: list[CharSpan] = field(default_factory=list)
    source: Span | None = None
    mode: Mode = "indirect"
    stance: Stance = "assert"
    cue_lemma: str = ""
    verb: int | None = None


def find_attributions(doc: Doc, nested: bool = True, negated: bool = False) -> list[Attribution]:
    """Every attribution in a parsed document, in text order, then unattributed figures.

    Args:
        doc: a document parsed by the project's spaCy pipeline (parser, NER, lemmas).
        nested: keep claims reported inside another claim ("X said Russia urged Y": both X's
            and Russia's). The ledger wants both; PolNeAR annotates only the outer one.
        negated: report negated cues too ("did not say whether X"). The ledger records no
            claim from them; PolNeAR annotates them.

    Returns:
        Attributions with character offsets into ``doc.text``.

    Example:
        >>> found = find_attributions(nlp('"We will win," Aliyev said.'))  # doctest: +SKIP
        >>> [a.speaker for a in found]  # doctest: +SKIP
        ['Aliyev']
    """
    text = doc.text
    quotes = QuoteIndex(find_quotes(text))
    starts = [t.idx for t in doc]
    drafts: list[_Draft] = []
    by_verb: dict[int, _Draft] = {}
    paragraphs = _paragraph_bounds(text)
    sents = Sentences(doc)
    for tok in doc:
        if quotes.covering(tok.idx) is not None:
            continue  # a cue inside a quotation belongs to the quoted speaker's own words
        draft = _from_according(tok, sents) if tok.lower_ == "according" else None
        if draft is None and is_cue_verb(tok, negated=negated):
            draft = _from_verb(tok, sents)
        if draft is None and tok.pos_ in ("NOUN", "ADJ"):
            draft = _from_nominal(tok)
        if draft is None:
            continue
        _clip_to_paragraph(draft, paragraphs, tok.idx)
        if not draft.content:
            continue
        _widen_to_quotes(draft, quotes)
        drafts.append(draft)
        if draft.verb is not None:
            by_verb[draft.verb] = draft
    drafts.extend(_colon_headlines(doc, sents, drafts))
    drafts.extend(_transcript_lines(doc, text, drafts))
    drafts = _drop_nested_duplicates(drafts)
    _colon_blocks(doc, quotes, drafts, by_verb)
    _attach_quotes(doc, quotes, starts, drafts, by_verb, sents)
    for d in drafts:
        _repair_source(doc, d, quotes)
        if d.source is None and d.verb is not None and _quoted_share(d.content, quotes) >= 0.6:
            d.source = _source_around(doc, doc[d.verb], d.content)
        _drop_unquoted_parts(d, quotes)
        _end_at_closing_quote(d, quotes, text)
    resolver = SpeakerResolver(doc)
    # Resolve in reading order: "the organization" looks back at earlier sources.
    drafts.sort(key=lambda d: d.source.start_char if d.source is not None else min(d.content)[0])
    found = [_finish(doc, text, d, quotes, resolver, sents, starts) for d in drafts]
    found.sort(key=lambda a: min(a.content_spans))
    _inherit_first_person(found)
    if not nested:
        found = _drop_nested(found)
    found.extend(_unattributed(doc, text, found))
    return found


def _span(doc: Doc, first: int, last: int) -> CharSpan | None:
    """Characters of tokens first..last inclusive, without edge punctuation; None if empty."""
    while first <= last and (doc[first].text in EDGE_PUNCT or doc[first].is_space):
        first += 1
    while last >= first and (doc[last].text in EDGE_PUNCT or doc[last].is_space):
        last -= 1
    if first > last:
        return None
    return doc[first].idx, doc[last].idx + len(doc[last])


def _paragraph_bounds(text: str) -> list[int]:
    """Offsets where paragraphs start (after each newline), for clipping runaway parses."""
    return [0] + [i + 1 for i, ch in enumerate(text) if ch == "\n"]


def _clip_to_paragraph(draft: _Draft, bounds: list[int], pos: int) -> None:
    """Keep content and source inside the cue's paragraph; quotations re-widen it later."""
    k = bisect_right(bounds, pos) - 1
    lo = bounds[k]
    hi = bounds[k + 1] - 1 if k + 1 < len(bounds) else 1 << 62
    clipped = [(max(s, lo), min(e, hi)) for s, e in draft.content]
    draft.content = [(s, e) for s, e in clipped if e - s > 1]
    src = draft.source
    if src is not None and not (lo <= src.start_char and src.end_char <= hi):
        doc = src.doc
        inside = [t.i for t in src if lo <= t.idx < hi]
        draft.source = doc[inside[0] : inside[-1] + 1] if inside else None


def _trivial(doc: Doc, ranges: list[tuple[int, int]]) -> bool:
    """Content that is only "that", "it" or "this" carries no claim."""
    words = [t for a, b in ranges for t in doc[a : b + 1] if not t.is_punct]
    return len(words) <= 1 and (not words or words[0].pos_ in ("PRON", "SCONJ", "DET"))


def _from_verb(verb: Token, sents: Sentences) -> _Draft | None:
    """An attribution headed by a reporting verb, or None when it has no content."""
    doc = verb.doc
    if verb.lemma_.lower() in RAISING_VERBS:
        return _from_raising(verb)
    ranges = verb_content(verb)
    subject = subject_of(verb)
    if not ranges and subject is None:
        # "<clause>, the Syrian Observatory for Human Rights informed": the parser hung the
        # cue off the clause it reports.
        parts = trailing_cue_parts(verb, sents)
        if parts is not None:
            ranges, subject = [parts[0]], parts[1]
    if not ranges or _trivial(doc, ranges):
        return None
    ranges = [trim_range(doc, r, verb) for r in ranges]
    content = [s for a, b in ranges if (s := _span(doc, a, b)) is not None]
    if not content:
        return None
    if subject is None and verb.i > max(b for _, b in ranges):
        subject = inverted_subject(verb)
    particle = next((c.lower_ for c in verb.children if c.dep_ == "prt"), None)
    return _Draft(
        content=content,
        cue=[(doc[a].idx, doc[b].idx + len(doc[b])) for a, b in cue_tokens(verb)],
        source=subject,
        stance=stance_of(verb.lemma_.lower(), particle),
        cue_lemma=verb.lemma_.lower(),
        verb=verb.i,
    )


def _from_nominal(tok: Token) -> _Draft | None:
    """ "Trump's claim that ...", "she is sure that ...": a noun or adjective cue."""
    found = nominal_cue(tok)
    if found is None:
        return None
    (first, last), source = found
    content = _span(tok.doc, first, last)
    if content is None or _trivial(tok.doc, [(first, last)]):
        return None
    return _Draft(
        content=[content],
        cue=[(tok.idx, tok.idx + len(tok))],
        source=source,
        cue_lemma=tok.lemma_.lower(),
    )


def _from_raising(verb: Token) -> _Draft | None:
    """ "The rally seemed to energise him": subject and infinitive are the content, no source."""
    doc = verb.doc
    comp = next((c for c in verb.children if c.dep_ in ("xcomp", "ccomp", "oprd", "acomp")), None)
    if comp is None or comp.i < verb.i or is_cue_verb(comp):
        return None  # "seemed to think that ...": the inner cue reports, with the subject
    ranges = [(comp.left_edge.i, comp.right_edge.i)]
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subj is not None and subj.lower_ != "it" and comp.dep_ != "ccomp":
        ranges.insert(0, (subj.left_edge.i, subj.right_edge.i))
    content = [s for a, b in ranges if (s := _span(doc, a, b)) is not None]
    if not content or _trivial(doc, ranges):
        return None
    return _Draft(
        content=content,
        cue=[(verb.idx, verb.idx + len(verb))],
        cue_lemma=verb.lemma_.lower(),
        verb=verb.i,
    )


def _from_according(tok: Token, sents: Sentences) -> _Draft | None:
    """ "According to X, <content>": the clause the phrase modifies is the content."""
    doc = tok.doc
    to = next((c for c in tok.children if c.lower_ == "to"), None)
    if to is None and tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == "to":
        to = doc[tok.i + 1]
    if to is None:
        return None
    pobj = next((c for c in to.children if c.dep_ == "pobj"), None)
    if pobj is None:
        return None
    # spaCy makes a new Token object on each access: compare indices, never identity.
    head = tok.head
    while head.pos_ not in ("VERB", "AUX") and head.head.i != head.i:
        head = head.head
    lo, hi = tok.left_edge.i, max(tok.right_edge.i, pobj.right_edge.i)
    sent = sents.of(tok.i)
    first, last = head.left_edge.i, head.right_edge.i
    if first <= lo <= hi <= last:
        pieces = [(first, lo - 1), (hi + 1, last)]
    else:
        # The phrase hangs off a noun or clause the parser put elsewhere: take the sentence.
        pieces = [(sent.start, lo - 1), (hi + 1, sent.end - 1)]
    content = []
    for a, b in pieces:
        if a <= b and (s := _span(doc, a, _strip_final(doc, a, b))) is not None:
            content.append(s)
    if not content:
        return None
    return _Draft(
        content=content,
        cue=[(tok.idx, to.idx + len(to))],
        source=doc[pobj.left_edge.i : pobj.right_edge.i + 1],
        mode="according_to",
        cue_lemma="according",
    )


def _colon_headlines(doc: Doc, sents: Sentences, drafts: list[_Draft]) -> list[_Draft]:
    """ "Lavrov: 2,000 mercenaries in Karabakh" - a short name, a colon, then what it said."""
    out: list[_Draft] = []
    for sent in sents.spans:
        colon = next((t for t in sent[:7] if t.text == ":"), None)
        if colon is None or colon.i <= sent.start or colon.i + 2 >= sent.end:
            continue
        name = doc[sent.start : colon.i]
        if not all(
            t.pos_ in ("PROPN", "NOUN", "DET", "ADJ", "PART") or t.text in ".’'" for t in name
        ):
            continue
        if not any(t.pos_ == "PROPN" or t.ent_type_ for t in name) or len(name.text) < 2:
            continue  # "Q: ..." opens an interviewer's question, not a quoted claim
        if name[-1].lower_ in ("note", "update", "correction"):
            continue  # "Editor's note: ..." is the outlet's own aside
        content = _span(doc, colon.i + 1, _strip_final(doc, colon.i + 1, sent.end - 1))
        if content is None or _covered(content[0], drafts):
            continue
        if sum(t.is_alpha for t in doc[colon.i + 1 : sent.end]) < 3:
            continue  # "Clinton: 547." is a tally line, not a quoted claim
        out.append(
            _Draft(
                content=[content],
                cue=[(colon.idx, colon.idx + 1)],
                source=name,
                cue_lemma=":",
            )
        )
    return out


def _transcript_lines(doc: Doc, text: str, drafts: list[_Draft]) -> list[_Draft]:
    """ "PENCE: Well, look, ..." lines of an interview transcript: the label said the line.

    Drafts the parse made inside those lines (a colon headline on the same label) give way."""
    out: list[_Draft] = []
    for label, colon, words in speaker_lines(text):
        source = doc.char_span(label[0], label[1], alignment_mode="expand")
        if source is None:
            continue
        drafts[:] = [d for d in drafts if not (words[0] <= min(d.content)[0] < words[1])]
        out.append(_Draft(content=[words], cue=[colon], source=source, cue_lemma=":"))
    return out


def _strip_final(doc: Doc, first: int, last: int) -> int:
    """Drop a sentence-final full stop from a content range."""
    while last > first and doc[last].is_punct and doc[last].text in ".!?":
        last -= 1
    return last


def _widen_to_quotes(draft: _Draft, quotes: QuoteIndex) -> None:
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
    draft.content = widened


def _drop_nested_duplicates(drafts: list[_Draft]) -> list[_Draft]:
    """Keep one draft per identical content (a verb and an "according to" on one clause)."""
    seen: set[tuple[CharSpan, ...]] = set()
    kept: list[_Draft] = []
    for d in drafts:
        key = tuple(sorted(d.content))
        if key in seen:
            continue
        seen.add(key)
        kept.append(d)
    return kept


def _covered(pos: int, drafts: list[_Draft]) -> bool:
    return any(s <= pos < e for d in drafts for s, e in d.content)


def _labelled(span: CharSpan, drafts: list[_Draft]) -> bool:
    """Whether a transcript line's speaker label lies inside `span` (a quoted transcript)."""
    return any(d.cue_lemma == ":" and d.cue and span[0] <= d.cue[0][0] < span[1] for d in drafts)


def _token_at(starts: list[int], pos: int) -> int:
    """Index of the token holding (or starting right after) character `pos`."""
    return max(bisect_right(starts, pos) - 1, 0)


def _attach_quotes(
    doc: Doc,
    quotes: QuoteIndex,
    starts: list[int],
    drafts: list[_Draft],
    by_verb: dict[int, _Draft],
    sents: Sentences,
) -> None:
    """Tie each quotation no cue has claimed to a cue right after or right before it."""
    text = doc.text
    for qs, qe in quotes.quotes:
        inner = qs + 1
        if qe - qs < 4 or _covered(inner, drafts) or _covered(qe - 2, drafts):
            continue
        if _labelled((qs, qe), drafts):
            continue
        verb = _cue_after(doc, starts, qe) or _cue_before(doc, starts, qs)
        if verb is None:
            verb = _any_verb_after(doc, text, starts, qs, qe) or _any_verb_before(doc, starts, qs)
        if verb is None and (signed := _signed(doc, text, qs, qe)) is not None:
            drafts.append(signed)
            continue
        if verb is None and (governed := _governed(doc, starts, sents, qs, qe)) is not None:
            drafts.append(governed)
            continue
        if verb is None:
            # '"A," he said. "B."': a quotation right after a quoted claim's cue goes on with it.
            host = _host_before(drafts, text, qs, qe)
            if host is not None:
                host.content.append((qs, qe))
            continue
        draft = by_verb.get(verb.i)
        if draft is not None:
            if (qs, qe) not in draft.content:
                draft.content.append((qs, qe))
                draft.content.sort()
            continue
        new = _new_quote_draft(verb, (qs, qe))
        if new.source is None and "\n" in text[qe : new.cue[0][0]]:
            continue
        drafts.append(new)
        by_verb[verb.i] = new


def _end_at_closing_quote(d: _Draft, quotes: QuoteIndex, text: str) -> None:
    """'said the plan was "dead," adding that ...': a quotation closing on a comma or full stop
    ends the quoted claim; the unquoted words running on after it are the writer's."""
    cut: list[CharSpan] = []
    for s, e in d.content:
        inside = quotes.overlapping(s, e)
        if inside and s <= inside[-1][0] and inside[-1][1] < e:
            qe = inside[-1][1]
            rest = text[qe:e]
            closed = text[qe - 2 : qe - 1] in (",", ".", "!", "?")
            if len(rest.strip()) > 1 and (closed or _RUN_ON.match(rest)):
                e = qe
        cut.append((s, e))
    d.content = cut


def _drop_unquoted_parts(d: _Draft, quotes: QuoteIndex) -> None:
    """ "Asked about it, "A," he said as he left': when whole quotations carry the claim, the
    unquoted clauses the parser hung on the verb are circumstances, not content."""
    if len(d.content) < 2:
        return
    whole = [c for c in d.content if c in quotes.quotes_set]
    if not whole:
        return
    first = min(whole)[0]
    d.content = [c for c in d.content if c in whole or c[0] > first or quotes.overlapping(*c)]


def _repair_source(doc: Doc, d: _Draft, quotes: QuoteIndex) -> None:
    """A source the parser found inside the quotation or the content is wrong: take the noun
    phrase between the content and the cue ('"...," Flynn, an aide, said') or after the cue."""
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


def _source_around(doc: Doc, verb: Token, content: list[CharSpan]) -> Span | None:
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


def _new_quote_draft(verb: Token, content: CharSpan) -> _Draft:
    """A draft for a quotation or block tied to `verb` from outside its clause."""
    doc = verb.doc
    return _Draft(
        content=[content],
        cue=[(doc[a].idx, doc[b].idx + len(doc[b])) for a, b in cue_tokens(verb)],
        source=subject_of(verb) or (inverted_subject(verb) if verb.idx > content[0] else None),
        stance=stance_of(verb.lemma_.lower()),
        cue_lemma=verb.lemma_.lower(),
        verb=verb.i,
    )


def _colon_blocks(
    doc: Doc, quotes: QuoteIndex, drafts: list[_Draft], by_verb: dict[int, _Draft]
) -> None:
    """ "He said:" closing a line: the next paragraph (or the quotation opening it) is content."""
    text = doc.text
    for tok in doc:
        if tok.text != ":" or quotes.covering(tok.idx) is not None:
            continue
        block = block_after(text, tok.idx + 1, quotes)
        if block is None or _covered(block[0] + 1, drafts) or _labelled(block, drafts):
            continue
        verb = None
        for k in range(tok.i - 1, max(tok.i - 16, -1), -1):
            if "\n" in doc[k].text or doc[k].text in ".!?":
                break
            if is_cue_verb(doc[k], loose=True) or is_cue_verb(doc[k]):
                verb = doc[k]
                break
        if verb is None:
            continue
        draft = by_verb.get(verb.i)
        if draft is not None:
            draft.content.append(block)
            continue
        new = _new_quote_draft(verb, block)
        drafts.append(new)
        by_verb[verb.i] = new


def _signed(doc: Doc, text: str, qs: int, qe: int) -> _Draft | None:
    """ "<quotation>" ― Name: the name after a dash closing the line is the source."""
    found = byline_after(text, qe)
    if found is None:
        return None
    dash, name = found
    source = doc.char_span(name[0], name[1], alignment_mode="expand")
    if source is None or not any(t.pos_ == "PROPN" for t in source):
        return None
    return _Draft(content=[(qs, qe)], cue=[dash], source=source, mode="direct", cue_lemma="-")


def _host_before(drafts: list[_Draft], text: str, qs: int, qe: int) -> _Draft | None:
    """The nearest quoted claim before `qs` with no quotation between: '"A," he said after the
    vote in the chamber. "B."' goes on with A, and so does a paragraph that is only "B." right
    after the paragraph ending with A's cue."""
    best: _Draft | None = None
    best_end = -1
    for d in drafts:
        if not d.cue or d.source is None:
            continue
        end = max(e for _, e in [*d.content, *d.cue, (d.source.start_char, d.source.end_char)])
        if end > qs or end <= best_end:
            continue  # the claim lies after this quotation, or a nearer one was found
        gap = text[end:qs]
        if len(gap) > MAX_CONTINUATION_GAP or any(q in gap for q in '“”"'):
            continue
        if "\n" in gap and not _next_paragraph_quote(text, gap, qs, qe):
            continue
        if any(text[s : s + 1] in "“\"'" for s, _ in d.content):
            best, best_end = d, end
    return best


def _next_paragraph_quote(text: str, gap: str, qs: int, qe: int) -> bool:
    """Whether the quotation [qs, qe) is a whole paragraph right after the one `gap` closes."""
    head, sep, tail = gap.partition("\n")
    if "\n" in tail.strip() or tail.strip() or not sep:
        return False
    if _SENTENCE_BREAK.search(head.rstrip()):
        return False  # the claim's paragraph went on with another sentence
    line_end = text.find("\n", qe)
    rest = text[qe : line_end if line_end != -1 else len(text)]
    return not rest.strip()


def _cue_after(doc: Doc, starts: list[int], qe: int) -> Token | None:
    """A reporting verb within a few tokens after a quotation: `"...," he said`."""
    i = _token_at(starts, qe)
    while i < len(doc) and doc[i].idx < qe:
        i += 1
    for k in range(i, min(i + 8, len(doc))):
        tok = doc[k]
        if "\n" in tok.text or tok.text in ".!?" or tok.text in ("“", '"', "''"):
            return None
        if is_cue_verb(tok, loose=True):
            return tok
    return None


def _governed(doc: Doc, starts: list[int], sents: Sentences, qs: int, qe: int) -> _Draft | None:
    """'The mayor branded the plan a "disgrace."': a quoted phrase inside a clause whose verb
    has a named or pronoun subject is that subject's words, whatever the verb."""
    first = _token_at(starts, qs + 1)
    sent = sents.of(first)
    if doc[sent.start].idx >= qs - 1:
        return None  # a quotation opening its sentence is not a phrase inside a clause
    head = doc[first]
    for _ in range(4):
        if head.pos_ == "VERB" or head.head.i == head.i:
            break
        if head.dep_ == "pobj" and head.head.lower_ in _SETTING_PREPS:
            return None  # 'told "Meet the Press" on Sunday': a programme, not a quoted phrase
        head = head.head
    if head.pos_ != "VERB" or head.idx >= qs or not (sent.start <= head.i < sent.end):
        return None
    if is_cue_verb(head, loose=True):
        return None  # a reporting verb would have claimed its content; this is a title
    subject = subject_of(head)
    if subject is None or not (
        subject[-1].pos_ in ("PROPN", "PRON") or subject[-1].ent_type_ in ("PERSON", "ORG", "NORP")
    ):
        return None
    if subject[-1].lower_ in ("it", "they", "this", "that", "which", "there"):
        return None
    last = min(head.right_edge.i, sent.end - 1)
    content = _span(doc, head.i + 1, _strip_final(doc, head.i + 1, last))
    if content is None or content[1] < qe - 1:
        return None
    return _Draft(
        content=[content],
        cue=[(doc[a].idx, doc[b].idx + len(doc[b])) for a, b in cue_tokens(head)],
        source=subject,
        cue_lemma=head.lemma_.lower(),
        verb=head.i,
    )


def _any_verb_after(doc: Doc, text: str, starts: list[int], qs: int, qe: int) -> Token | None:
    """'"Stay there!" a man bellowed.': a quotation closing on ',', '!' or '?' inside its mark,
    then a short subject and any verb ending the sentence, is that speaker's, whatever the verb."""
    if text[qe - 2 : qe - 1] not in (",", "!", "?"):
        return None
    i = _token_at(starts, qe)
    while i < len(doc) and doc[i].idx < qe:
        i += 1
    for k in range(i, min(i + 6, len(doc))):
        tok = doc[k]
        if "\n" in tok.text or tok.is_punct:
            return None
        if tok.pos_ == "VERB" and tok.tag_ != "VBN":
            subject = subject_of(tok) or inverted_subject(tok)
            if subject is None or subject.start_char < qe:
                return None
            if subject[-1].pos_ not in ("PROPN", "PRON", "NOUN"):
                return None
            return tok
    return None


def _any_verb_before(doc: Doc, starts: list[int], qs: int) -> Token | None:
    """'The senator shot back: "..."': a clause with a named or pronoun subject ending in a
    colon right before the quotation introduces it, whatever its verb."""
    i = _token_at(starts, qs) - 1
    if i < 0 or doc[i].idx >= qs or doc[i].text != ":":
        return None
    for k in range(i - 1, max(i - 8, -1), -1):
        tok = doc[k]
        if "\n" in tok.text or tok.text in '.!?”"':
            return None
        if tok.pos_ == "VERB":
            subject = subject_of(tok)
            if subject is None or subject[-1].pos_ not in ("PROPN", "PRON"):
                return None
            return tok
    return None


def _cue_before(doc: Doc, starts: list[int], qs: int) -> Token | None:
    """A reporting verb shortly before a quotation introduced by ':' or ',': `he said: "..."`."""
    i = _token_at(starts, qs) - 1
    if i < 0 or doc[i].idx >= qs:
        return None
    if doc[i].text not in (":", ",") and not is_cue_verb(doc[i], loose=True):
        return None
    for k in range(i, max(i - 10, -1), -1):
        tok = doc[k]
        if "\n" in tok.text or tok.text in ".!?" or tok.text in '”"':
            return None
        if is_cue_verb(tok, loose=True):
            return tok
    return None


def _finish(
    doc: Doc,
    text: str,
    d: _Draft,
    quotes: QuoteIndex,
    resolver: SpeakerResolver,
    sents: Sentences,
    starts: list[int],
) -> Attribution:
    """Resolve the speaker, decide mode, stance and hedging, and find the sentence span.

    `text` is passed in because `Doc.text` is rebuilt from the tokens on every access.
    """
    content = sorted(d.content)
    mode = d.mode
    if mode == "indirect" and _quoted_share(content, quotes) >= 0.6:
        mode = "direct"
    mention = speaker = label = None
    source_spans: list[CharSpan] = []
    if d.source is not None:
        src = _span(doc, d.source.start, d.source.end - 1)
        if src is not None:
            source_spans = [src]
            ref = antecedent(d.source)
            ref_span = _span(doc, ref.start, ref.end - 1) or src
            mention = text[ref_span[0] : ref_span[1]]
            speaker, label = resolver.resolve(ref)
    parts = content + d.cue + source_spans
    lo, hi = min(s for s, _ in parts), max(e for _, e in parts)
    start = sents.of(_token_at(starts, lo)).start_char
    end = sents.of(_token_at(starts, hi - 1)).end_char
    # The splitter may run a headline into the first paragraph: stay in the claim's lines.
    start = max(start, text.rfind("\n", 0, lo) + 1)
    newline = text.find("\n", hi)
    end = min(end, newline) if newline != -1 else end
    stance = refine_stance(doc, text, d.stance, content, d.verb)
    return Attribution(
        content_spans=content,
        cue_spans=d.cue,
        source_spans=source_spans,
        mode=mode,
        stance=stance,
        hedged=_hedged(doc, start, end, d.cue_lemma),
        sentence_span=(start, end),
        mention=mention,
        speaker=speaker,
        speaker_label=label,
    )


def _drop_nested(found: list[Attribution]) -> list[Attribution]:
    """Drop a claim whose cue lies inside another claim's content: "X said Y denied Z" is X's
    claim (PolNeAR never nests one attribution's cue in another's content). Wider claims win."""
    kept: list[Attribution] = []
    for a in sorted(found, key=lambda a: -sum(e - s for s, e in a.content_spans)):
        cue = a.cue_spans[0][0] if a.cue_spans else None
        if cue is not None and any(_inside(cue, k.content_spans) for k in kept):
            continue
        kept.append(a)
    kept.sort(key=lambda a: min(a.content_spans))
    return kept


def _inherit_first_person(found: list[Attribution]) -> None:
    """ "I"/"we" inside a quotation speak for whoever the quotation is attributed to."""
    for a in found:
        if a.speaker is not None or (a.mention or "").lower() not in ("i", "we"):
            continue
        pos = a.source_spans[0][0]
        for outer in found:
            if (
                outer is not a
                and outer.speaker
                and any(s <= pos < e for s, e in outer.content_spans)
            ):
                a.speaker, a.speaker_label = outer.speaker, outer.speaker_label
                break


def _quoted_share(content: list[CharSpan], quotes: QuoteIndex) -> float:
    total = sum(e - s for s, e in content)
    inside = 0
    for s, e in content:
        for qs, qe in quotes.overlapping(s, e):
            inside += min(e, qe) - max(s, qs)
    return inside / total if total else 0.0


def _hedged(doc: Doc, start: int, end: int, cue_lemma: str) -> bool:
    if cue_lemma in HEDGE_CUES:
        return True
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return False
    for tok in span:
        low = tok.lower_
        if low in HEDGE_WORDS and (tok.tag_ != "MD" or low in ("may", "might")):
            return True
    sentence = span.text.lower()
    return any(p in sentence for p in HEDGE_PHRASES)


def _unattributed(doc: Doc, text: str, found: list[Attribution]) -> list[Attribution]:
    """Sentences with a figure outside any attributed content: the outlet's own statements."""
    covered = sorted(s for a in found for s in a.content_spans)
    out: list[Attribution] = []
    previous: Attribution | None = None
    for sent in _lines(doc):
        figures = [t for t in sent if _is_figure(t)]
        if not figures or all(_inside(t.idx, covered) for t in figures):
            previous = _ending_in(found, sent) or previous
            continue
        span = _span(doc, sent.start, sent.end - 1)
        if span is None:
            continue
        span = (span[0], _rstrip_text(text, span))
        opening = text[span[0] : span[0] + 20].lower()
        carried = previous is not None and opening.startswith(CONTINUATIONS)
        if carried and previous is not None:
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
                )
            )
        else:
            out.append(
                Attribution(
                    content_spans=[span],
                    mode="unattributed",
                    hedged=_hedged(doc, sent.start_char, sent.end_char, ""),
                    sentence_span=(sent.start_char, sent.end_char),
                )
            )
        previous = None
    return out


def _lines(doc: Doc) -> list[Span]:
    """Sentences, cut again at line breaks the splitter ran over (headline + first line)."""
    out: list[Span] = []
    for sent in doc.sents:
        start = sent.start
        for tok in sent:
            if "\n" in tok.text or "\n" in tok.whitespace_:
                if tok.i + 1 > start:
                    out.append(doc[start : tok.i + 1])
                start = tok.i + 1
        if start < sent.end:
            out.append(doc[start : sent.end])
    return [s for s in out if s.text.strip()]


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
