"""The public entry points: `document -> claims` for the CLI, the server and the Ray runner.

`extract_claims` and `extract_many` run an `Extractor` (extractor.py) built from the settings
given, or from `ExtractorSettings.from_environment()` when none are: these two functions are an
edge, like the CLI. The spaCy model is loaded once per process (`load_nlp`) and documents are
parsed in batches with `nlp.pipe`, which is where the time goes.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc

from claimledger.extract.claims import claims_from_parsed
from claimledger.extract.extractor import Extractor
from claimledger.extract.nlp import MODEL_NAME, load_nlp, paragraph_breaks
from claimledger.extract.settings import ExtractorSettings
from claimledger.models import Claim, Document

__all__ = [
    "MODEL_NAME",
    "Extractor",
    "ExtractorSettings",
    "claims_from_parsed",
    "extract_claims",
    "extract_many",
    "load_nlp",
    "paragraph_breaks",
    "parse",
]


def parse(nlp: Language, texts: Iterable[str], batch_size: int = 16) -> Iterator[Doc]:
    """Parse texts in batches; a single place to tune how spaCy is driven."""
    yield from nlp.pipe(texts, batch_size=batch_size)


def extract_claims(
    document: Document, nlp: Language | None = None, settings: ExtractorSettings | None = None
) -> list[Claim]:
    """Every attributed claim in one document, with its figures and dates.

    Example:
        >>> doc = Document(doc_id="x", doc_path="x.txt", text='"We will win," Aliyev said.')
        >>> [c.claimant for c in extract_claims(doc)]  # doctest: +SKIP
        ['Ilham Aliyev']
    """
    return _extractor(nlp, settings).claims(document)


def extract_many(
    documents: Iterable[Document],
    nlp: Language | None = None,
    batch_size: int = 16,
    settings: ExtractorSettings | None = None,
) -> Iterator[tuple[Document, list[Claim]]]:
    """Stream (document, claims) pairs; memory stays flat however many documents come in."""
    yield from _extractor(nlp, settings).many(documents, batch_size=batch_size)


def _extractor(nlp: Language | None, settings: ExtractorSettings | None) -> Extractor:
    settings = settings if settings is not None else ExtractorSettings.from_environment()
    return Extractor(settings, nlp)
