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
from claimledger.extract.figures.changes import change_of
from claimledger.extract.figures.counted import (
    copular_subject,
    counted_token,
    figure_event,
    has_of,
    is_core,
    number_subject,
    phrase_root,
    tally_event,
)
from claimledger.extract.figures.counted_names import counted_name, group_of
from claimledger.extract.figures.kinds import kind_of
from claimledger.extract.when import MONTHS
from claimledger.lexicon import words as lexicon_words
from claimledger.models import Quantity

__all__ = ["Amount", "find_quantities", "parse_amount"]

_DATE_LIKE = re.compile(r"^\d{4}-\d{1,2}-\d{1,2}$|^\d{1,2}[/.]\d{1,2}[/.]\d{2,4}$")
_CLOCK = re.compile(r"\b\d{1,2}:\d{2}\b|\b\d{1,2}(?:[.:]\d{2})?\s*(?:[ap]\.m\.|[ap]m\b)", re.I)
# Letters and a hyphen right before the number: a designation, not a count.
_MODEL_PREFIX = re.compile(r"\b[A-Z][A-Za-z]{0,3}-$")
_SLASHED = re.compile(r"^\d+/\d+$")
_PHONE = re.compile(r"^\+?\(?\d[\d\s().-]{6,}\d$")
# Entity labels whose numbers belong to a name or a date, not to a count.
_SKIP_LABELS = {"DATE", "TIME", "ORDINAL", "ORG", "PRODUCT", "FAC", "WORK_OF_ART", "LAW", "EVENT"}
_SKIP_LABELS |= {"GPE", "LOC", "PERSON", "NORP"}
# Month names and abbreviations: the date resolver's own table.
_MONTH_WORDS = frozenset(MONTHS)

_LONGEST_QUALIFIER = max(len(words) for words in LEFT_QUALIFIERS)
_JOINERS = {"-", "–", "—", "to", "and", "or"}


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


