"""Locality-sensitive hashing over MinHash signatures: which documents may be copies.

The banding datasketch's `MinHashLSH` does, without importing datasketch: its import pulls in
scipy (to integrate the error curves that choose the bands), 0.7 s of every ingest run, more
than linking the copies of 500 articles takes. `lsh_bands` chooses the same bands from the same
integrals, computed exactly, so the candidate pairs are the ones `MinHashLSH` would give.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from fractions import Fraction
from functools import lru_cache
from math import comb, lcm

import numpy as np
import numpy.typing as npt

__all__ = ["candidates", "lsh_bands"]


@lru_cache(maxsize=8)
def lsh_bands(threshold: float, num_perm: int) -> tuple[int, int]:
    """(bands, rows per band) of an LSH index for Jaccard `threshold` over `num_perm` values.

    The choice of datasketch's `MinHashLSH` (equal weights): the (b, r) with b * r <= num_perm
    minimising the area under the candidate curve 1 - (1 - s^r)^b below the threshold (false
    positives) plus the area above it missed (false negatives). datasketch integrates
    numerically with scipy; the binomial expansion gives both areas exactly.
    """
    # t + sum_k C(b, k) (-1)^k (1 - 2 t^n) / n with n = rk + 1 (the two areas, integrated term
    # by term from (1 - s^r)^b = sum_k C(b, k) (-1)^k s^(rk)), in integers: scaled by
    # scale = lcm(1..N) q^N for t = p/q and n <= N, every term is whole.
    t = Fraction(threshold)
    p, q, most = t.numerator, t.denominator, num_perm + 1
    scale = lcm(*range(1, most + 1)) * q**most
    term = [0] + [scale // (n * q**n) * (q**n - 2 * p**n) for n in range(1, most + 1)]
    best: tuple[int, tuple[int, int]] | None = None
    for b in range(1, num_perm + 1):
        for r in range(1, num_perm // b + 1):
            error = scale // q * p + sum(
                comb(b, k) * (-1) ** k * term[r * k + 1] for k in range(b + 1)
            )
            if best is None or error < best[0]:
                best = (error, (b, r))
    assert best is not None
    return best[1]


def candidates(
    sketches: Mapping[str, npt.NDArray[np.uint32]], threshold: float, num_perm: int
) -> dict[str, set[str]]:
    """For every document's MinHash signature (`num_perm` values), the documents sharing at
    least one band with it, itself included: the candidate pairs of an LSH index."""
    bands, rows = lsh_bands(threshold, num_perm)
    buckets: dict[tuple[int, bytes], list[str]] = defaultdict(list)
    keys: dict[str, list[tuple[int, bytes]]] = {}
    for d, m in sketches.items():
        keys[d] = [(i, m[i * rows : (i + 1) * rows].tobytes()) for i in range(bands)]
        for key in keys[d]:
            buckets[key].append(d)
    return {d: {o for key in keys[d] for o in buckets[key]} for d in sketches}
