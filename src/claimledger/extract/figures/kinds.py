"""Whether a figure is a running total or an increment (`kind`): "54 more", "230 new",
"another 20" are incremental; "so far", "since", "has reached" make it cumulative.

Split from `counted.py`, which reads what the figure counts."""

from __future__ import annotations

from spacy.tokens import Span, Token

from claimledger.extract.figures.counted import first_verb, is_core
from claimledger.lexicon import shipped_lexicon
from claimledger.lexicon import words as lexicon_words
from claimledger.models import Kind

# The running-total wording (data/lexicon/running_total_phrases.txt).
_CUMULATIVE = shipped_lexicon().pattern("running_total_phrases")
_CLAUSE_DEPS = {"ccomp", "advcl", "relcl", "parataxis", "csubj", "xcomp"}


def kind_of(phrase: Span, root: Token, counted: Token | None) -> Kind | None:
    """Incremental ("54 more", "230 new", "another 20") or cumulative ("so far", "since")."""
    doc = phrase.doc
    words = [t.lower_ for t in phrase]
    cores = [i for i, t in enumerate(phrase) if is_core(t)]
    after = words[cores[-1] + 1 :] if cores else []
    modifiers = [c.lower_ for c in counted.children if c.dep_ == "amod"] if counted else []
    nxt = doc[phrase.end].lower_ if phrase.end < len(doc) else ""
    if "more" in after or set(words[:2]) & {"another", "further", "additional"}:
        return "incremental"  # "54 more", "another 20", "a further 30", "an additional 12"
    if nxt in lexicon_words("incremental_words") or set(modifiers) & lexicon_words(
        "incremental_words"
    ):
        return "incremental"  # "230 new mercenaries", "300 additional troops"
    verb = first_verb(counted or root) or root.sent.root
    clause = _clause_text(verb, {t.i for t in phrase})
    if _CUMULATIVE.search(clause):
        return "cumulative"
    return None


def _clause_text(verb: Token, keep: set[int]) -> str:
    """The verb's own clause: its subtree minus embedded clauses that do not hold the figure."""
    skip: set[int] = set()
    for child in verb.children:
        if child.dep_ in _CLAUSE_DEPS or (child.dep_ == "conj" and child.pos_ == "VERB"):
            sub = {t.i for t in child.subtree}
            if not sub & keep:
                # Keep the clause's marker: "have died since the fighting began".
                skip |= sub - {c.i for c in child.children if c.dep_ == "mark"}
    return " ".join(t.lower_ for t in verb.subtree if t.i not in skip)
