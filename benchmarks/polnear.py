"""Score the attribution extractor on PolNeAR (pair@0.5, exact, any-overlap; direct/indirect).

Usage:
    python benchmarks/polnear.py ../shared/data/polnear/dev.jsonl \
        --predictions out.jsonl [--limit N] [--disable RULE ...]

Runs the project's own extractor (`find_attributions` over `nlp.pipe`) on every article, writes one
line per article ({"id", "attributions": [{"source", "cue", "content"}]}, offsets into that
article's text), and prints the scores. Unattributed figure statements are not scored: PolNeAR
only annotates attributions, and never one inside another's content, so claims nested in another
claim are dropped (`nested=False`); negated cues ("did not say whether") are reported
(`negated=True`), as PolNeAR annotates them and the ledger does not.

After the scores, the precision of each extraction rule (pair@0.5: of the attributions the rule
found, how many match a gold one); `--disable RULE` (repeatable) runs without that rule, by the
names in `claimledger.extract.attribution.cascade.RULES`.
"""

from __future__ import annotations

import argparse
import json
import time
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from claimledger.eval.polnear import Score, add_document, gold_items, pair, predicted_items
from claimledger.extract.attribution.cascade import RULES, find_attributions
from claimledger.extract.pipeline import load_nlp


def _read(path: Path, limit: int | None) -> list[dict[str, Any]]:
    rows = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                rows.append(json.loads(line))
            if limit is not None and len(rows) >= limit:
                break
    return rows


class RuleTally:
    """Per rule: attributions found and how many of them match gold (pair@0.5)."""

    def __init__(self) -> None:
        self.found: Counter[str] = Counter()
        self.matched: Counter[str] = Counter()

    def add(self, rules: Sequence[str | None], matched: set[int]) -> None:
        for index, rule in enumerate(rules):
            self.found[rule or "?"] += 1
            self.matched[rule or "?"] += index in matched


def run(
    path: Path,
    predictions: Path | None,
    limit: int | None,
    disabled: Sequence[str] = (),
    by_rule: RuleTally | None = None,
) -> Score:
    """Extract, write predictions, and return the score over the file's articles."""
    articles = _read(path, limit)
    nlp = load_nlp()
    score = Score()
    out = predictions.open("w", encoding="utf-8") if predictions else None
    started = time.perf_counter()
    extract_seconds = 0.0
    texts = (a["text"] for a in articles)
    for article, doc in zip(articles, nlp.pipe(texts, batch_size=16), strict=True):
        t0 = time.perf_counter()
        found = [
            a
            for a in find_attributions(doc, nested=False, negated=True, disabled=disabled)
            if a.mode != "unattributed"
        ]
        extract_seconds += time.perf_counter() - t0
        record = {
            "id": article["id"],
            "attributions": [
                {
                    "source": [list(s) for s in a.source_spans],
                    "cue": [list(s) for s in a.cue_spans],
                    "content": [list(s) for s in a.content_spans],
                }
                for a in found
            ],
        }
        if out is not None:
            out.write(json.dumps(record) + "\n")
        gold = gold_items(article)
        predicted = predicted_items(article["text"], record["attributions"])
        add_document(score, gold, predicted)
        if by_rule is not None:
            hits = {p for _, p in pair("pair@0.5", gold, predicted)}
            by_rule.add([a.rule for a in found], hits)
    elapsed = time.perf_counter() - started
    if out is not None:
        out.close()
    chars = sum(len(a["text"]) for a in articles)
    print(
        f"articles: {len(articles)}  chars: {chars}  total: {elapsed:.1f}s  "
        f"find_attributions: {extract_seconds:.2f}s "
        f"({100 * extract_seconds / elapsed:.1f}% of total)"
    )
    return score


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("file", type=Path)
    parser.add_argument("--predictions", type=Path, default=None)
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument(
        "--disable", action="append", default=[], choices=RULES, metavar="RULE", help="repeatable"
    )
    args = parser.parse_args()
    by_rule = RuleTally()
    score = run(args.file, args.predictions, args.limit, args.disable, by_rule)
    print(
        f"{'variant':10} {'P':>6} {'R':>6} {'F1':>6} {'R dir':>6} {'R ind':>6} "
        f"{'gold':>6} {'pred':>6}"
    )
    for name, t in score.tallies.items():
        print(
            f"{name:10} {t.precision:6.3f} {t.recall:6.3f} {t.f1:6.3f} {t.recall_direct:6.3f} "
            f"{t.recall_indirect:6.3f} {t.gold:6d} {t.predicted:6d}"
        )
    print(f"\n{'rule':20} {'found':>6} {'match':>6} {'P@0.5':>6}")
    for rule in [*RULES, "?"]:
        n = by_rule.found[rule]
        if n:
            m = by_rule.matched[rule]
            print(f"{rule:20} {n:6d} {m:6d} {m / n:6.3f}")
    if args.disable:
        print(f"disabled: {', '.join(args.disable)}")


if __name__ == "__main__":
    main()