def _phrases(window: Span) -> list[Span]:
    """Group number tokens into amount phrases, extended by their qualifiers and units."""
    doc = window.doc
    lo, hi = window.start, window.end
    phrases: list[Span] = []
    i = lo
    while i < hi:
        if not is_core(doc[i]):
            i += 1
            continue
        j = i + 1
        while j < hi and (
            is_core(doc[j])
            or (
                doc[j].lower_ in _JOINERS
                and j + 1 < hi
                and is_core(doc[j + 1])
                # "since Sept. 27 to 60": a date's day does not open a range.
                and doc[j - 1].ent_type_ not in ("DATE", "TIME")
                and (doc[j].lower_ != "and" or _and_joins(doc, i, j))
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
            weighs = last + 1 < hi and doc[last + 1].lower_ == "of"
            if weighs and doc[last].lower_ in lexicon_words("weight_units"):
                break  # "18,000 pounds of food aid" weighs; "5 million pounds" is money
            last += 1
        if doc[last - 1].lower_ == "per":
            last -= 1
        phrases.append(doc[first:last])
        i = max(j, last)
    return phrases


def _and_joins(doc: Doc, i: int, j: int) -> bool:
    """ "between 200 and 300" and "one hundred and five" are one amount; "cases and deaths are
    8,210 and 311 respectively" are two figures."""
    if i > 0 and doc[i - 1].lower_ == "between":
        return True
    return doc[j - 1].lower_ in {"hundred", "thousand"} and doc[j + 1].is_alpha


def _is_power(doc: Doc, j: int, hi: int) -> bool:
    """True for the caret of a power written without spaces ("10^9"), which spaCy splits."""
    return (
        doc[j].text == "^"
        and j + 1 < hi
        and is_core(doc[j + 1])
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
    cores = [t for t in phrase if is_core(t)]
    if not cores or _skip(cores, phrase):
        return None
    amount = parse_amount(phrase.text)
    if amount is None:
        return None
    root = phrase_root(phrase)
    counted_tok = counted_token(root, phrase)
    event = figure_event(root, counted_tok)
    counted = counted_name(counted_tok) if counted_tok is not None else None
    group = group_of(counted_tok) if counted_tok is not None else None
    if counted is None and amount.unit is None and earlier:
        # "19 civilians killed and 60 injured": the second figure counts the same people.
        prev = earlier[-1]
        same_sentence = doc.char_span(prev.start, prev.end, alignment_mode="expand")
        near = same_sentence is not None and same_sentence.sent == phrase.sent
        if near and 0 <= phrase.start_char - prev.end < 80 and prev.unit is None:
            counted, group = prev.counted, prev.group
    if counted is None and event is None and (changed := change_of(root)) is not None:
        counted, event = changed  # "the Consumer Price Index rose 0.3%"
    if cores[0].lower_ == "one" and event is None:
        return None  # "one party over the other": a pronoun, not a figure
    kind = kind_of(phrase, root, counted_tok)
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
    if _DATE_LIKE.match(phrase.text) or _CLOCK.search(phrase.text):
        return True  # a date or a time of day ("at around 14:00", "3:00 P.M.")
    if len(cores) == 1 and _SLASHED.match(first.text) and not has_of(first):
        return True  # "24/7 news", "9/11": a fraction is a share only of something ("2/3 of")
    if _designated(first, before):
        return True  # a weapon or model number: "D-30 howitzers", "Su-25", "S-300"
    if _is_age(first, before) or _is_measure(first, phrase):
        return True
    if any(t.ent_type_ in _SKIP_LABELS for t in cores):
        # The NER reads "comes near 2000" or "the death toll has hit 98" as a year; a tally
        # the number completes ("the number of", "the toll") says it is a count.
        year_only = len(cores) == 1 and first.ent_type_ == "DATE" and first.ent_iob_ == "B"
        tallied = any(
            found(first) is not None for found in (number_subject, tally_event, copular_subject)
        )  # "... has reached 2000", "those arrested were 14": a count the NER dated
        if not (year_only and tallied) and not _count_after_date(cores, before):
            return True
    if _PHONE.match(text) and (text.count("-") + text.count(" ") >= 2 or "(" in text):
        return True
    if len(cores) == 1 and re.fullmatch(r"1[89]\d\d|20\d\d", first.text):
        if before is not None and before.lower_ in lexicon_words("year_cues"):
            return True
        counts = first.dep_ == "nummod" and first.head.tag_ in {"NNS", "NNPS"}
        counts = counts or number_subject(first) is not None
        if not counts and first.ent_type_ != "CARDINAL":
            return True  # a bare 4-digit number outside a count reads as a year
    after = doc[cores[-1].i + 1 : cores[-1].i + 3]
    if len(after) == 2 and after[0].text == "-" and after[1].is_alpha and not is_core(after[1]):
        return True  # "the 44-day war", "a 19-year-old": a modifier, not a count
    if before is not None and first.head.i == before.i and before.pos_ == "PROPN":
        return True  # "Article 5", "Flight 752"
    name_heads = lexicon_words("name_heads")
    if before is not None and before.lower_.rstrip(".") in name_heads and before.is_title:
        return True
    if before is not None and before.lower_ == "half" and first.lower_ == "hour":
        return True
    if first.lower_ == "half" and not has_of(first) and phrase[0].i == first.i:
        return True  # "the second half": a share only when it has an "of" or a qualifier
    if first.lower_ == "one" and len(cores) == 1 and phrase[0] == first and _one_not_a_count(first):
        return True
    spelled = first.is_alpha
    referential = lexicon_words("referential_words")
    return spelled and before is not None and before.lower_ in referential and phrase[0] == first


def _one_not_a_count(one: Token) -> bool:
    """ "in one of the deadliest attacks" ranks, "one woman who had fled said" names a speaker:
    neither counts anything ("one of the most senior officers was killed" does)."""
    doc = one.doc
    after = list(doc[one.i + 1 : one.i + 4])
    if [t.lower_ for t in after[:2]] == ["of", "the"] and len(after) == 3:
        ranked = after[2].tag_ in {"JJS", "RBS"}
        return ranked and one.dep_ not in {"nsubj", "nsubjpass", "dobj"}
    head = one.head
    return (
        one.dep_ == "nummod"
        and head.tag_ == "NN"
        and head.dep_ == "nsubj"
        and head.head.lemma_.lower() in lexicon_words("speech_verbs")
    )


def _designated(first: Token, before: Token | None) -> bool:
    """Letters and a hyphen glued right before the number ("D-30", "Su-25") -- read from the
    tokens, as `doc.text` is rebuilt on every access."""
    if before is None or before.whitespace_:
        return False
    if _MODEL_PREFIX.search(before.text):
        return True
    doc = first.doc
    letters = doc[before.i - 1] if before.i > 0 else None
    return (
        before.text == "-"
        and letters is not None
        and not letters.whitespace_
        and _MODEL_PREFIX.search(letters.text + "-") is not None
    )


def _is_age(first: Token, before: Token | None) -> bool:
    """ "Staff Sergeant Itay Levi, 20, and ...", "aged 64": a person's age beside the name."""
    if before is not None and before.lower_ == "aged":
        return True
    doc = first.doc
    after = doc[first.i + 1] if first.i + 1 < len(doc) else None
    return (
        before is not None
        and before.text == ","
        and before.i > 0
        and doc[before.i - 1].ent_type_ == "PERSON"
        and after is not None
        and after.text in (",", ")", "and", ".")
    )


def _is_measure(first: Token, phrase: Span) -> bool:
    """ "a magnitude 7.2 quake", "a 5.1-magnitude aftershock": a reading on a scale."""
    doc = first.doc
    near = doc[max(first.i - 2, 0) : min(phrase.end + 3, len(doc))]
    return any(t.lower_ in lexicon_words("measure_words") for t in near)


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
    counts = has_of(first) or (first.dep_ == "nummod" and first.head.tag_ in {"NNS", "NNPS"})
    return value > 31 or counts
