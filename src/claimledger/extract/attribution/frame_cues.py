"""Frame cues: a phrase that names where a claim comes from without a reporting verb.

"In a CBS News poll released Monday, 52 percent of voters backed the plan": the poll is the
source and the clause after the comma its finding. PolNeAR annotates these as attributions with
"in" as the cue; a verb rule never sees them, as "backed" reports nothing.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from claimledger.extract.attribution.verb_cues import TokenRange
from claimledger.lexicon import words as lexicon_words


def frame_cue(tok: Token) -> tuple[TokenRange, Span | None] | None:
    """ "In a poll released Monday, <clause>": the clause and the poll's noun phrase, when `tok`
    is the poll noun of a sentence-opening "in" phrase set off by a comma; else None.

    Only the opening position: "Trump leads in the polls" is the writer's summary, not a poll's
    finding, in six of seven PolNeAR train cases.
    """
    if tok.dep_ != "pobj" or tok.lemma_.lower() not in lexicon_words("finding_nouns"):
        return None
    prep = tok.head
    if prep.lower_ != "in" or not prep.is_sent_start:
        return None
    head = prep.head
    doc = tok.doc
    comma = prep.right_edge.i + 1
    if head.pos_ not in ("VERB", "AUX") or head.i <= comma or doc[comma].text != ",":
        return None
    last = head.right_edge.i
    while last > comma and doc[last].is_punct:
        last -= 1
    if last <= comma + 1:
        return None
    return (comma + 1, last), doc[tok.left_edge.i : tok.right_edge.i + 1]
