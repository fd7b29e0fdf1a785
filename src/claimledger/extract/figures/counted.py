"""What a figure counts and what happened to it: the counted noun, its event and whose, read
from the parse around the figure's phrase (the counted noun's name is `counted_names.py`'s,
whether it is a running total `kinds.py`'s).

Split from `quantities.py`, which finds the figures and keeps or skips them."""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from claimledger.lexicon import shipped_lexicon, words

_ORDINALS = re.compile(
    r"^(?:\d+(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth"
    r"|eleventh|twelfth|\w+teenth|\w+tieth|hundredth|thousandth|millionth)$",
    re.IGNORECASE,
)
# The event vocabulary (data/lexicon/figure_events.txt), shared with reconcile through the one
# lexicon.
_EVENT_WORDS = {
    word: event
    for event, words in shipped_lexicon().mapping("figure_events").items()
    for word in words
}


# Letters then digits in one token: a designation ("D-30", "Su-25", "TB2"), never an amount.
_DESIGNATION = re.compile(r"^[A-Za-z]+-?\d+[A-Za-z]*$")


def is_core(token: Token) -> bool:
    lower = token.lower_
    # The cheap tests first: most tokens are no number at all, and the patterns then need
    # not run (they only rule numbers out).
    number = (
        token.like_num
        or lower in words("vague_cores")
        or (token.pos_ == "NUM" and any(c.isdigit() for c in lower))
    )
    return number and not _DESIGNATION.match(token.text) and not _ORDINALS.match(lower)


def has_of(token: Token) -> bool:
    return any(c.dep_ == "prep" and c.lower_ == "of" for c in token.children)


def phrase_root(phrase: Span) -> Token:
    """The phrase token whose head lies outside the phrase."""
    ids = {t.i for t in phrase}
    for token in phrase:
        if token.head.i not in ids or token.head.i == token.i:
            return token
    return phrase.root


def _of_object(token: Token) -> Token | None:
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            for obj in child.children:
                if obj.dep_ == "pobj" and (
                    obj.pos_ in {"NOUN", "PROPN"}
                    or is_event_people(obj)  # "of the dead", "the number of injured"
                    or described_people(obj) is not None  # "12,000 of those displaced"
                ):
                    return obj
    return None


def is_event_people(token: Token) -> bool:
    """An adjective or participle standing for the people it describes: "the dead", "the
    number of injured" (the tagger reads either as ADJ or VBN)."""
    if token.pos_ == "ADJ" or token.tag_ == "VBN":
        return token.lower_ in _EVENT_WORDS or (
            token.tag_ == "VBN" and token.lemma_.lower() in _EVENT_WORDS
        )
    return False


def described_people(token: Token) -> Token | None:
    """The clause describing a demonstrative that stands for people: "those displaced since
    the coup" -> displaced, "those who voted" -> voted; None for any other token."""
    if token.lower_ not in words("demonstratives"):
        return None
    return next((c for c in token.children if c.dep_ in {"acl", "relcl"}), None)


