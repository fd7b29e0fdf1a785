"""What a rate or a change figure measures: "The Consumer Price Index rose 0.3%", "core CPI
increased 3.9% for the year", "economists expected prices to rise 0.2%".

A percentage or rate rarely counts people; it is a change in something. When a figure has no
counted noun and no event of its own, the verb of change governing it gives the event and that
verb's subject gives what is measured.
"""

from __future__ import annotations

from spacy.tokens import Token

from claimledger.lexicon import words


def change_of(root: Token) -> tuple[str, str] | None:
    """(what changed, how) for a figure governed by a verb of change, else None."""
    verb = root.head
    for _ in range(3):
        if verb.pos_ in ("VERB", "AUX") or verb.head.i == verb.i:
            break
        verb = verb.head
    if verb.lemma_.lower() not in words("change_verbs"):
        return None
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None and verb.dep_ == "xcomp":
        # "expected prices to rise 0.3%": the subject sits with the verb above.
        subject = next((c for c in verb.head.children if c.dep_ == "dobj"), None)
    if subject is None:
        subject = _for_subject(verb)
    if subject is None or subject.pos_ not in ("NOUN", "PROPN"):
        return None
    words_of = [t for t in subject.subtree if t.i <= subject.i and t.dep_ in ("compound", "amod")]
    first = min((t.i for t in words_of), default=subject.i)
    measured = subject.doc[first : subject.i + 1].text.lower()
    return measured, verb.lemma_.lower()


def _for_subject(verb: Token) -> Token | None:
    """ "for the inflation rate to tick higher to 3.2%": the parser hangs the subject on "for",
    right before the infinitive's "to"."""
    to = next((c for c in verb.children if c.dep_ == "aux" and c.lower_ == "to"), None)
    if to is None or to.i == 0:
        return None
    before = verb.doc[to.i - 1]
    if before.pos_ in ("NOUN", "PROPN") and before.head.lower_ == "for":
        return before
    return None
