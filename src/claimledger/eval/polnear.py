"""PolNeAR attribution scoring: pure functions over gold and predicted spans.

The rule (pair@0.5, as stated in the data's README): each span is reduced to its non-space
character positions with edge quotes and punctuation trimmed; a prediction matches a gold
attribution when the Jaccard overlap of the content positions is at least 0.5 and the source
spans overlap (or neither has a source). Gold and predictions are paired one-to-one, greedily by
content overlap; precision, recall and F1 are micro-averaged over the corpus. Two variants bound
it: `exact` (identical content and source positions) and `overlap` (any shared content
character, sources as for pair@0.5). Recall is also split by direct and indirect gold.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from claimledger.eval.rates import F1, Rate, rate

Fragments = Sequence[Sequence[int]]
EDGE_CHARS = frozenset("\"'“”‘’«»„.,;:!?()[]-–—…")
VARIANTS = ("pair@0.5", "exact", "overlap")


@dataclass(frozen=True)
class Item:
    """One attribution reduced to character-position sets."""

    content: frozenset[int]
    source: frozenset[int]
    direct: bool = False


@dataclass
class Tally:
    """Running counts for one variant."""

    matched: int = 0
    gold: int = 0
    predicted: int = 0
    gold_direct: int = 0
    matched_direct: int = 0

    precision = Rate("matched", "predicted")
    recall = Rate("matched", "gold")
    f1 = F1()
    recall_direct = Rate("matched_direct", "gold_direct")

    @property
    def recall_indirect(self) -> float:
        return rate(self.matched - self.matched_direct, self.gold - self.gold_direct)

    def as_dict(self) -> dict[str, float | int]:
        return {
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "recall_direct": round(self.recall_direct, 4),
            "recall_indirect": round(self.recall_indirect, 4),
            "gold": self.gold,
            "predicted": self.predicted,
            "matched": self.matched,
        }


@dataclass
class Score:
    """Tallies for every variant over a corpus."""

    tallies: dict[str, Tally] = field(default_factory=lambda: {v: Tally() for v in VARIANTS})

    def as_dict(self) -> dict[str, dict[str, float | int]]:
        return {name: t.as_dict() for name, t in self.tallies.items()}


def positions(text: str, fragments: Fragments) -> frozenset[int]:
    """Non-space character positions of the fragments, edge quotes and punctuation trimmed.

    Example:
        >>> sorted(positions('say "a b,"', [[4, 10]]))
        [5, 7]
    """
    out: set[int] = set()
    for fragment in fragments:
        start, end = int(fragment[0]), int(fragment[1])
        while start < end and (text[start].isspace() or text[start] in EDGE_CHARS):
            start += 1
        while end > start and (text[end - 1].isspace() or text[end - 1] in EDGE_CHARS):
            end -= 1
        out.update(i for i in range(start, end) if not text[i].isspace())
    return frozenset(out)


def item(text: str, content: Fragments, source: Fragments, direct: bool = False) -> Item:
    """Reduce one attribution's spans to an `Item`."""
    return Item(positions(text, content), positions(text, source), direct)


def _jaccard(a: frozenset[int], b: frozenset[int]) -> float:
    if not a or not b:
        return 0.0
    inter = len(a & b)
    return inter / (len(a) + len(b) - inter)


def _sources_agree(gold: Item, pred: Item) -> bool:
    if not gold.source and not pred.source:
        return True
    return bool(gold.source & pred.source)


def _matches(variant: str, gold: Item, pred: Item, overlap: float) -> bool:
    if variant == "exact":
        return gold.content == pred.content and gold.source == pred.source
    if not _sources_agree(gold, pred):
        return False
    if variant == "overlap":
        return overlap > 0.0
    return overlap >= 0.5


def pair(variant: str, gold: Sequence[Item], predicted: Sequence[Item]) -> list[tuple[int, int]]:
    """One-to-one (gold index, predicted index) matches, greedy by content overlap."""
    candidates: list[tuple[float, int, int]] = []
    for g_index, g in enumerate(gold):
        for p_index, p in enumerate(predicted):
            if not (g.content & p.content) and not (variant == "exact" and g.content == p.content):
                continue
            overlap = _jaccard(g.content, p.content)
            if _matches(variant, g, p, overlap):
                candidates.append((overlap, g_index, p_index))
    candidates.sort(key=lambda c: (-c[0], c[1], c[2]))
    used_gold: set[int] = set()
    used_pred: set[int] = set()
    pairs: list[tuple[int, int]] = []
    for _, g_index, p_index in candidates:
        if g_index in used_gold or p_index in used_pred:
            continue
        used_gold.add(g_index)
        used_pred.add(p_index)
        pairs.append((g_index, p_index))
    return pairs


def add_document(score: Score, gold: Sequence[Item], predicted: Sequence[Item]) -> None:
    """Add one article's gold and predicted attributions to the running score."""
    for variant, tally in score.tallies.items():
        pairs = pair(variant, gold, predicted)
        tally.gold += len(gold)
        tally.predicted += len(predicted)
        tally.gold_direct += sum(g.direct for g in gold)
        tally.matched += len(pairs)
        tally.matched_direct += sum(gold[g].direct for g, _ in pairs)


def score_corpus(documents: Iterable[tuple[Sequence[Item], Sequence[Item]]]) -> Score:
    """Score (gold, predicted) item lists, one pair per article."""
    score = Score()
    for gold, predicted in documents:
        add_document(score, gold, predicted)
    return score


def gold_items(article: dict[str, object]) -> list[Item]:
    """Gold items of one PolNeAR JSONL record."""
    text = str(article["text"])
    records = article.get("attributions") or []
    assert isinstance(records, list)
    return [
        item(text, a.get("content") or [], a.get("source") or [], bool(a.get("direct_quote")))
        for a in records
    ]


def predicted_items(text: str, attributions: Iterable[dict[str, Fragments]]) -> list[Item]:
    """Items of one article's predictions in the benchmark's output shape."""
    return [item(text, a.get("content") or [], a.get("source") or []) for a in attributions]
