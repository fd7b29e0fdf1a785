"""Chart geometry: bounded however large the track, one dot per claimant and day."""

from __future__ import annotations

from datetime import date, timedelta

from claimledger.ledger.dashboard import ClaimantFigures, FigurePoint, Track
from claimledger.web.charts import MAX_SERIES, build_chart


def point(day: int, value: float, n: int, kind: str | None = "cumulative") -> FigurePoint:
    return FigurePoint(
        date=date(2020, 10, 1) + timedelta(days=day),
        value=value,
        kind=kind,
        text=f"{value:g}",
        claim_id=f"c{n}",
        doc_id="d",
        sentence="s",
    )


def row(name: str, points: list[FigurePoint]) -> ClaimantFigures:
    return ClaimantFigures(claimant=name, latest=points[-1], n_points=len(points), points=points)


def test_charts_draw_a_bounded_number_of_series_and_dots() -> None:
    rows = [
        row(f"claimant {i}", [point(d % 30, 100 + d, i * 1000 + d) for d in range(40 * (i + 1))])
        for i in range(10)
    ]
    chart = build_chart(Track(track_id="t", title="soldiers killed", claimants=rows))
    assert len(chart.series) == MAX_SERIES and chart.hidden == 10 - MAX_SERIES
    # The claimants with the most figures are the ones drawn.
    assert {s.claimant for s in chart.series} == {f"claimant {i}" for i in range(3, 10)}
    # Forty figures over thirty days: at most one dot per day.
    assert all(len(s.points) <= 30 for s in chart.series)


def test_charts_increments_are_dots_off_the_line() -> None:
    pts = [point(0, 100, 1), point(1, 20, 2, "incremental"), point(2, 130, 3)]
    chart = build_chart(Track(track_id="t", title="x", claimants=[row("a", pts)]))
    (series,) = chart.series
    assert [p.hollow for p in series.points] == [False, True, False]
    # The step line only visits the totals: it starts, steps once and ends at the last total.
    assert series.path.count("V") == 1


def test_charts_use_a_log_scale_when_values_differ_tenfold() -> None:
    big = row("Baku", [point(0, 4000, 1), point(5, 4100, 2)])
    small = row("Yerevan", [point(1, 220, 3), point(6, 300, 4)])
    chart = build_chart(Track(track_id="t", title="x", counted="soldiers", claimants=[big, small]))
    assert chart.log and chart.y_label == "soldiers (log scale)"
    assert [t.label for t in chart.y_ticks][:3] == ["100", "200", "500"]
    ys = {s.claimant: [p.y for p in s.points] for s in chart.series}
    # On a log scale 220 sits well off the floor: not squashed flat by the 4,000 above it.
    floor, ceiling = chart.plot[3], chart.plot[1]
    assert (floor - ys["Yerevan"][0]) / (floor - ceiling) > 0.15  # linear: 220 / 5,000 = 0.04
    close = build_chart(
        Track(track_id="t", title="x", claimants=[row("a", [point(0, 300, 5)]), small])
    )
    assert not close.log and close.y_ticks[0].label == "0"


def test_charts_a_line_ends_at_the_last_statement() -> None:
    early = row("a", [point(0, 100, 1), point(3, 150, 2)])
    late = row("b", [point(1, 90, 3), point(30, 120, 4)])
    chart = build_chart(Track(track_id="t", title="x", claimants=[early, late]))
    by_name = {s.claimant: s for s in chart.series}
    last_x = by_name["a"].points[-1].x
    assert by_name["a"].path.endswith(f"V{by_name['a'].points[-1].y}")
    assert f"H{last_x}" in by_name["a"].path and last_x < chart.plot[2] / 2
    assert chart.compact is None  # build_chart alone; chart_for adds the phone twin
