"""The PolNeAR scorer on hand-made gold/prediction pairs (no model, no data files)."""

from __future__ import annotations

import pytest

from claimledger.eval.polnear import item, pair, positions, score_corpus

TEXT = 'The mayor said that taxes will rise. "We have no choice," she added, "none at all."'
#       0         1         2         3         4         5         6         7         8
#       0123456789012345678901234567890123456789012345678901234567890123456789012345678901234


def test_positions_trim_edge_quotes_punctuation_and_spaces() -> None:
    # '"We have no choice,"' -> W,e,h,a,v,e,n,o,c,h,o,i,c,e
    assert len(positions(TEXT, [[37, 57]])) == len("Wehavenochoice")
    assert positions(TEXT, [[37, 57]]) == positions(TEXT, [[38, 55]])


def test_pair_at_half_needs_content_overlap_and_source_overlap() -> None:
    gold = [item(TEXT, [[15, 35]], [[0, 9]])]  # that taxes will rise / The mayor
    close = [item(TEXT, [[20, 36]], [[4, 9]])]  # taxes will rise. / mayor
    wrong_source = [item(TEXT, [[20, 36]], [[58, 61]])]
    no_source = [item(TEXT, [[20, 36]], [])]
    assert pair("pair@0.5", gold, close) == [(0, 0)]
    assert pair("pair@0.5", gold, wrong_source) == []
    assert pair("pair@0.5", gold, no_source) == []
    assert pair("exact", gold, close) == []


def test_sourceless_gold_matches_sourceless_prediction_only() -> None:
    gold = [item(TEXT, [[15, 35]], [])]
    assert pair("pair@0.5", gold, [item(TEXT, [[15, 35]], [])]) == [(0, 0)]
    assert pair("pair@0.5", gold, [item(TEXT, [[15, 35]], [[0, 9]])]) == []


def test_small_overlap_counts_only_for_any_overlap_variant() -> None:
    gold = [item(TEXT, [[37, 83]], [[58, 61]])]  # both quote fragments as one span
    tiny = [item(TEXT, [[38, 45]], [[58, 61]])]  # "We have"
    assert pair("pair@0.5", gold, tiny) == []
    assert pair("overlap", gold, tiny) == [(0, 0)]


def test_pairing_is_one_to_one_and_prefers_larger_overlap() -> None:
    gold = [item(TEXT, [[37, 57]], [[58, 61]]), item(TEXT, [[69, 83]], [[58, 61]])]
    # One prediction covering both fragments may pair with only one of the two golds.
    joined = [item(TEXT, [[37, 57], [69, 83]], [[58, 61]])]
    assert len(pair("pair@0.5", gold, joined)) == 1
    # Two predictions each pair with their own gold, whatever order they come in.
    split = [item(TEXT, [[69, 83]], [[58, 61]]), item(TEXT, [[37, 57]], [[58, 61]])]
    assert sorted(pair("pair@0.5", gold, split)) == [(0, 1), (1, 0)]


def test_corpus_scores_are_micro_averaged_with_direct_split() -> None:
    article_a = (
        [item(TEXT, [[15, 35]], [[0, 9]]), item(TEXT, [[37, 57]], [[58, 61]], direct=True)],
        [item(TEXT, [[15, 35]], [[0, 9]])],
    )
    article_b = (
        [item(TEXT, [[69, 83]], [[58, 61]], direct=True)],
        [item(TEXT, [[69, 83]], [[58, 61]]), item(TEXT, [[0, 14]], [])],
    )
    tally = score_corpus([article_a, article_b]).tallies["pair@0.5"]
    assert (tally.gold, tally.predicted, tally.matched) == (3, 3, 2)
    assert tally.precision == pytest.approx(2 / 3)
    assert tally.recall == pytest.approx(2 / 3)
    assert tally.f1 == pytest.approx(2 / 3)
    assert tally.recall_direct == pytest.approx(1 / 2)
    assert tally.recall_indirect == pytest.approx(1.0)
