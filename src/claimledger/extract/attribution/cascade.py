"""Who said what: attributions found in one parsed document.

The rules, in the order they run:

1. Reporting verbs ("said", "told", "denied", "urged", "spoke of", ...): the content is the
   verb's clausal complement (ccomp/xcomp) or, for verbs like "reported"/"confirmed", its object;
   the source is its subject, inherited through "adding that"/"but said" chains. Inverted
   forms ("..., said Lavrov") come out of the same parse.
2. "According to X, ...": the clause around the phrase is the content, X the source.
3. Quotations, found over the raw text (`quotes.py`) because the sentence splitter may cut them,
   are tied to their speakers by the rules in `quote_claims.py` (a cue right after or before,
   any clause introducing or following one, a verb governing a quoted phrase, a quoted claim
   they continue, transcript speaker labels).
4. Sentences carrying a figure outside every attributed content become unattributed statements
   (the outlet is the claimant); one opening with "In addition" carries the previous source over.

Everything is a single pass over tokens plus bounded look-arounds, so it stays linear.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from spacy.tokens import Doc, Span, Token

from claimledger.extract.attribution.cue_model import learned_cue
from claimledger.extract.attribution.cue_words import (
    HEDGE_CUES,
    HEDGE_PHRASES,
    HEDGE_WORDS,
    RAISING_VERBS,
    stance_of,
)
from claimledger.extract.attribution.drafts import Draft, char_range, covered, strip_final, token_at
from claimledger.extract.attribution.found import Attribution
from claimledger.extract.attribution.nominal_cues import nominal_cue
from claimledger.extract.attribution.quote_claims import (
    attach_quotes,
    colon_blocks,
    transcript_lines,
)
from claimledger.extract.attribution.quotes import QuoteIndex, find_quotes
from claimledger.extract.attribution.repairs import (
    drop_unquoted_parts,
    end_at_closing_quote,
    quoted_share,
    repair_source,
    source_around,
    widen_to_quotes,
)
from claimledger.extract.attribution.sources import (
    antecedent,
    inverted_subject,
    subject_of,
    trailing_cue_parts,
)
from claimledger.extract.attribution.speakers import SpeakerResolver
from claimledger.extract.attribution.verb_cues import (
    Sentences,
    cue_tokens,
    is_cue_verb,
    trim_range,
    verb_content,
)
from claimledger.extract.stance import refine_stance
from claimledger.models import Span as CharSpan

CONTINUATIONS = ("in addition", "additionally", "moreover", "furthermore")
SKIP_FIGURE_ENTS = frozenset({"DATE", "TIME", "ORDINAL"})
_HEDGE_WORD = re.compile(r"\b(?:" + "|".join(sorted(HEDGE_WORDS)) + r")\b")


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
    drafts: list[Draft] = []
    by_verb: dict[int, Draft] = {}
    paragraphs = _paragraph_bounds(text)
    sents = Sentences(doc)
    for tok in doc:
        if quotes.covering(tok.idx) is not None:
            continue  # a cue inside a quotation belongs to the quoted speaker's own words
        draft = _from_according(tok, sents) if tok.lower_ == "according" else None
        if draft is None and (
            is_cue_verb(tok, negated=negated)
            or (learned_cue(tok, negated=negated) and not _object_is_cue(tok))
        ):
            draft = _from_verb(tok, sents)
        if draft is None and tok.pos_ in ("NOUN", "ADJ"):
            draft = _from_nominal(tok)
        if draft is None:
            continue
        _clip_to_paragraph(draft, paragraphs, tok.idx)
        if not draft.content:
            continue
        widen_to_quotes(draft, quotes)
        drafts.append(draft)
        if draft.verb is not None:
            by_verb[draft.verb] = draft
    drafts.extend(_colon_headlines(doc, sents, drafts))
    drafts.extend(transcript_lines(doc, text, drafts))
    drafts = _drop_nested_duplicates(drafts)
    colon_blocks(doc, text, quotes, drafts, by_verb)
    attach_quotes(doc, quotes, starts, drafts, by_verb, sents, text)
    for d in drafts:
        repair_source(doc, text, d, quotes)
        if d.source is None and d.verb is not None and quoted_share(d.content, quotes) >= 0.6:
            d.source = source_around(doc, doc[d.verb], d.content)
        drop_unquoted_parts(d, quotes, text)
        end_at_closing_quote(d, quotes, text)
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


def _paragraph_bounds(text: str) -> list[int]:
    """Offsets where paragraphs start (after each newline), for clipping runaway parses."""
    return [0] + [i + 1 for i, ch in enumerate(text) if ch == "\n"]


def _clip_to_paragraph(draft: Draft, bounds: list[int], pos: int) -> None:
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


def _from_verb(verb: Token, sents: Sentences) -> Draft | None:
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
    content = [s for a, b in ranges if (s := char_range(doc, a, b)) is not None]
    if not content:
        return None
    if subject is None and verb.i > max(b for _, b in ranges):
        subject = inverted_subject(verb)
    particle = next((c.lower_ for c in verb.children if c.dep_ == "prt"), None)
    return Draft(
        content=content,
        cue=[(doc[a].idx, doc[b].idx + len(doc[b])) for a, b in cue_tokens(verb)],
        source=subject,
        stance=stance_of(verb.lemma_.lower(), particle),
        cue_lemma=verb.lemma_.lower(),
        verb=verb.i,
    )


def _object_is_cue(verb: Token) -> bool:
    """ "drew criticism from X", "voiced support for Y": the object noun is the cue and its rule
    knows who holds the stance; the learned verb model would read the verb's subject instead."""
    return any(c.dep_ == "dobj" and nominal_cue(c) is not None for c in verb.children)


