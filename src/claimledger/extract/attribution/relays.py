"""Sources the text gives through something else: a relay ("RIA Novosti cited an official as
saying"), a pointer back ("This was announced by the deputy minister"), a clause after
"according to" ("according to what the ministry revealed").

The cue rules (`cue_rules.py`) ask these before taking the cue's subject as the source.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from claimledger.lexicon import words


def back_reference(verb: Token) -> tuple[Token, Span | None] | None:
    """ "This was announced by X", "these figures were released by X", "this is stated in the
    report of X": the pointer at the sentences before, and X when it is named through a
    document ("the report of X"); None when the cue names no one."""
    subject = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    if subject is None or not (
        subject.lower_ in words("back_pointers")
        or any(c.dep_ == "det" and c.lower_ in words("back_pointers") for c in subject.children)
    ):
        return None
    if any(c.dep_ == "agent" for c in verb.children):
        return subject, None
    for prep in verb.children:
        if prep.dep_ != "prep" or prep.lower_ not in ("in", "on"):
            continue
        for noun in prep.children:
            if noun.dep_ != "pobj" or noun.lemma_.lower() not in words("document_objects"):
                continue
            for of in noun.children:
                owner = next((c for c in of.children if c.dep_ == "pobj"), None)
                if of.dep_ == "prep" and of.lower_ in ("of", "by") and owner is not None:
                    return subject, verb.doc[owner.left_edge.i : owner.right_edge.i + 1]
    return None


def quoted_speaker(verb: Token) -> tuple[Span, tuple[int, int] | None] | None:
    """For "X quoted/cited Y (as saying Z)": Y's span, and Z's tokens when "as saying" says it.
    Only when Y is a person or body quoted, not a document cited ("cited a report")."""
    if verb.lemma_.lower() not in words("relay_verbs"):
        return None
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if obj is None:
        return None
    saying = next(
        (
            c
            for p in verb.children
            if p.dep_ == "prep" and p.lower_ == "as"
            for c in p.children
            if c.dep_ == "pcomp"
        ),
        None,
    )
    said = None
    if saying is not None and saying.lemma_.lower() in ("say", "tell", "state"):
        clause = next((c for c in saying.children if c.dep_ == "ccomp"), None)
        if clause is not None:
            said = (clause.left_edge.i, clause.right_edge.i)
    elif not any(c.dep_ == "ccomp" for c in verb.children):
        return None  # "cited the report": no words of the object's are given
    if obj.pos_ not in ("PRON", "PROPN", "NOUN") or obj.lemma_.lower() in words("document_objects"):
        return None
    return verb.doc[obj.left_edge.i : obj.right_edge.i + 1], said


def what_someone_said(pobj: Token) -> Span | None:
    """The subject of "what X said/revealed/reported" after "according to"."""
    verb = pobj if pobj.lower_ != "what" else pobj.head
    if pobj.lower_ != "what" and not any(c.lower_ == "what" for c in pobj.subtree):
        return None
    for cand in (verb, *verb.children):
        subject = next((c for c in cand.children if c.dep_ == "nsubj"), None)
        if subject is not None and subject.lower_ != "what":
            return pobj.doc[subject.left_edge.i : subject.right_edge.i + 1]
    return None
