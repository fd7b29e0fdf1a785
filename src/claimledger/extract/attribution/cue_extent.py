"""How far a cue and its content reach in tokens: the content range trimmed of what is not
said (a closing apposition, narration after a comma), and the tokens that make up the cue
("said", "made it clear", "spoke of").

Split from `verb_cues.py`, whose rules decide whether a verb is a cue and what its content is."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from claimledger.extract.attribution.verb_cues import (
    TokenRange,
    content_preps,
    is_cue_verb,
    reporting_conj,
)
from claimledger.lexicon import words

QUOTE_CHARS = frozenset({'"', "“", "”", "''", "``"})


def trim_range(doc: Doc, rng: TokenRange, verb: Token) -> TokenRange:
    """Cut a closing non-restrictive relative clause from a content after the cue ("he expects
    her to recover, which forced her to leave early"): PolNeAR leaves it out."""
    first, last = rng
    if first < verb.i:
        return rng
    for k in range(first + 1, last + 1):
        tok = doc[k]
        if tok.dep_ == "cc" and k - 1 > first and reporting_conj(tok) is not None:
            # "said the plan failed and called for a vote": the second cue is a claim of its own.
            return first, k - 1
        if (
            tok.text == ","
            and k + 1 <= last
            and doc[k + 1].lower_ in ("which", "who")
            and doc[k + 1].head.dep_ == "relcl"
            and doc[k + 1].head.right_edge.i >= last - 1
            and k - 1 > first
        ):
            return first, k - 1
        if (
            tok.text == ","
            and k + 1 <= last
            and k - 1 > first
            and doc[k + 1].tag_ == "VBG"
            and is_cue_verb(doc[k + 1])
            and not any(c.dep_ == "nsubj" for c in doc[k + 1].children)
        ):
            # "attacked Trump, saying he lied": the participle is a claim of its own.
            return first, k - 1
        if tok.text == "," and k + 1 < last and k - 1 > first and _narration_after(doc, k, verb):
            return first, k - 1
        if tok.lower_ in ("while", "whereas") and tok.dep_ == "mark" and k - 1 > first:
            # "half said A, while a third want B": a contrasting source's claim of its own.
            clause = tok.head
            if is_cue_verb(clause) and any(c.dep_ == "nsubj" for c in clause.children):
                return first, k - 2 if doc[k - 1].text == "," else k - 1
        if tok.text == "," and k - 1 >= first and _closing_apposition(doc, k, last):
            return first, k - 1
    return rng


def _closing_apposition(doc: Doc, comma: int, last: int) -> bool:
    """ "backing Bush, the former Florida governor": an apposition closing the content is the
    reporter's gloss on a name."""
    appos = next((t for t in doc[comma + 1 : last + 1] if t.dep_ == "appos"), None)
    return (
        appos is not None
        and appos.head.i < comma
        and appos.left_edge.i == comma + 1
        and appos.right_edge.i >= last - 1
        and appos.head.pos_ == "PROPN"
    )


def _narration_after(doc: Doc, comma: int, verb: Token) -> bool:
    """Whether what follows a comma inside a content is the reporter's, not the claim: a clause
    with a subject of its own after ", and"/", but" ("said A, and B said C"), or the cue's
    second predicate ("proposed A, and pushed B")."""
    cc = doc[comma + 1]
    if cc.dep_ != "cc" or cc.lower_ not in ("and", "but"):
        return False
    head = cc.head
    conj = next((c for c in head.children if c.dep_ == "conj" and c.i > cc.i), None)
    if conj is None or conj.pos_ not in ("VERB", "AUX") or comma + 2 >= len(doc):
        return False
    if doc[comma + 2].text in QUOTE_CHARS or any(
        c.dep_ == "mark" and c.lower_ == "that" for c in conj.children
    ):
        return False  # "A, and “B”", "A, but that B": the claim goes on
    return conj.head.i == verb.i or any(c.dep_ in ("nsubj", "nsubjpass") for c in conj.children)


def cue_tokens(verb: Token) -> list[TokenRange]:
    """The cue words: the verb with its particle, content preposition and a medium phrase
    ("wrote on Facebook", "said in a statement")."""
    lemma = verb.lemma_.lower()
    picked = [verb.i]
    preps = content_preps(lemma)
    for c in verb.children:
        if c.dep_ == "prt" or (c.dep_ == "prep" and c.lower_ in preps):
            picked.append(c.i)
        elif c.dep_ == "prep" and c.i > verb.i:
            pobj = next((p for p in c.children if p.dep_ == "pobj"), None)
            if pobj is not None and pobj.lower_ in words("cue_media"):
                picked.extend(range(c.i, pobj.i + 1))
    picked.sort()
    ranges: list[TokenRange] = []
    for i in picked:
        if ranges and i <= ranges[-1][1] + 1:
            ranges[-1] = (ranges[-1][0], max(ranges[-1][1], i))
        else:
            ranges.append((i, i))
    return ranges
