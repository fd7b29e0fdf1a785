"""A learned second opinion on verbs the cue lexicon's rules do not take.

The lexicon (`data/lexicon/*.txt`) holds the reporting verbs that pay their way on PolNeAR train,
each with the shapes it is a cue in; the long tail ("is seizing on", "chastised", "pooh-poohed",
"laid out") is too thin for word lists, and a listed verb sometimes reports in a shape its rule
leaves out ("called Oz a quack"). This model scores such a verb by its parse context: its lemma,
what hangs on it (a clause, an object, a preposition), who its subject is, what governs it. It is a
logistic regression over sparse string features (`linear.LinearModel`), trained on PolNeAR train by
`python -m claimledger.eval.train_cue_model`, shipped as plain JSON with the threshold that script
chose on held-out train articles. Lemmas training saw too rarely share the weights of an unseen
lemma.

Scoring a verb is a few dictionary lookups, so the model costs nothing next to parsing.
"""

from __future__ import annotations

from contextlib import AbstractContextManager
from contextvars import ContextVar
from functools import lru_cache

from spacy.tokens import Token

from claimledger.extract.attribution.linear import LinearModel
from claimledger.extract.attribution.sources import subject_of
from claimledger.extract.attribution.verb_cues import is_cue_verb
from claimledger.lexicon import words
from claimledger.scoped import scoped

MODEL_FILE = "cue_model.json"
# Subjects the model sees by kind rather than by word (`person_subjects`), modals
# (`modal_verbs`) and verbs it never proposes (`never_learned_cues`) are lexicon lists.
UNSEEN = "l=*"


def verb_features(tok: Token) -> list[str]:
    """The sparse features of one verb: shared by training and scoring, so they never drift."""
    lemma = tok.lemma_.lower()
    feats = [f"l={lemma}", f"tag={tok.tag_}", f"dep={tok.dep_}"]
    head = tok.head
    if head.i != tok.i:
        feats.append(f"h={head.lemma_.lower()}|{tok.dep_}")
        feats.append(f"hpos={head.pos_}|{tok.dep_}")
    for c in tok.children:
        dep = c.dep_
        feats.append(f"c={dep}")
        feats.append(f"l={lemma}|c={dep}")
        if dep == "prep":
            feats.append(f"p={c.lower_}")
            feats.append(f"l={lemma}|p={c.lower_}")
        elif dep == "prt":
            feats.append(f"l={lemma}|prt={c.lower_}")
        elif dep in ("dobj", "obj"):
            obj = c.lemma_.lower()
            feats.append(f"o={obj}")
            feats.append(f"l={lemma}|o={obj}")
            feats.append(f"opos={c.pos_}")
        elif dep == "ccomp":
            mark = next((m.lower_ for m in c.children if m.dep_ == "mark"), "-")
            feats.append(f"ccmark={mark}")
            feats.append(f"ccpos={c.pos_}")
        elif dep == "aux" and c.lower_ in words("modal_verbs"):
            feats.append("modal")
        elif dep == "neg":
            feats.append("neg")
    subject = subject_of(tok)
    feats.append(f"s={_subject_kind(subject[-1] if subject is not None else None)}")
    return feats


def as_unseen(feats: list[str]) -> list[str]:
    """The features of a verb whose lemma training saw too rarely to weigh: its lemma features
    become those of an unseen lemma, whose weights were learned from all the rare ones (rare
    verbs in news are more often stance verbs than common ones, and the model should know)."""
    lemma = feats[0]  # "l=<lemma>"; its conjunctions start with it too ("l=<lemma>|p=at")
    return [UNSEEN + f[len(lemma) :] if f.startswith(lemma) else f for f in feats]


def _subject_kind(tok: Token | None) -> str:
    """A coarse class for the verb's subject: entity type, person pronoun, or noun lemma."""
    if tok is None:
        return "none"
    if tok.ent_type_:
        return tok.ent_type_
    low = tok.lower_
    if tok.pos_ == "PRON":
        return "person" if low in words("person_subjects") else "pron"
    if tok.pos_ == "PROPN":
        return "PROPN"
    return f"n:{tok.lemma_.lower()}"


class CueModel(LinearModel):
    """Weights over `verb_features`, a bias and a decision threshold on the probability."""

    def probability(self, tok: Token) -> float:
        """How likely the verb heads an attribution, by the trained weights."""
        feats = verb_features(tok)
        if feats[0] not in self.weights:
            feats = as_unseen(feats)
        return self.score(feats)

    def is_cue(self, tok: Token, negated: bool = False) -> bool:
        """Whether a verb the model may judge (`judged_by_model`) should be read as a cue;
        unless `negated`, a negated verb claims nothing, as with the lexicon."""
        if not negated and any(c.dep_ == "neg" for c in tok.children):
            return False
        return self.probability(tok) >= self.threshold


@lru_cache(maxsize=1)
def shipped_model() -> CueModel:
    """The model trained on PolNeAR train that ships with the package (loaded once)."""
    return CueModel.packaged(MODEL_FILE)


# The model extraction reads, set for the duration of a call by whoever passes one in
# (`Extractor`, `find_attributions(cue_model=...)`, the trainer measuring a candidate); the
# shipped one otherwise. A context variable, so that no caller changes another's model.
_MODEL: ContextVar[CueModel | None] = ContextVar("claimledger_cue_model", default=None)


def using_cue_model(model: CueModel | None) -> AbstractContextManager[None]:
    """Run the enclosed extraction with `model` (None: leave the current one)."""
    return scoped(_MODEL, model)


def judged_by_model(tok: Token) -> bool:
    """Whether the model decides this verb: the lexicon's rules do not take it (an unlisted
    verb, "bristled at", or a listed one in a shape its rule leaves out, "called Oz a quack"),
    and it is no participle modifying a noun ("the declared independence"), no ruled-out light
    verb and no act on a counted object. The trainer draws its samples from the same verbs."""
    lemma = tok.lemma_.lower()
    if tok.pos_ != "VERB" or not lemma.isalpha() or lemma in words("never_learned_cues"):
        return False
    if lemma in words("event_verbs"):
        return False  # an act of war or disaster is reported, never a claim of its actor's
    if tok.dep_ in ("amod", "acl") and tok.tag_ == "VBN":
        return False
    return not is_cue_verb(tok, negated=True) and not counts_its_object(tok)


def learned_cue(tok: Token, negated: bool = False) -> bool:
    """A verb the model may judge and reads as a cue."""
    if not judged_by_model(tok):
        return False
    model = _MODEL.get() or shipped_model()
    return model.is_cue(tok, negated=negated)


def counts_its_object(verb: Token) -> bool:
    """ "have taken captive three militants", "shot down 12 drones": a verb acting on a counted
    object reports an event, which the ledger credits to whoever reported it, not a claim of
    its subject's. (The model learned its cues from political news, where such verbs are rare.)"""
    return any(
        c.dep_ in ("dobj", "obj", "oprd")
        and c.i > verb.i
        and (c.like_num or any(g.dep_ == "nummod" for g in c.children))
        for c in verb.children
    )