def counted_token(root: Token, phrase: Span) -> Token | None:
    """The noun the figure counts: its head noun, its partitive, or the subject's partitive."""
    ids = {t.i for t in phrase}
    # Partitive first: "158 of its soldiers", "50 percent of the mercenaries".
    for token in (root, *[t for t in phrase if t.i != root.i]):
        obj = _of_object(token)
        if obj is not None:
            return obj
    head = root.head
    modifies = root.dep_ in {"nummod", "quantmod", "amod", "compound", "nmod"}
    if modifies and head.i not in ids and head.pos_ in {"NOUN", "PROPN"}:
        if head.lower_ in {"percent", "%"}:
            return None
        weighed = _of_object(head) if head.lower_ in words("weight_units") else None
        if weighed is not None:
            return weighed  # "18,000 pounds of food aid"
        of_unit = head.dep_ == "pobj" and head.head.lower_ == "of"
        if of_unit and head.lower_ in words("distance_units") and head.head.head.pos_ == "NOUN":
            return head.head.head  # "winds of 85 kilometres": the winds are measured
        if head.tag_ not in {"NNS", "NNPS"}:
            # Headline parses: "230 New Mercenaries Arrive" hangs the number on "Arrive".
            for child in head.children:
                if child.dep_ == "compound" and child.tag_ in {"NNS", "NNPS"} and child.i > root.i:
                    return child
        if head.lemma_.lower() in words("generic_counted"):
            # "the number of soldiers killed has reached 158 people": the tally says who --
            # when the figure completes it, not in a clause of its own ("the number of
            # wounded reached 90, with 11 people still unaccounted for").
            verb = first_verb(root)
            tallied = _tally_object(verb) if verb is not None else None
            if tallied is not None:
                return tallied
        return head
    if root.dep_ == "pobj" and head.lower_ == "of" and head.head.pos_ == "NOUN":
        owner = head.head
        if _EVENT_WORDS.get(owner.lemma_.lower()) is None:
            return owner  # "the bodies of 183"
    counted = number_subject(root)
    if counted is not None:
        return counted
    counted = copular_subject(root)
    if counted is not None:
        return counted
    for token in phrase.doc[phrase.end : phrase.end + 3]:
        if token.tag_ in {"NNS", "NNPS"} and token.sent == root.sent:
            return token
        if token.is_punct or token.pos_ in {"VERB", "AUX", "NUM"}:
            break
    return None


def copular_subject(root: Token) -> Token | None:
    """What a figure stated as a copula's complement, or as what a subject is valued at,
    counts: "the losses are about 1,200", "the damage is estimated at $9 million",
    "the registered voters were 15.7 million", "those who voted were 10.8 million"; with
    figures and subjects both coordinated ("confirmed cases and deaths are 8,210 and 311
    respectively"), the subject in the figure's place. A tally subject ("the number of X")
    is `number_subject`'s."""
    figures = [root]
    while figures[0].dep_ == "conj" and figures[0].head.pos_ == "NUM":
        figures.insert(0, figures[0].head)  # "8,210 and 311": 311 is the second figure
    first = figures[0]
    valued = first.dep_ == "pobj" and first.head.lower_ == "at"  # "is estimated at $42 million"
    if valued and first.head.head.lemma_.lower() in words("valuation_verbs"):
        verb = first.head.head
        # What is valued: the passive subject, the object ("put the damage at"), or the
        # subject of an intransitive "stand at"; the head noun of "ballots standing at".
        by_dep = {c.dep_: c for c in reversed(list(verb.children))}
        subject = by_dep.get("nsubjpass") or by_dep.get("dobj") or by_dep.get("nsubj")
        if subject is None and verb.dep_ == "acl":
            subject = verb.head
    elif first.dep_ == "attr" and first.head.lemma_ in words("copulas"):
        subject = next((c for c in first.head.children if c.dep_ == "nsubj"), None)
    else:
        return None
    if subject is None or subject.lemma_ in words("counted_tallies"):
        return None
    conjuncts = [subject, *(c for c in subject.conjuncts if c.i > subject.i)]
    if len(figures) > 1:
        if len(figures) > len(conjuncts):
            return None
        subject = conjuncts[len(figures) - 1]
    if subject.pos_ in {"NOUN", "PROPN"} or is_event_people(subject):
        return subject
    return subject if described_people(subject) is not None else None


def number_subject(root: Token) -> Token | None:
    """ "the number of terrorists ... comes near 2000", "mercenaries whose number is reaching",
    "brought the number of civilians killed since Sept. 27 to 60" (two verbs up)."""
    # "was approaching 2,000": the qualifier is itself the verb.
    verb = root if root.pos_ == "VERB" else first_verb(root)
    for _ in range(2):
        if verb is None:
            return None
        found = _tally_object(verb)
        if found is not None:
            return found
        verb = first_verb(verb)
    return None


def _tally_object(verb: Token) -> Token | None:
    """What a tally noun under `verb` counts: "the number of X", "X whose number"."""
    for child in _subjects(verb):
        if child.lemma_ in words("counted_tallies"):
            obj = _of_object(child)
            if obj is not None:
                return obj
            whose = [c for c in child.children if c.lower_ == "whose"]
            if whose and whose[0].i > 0:
                antecedent = whose[0].doc[whose[0].i - 1]
                if antecedent.pos_ in {"NOUN", "PROPN"}:
                    return antecedent
    return None


