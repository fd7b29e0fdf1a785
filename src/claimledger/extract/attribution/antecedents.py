"""What a mention that names no one stands for: "it" and "its" (a body named before), "his
government" (the state of the person named before), "the enclave" (the place the article
calls so), and the owner a role noun names ("its", "the enclave's", "of Armenia")."""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from claimledger.extract.attribution.speaker_mentions import BODY_LABELS, clean_name, names_someone
from claimledger.extract.attribution.speaker_names import DocumentNames
from claimledger.lexicon import words as lexicon_words
from claimledger.names.claimants import canonicalize


class Antecedents(DocumentNames):
    """The antecedent lookups of one document; `_last` is the last source resolved (kept up to
    date by `SpeakerResolver.resolve`), the fallback for "it" when no body is near."""

    def __init__(self, doc: Doc) -> None:
        super().__init__(doc)
        self._last: tuple[str | None, str | None] = (None, None)

    def _owner(self, head: Token) -> tuple[str | None, str | None]:
        """Who a role noun belongs to, when it says so: "its", "the enclave's", "of Armenia".

        A modifier inside the same name ("the Syrian Observatory") is not an owner.
        """
        for t in head.lefts:
            if t.dep_ == "poss":
                if t.lower_ in lexicon_words("owner_pronouns"):
                    return self._body_antecedent(t.i)
                if t.lower_ in lexicon_words("person_possessives"):
                    return self._person_state(t.i)
                if t.lemma_.lower() in lexicon_words("place_nouns") and t.ent_type_ == "":
                    return self._place_antecedent(t.i, t.lemma_.lower())
            if (t.dep_ == "poss" and names_someone(t)) or (
                t.dep_ in ("amod", "compound") and t.ent_type_ in BODY_LABELS
            ):
                ent = self._entity_at(t)
                if not ent.start <= head.i < ent.end:
                    name = clean_name(ent.text)
                    return name, self.label_of(name) or t.ent_type_
        for t in head.rights:
            if t.dep_ == "prep" and t.lower_ == "of":
                obj = next((c for c in t.children if c.dep_ == "pobj"), None)
                if obj is not None and obj.ent_type_ in BODY_LABELS:
                    name = clean_name(self._entity_at(obj).text)
                    return name, self.label_of(name) or obj.ent_type_
        return None, None

    def _person_state(self, before: int) -> tuple[str | None, str | None]:
        """ "his government": the state of the person last named, when the alias table knows it."""
        ent = self._preceding_person(before)
        if ent is None:
            return None, None
        affiliation = canonicalize(self.full_name(clean_name(ent.text)), "PERSON").affiliation
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
                    return clean_name(self._entity_at(obj).text), "GPE"
                if obj.lemma_.lower() in lexicon_words("place_nouns"):
                    return self._place_antecedent(obj.i, obj.lemma_.lower())
        return None, None

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
        name = clean_name(ent.text)
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
                name = clean_name(ent.text)
                return name, "GPE"
        if not places:
            return None, None
        return clean_name(places[-1].text), "GPE"
