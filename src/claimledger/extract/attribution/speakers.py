"""Rule-based speaker resolution inside one document: mention -> the name it stands for.

"he" -> the nearest previously named person; "the organization" / "the Observatory" -> the
nearest fitting organisation; "Lavrov" -> "Sergei Lavrov" when the longer form occurs in the
document. No coreference model: these rules cover how news text names its sources, they run in
linear time, and they never guess across labels (a pronoun never resolves to a country).
"""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter
from collections.abc import Iterator

from spacy.tokens import Doc, Span, Token

from claimledger.lexicon import words as lexicon_words
from claimledger.names.claimants import canonicalize

SPEAKER_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP"})
PERSON_PRONOUNS = frozenset({"he", "she", "him", "her", "his"})
DETERMINERS = frozenset({"the", "a", "an", "this", "that", "its", "their", "his", "her"})
# Owners that name no one themselves: "its ministry", "the enclave's defence ministry".
OWNER_PRONOUNS = frozenset({"its", "their", "it"})
# Plural nouns that speak for their owner: "Azerbaijani officials", "its officials", "its
# sources" (a claimant's own sources: the claim stays the claimant's).
OFFICIALS = frozenset({"official", "authority", "authorities", "officials", "source", "sources"})
BODY_LABELS = frozenset({"ORG", "GPE", "NORP"})
# Role nouns any person in office may be called ("the French leader" after "President
# Macron"); a specific one ("the governor", "the spokeswoman") needs that word by the name.
GENERIC_ROLES = frozenset({"leader", "politician", "head", "official", "chief"})
# How far back (tokens) "the ministry" looks for a ministry written out with its owner.
ROLE_WINDOW = 1500


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
            name = _clean(ent.text)
            parts = name.split()
            if not parts:
                continue
            votes.setdefault(name.lower(), Counter())[ent.label_] += 1
            if ent.label_ == "PERSON" and len(name) > len(self._persons.get(parts[-1].lower(), "")):
                self._persons[parts[-1].lower()] = name
        # The small model labels "Azerbaijan" GPE here and PERSON there: take the majority.
        self._label = {text: c.most_common(1)[0][0] for text, c in votes.items()}
        self._last_org: str | None = None
        self._last: tuple[str | None, str | None] = (None, None)
        self._sources: list[tuple[int, str]] = []

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
            self._sources.append((source.start, name))
        return name, label

    def _resolve(self, source: Span) -> tuple[str | None, str | None]:
        head = source.root
        lemma = head.lemma_.lower()
        if head.pos_ == "PRON":
            if head.lower_ in PERSON_PRONOUNS:
                ent = self._preceding(source.start, frozenset({"PERSON"}))
                if ent is not None:
                    return self.full_name(_clean(ent.text)), "PERSON"
            if head.lower_ == "it":
                return self._body_antecedent(source.start)
            return None, None
        inside = [e for e in self.ents if e.start >= source.start and e.end <= source.end]
        own = next((e for e in inside if e.start <= head.i < e.end), None)
        if lemma in lexicon_words("data_nouns") and head.pos_ == "NOUN" and not _owned(head):
            # "according to the report", "the data show": a body publishes figures, so the
            # last body named as a source; a person quoted since does not own them.
            if self._last_org is not None:
                return self._last_org, "ORG"
            if self._last[0] is not None:
                return self._last
            # No source yet: the body the article named last ("the Report summarizes the work
            # of the Ombudsman's staff ... According to the data collected, ...").
            ent = self._preceding(source.start, frozenset({"ORG"}))
            return (_clean(ent.text), "ORG") if ent is not None else (None, None)
        if lemma in lexicon_words("document_nouns") and head.pos_ == "NOUN":
            # "the statement said": the document speaks for the last named source.
            return self._last
        if head.tag_ in ("NNS", "NNPS") and head.ent_type_ not in SPEAKER_LABELS:
            if lemma in OFFICIALS:
                # "Azerbaijani officials", "its officials", "officials in the region": they
                # speak for their owner or their place.
                owner = self._owner(head)
                if owner[0] is None:
                    owner = self._place_of(head)
                if owner[0] is not None:
                    return owner
            return None, None  # "both parties", "officials": no single speaker
        if lemma in lexicon_words("org_roles"):
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
        if lemma in lexicon_words("person_roles"):
            # "the governor" is the person named as governor before, never just the last
            # person named (a spokeswoman two paragraphs up is not the governor).
            ent = self._person_with_role(lemma, source.start)
            if ent is None and lemma in GENERIC_ROLES:
                ent = self._preceding(source.start, frozenset({"PERSON"}))
            if ent is not None:
                return self.full_name(_clean(ent.text)), "PERSON"
            return None, None
        if head.pos_ == "PROPN":
            name = _noun_phrase(source, head)
            return name, self.label_of(name)
        if inside and all(e.label_ == "NORP" for e in inside):
            # "the army's news center Armenian Unified Infocenter": a demonym inside a named
            # body is not the speaker; the body is, when the mention names one.
            info = canonicalize(source.text, "ORG")
            if info.claimant_type == "organization":
                return info.name, "ORG"
        if inside:
            name = _clean(inside[0].text)
            return name, self.label_of(name) or inside[0].label_
        return None, None

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

    def _owner(self, head: Token) -> tuple[str | None, str | None]:
        """Who a role noun belongs to, when it says so: "its", "the enclave's", "of Armenia".

        A modifier inside the same name ("the Syrian Observatory") is not an owner.
        """
        for t in head.lefts:
            if t.dep_ == "poss":
                if t.lower_ in OWNER_PRONOUNS:
                    return self._body_antecedent(t.i)
                if t.lower_ in ("his", "her"):
                    return self._person_state(t.i)
                if t.lemma_.lower() in lexicon_words("place_nouns") and t.ent_type_ == "":
                    return self._place_antecedent(t.i, t.lemma_.lower())
            if (t.dep_ == "poss" and _names_someone(t)) or (
                t.dep_ in ("amod", "compound") and t.ent_type_ in BODY_LABELS
            ):
                ent = self._entity_at(t)
                if not ent.start <= head.i < ent.end:
                    name = _clean(ent.text)
                    return name, self.label_of(name) or t.ent_type_
        for t in head.rights:
            if t.dep_ == "prep" and t.lower_ == "of":
                obj = next((c for c in t.children if c.dep_ == "pobj"), None)
                if obj is not None and obj.ent_type_ in BODY_LABELS:
                    name = _clean(self._entity_at(obj).text)
                    return name, self.label_of(name) or obj.ent_type_
        return None, None

    def _person_state(self, before: int) -> tuple[str | None, str | None]:
        """ "his government": the state of the person last named, when the alias table knows it."""
        ent = self._preceding(before, frozenset({"PERSON"}))
        if ent is None:
            return None, None
        affiliation = canonicalize(self.full_name(_clean(ent.text)), "PERSON").affiliation
        return (affiliation, "GPE") if affiliation else (None, None)

    def _place_of(self, head: Token) -> tuple[str | None, str | None]:
        """ "officials in Baku", "authorities in the region": the place after "in"."""
        for prep in head.rights:
            if prep.dep_ != "prep" or prep.lower_ != "in":
                continue
            for obj in prep.children:
                if obj.dep_ != "pobj":
                    continue
                if obj.ent_type_ in ("GPE", "LOC"):
                    return _clean(self._entity_at(obj).text), "GPE"
                if obj.lemma_.lower() in lexicon_words("place_nouns"):
                    return self._place_antecedent(obj.i, obj.lemma_.lower())
        return None, None

    def _entity_at(self, tok: Token) -> Span:
        """The entity span a token is part of."""
        k = bisect_left(self._starts, tok.i + 1) - 1
        while k >= 0:
            ent = self.ents[k]
            if ent.start <= tok.i < ent.end:
                return ent
            k -= 1
        return tok.doc[tok.i : tok.i + 1]

    def _body_antecedent(self, before: int) -> tuple[str | None, str | None]:
        """What "it" or "its" stands for: a body named earlier in the same sentence, else the
        subject of the sentence before when it is a body, else the last source that was one,
        else the nearest organisation or place."""
        sent = self.doc[before].sent
        # "According to its own account, Russia ...", "X said ..., according to its sources":
        # the sentence's own subject, when it is a body other than the mention itself.
        subject = next((t for t in sent.root.children if t.dep_ == "nsubj"), None)
        if (
            subject is not None
            and not subject.i <= before <= subject.right_edge.i
            and subject.ent_type_ in BODY_LABELS - {"NORP"}
        ):
            return self._entity_name(self._entity_at(subject))
        ent = self._preceding(before, BODY_LABELS - {"NORP"})
        if ent is not None and ent.start >= sent.start:
            return self._entity_name(ent)
        if ent is not None and sent.start > 0:
            previous = self.doc[sent.start - 1].sent
            if ent.start >= previous.start and ent.root.dep_ in ("nsubj", "nsubjpass"):
                return self._entity_name(ent)
        last_name, last_label = self._last
        if last_name is not None and last_label in BODY_LABELS:
            return last_name, last_label
        if ent is not None:
            return self._entity_name(ent)
        return None, None

    def _entity_name(self, ent: Span) -> tuple[str, str]:
        """An entity's name with its owner when it is a role ("Azerbaijan's defence ministry",
        "the enclave's defence ministry" -> the enclave's name)."""
        name = _clean(ent.text)
        label = self.label_of(name) or ent.label_
        root = ent.root
        if root.lemma_.lower() in lexicon_words("org_roles"):
            owner, _ = self._owner(root)
            if owner is not None and owner.lower() not in name.lower():
                return f"{owner}'s {name}", "ORG"
        return name, label

    def _place_antecedent(self, before: int, noun: str) -> tuple[str | None, str | None]:
        """What "the enclave" or "the region" stands for: the latest place the document calls
        by that noun ("the Nagorno-Karabakh region", "the enclave of Nagorno-Karabakh"), else
        the nearest place named before."""
        places = [e for e in self.ents if e.end <= before and self._is_place(e)]
        for ent in reversed(places):
            near = {t.lemma_.lower() for t in self.doc[max(ent.start - 3, 0) : ent.end + 2]}
            if noun in near:
                name = _clean(ent.text)
                return name, "GPE"
        if not places:
            return None, None
        return _clean(places[-1].text), "GPE"

    def _is_place(self, ent: Span) -> bool:
        """A state or region, whatever label the small model gave it (not a demonym)."""
        if ent.label_ in ("GPE", "LOC"):
            return True
        if ent.label_ not in ("ORG", "PERSON"):
            return False
        info = canonicalize(_clean(ent.text), "GPE")
        return info.claimant_type == "government" and info.name == info.affiliation

    def _previous_roles(self, lemma: str, before: int) -> Iterator[tuple[int, str]]:
        """Earlier "<owner>'s <lemma>" written out ("Turkey's foreign ministry"), nearest first,
        within ROLE_WINDOW tokens, for a bare "the ministry" after them."""
        for k in range(before - 1, max(before - ROLE_WINDOW, 0) - 1, -1):
            tok = self.doc[k]
            if tok.lemma_.lower() != lemma or tok.pos_ not in ("NOUN", "PROPN"):
                continue
            owner, _ = self._owner(tok)
            if owner is not None:
                yield k, f"{owner}'s {_modified_noun(tok)}"

    def _earlier_bodies(self, lemma: str, before: int) -> list[tuple[int, str]]:
        """Sources and written-out owners holding `lemma` before token `before`, latest first."""
        named = [(i, n) for i, n in self._sources if lemma in n.lower().split()]
        return sorted([*named, *self._previous_roles(lemma, before)], reverse=True)

    def _organisation(
        self, source: Span, head: Token, lemma: str, own: Span | None
    ) -> tuple[str | None, str]:
        """ "the ministry", "the Observatory", "Armenia's Defense Ministry"."""
        phrase = _noun_phrase(source, head)
        owner, _ = self._owner(head)
        if owner is not None and owner.lower() not in phrase.lower():
            # "its defence ministry" after "Nagorno-Karabakh reported ...": name the owner.
            return f"{owner}'s {_modified_noun(head)}", "ORG"
        if any(t.dep_ == "poss" for t in head.lefts):
            return phrase, "ORG"
        words = [w.lower() for w in phrase.split()]
        if head.pos_ == "PROPN":
            # A name or a partial one: its longest earlier form ("the Syrian Observatory").
            if own is not None and len(_clean(own.text)) > len(phrase):
                return _clean(own.text), "ORG"
            return self._longest_holding(source.end, words) or phrase, "ORG"
        earlier = self._earlier_bodies(lemma, source.start)
        if _has_owner(head):
            # "the Azerbaijani ministry" after "Azerbaijan's defence ministry": the fuller name.
            affiliation = canonicalize(phrase, "ORG").affiliation
            for _, name in earlier:
                if len(name) > len(phrase) and (
                    canonicalize(name, "ORG").affiliation == affiliation
                ):
                    return name, "ORG"
            return phrase, "ORG"
        # "the ministry": the latest ministry either named as a source or written out with
        # its owner, whichever came last; then a generic "the organization" -> the last one.
        if earlier:
            return earlier[0][1], "ORG"
        if self._last_org is not None and lemma in lexicon_words("generic_orgs"):
            return self._last_org, "ORG"
        ent = self._preceding(source.start, frozenset({"ORG"}), [lemma]) or self._preceding(
            source.start, frozenset({"ORG"})
        )
        return (_clean(ent.text) if ent is not None else phrase), "ORG"


