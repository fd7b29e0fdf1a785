"""The rules that find a claim at one token, and the colon headline rule over sentences.

Each token rule takes a token and the document's context and returns a `Draft` or None; the
cascade (`cascade.TOKEN_RULES`) tries them in order and keeps the first draft found:

- `according_to`: "According to X, <content>": the clause around the phrase, X the source.
- `reporting_verb`: a verb of the lexicon ("said", "told", "denied", "urged", "spoke of"): the
  content is its clausal complement or, for "reported"/"confirmed", its object; the source is
  its subject, inherited through "adding that"/"but said" chains; "..., said Lavrov" too.
- `learned_verb`: a verb the lexicon leaves out that the learned cue model reads as a cue.
- `nominal_cue`: a noun or adjective cue ("Trump's claim that ...", "she is sure that ...").
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from claimledger.extract.attribution.cue_extent import cue_tokens, trim_range
from claimledger.extract.attribution.cue_model import learned_cue
from claimledger.extract.attribution.drafts import Draft, char_range, covered, strip_final
from claimledger.extract.attribution.nominal_cues import nominal_cue
from claimledger.extract.attribution.relays import back_reference, quoted_speaker, what_someone_said
from claimledger.extract.attribution.sources import (
    inverted_subject,
    subject_of,
    trailing_cue_parts,
)
from claimledger.extract.attribution.verb_cues import Sentences, is_cue_verb, verb_content
from claimledger.extract.context import DocContext
from claimledger.extract.stance import stance_of
from claimledger.lexicon import words as lexicon_words

# Parts of speech a token rule can start from: the verb rules need a VERB, the nominal rule a
# NOUN or ADJ; the other two rules start only at "according" and at "cite".
CUE_POS = frozenset({"VERB", "NOUN", "ADJ"})


def may_start_cue(tok: Token) -> bool:
    """False where every token rule below returns None, read off their first tests: the cascade
    skips such tokens (most of a text) instead of running five rules that each say no. A new
    token rule starting elsewhere must widen this (tests check it over whole articles)."""
    return tok.pos_ in CUE_POS or tok.lower_ == "according" or tok.lemma_.lower() == "cite"


def according_to(tok: Token, ctx: DocContext) -> Draft | None:
    return _from_according(tok, ctx.sents) if tok.lower_ == "according" else None


def citing_source(tok: Token, ctx: DocContext) -> Draft | None:
    """ "Death counts have now risen to 21, citing Hurriyet News": a closing "citing X" on a
    clause that is no report itself makes the clause X's (the outlet only passes it on)."""
    if tok.lemma_.lower() != "cite" or tok.tag_ != "VBG" or tok.dep_ != "advcl":
        return None
    host = tok.head
    source = next((c for c in tok.children if c.dep_ == "dobj"), None)
    if source is None or host.i > tok.i or is_cue_verb(host) or tok.left_edge.i <= host.i:
        return None
    doc = tok.doc
    content = char_range(doc, host.left_edge.i, tok.left_edge.i - 1)
    if content is None:
        return None
    return Draft(
        content=[content],
        cue=[(tok.idx, tok.idx + len(tok))],
        source=doc[source.left_edge.i : source.right_edge.i + 1],
        mode="according_to",
        cue_lemma="cite",
    )


def reporting_verb(tok: Token, ctx: DocContext) -> Draft | None:
    return _from_verb(tok, ctx.sents) if is_cue_verb(tok, negated=ctx.negated) else None


def learned_verb(tok: Token, ctx: DocContext) -> Draft | None:
    if learned_cue(tok, negated=ctx.negated) and not _object_is_cue(tok):
        return _from_verb(tok, ctx.sents)
    return None


def noun_or_adjective(tok: Token, ctx: DocContext) -> Draft | None:
    return _from_nominal(tok) if tok.pos_ in ("NOUN", "ADJ") else None


def _trivial(doc: Doc, ranges: list[tuple[int, int]]) -> bool:
    """Content that is only "that", "it" or "this" carries no claim."""
    found: list[Token] = []
    for a, b in ranges:
        for k in range(a, b + 1):
            if not doc[k].is_punct:
                found.append(doc[k])
                if len(found) > 1:
                    return False  # two words already: stop looking at a long content
    return not found or found[0].pos_ in ("PRON", "SCONJ", "DET")


