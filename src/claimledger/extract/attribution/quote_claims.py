"""Quoted claims: quotations tied to a speaker (their bounds and sources are then repaired in
`repairs.py`).

Drafts come from the cue rules (`cue_rules.py`); these rules then work on quotations found over the
raw text (`quotes.py`): a verb's content touching a quotation is widened to the whole of it; a
quotation no cue claimed yet is tied to a cue just after it (`"...," he said`) or just before
(`he said: "..."`), to a clause of any verb that introduces it with a colon or follows it
(`"...!" X bellowed`), to the clause whose verb governs a quoted phrase (`branded it a "..."`), or
goes on with the quoted claim just before it (same paragraph, or a paragraph that is only the
quotation). Transcript lines (`PENCE: ...`) are their labelled speaker's.
"""

from __future__ import annotations

import re

from spacy.tokens import Token

from claimledger.extract.attribution.cue_extent import cue_tokens
from claimledger.extract.attribution.drafts import (
    Draft,
    char_range,
    covered,
    strip_final,
    token_at,
)
from claimledger.extract.attribution.quote_cues import (
    any_verb_after,
    any_verb_before,
    cue_after,
    cue_before,
    verb_before_colon,
)
from claimledger.extract.attribution.quotes import (
    block_after,
    byline_after,
    speaker_lines,
)
from claimledger.extract.attribution.repairs import clause_like, drop_verb_adjuncts
from claimledger.extract.attribution.sources import inverted_subject, subject_of
from claimledger.extract.attribution.verb_cues import is_cue_verb
from claimledger.extract.context import DocContext
from claimledger.extract.stance import stance_of
from claimledger.lexicon import words as lexicon_words
from claimledger.models import Span as CharSpan

# The claims the quotation rule makes, by how it found the speaker.
QUOTATION_RULES = ("quote_cue", "quote_signed", "quote_governed")

# How far (characters) a cue sentence may run on before a quotation that continues its claim.
MAX_CONTINUATION_GAP = 300
# A sentence ends at '.', '!' or '?' before a new word, unless the '.' closes an abbreviation
# ('St. Regis', 'U.S. troops', 'Sen. Kaine'): one or two letters, or a short capitalised word.
_SENTENCE_BREAK = re.compile(r"(?<![A-Z])(?<![A-Z][a-z])(?<![A-Z][a-z]{2})(?<!\b[a-z])[.!?]\s+\S")
# A quotation closing on its own sentence end ('... makes." Like most ...').
_QUOTED_BREAK = re.compile(r"[.!?][\"”’']+\s")


def transcript_lines(ctx: DocContext, drafts: list[Draft]) -> list[Draft]:
    """ "PENCE: Well, look, ..." lines of an interview transcript: the label said the line.

    Drafts the parse made inside those lines (a colon headline on the same label) give way."""
    doc = ctx.doc
    out: list[Draft] = []
    for label, colon, words in speaker_lines(ctx.text):
        source = doc.char_span(label[0], label[1], alignment_mode="expand")
        if source is None:
            continue
        drafts[:] = [d for d in drafts if not (words[0] <= min(d.content)[0] < words[1])]
        line = Draft(content=[words], cue=[colon], source=source, cue_lemma=":")
        line.rule = "transcript_line"
        out.append(line)
    return out


def _labelled(span: CharSpan, drafts: list[Draft]) -> bool:
    """Whether a transcript line's speaker label lies inside `span` (a quoted transcript)."""
    return any(d.cue_lemma == ":" and d.cue and span[0] <= d.cue[0][0] < span[1] for d in drafts)


def attach_quotes(ctx: DocContext, drafts: list[Draft], by_verb: dict[int, Draft]) -> None:
    """Tie each quotation no cue has claimed to a cue right after or right before it (rule
    `quote_cue`), a name signing it (`quote_signed`) or a verb governing it (`quote_governed`);
    failing those, to the quoted claim it continues."""
    text = ctx.text
    for qs, qe in ctx.quotes.quotes:
        inner = qs + 1
        if qe - qs < 4 or covered(inner, drafts) or covered(qe - 2, drafts):
            continue
        if _labelled((qs, qe), drafts):
            continue
        if (lead := _claim_before_colon(drafts, text, qs)) is not None:
            lead.content.append((qs, qe))
            continue
        verb = cue_after(ctx, qe) or cue_before(ctx, qs)
        if verb is None:
            verb = any_verb_after(ctx, qe) or any_verb_before(ctx, qs)
        if verb is None and (own := _without_cue(ctx, qs, qe)) is not None:
            drafts.append(own)
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
        if not ctx.enabled("quote_cue"):
            continue
        new = _new_quote_draft(verb, (qs, qe), "quote_cue")
        if new.source is None and "\n" in text[qe : new.cue[0][0]]:
            continue
        drafts.append(new)
        by_verb[verb.i] = new
    hand_back_leads(ctx, drafts, by_verb, new_cues=ctx.enabled("quote_cue"))
    for d in drafts:
        drop_verb_adjuncts(ctx, d)


