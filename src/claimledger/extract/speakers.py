"""Rule-based speaker resolution inside one document: mention -> the name it stands for.

"he" -> the nearest previously named person; "the organization" / "the Observatory" -> the
nearest fitting organisation; "Lavrov" -> "Sergei Lavrov" when the longer form occurs in the
document. No coreference model: these rules cover how news text names its sources, they run in
linear time, and they never guess across labels (a pronoun never resolves to a country).
"""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter

from spacy.tokens import Doc, Span, Token

from claimledger.extract.cues import ORG_ROLES, PERSON_ROLES

SPEAKER_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP"})
PERSON_PRONOUNS = frozenset({"he", "she", "him", "her", "his"})
DOCUMENT_NOUNS = frozenset({"statement", "report", "communique", "release", "announcement"})
GENERIC_ORGS = frozenset({"organization", "organisation", "group", "monitor", "agency"})
DETERMINERS = frozenset({"the", "a", "an", "this", "that", "its", "their", "his", "her"})


def _clean(text: str) -> str:
    """Entity text without a leading article, a trailing possessive or edge punctuation."""
    for suffix in ("’s", "'s", "’", "'"):
        if text.endswith(suffix):
            text = text[: -len(suffix)]
    text = text.strip(' ,.;:"“”')
    if text[:4].lower() == "the ":
        text = text[4:]
    return text


