"""Rule-based speaker resolution inside one document: mention -> the name it stands for.

"he" -> the nearest previously named person; "the organization" / "the Observatory" -> the
nearest fitting organisation; "Lavrov" -> "Sergei Lavrov" when the longer form occurs in the
document. No coreference model: these rules cover how news text names its sources, they run in
linear time, and they never guess across labels (a pronoun never resolves to a country).

Which names the document holds is `speaker_names.py`; what "it", "its" or "the enclave" stand
for is `antecedents.py`; how a mention is written is `speaker_mentions.py`.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Doc, Span, Token

from claimledger.extract.attribution.antecedents import Antecedents
from claimledger.extract.attribution.speaker_mentions import (
    SPEAKER_LABELS,
    clean_name,
    has_owner,
    is_owned,
    modified_noun,
    noun_phrase,
)
from claimledger.extract.attribution.speaker_names import ROLE_WINDOW
from claimledger.lexicon import words as lexicon_words
from claimledger.names.claimants import canonicalize


class SpeakerResolver(Antecedents):
    """Resolves source mentions of one parsed document; build once per document.

    Call `resolve` in text order: "the organization" refers back to the last organisation that
    was itself a source, which is how news prose re-mentions a monitor group or ministry.
    """

    def __init__(self, doc: Doc) -> None:
        super().__init__(doc)
        self._last_org: str | None = None
        self._last_outlet: str | None = None
        self._sources: list[tuple[int, str]] = []

    def resolve(self, source: Span) -> tuple[str | None, str | None]:
        """(speaker name, entity label) for a source mention, or (None, None) when unknown."""
        name, label = self._resolve(source)
        if name is not None and label == "ORG":
            self._last_org = name
        if name is not None and source.root.lemma_.lower() in lexicon_words("outlet_nouns"):
            self._last_outlet = name  # "the Kavala Herald newspaper"
        if name is not None:
            self._last = (name, label)
            self._sources.append((source.start, name))
        return name, label

    def _resolve(self, source: Span) -> tuple[str | None, str | None]:
        head = source.root
        lemma = head.lemma_.lower()
        if head.pos_ == "PRON":
            if head.lower_ in lexicon_words("person_pronouns"):
                ent = self._preceding_person(source.start)
                if ent is not None:
                    return self.full_name(clean_name(ent.text)), "PERSON"
            if head.lower_ == "it":
                return self._body_antecedent(source.start)
            return None, None
        named = next((c for c in head.children if c.dep_ == "appos" and c.pos_ == "PROPN"), None)
        if head.pos_ == "NOUN" and named is not None:
            # "a conflict monitor, the Valley Security Project": the name in apposition speaks.
            return self._resolve(source.doc[named.left_edge.i : named.right_edge.i + 1])
        inside = [e for e in self.ents if e.start >= source.start and e.end <= source.end]
        own = next((e for e in inside if e.start <= head.i < e.end), None)
        if lemma in lexicon_words("data_nouns") and head.pos_ == "NOUN" and not is_owned(head):
            # "according to the report", "the data show": a body publishes figures, so the
            # last body named as a source; a person quoted since does not own them.
            if self._last_org is not None:
                return self._last_org, "ORG"
            if self._last[0] is not None:
                return self._last
            # No source yet: the body the article named last ("the Report summarizes the work
            # of the Ombudsman's staff ... According to the data collected, ...").
            ent = self._preceding(source.start, frozenset({"ORG"}))
            return (clean_name(ent.text), "ORG") if ent is not None else (None, None)
        if lemma in lexicon_words("outlet_nouns") and head.pos_ == "NOUN" and not inside:
            # "the paper said": the outlet last named as a source, if the article named one.
            return (self._last_outlet, "ORG") if self._last_outlet else (None, None)
        if lemma in lexicon_words("document_nouns") and head.pos_ == "NOUN":
            # "the statement said": the document speaks for the last named source.
            return self._last
        if head.tag_ in ("NNS", "NNPS") and head.ent_type_ not in SPEAKER_LABELS:
            if lemma in lexicon_words("official_nouns"):
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
        own_label = self.label_of(clean_name(own.text)) if own is not None else None
        if own is not None and own_label == "PERSON":
            return self.full_name(clean_name(own.text)), "PERSON"
        if head.pos_ == "PROPN" and head.lower_ in self._persons:
            return self._persons[head.lower_], "PERSON"
        persons = [e for e in inside if e.label_ == "PERSON"]
        if persons and (own is None or own.label_ == "NORP"):
            return self.full_name(clean_name(persons[-1].text)), "PERSON"
        if own is not None:
            name = clean_name(own.text)
            return name, self.label_of(name) or own.label_
        if lemma in lexicon_words("person_roles"):
            if any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in head.children):
                return None, None  # "a local official" brings in someone not named before
            # "the governor" is the person named as governor before, never just the last
            # person named (a spokeswoman two paragraphs up is not the governor).
            ent = self._person_with_role(lemma, source.start)
            if ent is None and lemma in lexicon_words("generic_roles"):
                ent = self._preceding_person(source.start)
            if ent is not None:
                return self.full_name(clean_name(ent.text)), "PERSON"
            return None, None
        if head.pos_ == "PROPN":
            name = noun_phrase(source, head)
            return name, self.label_of(name)
        if inside and all(e.label_ == "NORP" for e in inside):
            # "the army's news center Armenian Unified Infocenter": a demonym inside a named
            # body is not the speaker; the body is, when the mention names one.
            info = canonicalize(source.text, "ORG")
            if info.claimant_type == "organization":
                return info.name, "ORG"
        if inside:
            name = clean_name(inside[0].text)
            return name, self.label_of(name) or inside[0].label_
        return None, None

    def _previous_roles(self, lemma: str, before: int) -> Iterator[tuple[int, str]]:
        """Earlier "<owner>'s <lemma>" written out ("Turkey's foreign ministry"), nearest first,
        within ROLE_WINDOW tokens, for a bare "the ministry" after them."""
        for k in range(before - 1, max(before - ROLE_WINDOW, 0) - 1, -1):
            tok = self.doc[k]
            if tok.lemma_.lower() != lemma or tok.pos_ not in ("NOUN", "PROPN"):
                continue
            owner, _ = self._owner(tok)
            if owner is not None:
                yield k, f"{owner}'s {modified_noun(tok)}"

    def _earlier_bodies(self, lemma: str, before: int) -> list[tuple[int, str]]:
        """Sources and written-out owners holding `lemma` before token `before`, latest first."""
        named = [(i, n) for i, n in self._sources if lemma in n.lower().split()]
        return sorted([*named, *self._previous_roles(lemma, before)], reverse=True)

    def _organisation(
        self, source: Span, head: Token, lemma: str, own: Span | None
    ) -> tuple[str | None, str]:
        """ "the ministry", "the Observatory", "Armenia's Defense Ministry"."""
        phrase = noun_phrase(source, head)
        owner, _ = self._owner(head)
        if owner is not None and owner.lower() not in phrase.lower():
            # "its defence ministry" after "Nagorno-Karabakh reported ...": name the owner.
            return f"{owner}'s {modified_noun(head)}", "ORG"
        if any(t.dep_ == "poss" for t in head.lefts):
            return phrase, "ORG"
        words = [w.lower() for w in phrase.split()]
        if head.pos_ == "PROPN":
            # A name or a partial one: its longest earlier form ("the Syrian Observatory").
            if own is not None and len(clean_name(own.text)) > len(phrase):
                return clean_name(own.text), "ORG"
            return self._longest_holding(source.end, words) or phrase, "ORG"
        earlier = self._earlier_bodies(lemma, source.start)
        if has_owner(head):
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
        return (clean_name(ent.text) if ent is not None else phrase), "ORG"
