"""Dependency rules around one reporting verb: is it a cue, and what is its content (who its source
is lives in `sources.py`).

Pure functions over spaCy tokens; `cue_rules.py` and `cascade.py` string them together. Token ranges
are inclusive (first, last) pairs of token indices.
"""

from __future__ import annotations

from bisect import bisect_right

from spacy.tokens import Doc, Span, Token

from claimledger.extract.attribution.cue_objects import (
    clause_on_prep_object,
    figure_object,
    tally_at,
)
from claimledger.lexicon import active_lexicon, shipped_lexicon, words

TokenRange = tuple[int, int]
ANSWER_DEPS = frozenset(
    {"advmod", "intj", "dobj", "ccomp", "attr", "npadvmod", "acomp", "dep", "oprd"}
)
# Relative pronouns, for `sources.py`, which imports the name (the rules here read the list).
RELATIVE = shipped_lexicon().words("relative_pronouns")
FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP"})


class Sentences:
    """Sentence bounds looked up by token index in O(log n).

    `Token.sent` re-checks the whole document's annotation on every call, which made the
    extractor quadratic; this index is built once per document instead.
    """

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.spans = list(doc.sents)
        self._starts = [s.start for s in self.spans]

    def of(self, i: int) -> Span:
        """The sentence holding token `i`."""
        return self.spans[max(bisect_right(self._starts, i) - 1, 0)]


def content_preps(lemma: str) -> tuple[str, ...]:
    """The prepositions that carry a cue's content ("spoke of", "warned about")."""
    return active_lexicon().mapping("content_preps").get(lemma, ())


def is_cue_verb(tok: Token, loose: bool = False, negated: bool = False) -> bool:
    """Whether `tok` is a reporting verb. `loose` asks only "can it introduce a quotation?";
    `negated` lets a negated verb count ("did not say whether")."""
    if tok.pos_ != "VERB":
        return False
    lemma = tok.lemma_.lower()
    if lemma == "make" and not loose:
        return _made_clear(tok) is not None and (
            negated or not any(c.dep_ == "neg" for c in tok.children)
        )
    if not loose and lemma in words("figure_object_verbs"):
        return figure_object(tok) is not None and (
            negated or not any(c.dep_ == "neg" for c in tok.children)
        )
    if not loose and lemma in words("tally_verbs") and tally_at(tok) is not None:
        return negated or not any(c.dep_ == "neg" for c in tok.children)
    if lemma not in (words("quote_verbs") if loose else words("speech_verbs")):
        return False
    if tok.dep_ in ("amod", "acl") and tok.tag_ == "VBN" and not misread_main_verb(tok):
        return False  # "the declared independence", "a report issued by"
    if not negated and any(c.dep_ == "neg" for c in tok.children):
        return False  # "did not report": nothing is claimed
    if loose:
        return True
    if lemma in words("needs_prep"):
        preps = content_preps(lemma)
        return (
            any(
                (c.dep_ == "prep" and c.lower_ in preps)
                or (c.dep_ == "prt" and c.lower_ in ("out", "in"))
                or c.dep_ in ("ccomp", "oprd")
                or (c.dep_ == "xcomp" and lemma in ("push", "vote"))
                for c in tok.children
            )
            or (lemma in words("for_clause_verbs") and _for_clause(tok) is not None)
            or (lemma in words("as_verbs") and _as_complement(tok) is not None)
        )
    return True


def _range(tok: Token) -> TokenRange:
    return tok.left_edge.i, tok.right_edge.i


def _made_clear(verb: Token) -> Token | None:
    """What "made (it) clear" reports: the clause or object after "clear", or None."""
    clear = next(
        (c for c in verb.children if c.lower_ == "clear" and c.dep_ in ("oprd", "ccomp", "acomp")),
        None,
    )
    if clear is None:
        return None
    for head in (clear, verb):
        for c in head.children:
            if c.i > clear.i and (
                c.dep_ in ("ccomp", "dobj") or (c.dep_ == "advcl" and c.left_edge.lower_ == "that")
            ):
                return c
    return None


