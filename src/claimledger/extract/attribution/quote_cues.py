"""Which verb a quotation hangs on: a cue right after it ('"...," said X', '"...," X, the
minister, said'), right before it ('X said: "..."'), or any verb in the clause around it.

Used by `quote_claims.py`, which ties each quotation to a claim."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from claimledger.extract.attribution.drafts import (
    QUOTE_MARKS,
    token_at,
)
from claimledger.extract.attribution.sources import inverted_subject, subject_of
from claimledger.extract.attribution.verb_cues import is_cue_verb
from claimledger.extract.context import DocContext


def cue_after(ctx: DocContext, qe: int) -> Token | None:
    """A reporting verb within a few tokens after a quotation: `"...," he said`."""
    doc, text = ctx.doc, ctx.text
    i = token_at(ctx.starts, qe)
    while i < len(doc) and doc[i].idx < qe:
        i += 1
    for k in range(i, min(i + 8, len(doc))):
        tok = doc[k]
        if "\n" in tok.text or tok.text in ".!?" or tok.text in ("“", '"', "''"):
            return None
        if is_cue_verb(tok, loose=True):
            return None if _reports_own_words(tok, text[qe - 2 : qe - 1]) else tok
    return _cue_after_long_subject(doc, i)


def _reports_own_words(verb: Token, mark: str) -> bool:
    """'"We won." She noted a rally on Saturday': after a quotation closed by a full stop, a
    verb with its own object or clause on its right opens a new sentence about something else."""
    return mark == "." and any(
        c.i > verb.i and c.dep_ in ("dobj", "ccomp", "xcomp") for c in verb.children
    )


def _cue_after_long_subject(doc: Doc, i: int) -> Token | None:
    """'"...," Jo Lee, a pollster who ran two campaigns, said': a cue verb further on whose
    subject is the noun phrase opening right after the quotation (appositives make it long)."""
    while i < len(doc) and (doc[i].is_punct or doc[i].is_space) and doc[i].text not in QUOTE_MARKS:
        if "\n" in doc[i].text:
            return None
        i += 1
    if i >= len(doc) or doc[i].pos_ not in ("PROPN", "NOUN", "DET", "ADJ", "PRON"):
        return None
    for k in range(i + 1, min(i + 50, len(doc))):
        tok = doc[k]
        if "\n" in tok.text or tok.text in ".!?;" or tok.text in QUOTE_MARKS:
            return None
        if is_cue_verb(tok, loose=True) and _subject_opens_at(tok, i):
            return tok
    return None


def _subject_opens_at(verb: Token, i: int) -> bool:
    """Whether the verb's subject (found by the usual rules, or any nsubj child the parser also
    gave it) is the noun phrase starting at token `i` (or one token later)."""
    subject = subject_of(verb)
    if subject is not None and subject.start <= i + 1 and subject.end > i:
        return True
    return any(c.dep_ == "nsubj" and c.left_edge.i <= i + 1 and c.i >= i for c in verb.lefts)


def any_verb_after(ctx: DocContext, qe: int) -> Token | None:
    """'"Stay there!" a man bellowed.': a quotation closing on ',', '!' or '?' inside its mark,
    then a short subject and any verb ending the sentence, is that speaker's, whatever the verb."""
    doc = ctx.doc
    if ctx.text[qe - 2 : qe - 1] not in (",", "!", "?"):
        return None
    i = token_at(ctx.starts, qe)
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


def any_verb_before(ctx: DocContext, qs: int) -> Token | None:
    """'The senator shot back: "..."': a clause with a noun, name or pronoun subject ending in a
    colon right before the quotation introduces it, whatever its verb."""
    doc = ctx.doc
    i = token_at(ctx.starts, qs) - 1
    if i < 0 or doc[i].idx >= qs or doc[i].text != ":":
        return None
    return verb_before_colon(doc, i)


def verb_before_colon(doc: Doc, i: int) -> Token | None:
    """The verb, with a noun, name or pronoun subject, of a short clause ending at colon `i`."""
    for k in range(i - 1, max(i - 8, -1), -1):
        tok = doc[k]
        if "\n" in tok.text or tok.text in '.!?”"':
            return None
        if tok.pos_ == "VERB":
            subject = subject_of(tok)
            if subject is None or subject[-1].pos_ not in ("PROPN", "PRON", "NOUN"):
                return None
            return tok
    return None


def cue_before(ctx: DocContext, qs: int) -> Token | None:
    """A reporting verb shortly before a quotation introduced by ':' or ',': `he said: "..."`."""
    doc = ctx.doc
    i = token_at(ctx.starts, qs) - 1
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