def _from_verb(verb: Token, sents: Sentences) -> Draft | None:
    """An attribution headed by a reporting verb, or None when it has no content."""
    doc = verb.doc
    if verb.lemma_.lower() in lexicon_words("raising_verbs"):
        return _from_raising(verb)
    ranges = verb_content(verb)
    subject = subject_of(verb)
    quoted = quoted_speaker(verb)
    if quoted is not None:
        # "RIA Novosti cited an official as saying ...", "Interfax quotes him": the one quoted
        # is the source; the agency only passes the words on.
        subject, said = quoted
        if said is not None:
            ranges = [said]
    if not ranges:
        # "<clause>, the Syrian Observatory for Human Rights informed": the parser hung the
        # cue off the clause it reports (with or without finding the cue's subject).
        parts = trailing_cue_parts(verb, sents)
        if parts is not None:
            ranges, subject = [parts[0]], parts[1]
    back = back_reference(verb)
    if back is not None:
        # "This was announced by the deputy minister": the content is what came before; the
        # claim assembly hands the outlet statements before it to this source.
        pointer, named = back
        ranges = [(pointer.left_edge.i, pointer.right_edge.i)]
        subject = named or subject
    elif not ranges or _trivial(doc, ranges):
        return None
    ranges = [trim_range(doc, r, verb) for r in ranges] if back is None else ranges
    content = [s for a, b in ranges if (s := char_range(doc, a, b)) is not None]
    if not content:
        return None
    if subject is None and verb.i > max(b for _, b in ranges):
        # "<content>, <noun phrase> told Armenpress": the phrase the parser hung on the content
        # is the source, never the listener after the cue; else '"...," said Lavrov'.
        parts = trailing_cue_parts(verb, sents)
        if parts is not None and back is None:
            span, subject = parts
            first, last = trim_range(doc, span, verb)
            content = [s for s in (char_range(doc, first, last),) if s is not None] or content
        else:
            subject = inverted_subject(verb)
    particle = next((c.lower_ for c in verb.children if c.dep_ == "prt"), None)
    return Draft(
        content=content,
        cue=[(doc[a].idx, doc[b].idx + len(doc[b])) for a, b in cue_tokens(verb)],
        source=subject,
        stance=stance_of(verb.lemma_.lower(), particle),
        cue_lemma=verb.lemma_.lower(),
        verb=verb.i,
    )


def _object_is_cue(verb: Token) -> bool:
    """ "drew criticism from X", "voiced support for Y": the object noun is the cue and its rule
    knows who holds the stance; the learned verb model would read the verb's subject instead."""
    return any(c.dep_ == "dobj" and nominal_cue(c) is not None for c in verb.children)


def _from_nominal(tok: Token) -> Draft | None:
    """ "Trump's claim that ...", "she is sure that ...": a noun or adjective cue."""
    found = nominal_cue(tok)
    if found is None:
        return None
    (first, last), source = found
    content = char_range(tok.doc, first, last)
    if content is None or _trivial(tok.doc, [(first, last)]):
        return None
    return Draft(
        content=[content],
        cue=[(tok.idx, tok.idx + len(tok))],
        source=source,
        cue_lemma=tok.lemma_.lower(),
    )


def _from_raising(verb: Token) -> Draft | None:
    """ "The rally seemed to energise him": subject and infinitive are the content, no source."""
    doc = verb.doc
    comp = next((c for c in verb.children if c.dep_ in ("xcomp", "ccomp", "oprd", "acomp")), None)
    if comp is None or comp.i < verb.i or is_cue_verb(comp):
        return None  # "seemed to think that ...": the inner cue reports, with the subject
    ranges = [(comp.left_edge.i, comp.right_edge.i)]
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subj is not None and subj.lower_ != "it" and comp.dep_ != "ccomp":
        ranges.insert(0, (subj.left_edge.i, subj.right_edge.i))
    content = [s for a, b in ranges if (s := char_range(doc, a, b)) is not None]
    if not content or _trivial(doc, ranges):
        return None
    return Draft(
        content=content,
        cue=[(verb.idx, verb.idx + len(verb))],
        cue_lemma=verb.lemma_.lower(),
        verb=verb.i,
    )