def _from_nominal(tok: Token) -> Draft | None:
    """ "Trump's claim that ...", "she is sure that ...": a noun or adjective cue."""
    found = nominal_cue(tok)
    if found is None:
        return None
    (first, last), source = found
    content = char_range(tok.doc, first, last)
    if content is None or _trivial(tok.doc, [(first, last)]):
        return None
    return Draft(
        content=[content],
        cue=[(tok.idx, tok.idx + len(tok))],
        source=source,
        cue_lemma=tok.lemma_.lower(),
    )


def _from_raising(verb: Token) -> Draft | None:
    """ "The rally seemed to energise him": subject and infinitive are the content, no source."""
    doc = verb.doc
    comp = next((c for c in verb.children if c.dep_ in ("xcomp", "ccomp", "oprd", "acomp")), None)
    if comp is None or comp.i < verb.i or is_cue_verb(comp):
        return None  # "seemed to think that ...": the inner cue reports, with the subject
    ranges = [(comp.left_edge.i, comp.right_edge.i)]
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subj is not None and subj.lower_ != "it" and comp.dep_ != "ccomp":
        ranges.insert(0, (subj.left_edge.i, subj.right_edge.i))
    content = [s for a, b in ranges if (s := char_range(doc, a, b)) is not None]
    if not content or _trivial(doc, ranges):
        return None
    return Draft(
        content=content,
        cue=[(verb.idx, verb.idx + len(verb))],
        cue_lemma=verb.lemma_.lower(),
        verb=verb.i,
    )


def _from_according(tok: Token, sents: Sentences) -> Draft | None:
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
        if a <= b and (s := char_range(doc, a, strip_final(doc, a, b))) is not None:
            content.append(s)
    if not content:
        return None
    return Draft(
        content=content,
        cue=[(tok.idx, to.idx + len(to))],
        source=doc[pobj.left_edge.i : pobj.right_edge.i + 1],
        mode="according_to",
        cue_lemma="according",
    )


