"""Who holds a cue: the source of an attribution read off the parse.

The verb's subject, or its host's for "..., adding that" and "but said"; the agent of a passive;
a count the parser left as a modifier ("About 4 in 10 say"); the name right after an inverted
cue ("said Lavrov"); the noun phrase before a cue the parser left subjectless. Pure functions
over spaCy tokens, used by every cue rule.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from claimledger.extract.attribution.cue_extent import QUOTE_CHARS
from claimledger.extract.attribution.verb_cues import (
    FINITE_TAGS,
    RELATIVE,
    Sentences,
    TokenRange,
    misread_main_verb,
    reporting_conj,
)
from claimledger.lexicon import words

# Dependencies through which a cue inherits its host's subject: "adding that", "but said",
# "began by saying" (pcomp under prep).
INHERIT_DEPS = frozenset({"conj", "advcl", "xcomp", "pcomp", "prep", "acomp"})


def trailing_cue_parts(verb: Token, sents: Sentences) -> tuple[TokenRange, Span] | None:
    """ "<content>, <noun phrase> <verb>" read off the surface when the parse has no subject.

    Returns the content token range and the source span, or None when the shape differs.
    """
    doc = verb.doc
    sent = sents.of(verb.i)
    k = verb.i - 1
    while k > sent.start and doc[k].text != "," and verb.i - k <= 12:
        if doc[k].text in '"“”':
            return None
        if doc[k].pos_ in ("VERB", "AUX") and not _modifies_noun(doc[k]):
            return None
        k -= 1
    if k <= sent.start or doc[k].text != "," or k + 1 >= verb.i:
        return None
    if not any(t.pos_ in ("PROPN", "NOUN") for t in doc[k + 1 : verb.i]):
        return None
    return (sent.start, k - 1), doc[k + 1 : verb.i]


def _modifies_noun(tok: Token) -> bool:
    """A participle inside a noun phrase: "the Moscow-backed militia", "the so-called council"."""
    return tok.dep_ in ("amod", "compound") and tok.head.pos_ in ("NOUN", "PROPN")


def inverted_subject(verb: Token) -> Span | None:
    """The proper name right after a verb the parser left subjectless: '"...," said Lavrov'."""
    doc = verb.doc
    i = verb.i + 1
    start = i
    while i < len(doc) and (doc[i].pos_ == "PROPN" or doc[i].tag_ == "POS"):
        i += 1
    return doc[start:i] if i > start else None


def subject_of(verb: Token) -> Span | None:
    """The source: the verb's subject, or its host's for "..., adding that"/"but said"."""
    doc = verb.doc
    if misread_main_verb(verb):
        # "A conflict monitor, the Valley Security Project, reported that ...": the noun phrase
        # the parser hung the verb on, with its apposition, is the subject.
        head = verb.head
        end = verb.i
        while end > head.i and doc[end - 1].is_punct:
            end -= 1
        return doc[head.left_edge.i : end]
    if (
        verb.tag_ == "VBN"
        and verb.dep_ in ("advcl", "acl")
        and not any(c.dep_ in ("nsubj", "aux", "auxpass", "agent") for c in verb.children)
    ):
        return None  # "Asked about the vote, she ...": the asker is nobody named
    cur = verb
    for _ in range(6):
        for c in cur.children:
            if c.dep_ == "nsubj":
                if c.lower_ in RELATIVE and cur.dep_ == "relcl":
                    # PolNeAR marks the relative pronoun itself; `antecedent` names it.
                    return doc[c.i : c.i + 1]
                if c.lower_ in ("there",):
                    return None
                end = _subject_end(c)
                # "the army's news center Armenian Unified Infocenter also reports": a name
                # the parser made a second subject right after the first belongs to it.
                second = next(
                    (s for s in cur.children if s.dep_ == "nsubj" and s.left_edge.i == end + 1),
                    None,
                )
                if second is not None:
                    end = _subject_end(second)
                return doc[c.left_edge.i : end + 1]
            if c.dep_ == "agent":
                pobj = next((p for p in c.children if p.dep_ == "pobj"), None)
                if pobj is not None:
                    return doc[pobj.left_edge.i : pobj.right_edge.i + 1]
        if any(c.dep_ == "nsubjpass" for c in cur.children):
            return None
        count = _count_subject(cur)
        if count is not None:
            return count
        if cur.dep_ == "acl" and cur.tag_ == "VBG" and cur.head.i != cur.i:
            noun = cur.head
            if noun.lemma_.lower() not in words("medium_nouns"):
                # "a super PAC backing Bush": the modified noun holds the position.
                return doc[noun.left_edge.i : noun.i + 1]
            # "issued a statement condemning the attack": whoever issued it.
            cur = noun.head if noun.head.i != noun.i else noun
            if cur.pos_ not in ("VERB", "AUX"):
                return None
            continue
        held = _subject_under_aux(cur)
        if held is not None:
            return held
        if cur.dep_ == "advcl" and _contrasts(cur):
            break  # "X does not publish its losses, while Y listed 800": Y's, never X's
        if cur.dep_ in INHERIT_DEPS and cur.head.i != cur.i:
            cc = next((c for c in cur.head.children if c.dep_ == "cc" and c.i < cur.i), None)
            if cc is not None and reporting_conj(cc) is not None and cur.head.head.i != cur.i:
                cur = cur.head.head  # "said [X] and called for Y": the first cue's subject
            else:
                cur = cur.head
            continue
        break
    return _stranded_subject(verb) if cur.i == verb.i else None


def _contrasts(clause: Token) -> bool:
    """Opened by a contrast (`contrast_marks`): its cue never takes the host's subject."""
    return any(
        c.dep_ == "mark" and c.lower_ in words("contrast_marks")
        for c in clause.subtree
        if c.i < clause.i
    )


