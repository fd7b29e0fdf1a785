"""Score the attribution extractor on PolNeAR (pair@0.5, exact, any-overlap; direct/indirect).

Usage:
    python benchmarks/polnear.py ../shared/data/polnear/dev.jsonl \
        --predictions out.jsonl [--limit N]

Runs the project's own extractor (`find_attributions` over `nlp.pipe`) on every article, writes one
line per article ({"id", "attributions": [{"source", "cue", "content"}]}, offsets into that
article's text), and prints the scores. Unattributed figure statements are not scored: PolNeAR
only annotates attributions, and never one inside another's content, so claims nested in another
claim are dropped (`nested=False`); negated cues ("did not say whether") are reported
(`negated=True`), as PolNeAR annotates them and the ledger does not.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path
from typing import Any

from claimledger.eval.polnear import Score, add_document, gold_items, predicted_items
from claimledger.extract.attribution.cascade import find_attributions
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


def run(path: Path, predictions: Path | None, limit: int | None) -> Score:
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
            for a in find_attributions(doc, nested=False, negated=True)
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
        add_document(
            score, gold_items(article), predicted_items(article["text"], record["attributions"])
        )
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
    args = parser.parse_args()
    score = run(args.file, args.predictions, args.limit)
    print(
        f"{'variant':10} {'P':>6} {'R':>6} {'F1':>6} {'R dir':>6} {'R ind':>6} "
        f"{'gold':>6} {'pred':>6}"
    )
    for name, t in score.tallies.items():
        print(
            f"{name:10} {t.precision:6.3f} {t.recall:6.3f} {t.f1:6.3f} {t.recall_direct:6.3f} "
            f"{t.recall_indirect:6.3f} {t.gold:6d} {t.predicted:6d}"
        )


if __name__ == "__main__":
    main()
