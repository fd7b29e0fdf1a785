"""Syndicated and near-duplicate documents, and the claims they carry.

A wire story reprinted by ten sites is one source, not ten: its claims are one claim each with
ten carriers, and it corroborates nothing by being copied. Documents are compared by MinHash
over word shingles (datasketch LSH finds candidates cheaply), then every candidate pair is
confirmed on the exact shingle sets: Jaccard >= `threshold`, or the smaller text contained
almost whole in the larger (a copy wrapped in menus, ads and "related stories").

The LSH index is `lsh.py`'s banding, not datasketch's `MinHashLSH` (whose import costs every
ingest run 0.7 s), with the same bands and so the same candidate pairs.
"""

from __future__ import annotations

import itertools
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Protocol, TypeVar

import numpy as np
import numpy.typing as npt

from claimledger.models import Claim
from claimledger.reconcile.bulk import gc_paused
from claimledger.reconcile.lsh import candidates

__all__ = [
    "ClaimLike",
    "Corroboration",
    "claim_carriers",
    "content_key",
    "copy_of",
    "corroboration",
    "find_copies",
    "merge_copies",
]

SHINGLE = 5
NUM_PERM = 64
_Shingles = npt.NDArray[np.uint64]
_MULT = np.uint64(1_000_003)
_ONE = np.uint64(1)
_MIX1 = np.uint64(0xBF58476D1CE4E5B9)
_MIX2 = np.uint64(0x94D049BB133111EB)
_WORD = re.compile(r"[^\W_]+", re.UNICODE)


def _shingles(
    text: str, vocab: dict[str, int], fresh: Iterator[int], size: int = SHINGLE
) -> _Shingles:
    """Sorted unique 32-bit hashes of the text's word n-grams (lower case, no punctuation).

    Words become ids from `vocab` (shared by one `find_copies` call; `fresh` yields unused ids,
    so a word seen before keeps its id and a new one gets a new id) and n-grams are hashed
    with numpy in one pass: Python-level hashing of every n-gram string dominated the run time.
    """
    words = _WORD.findall(text.lower())
    if not words:
        return np.empty(0, dtype=np.uint64)
    ids = np.fromiter(map(vocab.setdefault, words, fresh), np.uint64, len(words))
    n = max(1, len(words) - size + 1)
    h = np.zeros(n, dtype=np.uint64)
    for k in range(min(size, len(words))):
        h = h * _MULT + ids[k : k + n] + _ONE
    # splitmix64 finaliser, then the top 32 bits: well-spread values for MinHash.
    h ^= h >> np.uint64(30)
    h *= _MIX1
    h ^= h >> np.uint64(27)
    h *= _MIX2
    h ^= h >> np.uint64(31)
    return np.unique(h >> np.uint64(32))


# Multiply-shift hash family for the MinHash permutations (fixed seed: same sketches every run).
_PERM_RNG = np.random.default_rng(20201027)
_PERM_A = _PERM_RNG.integers(1, 2**63, size=NUM_PERM, dtype=np.uint64) | np.uint64(1)
_PERM_B = _PERM_RNG.integers(0, 2**63, size=NUM_PERM, dtype=np.uint64)


def _sketch(shingles: _Shingles) -> npt.NDArray[np.uint32]:
    """The MinHash signature of the shingles (one minimum per permutation), in one numpy
    expression: hashing value by value in Python (`MinHash.update_batch`) was a third of the
    run time."""
    permuted = (shingles[:, None] * _PERM_A + _PERM_B) >> np.uint64(32)
    sketch: npt.NDArray[np.uint32] = permuted.min(axis=0).astype(np.uint32)
    return sketch


def _same_story(a: _Shingles, b: _Shingles, threshold: float, containment: float) -> bool:
    """Exact check of an LSH candidate pair."""
    if not a.size or not b.size:
        return False
    inter = int(np.intersect1d(a, b, assume_unique=True).size)
    small = min(a.size, b.size)
    if inter / (a.size + b.size - inter) >= threshold:
        return True
    # Containment only for texts long enough that sharing them is not a coincidence.
    return small >= 4 * SHINGLE and inter / small >= containment