def _subject_under_aux(verb: Token) -> Span | None:
    """ "while Nagorno-Karabakh had by then listed 800": the parser hung the subject on the
    auxiliary instead of the verb."""
    for aux in verb.children:
        if aux.dep_ == "aux" and aux.i < verb.i:
            subject = next((c for c in aux.children if c.dep_ == "nsubj"), None)
            if subject is not None:
                return verb.doc[subject.left_edge.i : _subject_end(subject) + 1]
    return None


# Words that may stand between a stranded subject and its verb: "X, the club's manager, also said".
BRIDGE_DEPS = frozenset({"aux", "neg", "advmod", "punct"})


def _stranded_subject(verb: Token) -> Span | None:
    """The noun phrase right before a finite verb the parser left without a subject, having
    hung the phrase on an earlier word: "At the club, Jay Ortiz, its manager, suggested ..."."""
    doc = verb.doc
    finite = verb.tag_ in FINITE_TAGS or any(
        c.dep_ == "aux" and c.tag_ in FINITE_TAGS | {"MD"} for c in verb.children
    )
    if not finite or verb.dep_ not in ("ROOT", "dep", "advcl"):
        return None
    k = verb.i - 1
    while k >= 0 and (
        doc[k].text == "," or (doc[k].head.i == verb.i and doc[k].dep_ in BRIDGE_DEPS)
    ):
        if doc[k].text in QUOTE_CHARS or (doc[k].is_punct and doc[k].text != ","):
            return None
        k -= 1
    if k < 0 or doc[k].pos_ not in ("NOUN", "PROPN") or "\n" in doc[k].whitespace_:
        return None
    tok = doc[k]
    # climb from the phrase's last word to its head, through titles and appositions
    while tok.head.i < tok.i and tok.dep_ in ("compound", "appos", "conj", "pobj", "prep"):
        comma = any(t.text == "," for t in doc[tok.head.i : tok.i])
        if comma and (tok.dep_ == "conj" or (tok.dep_ == "appos" and tok.head.dep_ == "pobj")):
            break  # "In Nevada, Senator Harry Reid": a place, not the same name
        tok = tok.head
        if tok.pos_ not in ("NOUN", "PROPN", "ADP"):
            return None
    if tok.pos_ == "ADP" or _under_complement(tok, verb):
        return None
    first = tok.left_edge.i
    if first >= verb.i or any(t.pos_ in ("VERB", "AUX") and t.i > tok.i for t in doc[first:k]):
        return None
    return doc[first : k + 1]


def _under_complement(tok: Token, verb: Token) -> bool:
    """Whether `tok` sits in one of the verb's complements (then it is part of what is said,
    not who says it): '"Kasich offered him a job," says the man'."""
    cur = tok
    while cur.head.i != cur.i:
        if cur.head.i == verb.i:
            return cur.dep_ in ("ccomp", "parataxis", "dobj", "xcomp", "conj") or cur.i > verb.i
        cur = cur.head
    return False


def _count_subject(verb: Token) -> Span | None:
    """ "About 4 in 10 say ...", "Less than a third agreed ...": a count the parser left as a
    number or adverbial modifier instead of the subject."""
    if verb.pos_ not in ("VERB", "AUX"):
        return None
    for c in verb.lefts:
        if (
            c.dep_ in ("nummod", "npadvmod")
            and c.left_edge.i == verb.left_edge.i
            and any(t.pos_ == "NUM" or t.lower_ in words("share_words") for t in c.subtree)
        ):
            return verb.doc[c.left_edge.i : c.right_edge.i + 1]
    return None


def antecedent(source: Span) -> Span:
    """The noun phrase a relative-pronoun source stands for ("officials who said" -> officials);
    any other source stands for itself."""
    if len(source) != 1:
        return source
    tok = source[0]
    clause = tok.head
    if tok.lower_ not in RELATIVE or clause.dep_ != "relcl" or clause.head.i == clause.i:
        return source
    host = clause.head
    return source.doc[host.left_edge.i : host.i + 1]


def _subject_end(subject: Token) -> int:
    """Right edge of a subject, cutting a medium phrase the parser hung on it
    ("Harutyunyan in a social media post on Tuesday")."""
    for c in subject.rights:
        if c.dep_ == "prep":
            pobj = next((p for p in c.children if p.dep_ == "pobj"), None)
            if pobj is not None and pobj.lower_ in words("cue_media"):
                return c.i - 1
    return subject.right_edge.i


def relays_a_named_body(verb: Token) -> bool:
    """A quotation passing on a named body's statement: '"The Defence Ministry informs that
    9,000 have returned ...," the paper said'. The body is the innermost source of what
    follows "that"; a quoted speaker's own "we said" or "he told me" is not such a report."""
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in words("speech_verbs"):
        return False
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None or subject.ent_type_ not in ("ORG", "GPE", "NORP", "PERSON"):
        return False
    said = next((c for c in verb.children if c.dep_ == "ccomp"), None)
    return said is not None and any(c.dep_ == "mark" and c.lower_ == "that" for c in said.children)
