"""The scores every benchmark reports: a rate that is 0 over nothing, and F1, as plain
functions and as read-only attributes of a dataclass of counts (`precision = Rate("matched",
"predicted")`), so each score is declared once in one line."""

from __future__ import annotations

from typing import Any


def rate(part: int, whole: int) -> float:
    """`part / whole`, 0.0 when there is nothing to count."""
    return part / whole if whole else 0.0


def f1_score(precision: float, recall: float) -> float:
    """The harmonic mean of precision and recall (0.0 when both are)."""
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


class Rate:
    """An attribute: one count over another, each named by a field of the counts object."""

    def __init__(self, part: str, whole: str) -> None:
        self.part, self.whole = part, whole

    def __get__(self, counts: Any, owner: type | None = None) -> float:
        return rate(getattr(counts, self.part), getattr(counts, self.whole))


class F1:
    """An attribute: the F1 of a counts object's `precision` and `recall`."""

    def __get__(self, counts: Any, owner: type | None = None) -> float:
        return f1_score(counts.precision, counts.recall)