def verb_content(verb: Token) -> list[TokenRange]:
    """Token ranges of what the verb reports, in priority order of the complement found."""
    lemma = verb.lemma_.lower()
    if lemma == "make":
        clause = _made_clear(verb)
        return [] if clause is None else [(clause.left_edge.i, clause.right_edge.i)]
    children = list(verb.children)
    ccomps = [c for c in children if c.dep_ == "ccomp"]
    if any(c.i < verb.i for c in ccomps):
        # '"...," said Harutyunyan adding': a right ccomp glued to the verb is a misparsed subject.
        ccomps = [c for c in ccomps if c.i < verb.i or c.left_edge.i != verb.i + 1]
    if ccomps:
        ranges = [_range(c) for c in ccomps]
        final = ccomps[-1]
        if final.i > verb.i:
            # "informs that A, B, the rest C": clauses conjoined to the cue continue its content.
            end = final.right_edge.i
            for c in children:
                if (
                    c.i > final.i
                    and c.dep_ in ("conj", "parataxis")
                    and not is_cue_verb(c)
                    and not _second_predicate(c)
                ):
                    end = max(end, c.right_edge.i)
            ranges[-1] = (ranges[-1][0], end)
        return ranges
    if (on_noun := clause_on_prep_object(verb)) is not None:
        return [on_noun]
    if lemma in words("figure_object_verbs"):
        counted = figure_object(verb)
        return [] if counted is None else [_range(counted)]
    if lemma in words("tally_verbs") and (set_at := tally_at(verb)) is not None:
        return [set_at]
    if lemma in words("clause_only_verbs"):
        return []
    if lemma in words("answer_verbs") and (answer := _answer(verb)) is not None:
        # "55 percent said so", "voters said yes", "he doesn't think so": the answer is the content.
        return [(answer.i, answer.i)]
    if verb.dep_ == "parataxis" and verb.head.i != verb.i:
        # "The war, he said, will end soon": the host clause minus the parenthetical.
        head = verb.head
        lo, hi = verb.left_edge.i, verb.right_edge.i
        out = [(head.left_edge.i, lo - 1), (hi + 1, head.right_edge.i)]
        return [(a, b) for a, b in out if a <= b]
    preps = content_preps(lemma)
    xcomp = next((c for c in children if c.dep_ == "xcomp"), None)
    dobj = next((c for c in children if c.dep_ in ("dobj", "obj")), None)
    if lemma in words("for_clause_verbs") and (for_clause := _for_clause(verb)) is not None:
        return [for_clause]
    if lemma in words("as_verbs") and (as_comp := _as_complement(verb)) is not None:
        return [(as_comp[0].left_edge.i, as_comp[1].right_edge.i)]
    for c in children:
        if c.dep_ == "prep" and c.lower_ in preps:
            pobj = next((p for p in c.children if p.dep_ in ("pobj", "pcomp")), None)
            if pobj is None or pobj.ent_type_ in ("DATE", "TIME"):
                continue  # "reported on Wednesday": a day, not what was reported
            last = _with_infinitive(verb, pobj)
            if xcomp is not None and xcomp.i > pobj.i:
                last = max(last, xcomp.right_edge.i)
            first = (
                dobj.left_edge.i
                if (dobj is not None and (lemma == "accuse" or lemma in words("as_verbs")))
                else pobj.left_edge.i
            )
            return [(first, last)]
    if xcomp is not None and lemma in words("xcomp_verbs"):
        first = xcomp.left_edge.i
        if dobj is not None and dobj.i < xcomp.i and lemma not in ("tell",):
            first = dobj.left_edge.i
        return [(first, xcomp.right_edge.i)]
    if dobj is not None and (lemma in words("object_content_verbs") or lemma == "call"):
        last = _with_infinitive(verb, dobj)
        # "reported 19 civilians killed", "criticized Clinton for her emails": a trailing
        # predicate or reason belongs to the object.
        for c in children:
            if c.i > dobj.i and (
                c.dep_ in ("oprd", "xcomp", "ccomp")
                or (c.dep_ == "conj" and not is_cue_verb(c) and not _second_predicate(c))
                or (
                    c.dep_ == "prep"
                    and c.lower_ in words("object_preps")
                    and lemma in words("evaluation_verbs")
                )
                # "cited the remarks as proof of X", "painted him as out of touch"
                or (c.dep_ == "prep" and c.lower_ == "as")
            ):
                last = max(last, c.right_edge.i)
        if dobj.pos_ != "PRON" or last > dobj.i:
            return [(dobj.left_edge.i, last)]
    return _fallback_content(verb, children, xcomp, dobj)


def _answer(verb: Token) -> Token | None:
    """The answer word after the verb ("said yes", "think so"), not a clause-opening "so"."""
    for c in verb.children:
        if c.i > verb.i and c.lower_ in words("answer_words") and c.dep_ in ANSWER_DEPS:
            return c
    return None


def _with_infinitive(verb: Token, obj: Token) -> int:
    """Where an object content ends when the parser hung the object's infinitive on the cue:
    "decried his calls to ban the rally", "called for the board to resign". A purpose clause
    ("invoked the floods to rally supporters") stays out."""
    last = obj.right_edge.i
    if obj.lemma_.lower() not in words("infinitive_nouns") and obj.head.lower_ != "for":
        return last
    for c in verb.children:
        if (
            c.dep_ == "advcl"
            and c.left_edge.i == last + 1
            and c.left_edge.tag_ == "TO"
            and c.left_edge.head.i == c.i
        ):
            return c.right_edge.i
    return last