def _subjects(verb: Token) -> list[Token]:
    """The verb's subjects and object, and those of a clausal subject the parser made of a
    participle ("the number of fighters thrown into battle has reached ..." parsed with
    "thrown" as the subject clause and "number" as its subject)."""
    found = [c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass", "dobj"}]
    for clause in (c for c in verb.children if c.dep_ == "csubj"):
        found += [c for c in clause.children if c.dep_ in {"nsubj", "nsubjpass"}]
    return found


def first_verb(token: Token) -> Token | None:
    current = token
    for _ in range(10):
        if current.head.i == current.i:
            return current if current.pos_ in {"VERB", "AUX"} else None
        current = current.head
        if current.pos_ in {"VERB", "AUX"} and current.dep_ != "prep":
            return current
    return None


def _event_of(token: Token, counted: Token | None) -> str | None:
    """The normalised event a single word names, with its phrasal cases."""
    lemma = token.lemma_.lower()
    if lemma in {"take", "hold"} and any(
        t.lower_ in words("captive_nouns") for t in token.doc[token.i : token.i + 6]
    ):
        return "captured"
    if lemma in {"lose", "claim", "take"} and any(c.lemma_ == "life" for c in token.children):
        return "killed"
    if lemma == "lose" and counted is not None and counted.lemma_ == "life":
        return "killed"
    if lemma == "leave" and (state := _left_in_state(token)) is not None:
        return state
    if lemma in {"leave", "go"}:
        passive = any(c.dep_ == "auxpass" for c in token.children)
        has_dest = any(c.dep_ == "prep" and c.lower_ in {"for", "to"} for c in token.children)
        return "sent" if not passive and (has_dest or lemma == "leave") else None
    if lemma == "transport":
        back = any(c.lower_ == "back" for c in token.children)
        return "returned" if back or (counted is not None and counted.lemma_ == "body") else "sent"
    if lemma == "flee" and counted is not None and counted.lemma_ in words("civilian_nouns"):
        return "displaced"
    if (
        lemma in {"hold", "keep"}
        and counted is not None
        and counted.lower_ in words("captive_nouns")
    ):
        return "captured"
    return _EVENT_WORDS.get(lemma) or _EVENT_WORDS.get(token.lower_)


def _left_in_state(verb: Token) -> str | None:
    """ "left dozens dead", "left 40 people injured": the state the verb left its object in."""
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    after = max((o.i for o in objects), default=verb.i)
    for child in (*verb.children, *(g for o in objects for g in o.children)):
        if child.i > after and child.dep_ in {"oprd", "acomp", "xcomp", "ccomp", "acl", "amod"}:
            event = _EVENT_WORDS.get(child.lower_) or _EVENT_WORDS.get(child.lemma_.lower())
            if event is not None:
                return event
    return None


def figure_event(root: Token, counted: Token | None) -> str | None:
    """What happened to the counted: the governing word, else a modifier ("civilians killed")."""
    # Walk up from the counted noun when it is the figure's own (its head or partitive);
    # a noun borrowed from "the number of X" belongs to another verb.
    if counted is not None and is_event_people(counted):
        # "53 of the dead", "the number of injured"
        return _EVENT_WORDS.get(counted.lower_) or _EVENT_WORDS[counted.lemma_.lower()]
    described = described_people(counted) if counted is not None else None
    if described is not None and (event := _event_of(described, None)) is not None:
        return event  # "those displaced since the coup": the clause is what happened
    own = counted is not None and (counted.i == root.head.i or counted in root.subtree)
    current = counted if own and counted is not None else root
    verb: Token | None = None
    for _ in range(10):
        if current.head.i == current.i:
            break
        current = current.head
        event = _event_of(current, counted)
        if event is not None:
            return event
        if current.pos_ in {"VERB", "AUX"} and current.dep_ != "prep":
            verb = current
            break
    for anchor in (t for t in (counted, root) if t is not None):
        for child in anchor.children:
            if child.dep_ in {"acl", "relcl", "amod"} and not _counts_its_own(child):
                event = _event_of(child, counted)
                if event is not None:
                    return event
    found = _verb_relatives_event(verb, counted) if verb is not None else None
    if found is None and counted is not None and counted.pos_ == "NOUN" and not own:
        # A copula's subject names the event itself: "the losses are about 1,200".
        found = _EVENT_WORDS.get(counted.lemma_.lower())
    found = found or tally_event(root) or _share_event(verb)
    # "those who voted were 10.8 million": the clause names the event outside the vocabulary
    return found or (described.lemma_.lower() if described is not None else None)


def _share_event(verb: Token | None) -> str | None:
    """ "2 million Valmorans, representing 15% of the population, have fled": a share
    restating another figure's people takes what happened to them."""
    if verb is None or verb.dep_ not in {"acl", "relcl", "advcl"}:
        return None
    if verb.lemma_.lower() not in words("share_verbs"):
        return None
    owner = verb.head
    return figure_event(owner, owner) if owner.pos_ in {"NOUN", "PROPN"} else None


def _counts_its_own(clause: Token) -> bool:
    """ "2,580, of whom 342 fighters returned": the clause has a figure of its own."""
    return any(
        c.dep_ in {"nsubj", "nsubjpass"} and any(g.like_num for g in c.subtree)
        for c in clause.children
    )


def tally_event(root: Token) -> str | None:
    """What the tally a figure completes counts happening: "the death toll ... is approaching
    5,000" (killed), "the number of fighters thrown into battle has reached 2,580" (sent)."""
    verb = root if root.pos_ == "VERB" else first_verb(root)
    for _ in range(2):
        if verb is None:
            return None
        for child in _subjects(verb):
            if child.lemma_ not in words("counted_tallies"):
                continue
            event = _tally_modifier_event(child)
            if event is not None:
                return event
            if child.lemma_ == "toll":
                return "killed"
            counted = _of_object(child)
            clauses = [c for c in counted.children] if counted is not None else []
            if child.head.dep_ == "csubj":
                clauses.append(child.head)  # "the number of fighters thrown into battle"
            for clause in clauses:
                if clause.dep_ in {"acl", "relcl", "amod", "csubj"}:
                    event = _event_of(clause, counted)
                    if event is not None:
                        return event
        verb = first_verb(verb)
    return None


def _verb_relatives_event(verb: Token, counted: Token | None) -> str | None:
    """A non-event verb can still carry one: "remain missing", "handed over and returned",
    "the death toll has risen"."""
    for child in verb.children:
        states = child.dep_ in {"acomp", "attr", "oprd"} or (
            child.dep_ == "xcomp" and verb.lemma_ in words("reported_state_verbs")
        )
        if (
            verb.lemma_ in words("copulas") or verb.lemma_ in words("reported_state_verbs")
        ) and states:
            event = _event_of(child, counted)
            if event is not None:
                return event
        if child.dep_ == "prep" and verb.lemma_ in words("copulas") | {"live", "shelter"}:
            # "were staying in evacuation centres", "remain in captivity"
            for obj in child.children:
                for word in (obj, *(c for c in obj.children if c.dep_ == "compound")):
                    event = _EVENT_WORDS.get(word.lemma_.lower())
                    if obj.dep_ == "pobj" and event is not None:
                        return event
        if child.dep_ == "conj" and child.pos_ == "VERB":
            event = _event_of(child, counted)
            if event is not None:
                return event
        if child.dep_ in {"nsubj", "nsubjpass"} and child.lemma_ == "toll":
            return _tally_modifier_event(child) or "killed"  # "the wounded toll stands at 70"
    return None


def _tally_modifier_event(tally: Token) -> str | None:
    """ "the wounded toll", "death counts", "the casualty figure": the event the tally names."""
    for mod in tally.children:
        if mod.dep_ in {"amod", "compound"} and mod.i < tally.i:
            event = _event_of(mod, None)
            if event is not None:
                return event
    return None
