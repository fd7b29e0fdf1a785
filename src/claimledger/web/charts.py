"""Geometry for the inline SVG step charts on /figures: one step line per claimant.

Only numbers and positions are computed here; the template writes the SVG, so every label and
tooltip passes through Jinja's autoescape.
"""

from __future__ import annotations

import math
import threading
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from urllib.parse import quote

from claimledger.ledger.profiles import ClaimantProfile
from claimledger.ledger.read_models import FigurePoint, Track

# Colour-blind-safe palette (Okabe-Ito), cycled when a track has more claimants.
PALETTE = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000")
WIDTH, HEIGHT = 960, 280
LEFT, RIGHT, TOP, BOTTOM = 64, 20, 30, 30
# The phone layout: a narrow plane drawn at about its own size, so 12-unit text stays ~11 px.
COMPACT_WIDTH, COMPACT_HEIGHT = 420, 260
# Candidate spacings of date ticks, in days; the smallest that keeps labels apart is used.
TICK_DAYS = (1, 2, 3, 7, 14, 28, 56, 91, 182, 365, 730, 1461, 3652)
MIN_TICK_GAP = 90  # px between date labels
MAX_SERIES = len(PALETTE)  # one distinct colour per line drawn


@dataclass
class ChartPoint:
    """A dot on the chart, linked to the sentence that gave the figure."""

    x: float
    y: float
    href: str
    label: str
    hollow: bool = False  # an increment, not a running total


@dataclass
class ChartSeries:
    """One claimant's step line."""

    claimant: str
    color: str
    path: str
    points: list[ChartPoint] = field(default_factory=list)
    css: str = "c0"  # the class giving the swatch its colour (no inline style under the CSP)


@dataclass
class Tick:
    """An axis tick: position and label."""

    pos: float
    label: str
    minor: bool = False  # every other date label: left out on narrow screens


@dataclass
class Chart:
    """Everything the template needs to draw one track."""

    width: int
    height: int
    series: list[ChartSeries]
    x_ticks: list[Tick]
    y_ticks: list[Tick]
    plot: tuple[float, float, float, float]  # left, top, right, bottom
    undated: int = 0  # figures with no date: listed, not drawn
    hidden: int = 0  # claimants with figures beyond the colours drawn: in the table only
    y_label: str = ""  # what the values count, the axis unit ("soldiers killed")
    log: bool = False  # a log scale: the values differ tenfold or more
    compact: Chart | None = None  # the same track laid out for a phone


def _nice_step(span: float, n: int = 5) -> float:
    """A round tick step for about `n` ticks; whole numbers, as the figures count people."""
    raw = span / max(n, 1)
    mag = 10 ** math.floor(math.log10(raw)) if raw > 0 else 1
    steps = [m * mag for m in (1, 2, 2.5, 5, 10)]
    return next(s for s in steps if s >= raw and s >= 1 and float(s).is_integer())


def _fmt(v: float) -> str:
    return f"{int(v):,}" if float(v).is_integer() else f"{v:,.1f}"


