"""The real-news scorer on hand-made gold and records (the README's rule, and error causes)."""

from __future__ import annotations

from typing import Any

from claimledger.eval.realnews import (
    Figure,
    count,
    figures_by_doc,
    match_document,
    quantity_interval,
    timeline_points,
)
from claimledger.eval.realnews_errors import explain, party_guesser


def entry(**kw: Any) -> dict[str, Any]:
    base: dict[str, Any] = {
        "doc": "dev01",
        "claimant": ["Defence Ministry", "ministry"],
        "party": "Armenia",
        "low": 40,
        "high": 40,
        "counted": ["soldier"],
        "event": ["kill"],
        "sentence": "The ministry said 40 soldiers were killed",
        "text": "40",
    }
    base.update(kw)
    return base


def record(quantities: list[dict[str, Any]], **kw: Any) -> dict[str, Any]:
    base: dict[str, Any] = {
        "claim_id": "c1",
        "doc_path": "/x/dev01_toll.txt",
        "outlet": "Harbour Times",
        "claimant": "Armenian Defence Ministry",
        "claimant_mention": "the ministry",
        "mode": "indirect",
        "sentence": "The ministry said 40 soldiers were killed overnight.",
        "start": 0,
        "stated_on": "2020-10-01",
        "quantities": quantities,
    }
    base.update(kw)
    return base


def qty(text: str, value: float | None, **kw: Any) -> dict[str, Any]:
    base: dict[str, Any] = {"text": text, "value": value, "low": value, "high": value}
    base.update({"counted": "soldiers", "event": "killed"} | kw)
    return base


def run(entries: list[dict[str, Any]], records: list[dict[str, Any]]):  # type: ignore[no-untyped-def]
    figures = figures_by_doc(records, {r["doc_path"]: "dev01" for r in records})
    return match_document("dev01", entries, figures.get("dev01", []))


def test_realnews_intervals_open_bounds() -> None:
    assert quantity_interval({"text": "more than 200", "low": 200, "high": None}) == (
        200.0,
        float("inf"),
    )
    assert quantity_interval({"value": 12, "low": None, "high": None}) == (12.0, 12.0)


def test_realnews_match_needs_claimant_value_and_words() -> None:
    result = run([entry()], [record([qty("40", 40)])])
    c = count(result)
    assert (c.hit, c.required, c.correct, c.figures, c.misattributed) == (1, 1, 1, 1, 0)
    wrong_value = count(run([entry()], [record([qty("41", 41)])]))
    assert wrong_value.hit == 0
    wrong_words = count(run([entry()], [record([qty("40", 40, counted="tanks", event="lost")])]))
    assert wrong_words.hit == 0


def test_realnews_bound_overlaps_open_gold() -> None:
    gold = entry(low=100, high=None, text="more than 100")
    result = run([gold], [record([qty("more than 100", None, low=100, high=None)])])
    assert count(result).hit == 1
    # A point value inside an open gold interval overlaps too.
    assert count(run([gold], [record([qty("120", 120)])])).hit == 1


def test_realnews_outlet_matches_unattributed_only() -> None:
    gold = entry(claimant=["OUTLET"])
    outlet_claim = record([qty("40", 40)], mode="unattributed", claimant="Harbour Times")
    assert count(run([gold], [outlet_claim])).hit == 1
    assert count(run([gold], [record([qty("40", 40)])])).hit == 0


def test_realnews_misattribution_and_side() -> None:
    wrong = record(
        [qty("40", 40)], claimant="Azerbaijani Defence Ministry", claimant_mention="Baku"
    )
    gold = [
        entry(claimant=["Armenian Defence Ministry", "Yerevan"]),
        entry(claimant=["Azerbaijani Defence Ministry"], party="Azerbaijan", low=7, high=7),
    ]
    result = run([gold[0]], [wrong])
    c = count(result)
    assert c.hit == 0 and c.misattributed == 1
    causes = [e.cause for e in explain(result, party_guesser(gold))]
    assert causes == ["wrong side", "wrong source (gold)"]


def test_realnews_outlets_own_figure_given_to_a_party_is_a_wrong_source_not_a_side() -> None:
    party_claim = record(
        [qty("40", 40)], claimant="Azerbaijani Defence Ministry", party="Azerbaijan"
    )
    gold = [entry(claimant=["OUTLET"], party="media")]
    result = run(gold, [party_claim])
    causes = [e.cause for e in explain(result, party_guesser(gold))]
    assert causes == ["wrong source", "wrong source (gold)"]


def test_realnews_duplicate_figure_costs_precision() -> None:
    first = record([qty("23 more", 23)])
    again = record(
        [qty("23 more", 23)], claim_id="c2", claimant="Harbour Times", mode="unattributed"
    )
    result = run([entry(low=23, high=23, text="23")], [first, again])
    c = count(result)
    assert c.hit == 1 and c.figures == 2 and c.precision == 0.5
    assert [e.cause for e in explain(result, {})] == ["same figure in two claims"]


def test_realnews_optional_is_neither_hit_nor_false() -> None:
    result = run([entry(optional=True)], [record([qty("40", 40)])])
    c = count(result)
    assert c.required == 0 and c.hit == 0 and c.precision == 1.0


def test_realnews_clock_time_is_junk() -> None:
    clock = record(
        [qty("11:37", 11.37, counted=None, event=None)], sentence="Politics 18 October 11:37"
    )
    result = run([entry()], [clock])
    causes = sorted(e.cause for e in explain(result, {}))
    assert causes == ["junk figure", "missed"]


def test_realnews_timeline_points_need_claimant_day_and_value() -> None:
    timelines = [{"claimant": ["ministry"], "series": [["2020-10-01", 40], ["2020-10-02", 50]]}]
    assert timeline_points(timelines, [record([qty("40", 40)])]) == (1, 2)


def test_realnews_figure_words() -> None:
    f = Figure(doc="d", index=0, record={}, quantity={"text": "40", "counted": "Soldiers"})
    assert f.words == "soldiers 40"