@gc_paused
def find_copies(
    documents: Iterable[tuple[str, str, date | None]],
    threshold: float = 0.6,
    containment: float = 0.8,
    candidate_threshold: float = 0.5,
) -> dict[str, str]:
    """Map every document to the origin of its copy cluster.

    Args:
        documents: (doc_id, text, published) triples, in the order they were seen.
        threshold: Jaccard similarity of word-shingle sets above which two texts are copies.
            0.6: a 200-word wire story re-edited by a syndicator (a word changed per paragraph,
            a new headline, a dropped last paragraph) scores about 0.7; two outlets writing up
            the same event in their own words share far fewer 5-word runs.
        containment: share of the smaller text's shingles found in the larger above which it is
            a copy wrapped in other material.
        candidate_threshold: LSH threshold for candidate pairs; lower than `threshold` so that
            wrapped copies (low Jaccard, high containment) still become candidates.

    Returns:
        doc_id -> origin doc_id for every document (an original maps to itself). The origin of a
        cluster is its earliest published document, ties and undated ones by first seen.
    """
    order: dict[str, int] = {}
    published: dict[str, date | None] = {}
    shingles: dict[str, _Shingles] = {}
    vocab: dict[str, int] = {}
    fresh = itertools.count()
    for doc_id, text, day in documents:
        if doc_id in order:  # the same content hash seen twice: one document
            continue
        order[doc_id] = len(order)
        published[doc_id] = day
        shingles[doc_id] = _shingles(text, vocab, fresh)
    sketches = {d: _sketch(s) for d, s in shingles.items() if s.size}
    near = candidates(sketches, candidate_threshold, NUM_PERM)
    parent = {d: d for d in order}

    def root(d: str) -> str:
        while parent[d] != d:
            parent[d] = parent[parent[d]]
            d = parent[d]
        return d

    for d in sketches:
        for other in near[d]:
            if other <= d or root(other) == root(d):
                continue
            if _same_story(shingles[d], shingles[other], threshold, containment):
                parent[root(other)] = root(d)
    clusters: dict[str, list[str]] = defaultdict(list)
    for d in order:
        clusters[root(d)].append(d)

    def age(d: str) -> tuple[int, date, int]:
        day = published[d]
        return (0, day, order[d]) if day is not None else (1, date.min, order[d])

    origin_of: dict[str, str] = {}
    for members in clusters.values():
        origin = min(members, key=age)
        for d in members:
            origin_of[d] = origin
    return origin_of


class _Figure(Protocol):
    @property
    def value(self) -> float | None: ...
    @property
    def low(self) -> float | None: ...
    @property
    def high(self) -> float | None: ...


class ClaimLike(Protocol):
    """What telling copied claims apart reads of a claim: a `Claim`, or a lighter record of
    these columns (copy linking reads only them from the ledger: building every stored claim
    in full took most of its time)."""

    @property
    def claim_id(self) -> str: ...
    @property
    def doc_id(self) -> str: ...
    @property
    def claimant(self) -> str: ...
    @property
    def content(self) -> str: ...
    @property
    def quantities(self) -> Sequence[_Figure]: ...


_C = TypeVar("_C", bound=ClaimLike)


def content_key(text: str) -> str:
    """Normalised claim content: lower-case words only, so quotes and spacing do not matter."""
    return " ".join(_WORD.findall(text.lower()))


def _groups(claims: Sequence[_C], origin_of: Mapping[str, str]) -> list[list[_C]]:
    """Claims that are one claim carried by copies: same cluster and claimant, same content.

    Same content: equal once normalised, or, across documents, nearly equal words with the
    very same figures (a syndicator's "row" for "dispute" does not make a second claim).
    """
    exact: dict[tuple[str, str, str], list[_C]] = defaultdict(list)
    for c in claims:
        origin = origin_of.get(c.doc_id, c.doc_id)
        exact[(origin, c.claimant, content_key(c.content))].append(c)
    # Fuzzy matching only inside copy clusters, across documents.
    clustered = {o for d, o in origin_of.items() if d != o}
    out: list[list[_C]] = []
    by_speaker: dict[tuple[str, str], list[list[_C]]] = defaultdict(list)
    for (origin, claimant, _), group in exact.items():
        if origin in clustered:
            by_speaker[(origin, claimant)].append(group)
        else:
            out.append(group)
    for groups in by_speaker.values():
        if len(groups) == 1:
            out.extend(groups)
            continue
        merged: list[tuple[list[_C], frozenset[str], tuple[float, ...], set[str]]] = []
        for group in groups:
            words = frozenset(_WORD.findall(group[0].content.lower()))
            figures = _values(group[0])
            docs = {c.doc_id for c in group}
            for target, t_words, t_figures, t_docs in merged:
                if t_figures == figures and not docs & t_docs and _close(words, t_words):
                    target.extend(group)
                    t_docs |= docs
                    break
            else:
                merged.append((group, words, figures, docs))
        out.extend(m[0] for m in merged)
    if by_speaker:  # back in the order each claim was first seen
        seen = {id(c): i for i, c in enumerate(claims)}
        out.sort(key=lambda g: seen[id(g[0])])
    return out


