"""The learned cue model: its features, its guards, and the shipped weights on real parses."""

from __future__ import annotations

import json
from typing import Any

from claimledger.extract.attribution import cue_model
from claimledger.extract.attribution.cascade import find_attributions
from claimledger.extract.attribution.cue_model import (
    CueModel,
    learned_cue,
    shipped_model,
    verb_features,
)


def _verb(nlp: Any, text: str, word: str) -> Any:
    return next(t for t in nlp(text) if t.text == word)


def test_features_describe_the_verbs_context(nlp: Any) -> None:
    verb = _verb(nlp, "The senator chastised the agency for its slow response.", "chastised")
    feats = verb_features(verb)
    assert "l=chastise" in feats
    assert "o=agency" in feats  # its object
    assert "l=chastise|p=for" in feats  # the preposition giving the reason
    assert "s=n:senator" in feats  # who does it


def test_subject_kind_uses_entities_and_pronouns(nlp: Any) -> None:
    named = verb_features(_verb(nlp, "Angela Merkel dismissed the plan.", "dismissed"))
    pronoun = verb_features(_verb(nlp, "She dismissed the plan.", "dismissed"))
    assert "s=PERSON" in named
    assert "s=person" in pronoun


def test_threshold_negation_and_participles_guard_the_score(nlp: Any) -> None:
    model = CueModel(weights={"l=chastise": 4.0}, bias=-2.0, threshold=0.5)
    plain = _verb(nlp, "The senator chastised the agency.", "chastised")
    negated = _verb(nlp, "The senator never chastised the agency.", "chastised")
    assert model.probability(plain) > 0.85
    assert model.is_cue(plain)
    assert not model.is_cue(negated)
    assert model.is_cue(negated, negated=True)
    model.threshold = 0.95
    assert not model.is_cue(plain)


def test_model_round_trips_through_json() -> None:
    model = CueModel(weights={"l=chastise": 1.25, "c=ccomp": -0.5}, bias=-1.0, threshold=0.3)
    again = CueModel.from_json(json.loads(json.dumps(model.to_json())))
    assert again == model


def test_shipped_model_is_a_trained_table() -> None:
    model = shipped_model()
    assert 0.0 < model.threshold < 1.0
    assert len(model.weights) > 1000
    # Context a reporter uses for claims weighs for a cue; a noun subject that is a thing less so.
    assert model.weights["c=ccomp"] > 0


def test_unlisted_verbs_become_cues_in_the_extractor(nlp: Any) -> None:
    text = (
        "The mayor laid out a plan to hire 500 more teachers. "
        "The union's leaders have long championed a shorter working week."
    )
    found = find_attributions(nlp(text))
    cues = {text[s:e] for a in found for s, e in a.cue_spans}
    assert "laid out" in cues
    assert "championed" in cues
    plan = next(a for a in found if "500 more teachers" in text[slice(*a.content_spans[0])])
    assert plan.mention == "The mayor"


def test_lexicon_verbs_and_plain_actions_are_left_to_the_rules(nlp: Any) -> None:
    said = _verb(nlp, "The minister said the talks had failed.", "said")
    built = _verb(nlp, "The company built a new factory in Ohio last year.", "built")
    assert not learned_cue(said)  # the lexicon already reads it
    assert not learned_cue(built)


def test_a_model_passed_in_holds_for_the_call_only(nlp: Any) -> None:
    verb = _verb(nlp, "The company built a new factory in Ohio.", "built")
    eager = CueModel(weights={"l=build": 9.0}, threshold=0.5)
    with cue_model.using_cue_model(eager):
        assert learned_cue(verb)
    assert not learned_cue(verb)


def test_rare_lemmas_share_the_unseen_lemma_weights(nlp: Any) -> None:
    from claimledger.extract.attribution.cue_model import as_unseen

    verb = _verb(nlp, "The senator chastised the agency for its slow response.", "chastised")
    feats = verb_features(verb)
    unseen = as_unseen(feats)
    assert "l=*" in unseen and "l=*|p=for" in unseen
    assert not any(f.startswith("l=chastise") for f in unseen)
    assert [f for f in feats if not f.startswith("l=")] == [
        f for f in unseen if not f.startswith("l=")
    ]
    # A model that never saw "chastise" scores it by the unseen-lemma weights.
    model = CueModel(weights={"l=*": 3.0}, bias=-1.0, threshold=0.5)
    assert model.probability(verb) > 0.8
    model.weights["l=chastise"] = -6.0
    assert model.probability(verb) < 0.1


def test_a_verb_acting_on_a_counted_object_is_an_event_not_a_claim(nlp: Any) -> None:
    from claimledger.extract.attribution.cue_model import counts_its_object

    taken = _verb(nlp, "The army has taken captive four enemy soldiers.", "taken")
    laid = _verb(nlp, "The mayor laid out a plan to hire 500 more teachers.", "laid")
    assert counts_its_object(taken)
    assert not learned_cue(taken)
    assert not counts_its_object(laid)  # the figure sits deeper, inside what the plan is
