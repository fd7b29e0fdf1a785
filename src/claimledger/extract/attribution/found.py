"""Intermediate records of the extraction core (not exported)."""

from __future__ import annotations

from dataclasses import dataclass, field

from claimledger.models import Mode, Span, Stance


@dataclass
class Attribution:
    """Who said what, as found in one parsed document. Offsets index the document text.

    `source_spans` is empty for an unattributed statement (the outlet speaks) or a sourceless
    cue ("it is feared that"). `speaker` is the name the source mention resolves to inside the
    document (``he`` -> ``Sergei Lavrov``), before canonicalisation across documents.
    """

    content_spans: list[Span]
    cue_spans: list[Span] = field(default_factory=list)
    source_spans: list[Span] = field(default_factory=list)
    mode: Mode = "indirect"
    stance: Stance = "assert"
    hedged: bool = False
    # The sentence(s) holding the claim: [start, end) over the document text.
    sentence_span: Span = (0, 0)
    # The source mention as written ("he", "the ministry", "Lavrov") and what it resolves to.
    mention: str | None = None
    speaker: str | None = None
    # spaCy entity label of the resolved speaker when known: PERSON, ORG, GPE, NORP, or None.
    speaker_label: str | None = None
    # The name of the rule that found it (see `cascade.RULES`).
    rule: str | None = None