def _second_predicate(conj: Token) -> bool:
    """Whether a verb conjoined to the cue is its subject's next act, not more content:
    "criticized the plan and challenged him to a debate" (a finite verb right after "and",
    with no subject of its own)."""
    if conj.dep_ != "conj" or conj.pos_ != "VERB":
        return False
    if any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in conj.children):
        return False
    finite = conj.tag_ in FINITE_TAGS or any(
        c.dep_ in ("aux", "auxpass") and c.tag_ in FINITE_TAGS | {"MD"} for c in conj.children
    )
    cc = next((c for c in conj.head.children if c.dep_ == "cc" and c.i < conj.i), None)
    if not finite or cc is None:
        return False
    between = conj.doc[cc.i + 1 : conj.i]
    return all(t.pos_ in ("ADV", "AUX", "PART") for t in between)


def reporting_conj(cc: Token) -> Token | None:
    """The subjectless cue verb a conjunction joins to a reported clause, which the parser
    should have joined to the cue: "said [the plan failed] and called for a vote"."""
    head = cc.head
    conj = next((c for c in head.children if c.dep_ == "conj" and c.i > cc.i), None)
    if conj is None or head.dep_ != "ccomp" or not is_cue_verb(head.head):
        return None
    if not _second_predicate(conj) or not is_cue_verb(conj, negated=True):
        return None
    if conj.tag_ != head.head.tag_ and not is_cue_verb(conj, loose=True):
        return None  # "say he posed a threat and refused to drop it": the clause's own verbs
    return conj


def _for_clause(verb: Token) -> TokenRange | None:
    """ "calling for the US to step up": the parser's "for"-marked clause after the cue."""
    for c in verb.children:
        if c.dep_ == "advcl" and c.i > verb.i:
            mark = next((m for m in c.children if m.dep_ == "mark" and m.lower_ == "for"), None)
            if mark is not None and mark.i == c.left_edge.i and mark.i + 1 < c.i:
                return mark.i + 1, c.right_edge.i
    return None


def _as_complement(verb: Token) -> tuple[Token, Token] | None:
    """ "sees Netanyahu as captured by ...": the object and the clause the parser hung "as" on
    (an adverbial clause or a modifier marked by "as"), or None."""
    dobj = next((c for c in verb.children if c.dep_ in ("dobj", "obj")), None)
    if dobj is None:
        return None
    for c in verb.children:
        if (
            c.i > dobj.i
            and c.dep_ in ("advcl", "oprd", "xcomp", "acomp")
            and c.left_edge.lower_ == "as"
            and c.left_edge.i == dobj.right_edge.i + 1
        ):
            return dobj, c
    return None


def _fallback_content(
    verb: Token, children: list[Token], xcomp: Token | None, dobj: Token | None
) -> list[TokenRange]:
    """What a cue with none of its usual complements reports: its infinitive, its object with
    what follows it ("blamed China for the losses"), or its passive subject."""
    if xcomp is not None and xcomp.i > verb.i:
        first = dobj.left_edge.i if dobj is not None and dobj.i < xcomp.i else xcomp.left_edge.i
        return [(first, xcomp.right_edge.i)]
    predicates = [c for c in children if c.dep_ == "oprd" and c.i > verb.i]
    if dobj is None and predicates:
        # "called both X and Y “reckless”": the parser made the object a predicate too.
        return [(predicates[0].left_edge.i, predicates[-1].right_edge.i)]
    if dobj is not None and dobj.i > verb.i:
        last = _with_infinitive(verb, dobj)
        for c in children:
            if c.i > dobj.i and (
                c.dep_ in ("oprd", "xcomp", "ccomp", "acomp")
                or (c.dep_ == "prep" and c.lower_ not in words("adjunct_preps"))
            ):
                last = max(last, c.right_edge.i)
        if dobj.pos_ != "PRON" or last > dobj.i:
            return [(dobj.left_edge.i, last)]
    for c in children:
        if c.dep_ == "prep" and c.i > verb.i and c.lower_ in words("report_preps"):
            pobj = next((p for p in c.children if p.dep_ in ("pobj", "pcomp")), None)
            if pobj is not None and pobj.ent_type_ not in ("DATE", "TIME"):
                return [(pobj.left_edge.i, pobj.right_edge.i)]
    subj = next((c for c in children if c.dep_ == "nsubjpass"), None)
    if subj is not None and subj.lower_ not in words("relative_pronouns") and subj.pos_ != "PRON":
        return [(subj.left_edge.i, subj.right_edge.i)]
    return []


def misread_main_verb(tok: Token) -> bool:
    """A sentence's reporting verb the parser hung on its subject as a participle: "A conflict
    monitor, the Valley Security Project, reported on Friday that ..." (a participle modifying
    a noun never takes a that-clause; "a report issued by" has none)."""
    if tok.dep_ != "acl" or tok.head.dep_ != "ROOT" or tok.head.pos_ not in ("NOUN", "PROPN"):
        return False
    return any(
        c.dep_ == "ccomp" and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)
        for c in tok.children
    )
