"""Noun and adjective cues: "Trump's claim that ...", "his attack on X", "she is confident that
...", and nouns a light verb takes ("voiced criticism of X", "drew criticism from X", "took aim at
X"). Split from `verb_cues.py`; the subject rule is in `sources.py`.
"""

from __future__ import annotations

from collections.abc import Collection

from spacy.tokens import Span, Token

from claimledger.extract.attribution.frame_cues import frame_cue
from claimledger.extract.attribution.sources import subject_of
from claimledger.extract.attribution.verb_cues import TokenRange
from claimledger.lexicon import active_lexicon, words


def nominal_cue(tok: Token) -> tuple[TokenRange, Span | None] | None:
    """A noun or adjective cue's content and source: "Trump's claim that ...", "his attack on
    X", "she is confident that ..."; None when `tok` is no such cue."""
    doc = tok.doc
    lemma = tok.lemma_.lower()
    children = list(tok.children)
    clause = next(
        (c for c in children if c.dep_ in ("acl", "ccomp", "xcomp") and c.i > tok.i), None
    )
    if tok.pos_ == "ADJ" and (
        lemma in words("adjective_cues") or lemma in words("stance_adjectives")
    ):
        if tok.dep_ != "acomp" or tok.head.pos_ not in ("AUX", "VERB"):
            return None
        source = subject_of(tok.head)
        if clause is not None:
            return (clause.left_edge.i, clause.right_edge.i), source
        # "is proud of the record", "was critical of the deal"
        pobj = _prep_object(tok, words("adjective_preps"), tok.i)
        relative = words("relative_pronouns")
        if pobj is not None and source is not None and source[0].lower_ not in relative:
            return (pobj.left_edge.i, pobj.right_edge.i), source
        return None
    if tok.pos_ != "NOUN":
        return None
    framed = frame_cue(tok)
    if framed is not None:
        return framed
    if tok.dep_ == "attr" and lemma in words("role_nouns"):
        return _role_cue(tok)
    if clause is not None and clause.left_edge.lower_ == "that" and lemma in words("noun_cues"):
        unowned = _unowned_claim(tok, clause)
        if unowned is not None:
            return unowned
    poss = next((c for c in children if c.dep_ == "poss"), None)
    cue_noun = lemma in words("noun_cues") or lemma in words("intent_nouns")
    if poss is None or poss.pos_ == "PRON" or not cue_noun:
        found = _light_verb_cue(tok)
        if found is not None or poss is None or not cue_noun:
            return found
    source = doc[poss.left_edge.i : poss.right_edge.i + 1]
    if clause is not None and (
        clause.left_edge.lower_ == "that"
        or (lemma in words("intent_nouns") and _infinitive(clause))
    ):
        return (clause.left_edge.i, clause.right_edge.i), source
    for c in children:
        if c.dep_ == "prep" and c.i > tok.i and c.lower_ in words("report_preps"):
            pobj = next((p for p in c.children if p.dep_ in ("pobj", "pcomp")), None)
            if pobj is not None:
                return (pobj.left_edge.i, pobj.right_edge.i), source
    return None


def _unowned_claim(tok: Token, clause: Token) -> tuple[TokenRange, Span | None] | None:
    """A cue noun with no possessor and a "that" clause: "claims by aides that ..." names its
    source after it; "complaints that ..." stand with none (PolNeAR marks no source). Other bare
    nouns ("the belief that", "hopes that") match under 20% on PolNeAR train: left out."""
    if any(c.dep_ == "poss" for c in tok.children):
        return None
    content = (clause.left_edge.i, clause.right_edge.i)
    agent = _prep_object(tok, words("agent_preps"), tok.i)
    if agent is not None and agent.i < clause.i:
        return content, tok.doc[agent.left_edge.i : agent.right_edge.i + 1]
    if tok.lemma_.lower() == "complaint":
        return content, None
    return None


def _infinitive(clause: Token) -> bool:
    """Whether a clause is a "to" infinitive: "decision to close", not "decision made today"."""
    return any(c.dep_ == "aux" and c.lower_ == "to" and c.i < clause.i for c in clause.children)


def _prep_object(head: Token, preps: Collection[str], after: int) -> Token | None:
    """The object of the first of `preps` hanging on `head` after token `after`."""
    for c in head.children:
        if c.dep_ == "prep" and c.i > after and c.lower_ in preps:
            pobj = next((p for p in c.children if p.dep_ in ("pobj", "pcomp")), None)
            if pobj is not None:
                return pobj
    return None


def _role_cue(tok: Token) -> tuple[TokenRange, Span | None] | None:
    """ "X is a staunch opponent of Y": the copula's subject holds a stance toward the object of
    the role noun; "X is a supporter" with no object says nothing about what is supported."""
    pobj = _prep_object(tok, words("role_preps"), tok.i)
    if pobj is None or tok.head.lemma_.lower() != "be":
        return None
    source = subject_of(tok.head)
    if source is None or source[0].lower_ in words("placeholder_subjects"):
        return None
    return (pobj.left_edge.i, pobj.right_edge.i), source


def _light_verb_cue(tok: Token) -> tuple[TokenRange, Span | None] | None:
    """A cue noun whose verb names the source: "X voiced criticism of Y", "X has come out in
    support of Y", and reversed, "Y drew criticism from X"."""
    lemma = tok.lemma_.lower()
    verb = tok.head
    if tok.dep_ == "pobj" and verb.lower_ == "in" and lemma in words("in_nouns"):
        pobj = _prep_object(tok, frozenset({"of", "to"}), tok.i)
        host = verb.head
        if pobj is None or host.pos_ not in ("VERB", "AUX"):
            return None
        source = subject_of(host)
        if source is None:
            return None
        return (pobj.left_edge.i, pobj.right_edge.i), source
    if tok.dep_ != "dobj" or verb.pos_ != "VERB" or verb.lemma_.lower() in words("speech_verbs"):
        return None
    if verb.lemma_.lower() in words("receive_verbs") and lemma in words("received_nouns"):
        # "Clinton has the support of women", "the plan drew criticism from X": reversed.
        giver = _prep_object(tok, words("receive_preps"), tok.i) or _prep_object(
            verb, words("receive_preps"), tok.i
        )
        subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if giver is None or subj is None or subj.lower_ in words("relative_pronouns"):
            return None
        source = verb.doc[giver.left_edge.i : giver.right_edge.i + 1]
        return (subj.left_edge.i, subj.right_edge.i), source
    take_nouns = active_lexicon().mapping("take_nouns")
    if verb.lemma_.lower() == "take" and lemma in take_nouns:
        # "took aim at X", "took issue with X", "took a swipe at X"
        target = _prep_object(tok, take_nouns[lemma], tok.i) or _prep_object(
            verb, take_nouns[lemma], tok.i
        )
        source = subject_of(verb)
        if target is None or source is None or source[0].lower_ in words("relative_pronouns"):
            return None
        return (target.left_edge.i, target.right_edge.i), source
    if lemma not in words("light_nouns"):
        return None
    pobj = _prep_object(tok, words("light_preps"), tok.i) or _prep_object(
        verb, words("light_preps"), tok.i
    )
    if pobj is None:
        return None
    source = subject_of(verb)
    if source is None or source[0].lower_ in words("relative_pronouns"):
        return None
    return (pobj.left_edge.i, pobj.right_edge.i), source
