"""What a figure counts and what happened to it: the counted noun, its event, whose, and
whether it is a running total (`kind`), read from the parse around the figure's phrase.

Split from `quantities.py`, which finds the figures and keeps or skips them."""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from claimledger.lexicon import active_lexicon, shipped_lexicon
from claimledger.lexicon import words as lexicon_words
from claimledger.models import Kind

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
_CUMULATIVE = shipped_lexicon().pattern("running_total_phrases")
_CLAUSE_DEPS = {"ccomp", "advcl", "relcl", "parataxis", "csubj", "xcomp"}


# Letters then digits in one token: a designation ("D-30", "Su-25", "TB2"), never an amount.
_DESIGNATION = re.compile(r"^[A-Za-z]+-?\d+[A-Za-z]*$")


def is_core(token: Token) -> bool:
    lower = token.lower_
    if _DESIGNATION.match(token.text):
        return False
    if _ORDINALS.match(lower):
        return False
    return (
        token.like_num
        or lower in lexicon_words("vague_cores")
        or (token.pos_ == "NUM" and any(c.isdigit() for c in lower))
    )


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
                    or (obj.pos_ == "ADJ" and obj.lower_ in _EVENT_WORDS)  # "of the dead"
                ):
                    return obj
    return None


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
        if head.tag_ not in {"NNS", "NNPS"}:
            # Headline parses: "230 New Mercenaries Arrive" hangs the number on "Arrive".
            for child in head.children:
                if child.dep_ == "compound" and child.tag_ in {"NNS", "NNPS"} and child.i > root.i:
                    return child
        if head.lemma_.lower() in lexicon_words("generic_counted"):
            # "the number of soldiers killed has reached 158 people": the tally says who.
            tallied = number_subject(root)
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
    for token in phrase.doc[phrase.end : phrase.end + 3]:
        if token.tag_ in {"NNS", "NNPS"} and token.sent == root.sent:
            return token
        if token.is_punct or token.pos_ in {"VERB", "AUX", "NUM"}:
            break
    return None


def number_subject(root: Token) -> Token | None:
    """ "the number of terrorists ... comes near 2000", "mercenaries whose number is reaching",
    "brought the number of civilians killed since Sept. 27 to 60" (two verbs up)."""
    # "was approaching 2,000": the qualifier is itself the verb.
    verb = root if root.pos_ == "VERB" else _first_verb(root)
    for _ in range(2):
        if verb is None:
            return None
        found = _tally_object(verb)
        if found is not None:
            return found
        verb = _first_verb(verb)
    return None


def _tally_object(verb: Token) -> Token | None:
    """What a tally noun under `verb` counts: "the number of X", "X whose number"."""
    for child in _subjects(verb):
        if child.lemma_ in lexicon_words("counted_tallies"):
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


def _first_verb(token: Token) -> Token | None:
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
    captive = lexicon_words("captive_nouns")
    if lemma in {"take", "hold"} and any(
        t.lower_ in captive for t in token.doc[token.i : token.i + 6]
    ):
        return "captured"
    if lemma in {"lose", "claim", "take"} and any(c.lemma_ == "life" for c in token.children):
        return "killed"
    if lemma == "lose" and counted is not None and counted.lemma_ == "life":
        return "killed"
    if lemma in {"leave", "go"}:
        passive = any(c.dep_ == "auxpass" for c in token.children)
        has_dest = any(c.dep_ == "prep" and c.lower_ in {"for", "to"} for c in token.children)
        return "sent" if not passive and (has_dest or lemma == "leave") else None
    if lemma == "transport":
        back = any(c.lower_ == "back" for c in token.children)
        return "returned" if back or (counted is not None and counted.lemma_ == "body") else "sent"
    civilians = lexicon_words("civilian_nouns")
    if lemma == "flee" and counted is not None and counted.lemma_ in civilians:
        return "displaced"
    if lemma in {"hold", "keep"} and counted is not None and counted.lower_ in captive:
        return "captured"
    return _EVENT_WORDS.get(lemma) or _EVENT_WORDS.get(token.lower_)


