"""The name a figure's counted noun is stored under: "soldiers", "air-defence systems",
"people" for "the dead" or "those who voted", and whose ("Syrian militants").

Split from `counted.py`, which finds the counted token."""

from __future__ import annotations

import re

from spacy.tokens import Token

from claimledger.extract.figures.counted import described_people, is_event_people
from claimledger.lexicon import active_lexicon
from claimledger.lexicon import words as lexicon_words


def _plural(token: Token) -> str:
    """Lower-case plural of the counted noun: "soldiers", "people", "bodies"."""
    text = token.lower_
    if token.tag_ in {"NNS", "NNPS"} or text.endswith(("s", "men", "people", "children")):
        return text  # already plural (the tagger sometimes calls "servicemen" singular)
    lemma = token.lemma_.lower()
    irregular = active_lexicon().mapping("irregular_plurals")
    if lemma in irregular:
        return irregular[lemma][0]
    if lemma.endswith("y") and lemma[-2:-1] not in set("aeiou"):
        return lemma[:-1] + "ies"
    return lemma + ("es" if lemma.endswith(("s", "x", "ch", "sh")) else "s")


def counted_name(token: Token) -> str:
    """The counted noun in the plural with its noun compounds: "air-defence systems"."""
    if token.pos_ == "ADJ" or is_event_people(token) or described_people(token) is not None:
        return "people"  # "53 of the dead", "of the wounded", "those who voted"
    counted_as = active_lexicon().mapping("counted_as").get(token.lower_)
    noun = counted_as[0] if counted_as else _plural(token)
    if token.lemma_.lower() in lexicon_words("people_nouns"):
        return noun  # "jihadist fighters", "army servicemen": the same people, one track
    mods = [
        c
        for c in token.children
        if c.dep_ == "compound" and c.pos_ == "NOUN" and c.i < token.i and not _is_affiliation(c)
    ]
    if not mods:
        return noun
    first = min(m.left_edge.i for m in mods)
    words = token.doc[first : token.i].text
    return f"{words.lower()} {noun}"


def group_of(counted: Token) -> str | None:
    """Whose: nationality or affiliation modifiers on the counted noun ("Syrian militants")."""
    mods = [
        c
        for c in counted.children
        if c.dep_ in {"amod", "compound", "nmod"} and c.i < counted.i and _is_affiliation(c)
    ]
    if not mods:
        return None
    return " ".join([*(m.text for m in sorted(mods, key=lambda t: t.i)), counted_name(counted)])


def _is_affiliation(token: Token) -> bool:
    if token.ent_type_ == "NORP":
        return True
    return token.is_title and bool(re.search(r"(?:an|ian|ani|ese|ish|i)$", token.text))
