"""How a source mention is written: its name without articles or possessives, its head noun
with its modifiers, and whether it names an owner of its own.

The small helpers `speakers.py`, `speaker_names.py` and `antecedents.py` read mentions with.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from claimledger.lexicon import words as lexicon_words

SPEAKER_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP"})
BODY_LABELS = frozenset({"ORG", "GPE", "NORP"})


def clean_name(text: str) -> str:
    """Entity text without a leading article, a trailing possessive or edge punctuation."""
    for suffix in ("’s", "'s", "’", "'"):
        if text.endswith(suffix):
            text = text[: -len(suffix)]
    text = text.strip(' ,.;:"“”')
    if text[:4].lower() == "the ":
        text = text[4:]
    return text


def is_owned(head: Token) -> bool:
    """ "official tallies from both sides", "the ministry's figures", "the UN's report": the
    phrase names whose data it is, so it is read as written."""
    return any(
        c.dep_ == "poss" or (c.dep_ == "prep" and c.lower_ in ("from", "of", "by"))
        for c in head.children
    )


def has_owner(head: Token) -> bool:
    """Whether a role noun names its owner itself ("Armenia's ministry", "the Defense Ministry")."""
    return any(t.dep_ in ("poss", "compound", "amod") for t in head.lefts)


def names_someone(tok: Token) -> bool:
    """A possessor that is a name (the small model sometimes labels "Azerbaijan" PERSON)."""
    return tok.ent_type_ in SPEAKER_LABELS or tok.pos_ == "PROPN"


def modified_noun(head: Token) -> str:
    """The head noun with its compound and adjective modifiers only: "defence ministry"."""
    mods = [
        t
        for t in head.lefts
        if t.dep_ in ("compound", "amod") and t.ent_type_ not in ("GPE", "NORP", "PERSON")
    ]
    left = min((t.left_edge.i for t in mods), default=head.i)
    return clean_name(head.doc[left : head.i + 1].text)


def noun_phrase(source: Span, head: Token) -> str:
    """The head noun with its left modifiers, without determiners, appositions or clauses."""
    left = min((t.left_edge.i for t in head.lefts), default=head.i)
    left = max(left, source.start)
    words = list(source.doc[left : head.i + 1])
    determiners = lexicon_words("determiners")
    while words and words[0].lower_ in determiners:
        words = words[1:]
    return clean_name("".join(t.text_with_ws for t in words).strip())