def figure_event(root: Token, counted: Token | None) -> str | None:
    """What happened to the counted: the governing word, else a modifier ("civilians killed")."""
    # Walk up from the counted noun when it is the figure's own (its head or partitive);
    # a noun borrowed from "the number of X" belongs to another verb.
    if counted is not None and counted.pos_ == "ADJ" and counted.lower_ in _EVENT_WORDS:
        return _EVENT_WORDS[counted.lower_]  # "53 of the dead"
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
    return found or tally_event(root)


def _counts_its_own(clause: Token) -> bool:
    """ "2,580, of whom 342 fighters returned": the clause has a figure of its own."""
    return any(
        c.dep_ in {"nsubj", "nsubjpass"} and any(g.like_num for g in c.subtree)
        for c in clause.children
    )


def tally_event(root: Token) -> str | None:
    """What the tally a figure completes counts happening: "the death toll ... is approaching
    5,000" (killed), "the number of fighters thrown into battle has reached 2,580" (sent)."""
    verb = root if root.pos_ == "VERB" else _first_verb(root)
    for _ in range(2):
        if verb is None:
            return None
        for child in _subjects(verb):
            if child.lemma_ not in lexicon_words("counted_tallies"):
                continue
            for mod in child.children:
                # "the wounded toll", "death counts", "the casualty figure"
                if mod.dep_ in {"amod", "compound"} and mod.i < child.i:
                    event = _event_of(mod, None)
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
        verb = _first_verb(verb)
    return None


def _verb_relatives_event(verb: Token, counted: Token | None) -> str | None:
    """A non-event verb can still carry one: "remain missing", "handed over and returned",
    "the death toll has risen"."""
    copulas, reporting = lexicon_words("copulas"), lexicon_words("reported_state_verbs")
    for child in verb.children:
        states = child.dep_ in {"acomp", "attr", "oprd"} or (
            child.dep_ == "xcomp" and verb.lemma_ in reporting
        )
        if (verb.lemma_ in copulas or verb.lemma_ in reporting) and states:
            event = _event_of(child, counted)
            if event is not None:
                return event
        if child.dep_ == "prep" and verb.lemma_ in copulas | {"live", "shelter"}:
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
            return "killed"
    return None


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
    if token.pos_ == "ADJ":
        return "people"  # "53 of the dead", "of the wounded"
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


def kind_of(phrase: Span, root: Token, counted: Token | None) -> Kind | None:
    """Incremental ("54 more", "230 new", "another 20") or cumulative ("so far", "since")."""
    doc = phrase.doc
    words = [t.lower_ for t in phrase]
    cores = [i for i, t in enumerate(phrase) if is_core(t)]
    after = words[cores[-1] + 1 :] if cores else []
    modifiers = [c.lower_ for c in counted.children if c.dep_ == "amod"] if counted else []
    nxt = doc[phrase.end].lower_ if phrase.end < len(doc) else ""
    if "more" in after or set(words[:2]) & {"another", "further", "additional"}:
        return "incremental"  # "54 more", "another 20", "a further 30", "an additional 12"
    incremental = lexicon_words("incremental_words")
    if nxt in incremental or set(modifiers) & incremental:
        return "incremental"  # "230 new mercenaries", "300 additional troops"
    verb = _first_verb(counted or root) or root.sent.root
    clause = _clause_text(verb, {t.i for t in phrase})
    if _CUMULATIVE.search(clause):
        return "cumulative"
    return None


def _clause_text(verb: Token, keep: set[int]) -> str:
    """The verb's own clause: its subtree minus embedded clauses that do not hold the figure."""
    skip: set[int] = set()
    for child in verb.children:
        if child.dep_ in _CLAUSE_DEPS or (child.dep_ == "conj" and child.pos_ == "VERB"):
            sub = {t.i for t in child.subtree}
            if not sub & keep:
                # Keep the clause's marker: "have died since the fighting began".
                skip |= sub - {c.i for c in child.children if c.dep_ == "mark"}
    return " ".join(t.lower_ for t in verb.subtree if t.i not in skip)
