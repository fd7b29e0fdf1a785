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
    # The step line only visits the totals: it starts, steps once, and runs to the edge.
    assert series.path.count("V") == 1
