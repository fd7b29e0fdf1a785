"""Figures in a claim: the amount phrase, what it counts, what happened to them, and whose.

`find_quantities(doc, start, end)` reads every figure inside a character range of a parsed
document. The amount itself comes from the pure `parse_amount`; the rest comes from the
dependency parse: the noun a number modifies ("300 Syrian militants"), the object of a partitive
("158 of its soldiers", "50 percent of the mercenaries"), the verb or noun that governs it
("have been killed", "the deaths of"), with a small fixed vocabulary to normalise the event.
Dates, years, ordinals, phone numbers and numbers inside names ("Article 5") are skipped.
"""

from __future__ import annotations

import re
from dataclasses import asdict

from spacy.tokens import Doc, Span, Token

from claimledger.extract.figures.amounts import LEFT_QUALIFIERS, RIGHT_WORDS, Amount, parse_amount
from claimledger.lexicon import shipped_lexicon
from claimledger.models import Kind, Quantity

__all__ = ["Amount", "find_quantities", "parse_amount"]

# Words that can carry the count themselves besides digits and number words.
_VAGUE_CORES = {"dozen", "dozens", "tens", "hundreds", "thousands", "millions", "scores", "half"}
_ORDINALS = re.compile(
    r"^(?:\d+(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth"
    r"|eleventh|twelfth|\w+teenth|\w+tieth|hundredth|thousandth|millionth)$",
    re.IGNORECASE,
)
_DATE_LIKE = re.compile(r"^\d{4}-\d{1,2}-\d{1,2}$|^\d{1,2}[/.]\d{1,2}[/.]\d{2,4}$")
_PHONE = re.compile(r"^\+?\(?\d[\d\s().-]{6,}\d$")
# Entity labels whose numbers belong to a name or a date, not to a count.
_SKIP_LABELS = {"DATE", "TIME", "ORDINAL", "ORG", "PRODUCT", "FAC", "WORK_OF_ART", "LAW", "EVENT"}
_SKIP_LABELS |= {"GPE", "LOC", "PERSON", "NORP"}
_MONTH_WORDS = {
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
    "sept", "oct", "nov", "dec",
}  # fmt: skip
_YEAR_CUES = {"in", "since", "until", "till", "of", "from", "by", "year", "early", "late", "mid"}
_YEAR_CUES |= {"before", "after", "during", "spring", "summer", "autumn", "fall", "winter"}
_REFERENTIAL = {"the", "these", "those", "both", "its", "their", "his", "her", "our", "my"}
_NAME_HEADS = {"article", "section", "chapter", "resolution", "paragraph", "protocol", "no"}
_NAME_HEADS |= {"number", "item", "page", "room", "route", "flight", "point", "clause"}

_LONGEST_QUALIFIER = max(len(words) for words in LEFT_QUALIFIERS)
_JOINERS = {"-", "–", "—", "to", "and", "or"}

# Nouns that hold a count of what their "of" object names: "the number of X rose to 60".
_TALLY_NOUNS = {"number", "total", "toll", "list", "count", "tally", "figure"}
# Counted nouns read as another word: "a population of 150,000" counts people.
_COUNTED_AS = {"population": "people", "populations": "people"}
# The event vocabulary and running-total wording (data/lexicon/figure_events.txt and
# running_total_phrases.txt), shared with reconcile through the one lexicon.
_EVENT_WORDS = {
    word: event
    for event, words in shipped_lexicon().mapping("figure_events").items()
    for word in words
}
_CIVILIANS = {"civilian", "resident", "family", "person", "people", "villager", "inhabitant"}
_COPULAS = {"be", "remain", "go", "become", "stay"}
_PEOPLE = _CIVILIANS | {"fighter", "militant", "soldier", "serviceman", "mercenary", "troop"}
_PEOPLE |= {"recruit", "combatant", "jihadist", "servicemen", "officer", "man", "woman", "child"}
_CAPTIVE = {"captive", "prisoner", "prisoners", "hostage", "hostages"}
_INCREMENTAL = {"more", "new", "additional", "another", "further", "fresh"}
_CUMULATIVE = shipped_lexicon().pattern("running_total_phrases")
_CLAUSE_DEPS = {"ccomp", "advcl", "relcl", "parataxis", "csubj", "xcomp"}
_IRREGULAR = {"person": "people", "man": "men", "woman": "women", "child": "children"}