def _owned(head: Token) -> bool:
    """ "official tallies from both sides", "the ministry's figures", "the UN's report": the
    phrase names whose data it is, so it is read as written."""
    return any(
        c.dep_ == "poss" or (c.dep_ == "prep" and c.lower_ in ("from", "of", "by"))
        for c in head.children
    )


def _has_owner(head: Token) -> bool:
    """Whether a role noun names its owner itself ("Armenia's ministry", "the Defense Ministry")."""
    return any(t.dep_ in ("poss", "compound", "amod") for t in head.lefts)


def _names_someone(tok: Token) -> bool:
    """A possessor that is a name (the small model sometimes labels "Azerbaijan" PERSON)."""
    return tok.ent_type_ in SPEAKER_LABELS or tok.pos_ == "PROPN"


def _modified_noun(head: Token) -> str:
    """The head noun with its compound and adjective modifiers only: "defence ministry"."""
    mods = [
        t
        for t in head.lefts
        if t.dep_ in ("compound", "amod") and t.ent_type_ not in ("GPE", "NORP", "PERSON")
    ]
    left = min((t.left_edge.i for t in mods), default=head.i)
    return _clean(head.doc[left : head.i + 1].text)


def _noun_phrase(source: Span, head: Token) -> str:
    """The head noun with its left modifiers, without determiners, appositions or clauses."""
    left = min((t.left_edge.i for t in head.lefts), default=head.i)
    left = max(left, source.start)
    words = list(source.doc[left : head.i + 1])
    while words and words[0].lower_ in DETERMINERS:
        words = words[1:]
    return _clean("".join(t.text_with_ws for t in words).strip())
