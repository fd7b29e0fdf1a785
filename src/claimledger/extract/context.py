"""One parsed document and what every rule reads from it, derived once.

The rules used to be handed `doc`, `doc.text`, the quotation index, token offsets and the
sentence index one argument at a time (spaCy rebuilds `Doc.text` on every access, so the text
was threaded separately). A `DocContext` carries them, with the rules switched off by name.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field

from spacy.tokens import Doc

from claimledger.extract.attribution.quotes import QuoteIndex, find_quotes
from claimledger.extract.attribution.verb_cues import Sentences


@dataclass
class DocContext:
    """A parsed document with its text, quotations, token offsets, sentences and paragraphs."""

    doc: Doc
    text: str
    quotes: QuoteIndex
    # Character offset of each token, for bisecting from a character to its token.
    starts: list[int]
    sents: Sentences
    # Offsets where paragraphs start (after each newline), for clipping runaway parses.
    paragraphs: list[int]
    # Report negated cues too ("did not say whether"): PolNeAR annotates them, the ledger not.
    negated: bool = False
    disabled: frozenset[str] = field(default_factory=frozenset)

    @classmethod
    def of(cls, doc: Doc, negated: bool = False, disabled: Collection[str] = ()) -> DocContext:
        text = doc.text
        return cls(
            doc=doc,
            text=text,
            quotes=QuoteIndex(find_quotes(text)),
            starts=[t.idx for t in doc],
            sents=Sentences(doc),
            paragraphs=[0] + [i + 1 for i, ch in enumerate(text) if ch == "\n"],
            negated=negated,
            disabled=frozenset(disabled),
        )

    def enabled(self, rule: str) -> bool:
        """Whether the rule of that name runs (rules are switched off by name)."""
        return rule not in self.disabled