def find_quantities(doc: Doc, start: int, end: int) -> list[Quantity]:
    """Every figure whose number lies within the character range [start, end) of `doc.text`.

    Args:
        doc: the parsed document.
        start: first character of the range (a claim's content span).
        end: one past the last character.

    Returns:
        The quantities in text order; `text`, `start` and `end` give the amount phrase as written.
    """
    window = doc.char_span(start, end, alignment_mode="contract")
    if window is None or len(window) == 0:
        return []
    found: list[Quantity] = []
    for phrase in _phrases(window):
        quantity = _quantity(doc, phrase, found)
        if quantity is not None:
            found.append(quantity)
    return found


def _is_core(token: Token) -> bool:
    lower = token.lower_
    if _ORDINALS.match(lower):
        return False
    return (
        token.like_num
        or lower in _VAGUE_CORES
        or (token.pos_ == "NUM" and any(c.isdigit() for c in lower))
    )


def _phrases(window: Span) -> list[Span]:
    """Group number tokens into amount phrases, extended by their qualifiers and units."""
    doc = window.doc
    lo, hi = window.start, window.end
    phrases: list[Span] = []
    i = lo
    while i < hi:
        if not _is_core(doc[i]):
            i += 1
            continue
        j = i + 1
        while j < hi and (
            _is_core(doc[j])
            or (
                doc[j].lower_ in _JOINERS
                and j + 1 < hi
                and _is_core(doc[j + 1])
                # "since Sept. 27 to 60": a date's day does not open a range.
                and doc[j - 1].ent_type_ not in ("DATE", "TIME")
            )
            or (doc[j].lower_ == "of" and doc[j - 1].lower_ in {"tens", "hundreds"})
            or _is_power(doc, j, hi)
        ):
            j += 1
        first = _extend_left(doc, i, lo)
        last = j
        while last < hi and doc[last].lower_ in RIGHT_WORDS:
            if doc[last].lower_ == "more" and last + 1 < hi and doc[last + 1].lower_ == "than":
                break
            last += 1
        if doc[last - 1].lower_ == "per":
            last -= 1
        phrases.append(doc[first:last])
        i = max(j, last)
    return phrases


def _is_power(doc: Doc, j: int, hi: int) -> bool:
    """True for the caret of a power written without spaces ("10^9"), which spaCy splits."""
    return (
        doc[j].text == "^"
        and j + 1 < hi
        and _is_core(doc[j + 1])
        and not doc[j - 1].whitespace_
        and not doc[j].whitespace_
    )


def _extend_left(doc: Doc, i: int, lo: int) -> int:
    """Pull qualifiers ("more than", "an estimated", "$") into the phrase."""
    first = i
    moved = True
    while moved:
        moved = False
        # The words just before the phrase, read once per step (qualifiers are short).
        before = [t.lower_ for t in doc[max(lo, first - _LONGEST_QUALIFIER) : first]]
        for words in LEFT_QUALIFIERS:
            n = len(words)
            if n <= len(before) and before[len(before) - n :] == words:
                if words == ["a"] and doc[first].lower_ not in {"dozen", "hundred", "thousand"}:
                    continue
                first, moved = first - n, True
                break
    return first


def _quantity(doc: Doc, phrase: Span, earlier: list[Quantity]) -> Quantity | None:
    cores = [t for t in phrase if _is_core(t)]
    if not cores or _skip(cores, phrase):
        return None
    amount = parse_amount(phrase.text)
    if amount is None:
        return None
    root = _root(phrase)
    counted_tok = _counted_token(root, phrase)
    event = _event(root, counted_tok)
    counted = _counted_name(counted_tok) if counted_tok is not None else None
    group = _group(counted_tok) if counted_tok is not None else None
    if counted is None and amount.unit is None and earlier:
        # "19 civilians killed and 60 injured": the second figure counts the same people.
        prev = earlier[-1]
        same_sentence = doc.char_span(prev.start, prev.end, alignment_mode="expand")
        near = same_sentence is not None and same_sentence.sent == phrase.sent
        if near and 0 <= phrase.start_char - prev.end < 80 and prev.unit is None:
            counted, group = prev.counted, prev.group
    if cores[0].lower_ == "one" and event is None:
        return None  # "one party over the other": a pronoun, not a figure
    kind = _kind(phrase, root, counted_tok)
    if earlier and _earlier_value_of_same(doc, phrase):
        # "had risen to 604, up from 532": the earlier value of the same running figure.
        prev = earlier[-1]
        counted, group, event = prev.counted, prev.group, prev.event
        kind = prev.kind or "cumulative"
    return Quantity(
        **asdict(amount), text=phrase.text, start=phrase.start_char, end=phrase.end_char,
        counted=counted, event=event, group=group, kind=kind,
    )  # fmt: skip