def hand_back_leads(
    ctx: DocContext, drafts: list[Draft], by_verb: dict[int, Draft], new_cues: bool = True
) -> None:
    """'The senator scolded him: "A," she said. "B."' and 'Lee said she felt the bill was
    flawed because "A," she said. "B."': when the parser hangs a whole clause ending in a
    quotation on the cue after it, the words before the quotation belong to another claim. A
    colon clause's verb takes the quotation; a clause an earlier cue's content runs into
    takes it with that content. The cue after the quotation keeps what follows it (B)."""
    text, quotes = ctx.text, ctx.quotes
    for d in list(drafts):
        if d.verb is None or d.cue_lemma == ":" or not d.cue or len(d.content) < 2:
            continue
        cue_start = d.cue[0][0]
        for k, (s, e) in enumerate(d.content):
            inside = quotes.overlapping(s, e)
            if e > cue_start or not inside:
                continue
            qs, qe = inside[-1]
            gap = text[qe:cue_start]
            if not s < qs or qe < e - 1 or len(gap) > 60 or any(ch in gap for ch in ".!?\n"):
                continue
            if not _lead_handed_back(ctx, drafts, by_verb, d, (s, qs, qe), new_cues):
                continue
            del d.content[k]
            break


def _lead_handed_back(
    ctx: DocContext,
    drafts: list[Draft],
    by_verb: dict[int, Draft],
    d: Draft,
    lead: tuple[int, int, int],
    new_cues: bool,
) -> bool:
    """Give the quotation closing `lead` (start, quote start, quote end) to the claim it goes
    with: an earlier content running right into it, or the verb of a clause ending in a colon
    (a new claim of rule quote_cue, unless `new_cues` is false)."""
    doc, text = ctx.doc, ctx.text
    s, qs, qe = lead
    for o in drafts:
        if o is d or not o.cue or o.cue[0][0] >= s:
            continue
        for j, (os, oe) in enumerate(o.content):
            run = text[o.cue[0][0] : s]
            if oe <= s and not text[oe:s].strip(" ") and not _sentence_ends(run):
                o.content[j] = (os, qe)
                return True
    colon = text[s:qs].rstrip()
    if not colon.endswith(":"):
        return _opening_cue(drafts, d, lead)
    i = token_at(ctx.starts, s + len(colon) - 1)
    verb = next((t for t in reversed(doc[max(i - 8, 0) : i]) if t.pos_ == "VERB"), None)
    if verb is None or verb.idx < s or verb.i == d.verb or doc[i].text != ":":
        return False
    if not any(c.dep_ == "nsubj" and c.pos_ in ("PROPN", "PRON", "NOUN") for c in verb.lefts):
        return False
    host = by_verb.get(verb.i)
    if host is not None:
        host.content.append((qs, qe))
        return True
    if not new_cues:
        return False  # rule quote_cue is switched off
    new = _new_quote_draft(verb, (qs, qe), "quote_cue")
    drafts.append(new)
    by_verb[verb.i] = new
    return True


def _claim_before_colon(drafts: list[Draft], text: str, qs: int) -> Draft | None:
    """'She said she had the one quality a president needs: "Steadiness."': a quotation right
    after a colon that closes a claim's content spells that content out."""
    colon = text.rfind(":", 0, qs)
    if colon == -1 or text[colon + 1 : qs].strip():
        return None
    for d in drafts:
        if not d.cue or d.cue[0][0] > colon:
            continue
        for s, e in d.content:
            if not text[e:colon].strip() and clause_like(text, (s, e)):
                return d
    return None


def _new_quote_draft(verb: Token, content: CharSpan, rule: str) -> Draft:
    """A draft for a quotation or block tied to `verb` from outside its clause."""
    doc = verb.doc
    return Draft(
        content=[content],
        cue=[(doc[a].idx, doc[b].idx + len(doc[b])) for a, b in cue_tokens(verb)],
        source=subject_of(verb) or (inverted_subject(verb) if verb.idx > content[0] else None),
        stance=stance_of(verb.lemma_.lower()),
        cue_lemma=verb.lemma_.lower(),
        verb=verb.i,
        rule=rule,
    )