def _colon_headlines(doc: Doc, sents: Sentences, drafts: list[Draft]) -> list[Draft]:
    """ "Lavrov: 2,000 mercenaries in Karabakh" - a short name, a colon, then what it said."""
    out: list[Draft] = []
    for sent in sents.spans:
        colon = next((t for t in sent[:7] if t.text == ":"), None)
        if colon is None or colon.i <= sent.start or colon.i + 2 >= sent.end:
            continue
        name = doc[sent.start : colon.i]
        if not all(
            t.pos_ in ("PROPN", "NOUN", "DET", "ADJ", "PART") or t.text in ".’'" for t in name
        ):
            continue
        named = any(t.pos_ == "PROPN" or t.ent_type_ for t in name)
        if not (named or _headline_speaker(name)) or len(name.text) < 2:
            continue  # "Q: ..." opens an interviewer's question, not a quoted claim
        if name[-1].lower_ in ("note", "update", "correction"):
            continue  # "Editor's note: ..." is the outlet's own aside
        content = char_range(doc, colon.i + 1, strip_final(doc, colon.i + 1, sent.end - 1))
        if content is None or covered(content[0], drafts):
            continue
        if sum(t.is_alpha for t in doc[colon.i + 1 : sent.end]) < 3:
            continue  # "Clinton: 547." is a tally line, not a quoted claim
        out.append(
            Draft(
                content=[content],
                cue=[(colon.idx, colon.idx + 1)],
                source=name,
                cue_lemma=":",
            )
        )
    return out


# Common nouns that speak in headlines: "Poll: Clinton leads", "Officials: the dam will hold".
HEADLINE_SOURCES = frozenset(
    {"poll", "survey", "study", "report", "newspaper", "source", "official", "police", "expert"}
    | {"analyst", "aide", "witness", "critic", "lawmaker", "prosecutor", "investigator"}
)


def _headline_speaker(name: Span) -> bool:
    """A speaker before a headline colon that the tagger read as a common noun: a noun that
    speaks ("Poll: ..."), or one capitalised word the document names elsewhere ("Trump: ..."
    opening a headline, while "Background: ..." names nobody)."""
    words = [t for t in name if t.is_alpha]
    if not words or len(words) > 3:
        return False
    if words[-1].lemma_.lower() in HEADLINE_SOURCES:
        return True
    if len(words) != 1 or not words[0].text[0].isupper():
        return False
    word = words[0].text
    return any(word in ent.text.split() for ent in name.doc.ents if ent.start >= name.end)


def _drop_nested_duplicates(drafts: list[Draft]) -> list[Draft]:
    """Keep one draft per identical content (a verb and an "according to" on one clause)."""
    seen: set[tuple[CharSpan, ...]] = set()
    kept: list[Draft] = []
    for d in drafts:
        key = tuple(sorted(d.content))
        if key in seen:
            continue
        seen.add(key)
        kept.append(d)
    return kept


def _finish(
    doc: Doc,
    text: str,
    d: Draft,
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
    if mode == "indirect" and quoted_share(content, quotes) >= 0.6:
        mode = "direct"
    mention = speaker = label = None
    source_spans: list[CharSpan] = []
    if d.source is not None:
        src = char_range(doc, d.source.start, d.source.end - 1)
        if src is not None:
            source_spans = [src]
            ref = antecedent(d.source)
            ref_span = char_range(doc, ref.start, ref.end - 1) or src
            mention = text[ref_span[0] : ref_span[1]]
            speaker, label = resolver.resolve(ref)
    parts = content + d.cue + source_spans
    lo, hi = min(s for s, _ in parts), max(e for _, e in parts)
    start = sents.of(token_at(starts, lo)).start_char
    end = sents.of(token_at(starts, hi - 1)).end_char
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
        hedged=_hedged(doc, text, start, end, d.cue_lemma),
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


def _hedged(doc: Doc, text: str, start: int, end: int, cue_lemma: str) -> bool:
    if cue_lemma in HEDGE_CUES:
        return True
    sentence = text[start:end].lower()
    if any(p in sentence for p in HEDGE_PHRASES):
        return True
    if _HEDGE_WORD.search(sentence) is None:
        return False  # most sentences: no need to look at their tokens' tags
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return False
    for tok in span:
        low = tok.lower_
        if low in HEDGE_WORDS and (tok.tag_ != "MD" or low in ("may", "might")):
            return True
    return False


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
        span = char_range(doc, sent.start, sent.end - 1)
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
                    hedged=_hedged(doc, text, sent.start_char, sent.end_char, ""),
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