def _date_ticks(d_min: date, d_max: date, sx: Callable[[date], float], width: float) -> list[Tick]:
    """Evenly spaced dates at least MIN_TICK_GAP px apart: '27 Sep', or 'Sep 2021' over a year."""
    span = max((d_max - d_min).days, 1)
    most = max(2, int(width // MIN_TICK_GAP))
    step = next((s for s in TICK_DAYS if span / s <= most), TICK_DAYS[-1])
    fmt = "%d %b" if span <= 300 else "%b %Y"
    out: list[Tick] = []
    day = d_min
    while day <= d_max:
        out.append(Tick(sx(day), day.strftime(fmt).lstrip("0"), minor=len(out) % 2 == 1))
        day += timedelta(days=step)
    return out


# Values differing by this factor or more are drawn on a log scale, or the small ones vanish.
LOG_RATIO = 10.0


def _value_scale(
    values: list[float], y0: float, y1: float
) -> tuple[Callable[[float], float], list[Tick], bool]:
    """The y mapping and its ticks: linear from 0, or log10 when values differ tenfold."""
    positive = [v for v in values if v > 0]
    v_max = max(values) if values else 1.0
    if positive and len(positive) == len(values) and max(positive) / min(positive) >= LOG_RATIO:
        lo = math.floor(math.log10(min(positive)))
        hi = math.ceil(math.log10(max(positive)))
        hi = max(hi, lo + 1)

        def sy_log(v: float) -> float:
            frac = (math.log10(max(v, 10.0**lo)) - lo) / (hi - lo)
            return round(y0 - (y0 - y1) * frac, 1)

        mults = (1, 2, 5) if hi - lo <= 3 else (1,)
        ticks = [
            Tick(sy_log(m * 10.0**k), _fmt(m * 10.0**k))
            for k in range(lo, hi + 1)
            for m in mults
            if m * 10.0**k <= 10.0**hi
        ]
        return sy_log, ticks, True
    step = _nice_step(v_max or 1.0)
    top_value = step * math.ceil((v_max or 1.0) / step)

    def sy(v: float) -> float:
        return round(y0 - (y0 - y1) * v / top_value, 1)

    ticks = [Tick(sy(k * step), _fmt(k * step)) for k in range(round(top_value / step) + 1)]
    return sy, ticks, False


def axis_label(track: Track) -> str:
    """What the y axis counts: the unit, or the counted noun and its event."""
    if track.unit:
        return track.unit
    words = [w for w in (track.counted, track.event) if w]
    return " ".join(words) if words else "figure"


def _series(
    claimant: str,
    pts: list[FigurePoint],
    color: str,
    sx: Callable[[date], float],
    sy: Callable[[float], float],
) -> ChartSeries:
    """A claimant's step line through its totals; increments ("54 more") are hollow dots.

    A total holds until the claimant gives a new one, and the line ends at their last
    statement: after it the claimant said nothing, so nothing is drawn. An increment is not a
    level, so drawing the line through it would show the toll collapsing: it is marked at its
    own value instead.
    """
    cmds: list[str] = []
    out = []
    for p in pts:
        x, y = sx(p.date), sy(float(p.value))  # type: ignore[arg-type]
        increment = p.kind == "incremental"
        if not increment:
            cmds.append(f"H{x}V{y}" if cmds else f"M{x},{y}")
        what = " (increment)" if increment else ""
        out.append(
            ChartPoint(
                x=x,
                y=y,
                href=f"/documents/{quote(p.doc_id, safe='')}#claim-{quote(p.claim_id, safe='')}",
                label=f"{claimant}, {p.date}: {p.text}{what}",
                hollow=increment,
            )
        )
    css = f"c{PALETTE.index(color)}" if color in PALETTE else "c0"
    return ChartSeries(claimant=claimant, color=color, path="".join(cmds), points=out, css=css)


def _drawable(points: list[FigurePoint], max_points: int) -> list[FigurePoint]:
    """Dated points with a value, one per day and kind (the day's last word), latest last."""
    by_day: dict[tuple[date, bool], FigurePoint] = {}
    for p in points:  # oldest first, so a later statement the same day replaces an earlier one
        if p.date is not None and p.value is not None:
            by_day[(p.date, p.kind == "incremental")] = p
    ordered = sorted(by_day.values(), key=lambda p: p.date or date.min)
    return ordered[-max_points:]


def build_chart(
    track: Track,
    *,
    max_points: int = 300,
    max_series: int = MAX_SERIES,
    width: int = WIDTH,
    height: int = HEIGHT,
) -> Chart:
    """Lay out `track` on a date (x) by value (y) plane.

    At most `max_series` claimants are drawn (those with the most figures; one colour each) and
    one dot per claimant, day and kind; undated figures are left out. The table lists them all.
    """
    drawable = {row.claimant: _drawable(row.points, max_points) for row in track.claimants}
    ranked = sorted(
        (row for row in track.claimants if drawable[row.claimant]),
        key=lambda r: (-r.n_points, -(r.latest.date or date.min).toordinal(), r.claimant),
    )
    drawn = {r.claimant for r in ranked[:max_series]}
    rows = [r for r in track.claimants if r.claimant in drawn]  # table order keeps colours stable
    pts = [(row.claimant, p) for row in rows for p in drawable[row.claimant]]
    x0, x1, y0, y1 = LEFT, width - RIGHT, height - BOTTOM, TOP
    undated = sum(1 for row in track.claimants for p in row.points if p.date is None)
    hidden = len(ranked) - len(rows)
    if not pts:
        return Chart(
            width, height, [], [], [], (x0, y1, x1, y0), undated, hidden, axis_label(track)
        )
    dates = [p.date for _, p in pts if p.date]
    d_min, d_max = min(dates), max(dates)
    if d_max == d_min:
        d_min, d_max = d_min - timedelta(days=1), d_max + timedelta(days=1)
    # A little room after the last date, so its dots do not sit on the frame.
    d_end = d_max + timedelta(days=max(1, round((d_max - d_min).days * 0.03)))
    sy, y_ticks, log = _value_scale([float(p.value or 0) for _, p in pts], y0, y1)
    span_days = (d_end - d_min).days

    def sx(d: date) -> float:
        return round(x0 + (x1 - x0) * (d - d_min).days / span_days, 1)

    series = [
        _series(row.claimant, drawable[row.claimant], PALETTE[i % len(PALETTE)], sx, sy)
        for i, row in enumerate(rows)
    ]
    x_ticks = _date_ticks(d_min, d_max, sx, x1 - x0)
    label = axis_label(track) + (" (log scale)" if log else "")
    return Chart(
        width, height, series, x_ticks, y_ticks, (x0, y1, x1, y0), undated, hidden, label, log
    )


_charts_lock = threading.Lock()
_charts: OrderedDict[int, tuple[Track, Chart]] = OrderedDict()


def build_charts(track: Track) -> Chart:
    """The wide chart with its phone-sized twin in `compact` (the page shows one by width)."""
    chart = build_chart(track)
    chart.compact = build_chart(track, width=COMPACT_WIDTH, height=COMPACT_HEIGHT)
    return chart


def chart_for(track: Track) -> Chart:
    """`build_charts`, remembered for the cached track object (a new ledger version, new object).

    Keyed by identity with the track kept alongside, so an id is never reused while cached.
    """
    with _charts_lock:
        hit = _charts.get(id(track))
        if hit is not None and hit[0] is track:
            _charts.move_to_end(id(track))
            return hit[1]
    chart = build_charts(track)
    with _charts_lock:
        _charts[id(track)] = (track, chart)
        while len(_charts) > 256:
            _charts.popitem(last=False)
    return chart


def profile_chart(profile: ClaimantProfile) -> Chart:
    """One claimant's figures on every track as one timeline: a line per track."""
    rows = [
        tf.figures.model_copy(update={"claimant": tf.title}) for tf in profile.tracks if tf.figures
    ]
    timeline = Track(
        track_id=f"claimant-{profile.name}",
        title=f"{profile.name}: every figure",
        n_points=sum(r.n_points for r in rows),
        claimants=rows,
    )
    chart = build_charts(timeline)
    for c in (chart, chart.compact):
        if c is not None:
            c.y_label = "each line one track" + (" (log scale)" if c.log else "")
    return chart