class SpeakerResolver:
    """Resolves source mentions of one parsed document; build once per document.

    Call `resolve` in text order: "the organization" refers back to the last organisation that
    was itself a source, which is how news prose re-mentions a monitor group or ministry.
    """

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.ents = [e for e in doc.ents if e.label_ in SPEAKER_LABELS]
        self._starts = [e.start for e in self.ents]
        # Longest written form of each surname: "Lavrov" -> "Sergei Lavrov".
        self._persons: dict[str, str] = {}
        votes: dict[str, Counter[str]] = {}
        for ent in self.ents:
            name = _clean(ent.text)
            words = name.split()
            if not words:
                continue
            votes.setdefault(name.lower(), Counter())[ent.label_] += 1
            if ent.label_ == "PERSON" and len(name) > len(self._persons.get(words[-1].lower(), "")):
                self._persons[words[-1].lower()] = name
        # The small model labels "Azerbaijan" GPE here and PERSON there: take the majority.
        self._label = {text: c.most_common(1)[0][0] for text, c in votes.items()}
        self._last_org: str | None = None
        self._last: tuple[str | None, str | None] = (None, None)

    def label_of(self, name: str) -> str | None:
        """The label this name carries most often in the document."""
        return self._label.get(name.lower())

    def full_name(self, name: str) -> str:
        """The longest form of a person's name found in the document."""
        words = name.split()
        return self._persons.get(words[-1].lower(), name) if words else name

    def _preceding(
        self, before: int, labels: frozenset[str], words: list[str] | None = None
    ) -> Span | None:
        """Nearest entity ending before token `before` with one of `labels` (holding `words`)."""
        k = bisect_left(self._starts, before) - 1
        while k >= 0:
            ent = self.ents[k]
            if ent.end <= before and ent.label_ in labels:
                lower = ent.text.lower().split()
                if words is None or all(w in lower for w in words):
                    return ent
            k -= 1
        return None

    def _longest_holding(self, before: int, words: list[str]) -> str | None:
        """The longest entity before token `before` that holds all `words`."""
        best: str | None = None
        for ent in self.ents:
            if ent.end > before:
                break
            name = _clean(ent.text)
            lower = name.lower().split()
            if all(w in lower for w in words) and len(name) > len(best or ""):
                best = name
        return best

    def resolve(self, source: Span) -> tuple[str | None, str | None]:
        """(speaker name, entity label) for a source mention, or (None, None) when unknown."""
        name, label = self._resolve(source)
        if name is not None and label == "ORG":
            self._last_org = name
        if name is not None:
            self._last = (name, label)
        return name, label

    def _resolve(self, source: Span) -> tuple[str | None, str | None]:
        head = source.root
        lemma = head.lemma_.lower()
        if head.pos_ == "PRON":
            if head.lower_ in PERSON_PRONOUNS:
                ent = self._preceding(source.start, frozenset({"PERSON"}))
                if ent is not None:
                    return self.full_name(_clean(ent.text)), "PERSON"
            return None, None
        inside = [e for e in self.ents if e.start >= source.start and e.end <= source.end]
        own = next((e for e in inside if e.start <= head.i < e.end), None)
        if lemma in DOCUMENT_NOUNS and head.pos_ == "NOUN":
            # "the statement said": the document speaks for the last named source.
            return self._last
        if head.tag_ in ("NNS", "NNPS") and head.ent_type_ not in SPEAKER_LABELS:
            return None, None  # "both parties", "officials": no single speaker
        if lemma in ORG_ROLES:
            return self._organisation(source, head, lemma, own)
        own_label = self.label_of(_clean(own.text)) if own is not None else None
        if own is not None and own_label == "PERSON":
            return self.full_name(_clean(own.text)), "PERSON"
        if head.pos_ == "PROPN" and head.lower_ in self._persons:
            return self._persons[head.lower_], "PERSON"
        persons = [e for e in inside if e.label_ == "PERSON"]
        if persons and (own is None or own.label_ == "NORP"):
            return self.full_name(_clean(persons[-1].text)), "PERSON"
        if own is not None:
            name = _clean(own.text)
            return name, self.label_of(name) or own.label_
        if lemma in PERSON_ROLES:
            ent = self._preceding(source.start, frozenset({"PERSON"}))
            if ent is not None:
                return self.full_name(_clean(ent.text)), "PERSON"
            return None, None
        if head.pos_ == "PROPN":
            name = _noun_phrase(source, head)
            return name, self.label_of(name)
        if inside:
            name = _clean(inside[0].text)
            return name, self.label_of(name) or inside[0].label_
        return None, None

    def _organisation(
        self, source: Span, head: Token, lemma: str, own: Span | None
    ) -> tuple[str | None, str]:
        """ "the ministry", "the Observatory", "Armenia's Defense Ministry"."""
        phrase = _noun_phrase(source, head)
        if any(t.dep_ == "poss" for t in head.lefts):
            return phrase, "ORG"
        words = [w.lower() for w in phrase.split()]
        if head.pos_ == "PROPN":
            # A name or a partial one: its longest earlier form ("the Syrian Observatory").
            if own is not None and len(_clean(own.text)) > len(phrase):
                return _clean(own.text), "ORG"
            return self._longest_holding(source.end, words) or phrase, "ORG"
        if _has_owner(head):
            return phrase, "ORG"
        if self._last_org is not None and (
            lemma in GENERIC_ORGS or lemma in self._last_org.lower()
        ):
            return self._last_org, "ORG"
        ent = self._preceding(source.start, frozenset({"ORG"}), [lemma]) or self._preceding(
            source.start, frozenset({"ORG"})
        )
        return (_clean(ent.text) if ent is not None else phrase), "ORG"


def _has_owner(head: Token) -> bool:
    """Whether a role noun names its owner itself ("Armenia's ministry", "the Defense Ministry")."""
    return any(t.dep_ in ("poss", "compound", "amod") for t in head.lefts)


def _noun_phrase(source: Span, head: Token) -> str:
    """The head noun with its left modifiers, without determiners, appositions or clauses."""
    left = min((t.left_edge.i for t in head.lefts), default=head.i)
    left = max(left, source.start)
    words = list(source.doc[left : head.i + 1])
    while words and words[0].lower_ in DETERMINERS:
        words = words[1:]
    return _clean("".join(t.text_with_ws for t in words).strip())