def colon_blocks(ctx: DocContext, drafts: list[Draft], by_verb: dict[int, Draft]) -> None:
    """ "He said:" closing a line: the next paragraph (or the quotation opening it) is content;
    so is a quotation opening it after any short clause ("The mayor issued this statement:")."""
    doc, text, quotes = ctx.doc, ctx.text, ctx.quotes
    for tok in ctx.tokens_of_char(":"):
        if quotes.covering(tok.idx) is not None:
            continue
        block = block_after(text, tok.idx + 1, quotes)
        if block is None or covered(block[0] + 1, drafts) or _labelled(block, drafts):
            continue
        verb = None
        for k in range(tok.i - 1, max(tok.i - 16, -1), -1):
            if "\n" in doc[k].text or doc[k].text in ".!?":
                break
            if is_cue_verb(doc[k], loose=True) or is_cue_verb(doc[k]):
                verb = doc[k]
                break
        if verb is None and text[block[0]] in '“"':
            verb = verb_before_colon(doc, tok.i)
        if verb is None:
            continue
        draft = by_verb.get(verb.i)
        if draft is not None:
            draft.content.append(block)
            continue
        new = _new_quote_draft(verb, block, "colon_block")
        drafts.append(new)
        by_verb[verb.i] = new


def _without_cue(ctx: DocContext, qs: int, qe: int) -> Draft | None:
    """A quotation no cue verb claims: signed by a name after a dash (rule `quote_signed`),
    else governed by a verb with a subject (rule `quote_governed`)."""
    if ctx.enabled("quote_signed") and (signed := _signed(ctx, qs, qe)) is not None:
        return signed
    return _governed(ctx, qs, qe) if ctx.enabled("quote_governed") else None


def _signed(ctx: DocContext, qs: int, qe: int) -> Draft | None:
    """ "<quotation>" ― Name: the name after a dash closing the line is the source."""
    doc, text = ctx.doc, ctx.text
    found = byline_after(text, qe)
    if found is None:
        return None
    dash, name = found
    source = doc.char_span(name[0], name[1], alignment_mode="expand")
    if source is None or not any(t.pos_ == "PROPN" for t in source):
        return None
    return Draft(
        content=[(qs, qe)],
        cue=[dash],
        source=source,
        mode="direct",
        cue_lemma="-",
        rule="quote_signed",
    )


def _host_before(drafts: list[Draft], text: str, qs: int, qe: int) -> Draft | None:
    """The nearest quoted claim before `qs` with no quotation between: '"A," he said after the
    vote in the chamber. "B."' goes on with A, and so does a paragraph that is only "B." right
    after the paragraph ending with A's cue."""
    best: Draft | None = None
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
        if any(text[s : s + 1] in "“\"'" or text[e - 1 : e] in '”"' for s, e in d.content):
            best, best_end = d, end
    return best


def _opening_cue(drafts: list[Draft], d: Draft, lead: tuple[int, int, int]) -> bool:
    """'Lee said she felt the law was flawed because "A," she said': a claim whose cue opens
    the lead and whose content already runs to the quotation's end keeps it."""
    s, qs, qe = lead
    return any(
        o is not d
        and o.cue
        and s <= o.cue[0][0] < qs
        and any(os < qe <= oe for os, oe in o.content)
        for o in drafts
    )


def _sentence_ends(run: str) -> bool:
    """Whether `run` crosses a line or a sentence end, one inside a closing quotation too."""
    return "\n" in run or any(p.search(run) for p in (_SENTENCE_BREAK, _QUOTED_BREAK))


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


def _governed(ctx: DocContext, qs: int, qe: int) -> Draft | None:
    """'The mayor branded the plan a "disgrace."': a quoted phrase inside a clause whose verb
    has a noun, name or pronoun subject is that subject's words, whatever the verb."""
    doc = ctx.doc
    first = token_at(ctx.starts, qs + 1)
    sent = ctx.sents.of(first)
    if doc[sent.start].idx >= qs - 1:
        return None  # a quotation opening its sentence is not a phrase inside a clause
    head = doc[first]
    for _ in range(4):
        if head.pos_ == "VERB" or head.head.i == head.i:
            break
        if head.dep_ == "pobj" and head.head.lower_ in lexicon_words("setting_preps"):
            return None  # 'told "Meet the Press" on Sunday': a programme, not a quoted phrase
        head = head.head
    if head.pos_ != "VERB" or head.idx >= qs or not (sent.start <= head.i < sent.end):
        return None
    if is_cue_verb(head, loose=True):
        return None  # a reporting verb would have claimed its content; this is a title
    subject = subject_of(head)
    if subject is None or not (
        subject[-1].pos_ in ("PROPN", "PRON", "NOUN")
        or subject[-1].ent_type_ in ("PERSON", "ORG", "NORP")
    ):
        return None
    if subject[-1].lower_ in lexicon_words("quote_placeholder_subjects"):
        return None
    last = min(head.right_edge.i, sent.end - 1)
    content = char_range(doc, head.i + 1, strip_final(doc, head.i + 1, last))
    if content is None or content[1] < qe - 1:
        return None
    return Draft(
        content=[content],
        cue=[(doc[a].idx, doc[b].idx + len(doc[b])) for a, b in cue_tokens(head)],
        source=subject,
        cue_lemma=head.lemma_.lower(),
        verb=head.i,
        rule="quote_governed",
    )