def _from_according(tok: Token, sents: Sentences) -> Draft | None:
    """ "According to X, <content>": the clause the phrase modifies is the content."""
    doc = tok.doc
    to = next((c for c in tok.children if c.lower_ == "to"), None)
    if to is None and tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == "to":
        to = doc[tok.i + 1]
    if to is None:
        return None
    pobj = next((c for c in to.children if c.dep_ == "pobj"), None)
    if pobj is None:
        # "according to what the ministry revealed": a clause, not a noun, follows "to".
        pobj = next((c for c in to.children if c.dep_ == "pcomp"), None)
        if pobj is None or what_someone_said(pobj) is None:
            return None
    # spaCy makes a new Token object on each access: compare indices, never identity.
    head = tok.head
    while head.pos_ not in ("VERB", "AUX") and head.head.i != head.i:
        head = head.head
    lo, hi = tok.left_edge.i, max(tok.right_edge.i, pobj.right_edge.i)
    sent = sents.of(tok.i)
    first, last = head.left_edge.i, head.right_edge.i
    if first <= lo <= hi <= last:
        pieces = [(first, lo - 1), (hi + 1, last)]
    else:
        # The phrase hangs off a noun or clause the parser put elsewhere: take the sentence.
        pieces = [(sent.start, lo - 1), (hi + 1, sent.end - 1)]
    content = []
    for a, b in pieces:
        if a <= b and (s := char_range(doc, a, strip_final(doc, a, b))) is not None:
            content.append(s)
    if not content:
        return None
    # "according to what the ministry revealed": the ministry.
    said = what_someone_said(pobj)
    return Draft(
        content=content,
        cue=[(tok.idx, to.idx + len(to))],
        source=said if said is not None else _without_relative(doc, pobj),
        mode="according_to",
        cue_lemma="according",
    )


def _without_relative(doc: Doc, noun: Token) -> Span:
    """The noun phrase without a relative or participle clause set off by a comma: "official
    tallies from both sides, which are incomplete", "the same update, published on Facebook"."""
    start, end = noun.left_edge.i, noun.right_edge.i
    relative = lexicon_words("relative_words")
    for k in range(noun.i, end):
        if doc[k].text == "," and (
            doc[k + 1].lower_ in relative or doc[k + 1].tag_ in ("VBN", "VBG")
        ):
            end = k - 1
            break
    return doc[start : end + 1]


def colon_headlines(ctx: DocContext, drafts: list[Draft]) -> list[Draft]:
    """ "Lavrov: 2,000 mercenaries in Karabakh" - a short name, a colon, then what it said."""
    doc, sents = ctx.doc, ctx.sents
    out: list[Draft] = []
    for sent in sents.spans:
        colon = next((t for t in sent[:7] if t.text == ":"), None)
        if colon is None or colon.i <= sent.start or colon.i + 2 >= sent.end:
            continue
        name = doc[sent.start : colon.i]
        if not all(
            t.pos_ in ("PROPN", "NOUN", "DET", "ADJ", "PART") or t.text in ".’'" for t in name
        ):
            continue
        named = any(t.pos_ == "PROPN" or t.ent_type_ for t in name)
        if not (named or _headline_speaker(name)) or len(name.text) < 2:
            continue  # "Q: ..." opens an interviewer's question, not a quoted claim
        if name[-1].lower_ in ("note", "update", "correction"):
            continue  # "Editor's note: ..." is the outlet's own aside
        if name[-1].lemma_.lower() in lexicon_words("document_nouns"):
            continue  # "Press release: UN office" labels the text, it quotes nobody
        content = char_range(doc, colon.i + 1, strip_final(doc, colon.i + 1, sent.end - 1))
        if content is None or covered(content[0], drafts):
            continue
        if sum(t.is_alpha for t in doc[colon.i + 1 : sent.end]) < 3:
            continue  # "Clinton: 547." is a tally line, not a quoted claim
        out.append(
            Draft(
                content=[content],
                cue=[(colon.idx, colon.idx + 1)],
                source=name,
                cue_lemma=":",
                rule="colon_headline",
            )
        )
    return out


def _headline_speaker(name: Span) -> bool:
    """A speaker before a headline colon that the tagger read as a common noun: a noun that
    speaks ("Poll: ..."), or one capitalised word the document names elsewhere ("Trump: ..."
    opening a headline, while "Background: ..." names nobody)."""
    words = [t for t in name if t.is_alpha]
    if not words or len(words) > 3:
        return False
    if words[-1].lemma_.lower() in lexicon_words("headline_sources"):
        return True
    if len(words) != 1 or not words[0].text[0].isupper():
        return False
    word = words[0].text
    return any(word in ent.text.split() for ent in name.doc.ents if ent.start >= name.end)