def _earlier_value_of_same(doc: Doc, phrase: Span) -> bool:
    """ "..., up from 532", "down from 40": the phrase restates the figure just before it."""
    k = phrase.start
    before = [t.lower_ for t in doc[max(k - 2, phrase.sent.start) : k]]
    return before[-1:] == ["from"] and before[:1] in (["up"], ["down"])


def _skip(cores: list[Token], phrase: Span) -> bool:
    """Dates, years, names, phone numbers, referential small numbers ("the two countries")."""
    doc = phrase.doc
    first = cores[0]
    before = doc[first.i - 1] if first.i > 0 else None
    text = "".join(t.text_with_ws for t in cores).strip()
    if _DATE_LIKE.match(phrase.text):
        return True
    if any(t.ent_type_ in _SKIP_LABELS for t in cores):
        # The NER reads "comes near 2000" as a year; a "number of" subject says it is a count.
        year_only = len(cores) == 1 and first.ent_type_ == "DATE" and first.ent_iob_ == "B"
        if not (year_only and _number_subject(first) is not None) and not _count_after_date(
            cores, before
        ):
            return True
    if _PHONE.match(text) and (text.count("-") + text.count(" ") >= 2 or "(" in text):
        return True
    if len(cores) == 1 and re.fullmatch(r"1[89]\d\d|20\d\d", first.text):
        if before is not None and before.lower_ in _YEAR_CUES:
            return True
        counts = first.dep_ == "nummod" and first.head.tag_ in {"NNS", "NNPS"}
        counts = counts or _number_subject(first) is not None
        if not counts and first.ent_type_ != "CARDINAL":
            return True  # a bare 4-digit number outside a count reads as a year
    after = doc[cores[-1].i + 1 : cores[-1].i + 3]
    if len(after) == 2 and after[0].text == "-" and after[1].is_alpha and not _is_core(after[1]):
        return True  # "the 44-day war", "a 19-year-old": a modifier, not a count
    if before is not None and first.head.i == before.i and before.pos_ == "PROPN":
        return True  # "Article 5", "Flight 752"
    if before is not None and before.lower_.rstrip(".") in _NAME_HEADS and before.is_title:
        return True
    if before is not None and before.lower_ == "half" and first.lower_ == "hour":
        return True
    if first.lower_ == "half" and not _has_of(first) and phrase[0].i == first.i:
        return True  # "the second half": a share only when it has an "of" or a qualifier
    spelled = first.is_alpha
    return spelled and before is not None and before.lower_ in _REFERENTIAL and phrase[0] == first


def _count_after_date(cores: list[Token], before: Token | None) -> bool:
    """ "since Sept. 27 to 60", "on Saturday that 80 of its servicemen": the NER runs the date
    on over the count after "to" or "that"; such a number is the count when it cannot be a
    day (above 31) or plainly counts something (a partitive or a plural noun)."""
    first = cores[0]
    if len(cores) != 1 or first.ent_type_ != "DATE" or before is None:
        return False
    if before.lower_ not in ("to", "that"):
        return False
    after = first.doc[first.i + 1] if first.i + 1 < len(first.doc) else None
    if after is not None and after.lower_.rstrip(".") in _MONTH_WORDS:
        return False  # "to 27 September": a day after all
    digits = first.text.replace(",", "")
    if not digits.isdigit():
        return False
    value = int(digits)
    if 1800 <= value <= 2100:
        return False
    counts = _has_of(first) or (first.dep_ == "nummod" and first.head.tag_ in {"NNS", "NNPS"})
    return value > 31 or counts


def _has_of(token: Token) -> bool:
    return any(c.dep_ == "prep" and c.lower_ == "of" for c in token.children)


def _root(phrase: Span) -> Token:
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
                if obj.dep_ == "pobj" and obj.pos_ in {"NOUN", "PROPN"}:
                    return obj
    return None


