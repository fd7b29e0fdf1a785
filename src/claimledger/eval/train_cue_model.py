"""Train the learned cue model (`extract/cue_model.py`) on PolNeAR train, reproducibly.

    python -m claimledger.eval.train_cue_model ../shared/data/polnear/train.jsonl \
        [--cache /tmp/polnear-train.spacy] [--out src/claimledger/data/cue_model.json]

1. Every verb outside quotations that the lexicon's rules do not take and that has something
   to report (a clause, an object, an infinitive) is a sample; it is positive when it lies
   inside a gold cue. Lemmas seen under `--min-count` times stand for unseen ones.
2. A logistic regression over `verb_features` is fitted on all but the last `--holdout` articles
   (AdaGrad, L2, a fixed shuffle seed: the same data gives the same weights).
3. The extractor runs on the held-out articles with the model at each threshold of a grid. The
   lowest threshold is kept at which the held-out pair@0.5 F1 stays within `--max-f1-loss` of
   the F1 without the model and the attributions the model adds match gold at `--min-precision`
   or better (the project's bar for a lexicon verb). Issue 3 ranks recall first, so up to 0.015
   of held-out F1 may be spent on it by default (set after sweeping dev, which the issue allows
   tuning on: the dev table is in docs/accuracy.md).
4. The model is refitted on every article and written with that threshold.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path
from typing import Any

from spacy.tokens import Doc, DocBin

from claimledger.eval.logistic import Sample, fit
from claimledger.eval.polnear import Score, add_document, gold_items, pair, predicted_items
from claimledger.extract.attribution import cue_model
from claimledger.extract.attribution.cascade import find_attributions
from claimledger.extract.attribution.cue_model import (
    CueModel,
    as_unseen,
    judged_by_model,
    verb_features,
)
from claimledger.extract.attribution.quotes import QuoteIndex, find_quotes
from claimledger.extract.attribution.verb_cues import is_cue_verb, verb_content
from claimledger.extract.pipeline import load_nlp

THRESHOLDS = [round(0.1 + 0.05 * k, 2) for k in range(15)]


def read_articles(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as fh:
        rows = [json.loads(line) for line in fh if line.strip()]
    return [r for r in rows if r.get("split", "train") == "train"]


def parse_articles(articles: list[dict[str, Any]], cache: Path | None) -> list[Doc]:
    """Parse with the project's pipeline, reusing a DocBin cache of the same articles."""
    nlp = load_nlp()
    if cache is not None and cache.exists():
        docs = list(DocBin().from_disk(cache).get_docs(nlp.vocab))
        if len(docs) == len(articles) and all(
            d.text == a["text"] for d, a in zip(docs, articles, strict=True)
        ):
            return docs
    docs = list(nlp.pipe((a["text"] for a in articles), batch_size=16))
    if cache is not None:
        bin_ = DocBin(store_user_data=True)
        for doc in docs:
            bin_.add(doc)
        bin_.to_disk(cache)
    return docs


def candidate(tok: Any) -> bool:
    """A verb the model judges and that has content the rules could take."""
    return judged_by_model(tok) and bool(verb_content(tok))


def samples(article: dict[str, Any], doc: Doc) -> list[Sample]:
    quotes = QuoteIndex(find_quotes(article["text"]))
    cue_chars = {c for a in article["attributions"] for s, e in a["cue"] for c in range(s, e)}
    out: list[Sample] = []
    for tok in doc:
        if quotes.covering(tok.idx) is None and candidate(tok):
            out.append((verb_features(tok), int(tok.idx in cue_chars)))
    return out


def rare_as_unseen(data: list[Sample], min_count: int) -> list[Sample]:
    """Samples whose lemma occurs under `min_count` times train the unseen-lemma weights."""
    counts = Counter(feats[0] for feats, _ in data)
    return [(as_unseen(f) if counts[f[0]] < min_count else f, y) for f, y in data]


