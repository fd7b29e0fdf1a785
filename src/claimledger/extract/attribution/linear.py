"""Logistic regression over sparse string features: the one kind of learned model the extractor
ships, as plain JSON beside the package.

Models are trained by scripts under `claimledger.eval` on PolNeAR train; scoring is a few
dictionary lookups, so a model costs nothing next to parsing.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable
from dataclasses import dataclass, field
from importlib import resources
from typing import Self


@dataclass
class LinearModel:
    """Feature weights, a bias, and the probability at or above which the answer is yes."""

    weights: dict[str, float] = field(default_factory=dict)
    bias: float = 0.0
    threshold: float = 1.0

    def score(self, features: Iterable[str]) -> float:
        """The probability the trained weights give these features."""
        z = self.bias + sum(self.weights.get(f, 0.0) for f in features)
        return 1.0 / (1.0 + math.exp(-max(min(z, 30.0), -30.0)))

    def to_json(self) -> dict[str, object]:
        return {
            "bias": self.bias,
            "threshold": self.threshold,
            "weights": {k: round(v, 4) for k, v in sorted(self.weights.items())},
        }

    @classmethod
    def from_json(cls, data: dict[str, object]) -> Self:
        weights = data.get("weights", {})
        if not isinstance(weights, dict):
            raise ValueError("linear model: 'weights' must be an object")
        return cls(
            weights={str(k): float(v) for k, v in weights.items()},
            bias=float(str(data.get("bias", 0.0))),
            threshold=float(str(data.get("threshold", 1.0))),
        )

    @classmethod
    def packaged(cls, name: str) -> Self:
        """A model shipped in the package's data folder."""
        text = resources.files("claimledger").joinpath(f"data/{name}").read_text("utf-8")
        return cls.from_json(json.loads(text))
