"""One parsed document and what every rule reads from it, derived once.

The rules used to be handed `doc`, `doc.text`, the quotation index, token offsets and the
sentence index one argument at a time (spaCy rebuilds `Doc.text` on every access, so the text
was threaded separately). A `DocContext` carries them, with the rules switched off by name.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Collection, Iterator
from dataclasses import dataclass, field

from spacy.attrs import IDX
from spacy.tokens import Doc, Token

from claimledger.extract.attribution.quotes import QuoteIndex, find_quotes
from claimledger.extract.attribution.verb_cues import Sentences
from claimledger.extract.nlp import doc_text

_NEWLINE = re.compile("\n")


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
        text = doc_text(doc)
        return cls(
            doc=doc,
            text=text,
            quotes=QuoteIndex(find_quotes(text)),
            starts=doc.to_array(IDX).tolist(),
            sents=Sentences(doc),
            paragraphs=[0] + [m.end() for m in _NEWLINE.finditer(text)],
            negated=negated,
            disabled=frozenset(disabled),
        )

    def tokens_of_char(self, char: str) -> Iterator[Token]:
        """The tokens that are this one character, in order: found where the text has the
        character, not by a pass over every token of the document."""
        at = self.text.find(char)
        while at != -1:
            k = bisect_left(self.starts, at)
            if k < len(self.starts) and self.starts[k] == at and self.doc[k].text == char:
                yield self.doc[k]
            at = self.text.find(char, at + 1)

    def enabled(self, rule: str) -> bool:
        """Whether the rule of that name runs (rules are switched off by name)."""
        return rule not in self.disabled