def _values(c: ClaimLike) -> tuple[float, ...]:
    return tuple(sorted(v for q in c.quantities for v in (q.value, q.low, q.high) if v is not None))


def _close(a: frozenset[str], b: frozenset[str], threshold: float = 0.8) -> bool:
    """Word-set Jaccard of two claim texts at least `threshold`."""
    union = len(a | b)
    return union > 0 and len(a & b) / union >= threshold


def _representative(group: list[_C], origin_of: Mapping[str, str]) -> _C:
    """The copy in the origin document when present, else the first seen."""
    for c in group:
        if origin_of.get(c.doc_id, c.doc_id) == c.doc_id:
            return c
    return group[0]


def _carriers(group: list[Claim], rep: Claim) -> list[str]:
    """Documents carrying the claim: the representative's own first, then as seen."""
    docs = [rep.doc_id, *rep.carriers, *(d for c in group for d in [c.doc_id, *c.carriers])]
    return list(dict.fromkeys(docs))


def claim_carriers(claims: list[Claim], origin_of: dict[str, str]) -> dict[str, list[str]]:
    """For each distinct claim, every document carrying it (its own document first).

    Args:
        claims: claims from any number of documents.
        origin_of: the result of `find_copies` (documents missing from it are originals).

    Returns:
        representative claim_id -> doc_ids carrying it. Claims that are copies of another claim
        do not appear as keys (see `copy_of`).
    """
    out: dict[str, list[str]] = {}
    for group in _groups(claims, origin_of):
        rep = _representative(group, origin_of)
        out[rep.claim_id] = _carriers(group, rep)
    return out


def copy_of(claims: Sequence[ClaimLike], origin_of: Mapping[str, str]) -> dict[str, str]:
    """claim_id -> claim_id of the one claim it copies (a representative maps to itself)."""
    out: dict[str, str] = {}
    for group in _groups(claims, origin_of):
        rep = _representative(group, origin_of)
        for c in group:
            out[c.claim_id] = rep.claim_id
    return out


@gc_paused
def merge_copies(claims: list[Claim], origin_of: dict[str, str]) -> list[Claim]:
    """One claim per distinct claim, with `carriers` listing every copy's document.

    The input claims are not modified: a representative whose carriers change comes back as
    an updated copy. Order: the order each claim's first copy was seen.
    """
    merged: list[Claim] = []
    for group in _groups(claims, origin_of):
        rep = _representative(group, origin_of)
        carriers = _carriers(group, rep)
        # A claim nobody copied is passed through as is (it is not modified either way).
        merged.append(
            rep if carriers == rep.carriers else rep.model_copy(update={"carriers": carriers})
        )
    return merged


@dataclass(frozen=True)
class Corroboration:
    """How independently a claim is reported: origins count, copies do not."""

    origins: int  # independent documents (copy clusters) reporting it
    carriers: int  # all documents carrying it, copies included
    origin_ids: tuple[str, ...]


def _figures(c: Claim) -> set[tuple[str | None, str | None, float | None]]:
    return {(q.counted, q.event, q.value) for q in c.quantities if q.value is not None}


@gc_paused
def corroboration(claims: list[Claim], origin_of: dict[str, str]) -> dict[str, Corroboration]:
    """How many independent origins report each claim.

    Two claims report the same thing when the claimant is the same and either the normalised
    content matches or they state the same figure of the same thing (same counted noun, event
    and value): two outlets paraphrasing one statement by Macron both report "300 fighters".

    Returns:
        claim_id -> Corroboration for every input claim.
    """
    parent = list(range(len(claims)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    # Bucket instead of comparing all pairs: linear in the number of claims.
    first: dict[tuple[object, ...], int] = {}
    for i, c in enumerate(claims):
        keys: list[tuple[object, ...]] = [("text", c.claimant, content_key(c.content))]
        keys += [("fig", c.claimant, *f) for f in _figures(c)]
        for k in keys:
            j = first.setdefault(k, i)
            if j != i:
                parent[root(i)] = root(j)
    members: dict[int, list[Claim]] = defaultdict(list)
    for i, c in enumerate(claims):
        members[root(i)].append(c)
    out: dict[str, Corroboration] = {}
    for group in members.values():
        docs = list(dict.fromkeys(d for c in group for d in [c.doc_id, *c.carriers]))
        origins = tuple(dict.fromkeys(origin_of.get(d, d) for d in docs))
        result = Corroboration(len(origins), len(docs), origins)
        for c in group:
            out[c.claim_id] = result
    return out