def _counted_token(root: Token, phrase: Span) -> Token | None:
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
        return head
    if root.dep_ == "pobj" and head.lower_ == "of" and head.head.pos_ == "NOUN":
        owner = head.head
        if _EVENT_WORDS.get(owner.lemma_.lower()) is None:
            return owner  # "the bodies of 183"
    counted = _number_subject(root)
    if counted is not None:
        return counted
    for token in phrase.doc[phrase.end : phrase.end + 3]:
        if token.tag_ in {"NNS", "NNPS"} and token.sent == root.sent:
            return token
        if token.is_punct or token.pos_ in {"VERB", "AUX", "NUM"}:
            break
    return None


def _number_subject(root: Token) -> Token | None:
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
    for child in verb.children:
        if child.dep_ in {"nsubj", "nsubjpass", "dobj"} and child.lemma_ in _TALLY_NOUNS:
            obj = _of_object(child)
            if obj is not None:
                return obj
            whose = [c for c in child.children if c.lower_ == "whose"]
            if whose and whose[0].i > 0:
                antecedent = whose[0].doc[whose[0].i - 1]
                if antecedent.pos_ in {"NOUN", "PROPN"}:
                    return antecedent
    return None


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
    if lemma in {"take", "hold"} and any(
        t.lower_ in _CAPTIVE for t in token.doc[token.i : token.i + 6]
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
    if lemma == "flee" and counted is not None and counted.lemma_ in _CIVILIANS:
        return "displaced"
    if lemma in {"hold", "keep"} and counted is not None and counted.lower_ in _CAPTIVE:
        return "captured"
    return _EVENT_WORDS.get(lemma) or _EVENT_WORDS.get(token.lower_)


def _event(root: Token, counted: Token | None) -> str | None:
    """What happened to the counted: the governing word, else a modifier ("civilians killed")."""
    # Walk up from the counted noun when it is the figure's own (its head or partitive);
    # a noun borrowed from "the number of X" belongs to another verb.
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
            if child.dep_ in {"acl", "relcl", "amod"}:
                event = _event_of(child, counted)
                if event is not None:
                    return event
    return _verb_relatives_event(verb, counted) if verb is not None else None


def _verb_relatives_event(verb: Token, counted: Token | None) -> str | None:
    """A non-event verb can still carry one: "remain missing", "handed over and returned",
    "the death toll has risen"."""
    for child in verb.children:
        if verb.lemma_ in _COPULAS and child.dep_ in {"acomp", "attr", "oprd"}:
            event = _event_of(child, counted)
            if event is not None:
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
    if lemma in _IRREGULAR:
        return _IRREGULAR[lemma]
    if lemma.endswith("y") and lemma[-2:-1] not in set("aeiou"):
        return lemma[:-1] + "ies"
    return lemma + ("es" if lemma.endswith(("s", "x", "ch", "sh")) else "s")


def _counted_name(token: Token) -> str:
    """The counted noun in the plural with its noun compounds: "air-defence systems"."""
    noun = _COUNTED_AS.get(token.lower_) or _plural(token)
    if token.lemma_.lower() in _PEOPLE:
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


def _group(counted: Token) -> str | None:
    """Whose: nationality or affiliation modifiers on the counted noun ("Syrian militants")."""
    mods = [
        c
        for c in counted.children
        if c.dep_ in {"amod", "compound", "nmod"} and c.i < counted.i and _is_affiliation(c)
    ]
    if not mods:
        return None
    return " ".join([*(m.text for m in sorted(mods, key=lambda t: t.i)), _counted_name(counted)])


def _is_affiliation(token: Token) -> bool:
    if token.ent_type_ == "NORP":
        return True
    return token.is_title and bool(re.search(r"(?:an|ian|ani|ese|ish|i)$", token.text))


def _kind(phrase: Span, root: Token, counted: Token | None) -> Kind | None:
    """Incremental ("54 more", "230 new", "another 20") or cumulative ("so far", "since")."""
    doc = phrase.doc
    words = [t.lower_ for t in phrase]
    cores = [i for i, t in enumerate(phrase) if _is_core(t)]
    after = words[cores[-1] + 1 :] if cores else []
    modifiers = [c.lower_ for c in counted.children if c.dep_ == "amod"] if counted else []
    nxt = doc[phrase.end].lower_ if phrase.end < len(doc) else ""
    if "more" in after or set(words[:2]) & {"another", "further", "additional"}:
        return "incremental"  # "54 more", "another 20", "a further 30", "an additional 12"
    if nxt in _INCREMENTAL or set(modifiers) & _INCREMENTAL:
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
