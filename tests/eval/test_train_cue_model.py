"""The cue model trainer: labels from gold cues, a deterministic fit, a model that separates."""

from __future__ import annotations

from typing import Any

from claimledger.eval.train_cue_model import fit, samples


def test_fit_learns_which_features_mark_a_cue() -> None:
    data = [(["l=blast", "c=dobj"], 1)] * 30 + [(["l=build", "c=dobj"], 0)] * 30
    model = fit(data, epochs=5, l2=1e-4, rate=0.2, min_count=3)
    assert model.weights["l=blast"] > 1.0
    assert model.weights["l=build"] < -1.0
    # Same data, same weights: the fit is reproducible.
    assert fit(data, epochs=5, l2=1e-4, rate=0.2, min_count=3) == model


def test_rare_features_are_left_out() -> None:
    data = [(["l=blast", "once"], 1)] + [(["l=blast"], 1)] * 5 + [(["l=build"], 0)] * 5
    model = fit(data, epochs=3, l2=1e-4, rate=0.2, min_count=3)
    assert "once" not in model.weights


def test_samples_are_unlisted_verbs_labelled_by_gold_cues(nlp: Any) -> None:
    text = (
        "The governor chastised the legislature for cutting school funding. "
        "Workers repaired the bridge over the river."
    )
    start = text.index("chastised")
    article = {
        "text": text,
        "attributions": [{"cue": [[start, start + len("chastised")]], "content": [], "source": []}],
    }
    rows = samples(article, nlp(text))
    labelled = {next(f for f in feats if f.startswith("l=")): y for feats, y in rows}
    assert labelled["l=chastise"] == 1
    assert labelled["l=repair"] == 0


def test_rare_lemmas_train_the_unseen_weights() -> None:
    from claimledger.eval.train_cue_model import rare_as_unseen

    data = [(["l=say", "c=ccomp"], 1)] * 4 + [(["l=pooh", "c=dobj"], 1)]
    rows = rare_as_unseen(data, min_count=3)
    assert rows[0][0] == ["l=say", "c=ccomp"]
    assert rows[-1][0] == ["l=*", "c=dobj"]
