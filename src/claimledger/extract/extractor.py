"""One `Extractor`: the spaCy model, lexicon, alias table, cue model and rules off, built once
from `ExtractorSettings` and handed the documents. The pure core, `document -> claims`.

    >>> extractor = Extractor(ExtractorSettings(disabled_rules=("learned_verb",)))
    >>> [c.rule for c in extractor.claims(document)]  # doctest: +SKIP
    ['quote_cue', 'reporting_verb']

Nothing here reads a file named by the working directory or the environment: what comes from
outside is in the settings (the user's alias table as its contents).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from claimledger.extract.attribution.cascade import find_attributions
from claimledger.extract.attribution.cue_model import CueModel, shipped_model
from claimledger.extract.attribution.found import Attribution
from claimledger.extract.claims import claims_from_parsed
from claimledger.extract.nlp import keep_text, load_nlp
from claimledger.extract.settings import ExtractorSettings
from claimledger.lexicon import Lexicon, load_lexicon, shipped_lexicon, using_lexicon
from claimledger.models import Claim, Document
from claimledger.names.claimants import use_aliases


class Extractor:
    """Claims from documents, with the resources its settings name (loaded once)."""

    def __init__(self, settings: ExtractorSettings | None = None, nlp: Language | None = None):
        self.settings = settings if settings is not None else ExtractorSettings()
        self._nlp = nlp
        folder = self.settings.lexicon_dir
        self.lexicon: Lexicon = load_lexicon(Path(folder)) if folder else shipped_lexicon()
        weights = self.settings.cue_model_file
        self.cue_model: CueModel = (
            CueModel.from_json(json.loads(Path(weights).read_text(encoding="utf-8")))
            if weights
            else shipped_model()
        )

    @property
    def nlp(self) -> Language:
        """The spaCy pipeline, loaded on first use (once per process and model name)."""
        if self._nlp is None:
            self._nlp = load_nlp(self.settings.model)
        return self._nlp

    def attributions(
        self, parsed: Doc, nested: bool = True, negated: bool = False
    ) -> list[Attribution]:
        """Who said what in a parsed document (see `find_attributions`)."""
        use_aliases(self.settings.user_aliases)
        return find_attributions(
            parsed,
            nested=nested,
            negated=negated,
            disabled=self.settings.disabled_rules,
            lexicon=self.lexicon,
            cue_model=self.cue_model,
        )

    def claims_from_parsed(self, document: Document, parsed: Doc) -> list[Claim]:
        """The claims of a document already parsed by `nlp`."""
        keep_text(parsed, document.text)
        found = self.attributions(parsed)
        # The claim-level rules read the same lexicon the attribution rules were given.
        with using_lexicon(self.lexicon):
            return claims_from_parsed(document, parsed, found, self.settings.disabled_rules)

    def claims(self, document: Document) -> list[Claim]:
        """Every attributed claim in one document, with its figures and dates."""
        return self.claims_from_parsed(document, self.nlp(document.text))

    def many(
        self, documents: Iterable[Document], batch_size: int = 16
    ) -> Iterator[tuple[Document, list[Claim]]]:
        """Stream (document, claims) pairs, parsing in batches; memory stays flat."""
        pending: list[Document] = []
        for document in documents:
            pending.append(document)
            if len(pending) >= batch_size:
                yield from self._flush(pending, batch_size)
                pending = []
        if pending:
            yield from self._flush(pending, batch_size)

    def _flush(
        self, pending: list[Document], batch_size: int
    ) -> Iterator[tuple[Document, list[Claim]]]:
        parsed_docs = self.nlp.pipe((d.text for d in pending), batch_size=batch_size)
        for document, parsed in zip(pending, parsed_docs, strict=True):
            yield document, self.claims_from_parsed(document, parsed)
