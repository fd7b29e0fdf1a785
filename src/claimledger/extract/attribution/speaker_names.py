"""Which names a document holds: its speaker entities in order, the label each name carries
most often, the longest written form of each person's name, and the entity nearest before a
token (with a label, holding some words, or with a role noun beside it)."""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter

from spacy.tokens import Doc, Span, Token

from claimledger.extract.attribution.speaker_mentions import SPEAKER_LABELS, clean_name
from claimledger.lexicon import words as lexicon_words
from claimledger.names.claimants import canonicalize

# How far back (tokens) "the ministry" looks for a ministry written out with its owner.
ROLE_WINDOW = 1500


class DocumentNames:
    """The speaker entities of one parsed document, indexed once for the lookups below."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        # Time zones and clock words the small model tags ORG never speak ("as of 7 p.m.
        # local time (15:00 GMT), it lists ..." must not read "it" as GMT).
        never = lexicon_words("never_speakers")
        self.ents = [
            e
            for e in doc.ents
            if e.label_ in SPEAKER_LABELS and e.text.strip("() ").upper() not in never
        ]
        self._starts = [e.start for e in self.ents]
        # Longest written form of each surname: "Lavrov" -> "Sergei Lavrov".
        self._persons: dict[str, str] = {}
        votes: dict[str, Counter[str]] = {}
        for ent in self.ents:
            name = clean_name(ent.text)
            parts = name.split()
            if not parts:
                continue
            votes.setdefault(name.lower(), Counter())[ent.label_] += 1
            if ent.label_ == "PERSON" and len(name) > len(self._persons.get(parts[-1].lower(), "")):
                self._persons[parts[-1].lower()] = name
        # The small model labels "Azerbaijan" GPE here and PERSON there: take the majority.
        self._label = {text: c.most_common(1)[0][0] for text, c in votes.items()}

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

    def _preceding_person(self, before: int) -> Span | None:
        """Nearest person named before token `before`, skipping the places the small model
        tagged PERSON: "he" after "the Dorvik district" is not Dorvik."""
        k = bisect_left(self._starts, before) - 1
        while k >= 0:
            ent = self.ents[k]
            k -= 1
            if ent.end <= before and ent.label_ == "PERSON" and self._names_a_person(ent):
                return ent
        return None

    def _names_a_person(self, ent: Span) -> bool:
        """A PERSON entity that reads as a person: not a name before or after a place noun
        ("the Dorvik urban district", "the settlement of Lesno"), not a lone word after
        "the" ("across the Steppe"), not the medium a speaker used ("said on Twitter"), not a known
        state, not a name the document mostly labels otherwise."""
        if self.label_of(clean_name(ent.text)) not in (None, "PERSON"):
            return False
        root, places = ent.root, lexicon_words("place_heads")
        if root.dep_ == "compound" and root.head.lemma_.lower() in places:
            return False
        if root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.lemma_ in places:
            return False  # "the settlement of Lesno"
        if len(ent) == 1 and ent.start > 0 and self.doc[ent.start - 1].lower_ == "the":
            return False
        if (
            root.dep_ == "pobj"
            and root.head.lower_ in ("on", "via")
            and (root.head.head.lemma_.lower() in lexicon_words("speech_verbs"))
        ):
            return False  # "said on Twitter", "wrote on Telegram": where, not who
        # a state the alias table knows by this name ("Sierra Leone" tagged PERSON)
        info = canonicalize(clean_name(ent.text))
        return not (info.claimant_type == "government" and info.name == info.affiliation)

    def _longest_holding(self, before: int, words: list[str]) -> str | None:
        """The longest entity before token `before` that holds all `words`."""
        best: str | None = None
        for ent in self.ents:
            if ent.end > before:
                break
            name = clean_name(ent.text)
            lower = name.lower().split()
            if all(w in lower for w in words) and len(name) > len(best or ""):
                best = name
        return best

    def _person_with_role(self, lemma: str, before: int) -> Span | None:
        """The nearest person named before `before` with `lemma` beside the name ("Governor
        Vyacheslav Gladkov", "Gladkov, the governor of the region")."""
        k = bisect_left(self._starts, before) - 1
        while k >= 0:
            ent = self.ents[k]
            k -= 1
            if ent.label_ != "PERSON" or before - ent.start > ROLE_WINDOW:
                continue
            near = self.doc[max(ent.start - 6, 0) : min(ent.end + 5, len(self.doc))]
            if any(t.lemma_.lower() == lemma for t in near if t.i < before):
                return ent
        return None

    def _entity_at(self, tok: Token) -> Span:
        """The entity span a token is part of."""
        k = bisect_left(self._starts, tok.i + 1) - 1
        while k >= 0:
            ent = self.ents[k]
            if ent.start <= tok.i < ent.end:
                return ent
            k -= 1
        return tok.doc[tok.i : tok.i + 1]

    def _is_place(self, ent: Span) -> bool:
        """A state or region, whatever label the small model gave it (not a demonym)."""
        if ent.label_ in ("GPE", "LOC"):
            return True
        if ent.label_ not in ("ORG", "PERSON"):
            return False
        info = canonicalize(clean_name(ent.text), "GPE")
        return info.claimant_type == "government" and info.name == info.affiliation
