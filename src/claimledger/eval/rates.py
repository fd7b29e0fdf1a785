"""The scores every benchmark reports: a rate that is 0 over nothing, and F1."""

from __future__ import annotations


def rate(part: int, whole: int) -> float:
    """`part / whole`, 0.0 when there is nothing to count."""
    return part / whole if whole else 0.0


def f1_score(precision: float, recall: float) -> float:
    """The harmonic mean of precision and recall (0.0 when both are)."""
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0
