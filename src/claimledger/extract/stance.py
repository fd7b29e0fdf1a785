"""The stance of a claim, whether it is hedged, and when it is an estimate: decided here only.

The cue gives the first reading (`stance_of`: "denied" -> deny, "urged" -> call). The content
then corrects it, because news prose often reports a denial or an appeal with a plain "said":

- deny: a rebuttal word in the content ("fake news", "untrue", "disinformation"), or a negated
  main clause that carries no figure ("no Turkish aircraft were taking part", "the army did not
  strike religious buildings"): said in answer to an accusation, that is a denial. A negated
  clause with a figure ("20 soldiers have not been found") stays an assertion of the figure.
- call: an obligation in the content ("Yerevan should withdraw", "forces must leave"), a
  first-person appeal ("We call for ..."), or a directive "told/asked X to <verb>".
- assert: "called the attack a crime" names something; "call" is a call only with "for", "on" or
  an infinitive.
- estimate: an assertion, unhedged, whose figures are all approximate (`is_estimate`).

A claim is hedged (`hedged`) by its cue ("claimed", "alleged"), a phrase in its sentence ("could
not be independently verified") or a hedging word ("reportedly", "may", "might").
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from claimledger.lexicon import active_lexicon, words
from claimledger.models import Quantity, Stance

__all__ = ["hedged", "is_estimate", "refine_stance", "stance_of"]

CharSpan = tuple[int, int]


def stance_of(lemma: str, particle: str | None = None) -> Stance:
    """The stance a cue lends its content: deny, call or assert."""
    if lemma in words("deny_verbs") and (lemma != "rule" or particle == "out"):
        return "deny"
    if lemma in words("call_verbs"):
        return "call"
    return "assert"


def refine_stance(
    doc: Doc, text: str, cue_stance: Stance, content: list[CharSpan], verb: int | None
) -> Stance:
    """The claim's stance given its cue's stance, its content spans and its cue verb (token index).

    `text` is `doc.text`, passed in because spaCy rebuilds that string on every access.

    Example:
        "The ministry said no Turkish aircraft were taking part" -> "deny";
        "He said Yerevan should withdraw" -> "call"; "called the attack a crime" -> "assert".
    """
    cue = doc[verb] if verb is not None else None
    if cue_stance == "call" and cue is not None and _names_something(cue):
        return "assert"
    if cue_stance != "assert":
        return cue_stance
    said = " ".join(text[s:e] for s, e in content).lower().lstrip("“\"' ")
    if active_lexicon().pattern("rebuttals").search(said):
        return "deny"
    if said.startswith(active_lexicon().entries("appeal_openings")):
        return "call"
    if cue is not None and cue.lemma_.lower() in words("directive_cues") and _directs(cue):
        return "call"
    roots = _content_roots(doc, content)
    if any(_obliges(root) for root in roots):
        return "call"
    if roots and all(_negated(root) for root in roots) and not _has_figure(doc, content):
        return "deny"
    return "assert"


def _names_something(cue: Token) -> bool:
    """ "called the attack a crime": an object with a predicate, no "for"/"on"/infinitive."""
    if cue.lemma_.lower() != "call":
        return False
    kids = list(cue.children)
    if any(c.dep_ == "prep" and c.lower_ in ("for", "on", "upon") for c in kids):
        return False
    if any(c.dep_ in ("xcomp", "ccomp") and _is_infinitive(c) for c in kids):
        return False
    return any(c.dep_ == "dobj" for c in kids) and any(c.dep_ in ("oprd", "attr") for c in kids)


def _directs(cue: Token) -> bool:
    """ "told Armenians to get ready": an object and an infinitive after the cue."""
    return any(c.dep_ in ("xcomp", "ccomp") and _is_infinitive(c) for c in cue.children)


def _is_infinitive(verb: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def _content_roots(doc: Doc, content: list[CharSpan]) -> list[Token]:
    """The verbs heading each content span (tokens whose head lies outside the span)."""
    roots: list[Token] = []
    for start, end in content:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None:
            continue
        inside = {t.i for t in span}
        roots.extend(
            t
            for t in span
            if t.pos_ in ("VERB", "AUX") and (t.head.i not in inside or t.head.i == t.i)
        )
    return roots


def _obliges(verb: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ in words("obligation_modals") for c in verb.children)


def _negated(verb: Token) -> bool:
    """ "did not strike", "were never fired", "no aircraft were taking part"."""
    for child in verb.children:
        if child.dep_ == "neg":
            return True
        if child.dep_ in ("nsubj", "nsubjpass", "dobj") and any(
            d.dep_ == "det" and d.lower_ == "no" for d in child.children
        ):
            return True
    return False


def _has_figure(doc: Doc, content: list[CharSpan]) -> bool:
    for start, end in content:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is not None and any(t.like_num for t in span):
            return True
    return False


def hedged(doc: Doc, text: str, start: int, end: int, cue_lemma: str) -> bool:
    """Whether the sentence [start, end) hedges its claim: a hedging cue ("claimed"), a
    phrase ("could not be independently verified") or word ("reportedly", "may")."""
    if cue_lemma in words("hedge_cues"):
        return True
    sentence = text[start:end].lower()
    if any(p in sentence for p in words("hedge_phrases")):
        return True
    if active_lexicon().pattern("hedge_words").search(sentence) is None:
        return False  # most sentences: no need to look at their tokens' tags
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return False
    for tok in span:
        low = tok.lower_
        if low in words("hedge_words") and (tok.tag_ != "MD" or low in ("may", "might")):
            return True
    return False


def is_estimate(quantities: list[Quantity]) -> bool:
    """A claim whose figures are all approximate ("about 2,000", "some 145,000") is an estimate."""
    return bool(quantities) and all(q.approximate for q in quantities)
