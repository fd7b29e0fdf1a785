"""What a cue's object or prepositional noun holds, where the parser hung a report off them.

Two shapes of war reporting the parse gets wrong: a counted object of a counting verb ("the
monitor recorded 19 deaths") and a reported clause hung on the noun of "said in a statement
that ...". Both are read here from the verb's children; `verb_cues.py` decides what is a cue.
"""

from __future__ import annotations

from spacy.tokens import Token

from claimledger.lexicon import words as lexicon_words


def figure_object(verb: Token) -> Token | None:
    """The object of a counting verb when it holds a figure: "the monitor recorded 19 deaths",
    "the office documented 315 killings" (a count published is a claim; "recorded a song" is not).
    """
    for c in verb.children:
        if (
            c.dep_ in ("dobj", "obj")
            and c.i > verb.i
            and any(t.like_num or t.pos_ == "NUM" for t in c.subtree)
        ):
            return c
    return None


def tally_at(verb: Token) -> tuple[int, int] | None:
    """ "The ministry put the death toll at 45", "the report places the wounded toll at 70":
    a tally set at a figure is a report of it; the tokens from the tally to the figure."""
    tallies = lexicon_words("tally_nouns")
    tally = next(
        (c for c in verb.children if c.dep_ == "dobj" and c.lemma_.lower() in tallies), None
    )
    if tally is None:
        return None
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ == "at" and prep.i > tally.i:
            figure = next((c for c in prep.children if c.dep_ == "pobj"), None)
            if figure is not None and any(t.like_num for t in figure.subtree):
                return tally.left_edge.i, figure.right_edge.i
    return None


def clause_on_prep_object(verb: Token) -> tuple[int, int] | None:
    """'said in a statement that 23 soldiers were killed': the parser hangs the reported clause
    on the noun of the prepositional phrase ("statement", "analysis", "post") instead of the cue.
    """
    for prep in verb.children:
        if prep.dep_ != "prep" or prep.i < verb.i:
            continue
        for pobj in prep.children:
            if pobj.dep_ != "pobj":
                continue
            for clause in pobj.children:
                if (
                    clause.dep_ in ("acl", "ccomp", "relcl")
                    and clause.i > pobj.i
                    and any(m.dep_ == "mark" and m.lower_ == "that" for m in clause.children)
                ):
                    return clause.left_edge.i, clause.right_edge.i
    return None