def added_precision(
    model: CueModel, pairs: list[tuple[dict[str, Any], Doc]]
) -> tuple[int, int, Score]:
    """(matched, predicted) among attributions the model's cues head, and the overall score."""
    score = Score()
    matched = predicted = 0
    with cue_model.using_cue_model(model):
        for article, doc in pairs:
            found = [
                a
                for a in find_attributions(doc, nested=False, negated=True)
                if a.mode != "unattributed"
            ]
            items = predicted_items(
                article["text"],
                [{"content": a.content_spans, "source": a.source_spans} for a in found],
            )
            gold = gold_items(article)
            add_document(score, gold, items)
            hits = {p for _, p in pair("pair@0.5", gold, items)}
            for index, a in enumerate(found):
                if _learned(doc, a.cue_spans):
                    predicted += 1
                    matched += index in hits
    return matched, predicted, score


def _learned(doc: Doc, cue_spans: list[tuple[int, int]]) -> bool:
    """Whether the cue holds a verb only the model reads as one."""
    if not cue_spans:
        return False
    span = doc.char_span(cue_spans[0][0], cue_spans[0][1], alignment_mode="expand")
    return any(t.pos_ == "VERB" and not is_cue_verb(t, negated=True) for t in span or [])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("train", type=Path)
    parser.add_argument("--cache", type=Path, default=None, help="DocBin of the parsed articles")
    parser.add_argument("--out", type=Path, default=Path("src/claimledger/data/cue_model.json"))
    parser.add_argument("--holdout", type=int, default=140)
    parser.add_argument("--epochs", type=int, default=6)
    parser.add_argument("--l2", type=float, default=1e-4)
    parser.add_argument("--rate", type=float, default=0.2)
    parser.add_argument("--min-count", type=int, default=3)
    parser.add_argument("--min-precision", type=float, default=0.35)
    parser.add_argument("--max-f1-loss", type=float, default=0.015)
    args = parser.parse_args()

    articles = read_articles(args.train)
    docs = parse_articles(articles, args.cache)
    per_article = [samples(a, d) for a, d in zip(articles, docs, strict=True)]
    cut = len(articles) - args.holdout
    fitting = rare_as_unseen([s for rows in per_article[:cut] for s in rows], args.min_count)
    print(
        f"articles {len(articles)}  samples {len(fitting)}  positive {sum(y for _, y in fitting)}"
    )
    model = CueModel(**vars(fit(fitting, args.epochs, args.l2, args.rate, args.min_count)))

    held = list(zip(articles[cut:], docs[cut:], strict=True))
    _, _, base = added_precision(CueModel(), held)
    print(f"held-out without model: {_row(base)}")
    base_f1 = base.tallies["pair@0.5"].f1
    chosen = 1.0
    for threshold in reversed(THRESHOLDS):
        model.threshold = threshold
        matched, predicted, score = added_precision(model, held)
        share = matched / predicted if predicted else 0.0
        added = f"added {matched:4d}/{predicted:4d} {share:.2f}"
        print(f"threshold {threshold:.2f}  {added}  {_row(score)}")
        f1 = score.tallies["pair@0.5"].f1
        if predicted and share >= args.min_precision and f1 >= base_f1 - args.max_f1_loss:
            chosen = threshold
    print(f"chosen threshold {chosen:.2f}")

    everything = rare_as_unseen([s for rows in per_article for s in rows], args.min_count)
    final = CueModel(**vars(fit(everything, args.epochs, args.l2, args.rate, args.min_count)))
    final.threshold = chosen
    args.out.write_text(json.dumps(final.to_json(), indent=0) + "\n", encoding="utf-8")
    print(f"wrote {args.out}: {len(final.weights)} weights")


def _row(score: Score) -> str:
    t = score.tallies["pair@0.5"]
    return (
        f"P {t.precision:.3f} R {t.recall:.3f} F1 {t.f1:.3f} "
        f"Rdir {t.recall_direct:.3f} Rind {t.recall_indirect:.3f}"
    )


if __name__ == "__main__":
    main()
