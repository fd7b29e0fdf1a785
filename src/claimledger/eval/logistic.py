"""Fitting `LinearModel`s: logistic regression by AdaGrad, reproducible from the same data."""

from __future__ import annotations

import math
import random
from collections import Counter

from claimledger.extract.attribution.linear import LinearModel

# One training example: its sparse features and whether it is a positive (1) or not (0).
Sample = tuple[list[str], int]


def fit(data: list[Sample], epochs: int, l2: float, rate: float, min_count: int) -> LinearModel:
    """Logistic regression by AdaGrad over features seen at least `min_count` times."""
    counts = Counter(f for feats, _ in data for f in set(feats))
    keep = {f for f, n in counts.items() if n >= min_count}
    rows = [([f for f in feats if f in keep], y) for feats, y in data]
    weights: dict[str, float] = dict.fromkeys(keep, 0.0)
    squares: dict[str, float] = dict.fromkeys(keep, 1e-8)
    bias, bias_sq = 0.0, 1e-8
    order = list(range(len(rows)))
    rng = random.Random(13)
    for _ in range(epochs):
        rng.shuffle(order)
        for k in order:
            feats, y = rows[k]
            z = bias + sum(weights[f] for f in feats)
            p = 1.0 / (1.0 + math.exp(-max(min(z, 30.0), -30.0)))
            g = p - y
            bias_sq += g * g
            bias -= rate * g / math.sqrt(bias_sq)
            for f in feats:
                gf = g + l2 * weights[f]
                squares[f] += gf * gf
                weights[f] -= rate * gf / math.sqrt(squares[f])
    kept = {f: w for f, w in weights.items() if abs(w) >= 1e-3}
    return LinearModel(weights=kept, bias=bias)
