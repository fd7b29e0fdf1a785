"""Recompute the lexicon's `tuned_verbs` from PolNeAR train: which extra verbs pay their way.

    python -m claimledger.eval.cue_lexicon ../shared/data/polnear/train.jsonl [--write]

Two passes over the train articles, nothing else: (1) every verb outside quotations is counted,
and verbs heading a gold cue in at least `min_rate` of their uses (and `min_cues` times) become
candidates; (2) the extractor runs with the candidates added, and a candidate is kept when at
least `min_precision` of the attributions it heads match gold (pair@0.5). The candidates run
through a `Lexicon` built for the purpose and passed to the extractor (nothing is patched).
Prints the kept list; `--write` puts it into `data/lexicon/tuned_verbs.txt` (its comment lines
kept), so the shipped lexicon stays plain, reviewable data under version control.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from spacy.tokens import Doc

from claimledger.eval.polnear import gold_items, pair, predicted_items
from claimledger.extract.attribution.cascade import find_attributions
from claimledger.extract.attribution.quotes import QuoteIndex, find_quotes
from claimledger.extract.pipeline import load_nlp
from claimledger.lexicon import Lexicon, shipped_lexicon

TUNED_FILE = Path(__file__).resolve().parent.parent / "data" / "lexicon" / "tuned_verbs.txt"


def _articles(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def _gold_cue_starts(article: dict[str, Any]) -> set[int]:
    return {int(s) for a in article["attributions"] for s, e in a["cue"] for s in range(s, e)}


def candidates(
    pairs: list[tuple[dict[str, Any], Doc]], min_cues: int, min_rate: float
) -> frozenset[str]:
    """Verbs outside the lexicon that head a gold cue often enough to try."""
    seen: Counter[str] = Counter()
    cued: Counter[str] = Counter()
    lexicon = shipped_lexicon()
    base = lexicon.words("speech_verbs") - lexicon.words("tuned_verbs")
    for article, doc in pairs:
        quotes = QuoteIndex(find_quotes(article["text"]))
        cue_chars = _gold_cue_starts(article)
        for tok in doc:
            lemma = tok.lemma_.lower()
            # "according to" has its own rule.
            if tok.pos_ != "VERB" or lemma in base or lemma == "accord" or not lemma.isalpha():
                continue
            if quotes.covering(tok.idx) is not None:
                continue
            seen[lemma] += 1
            cued[lemma] += tok.idx in cue_chars
    return frozenset(
        lemma for lemma, n in seen.items() if cued[lemma] >= max(min_cues, min_rate * n)
    )


def with_verbs(lexicon: Lexicon, extra: frozenset[str]) -> Lexicon:
    """The lexicon with `extra` as cues heading a clause, an object or an infinitive."""
    for name in ("speech_verbs", "object_content_verbs", "xcomp_verbs"):
        lexicon = lexicon.with_words(name, sorted(extra))
    return lexicon


def precision_by_verb(
    pairs: list[tuple[dict[str, Any], Doc]], verbs: frozenset[str]
) -> dict[str, tuple[int, int]]:
    """(matched, predicted) per verb in `verbs`, the extractor run with them as cues."""
    lexicon = with_verbs(shipped_lexicon(), verbs)
    predicted: Counter[str] = Counter()
    matched: Counter[str] = Counter()
    for article, doc in pairs:
        text = article["text"]
        found = [
            a
            for a in find_attributions(doc, nested=False, lexicon=lexicon)
            if a.mode != "unattributed"
        ]
        items = predicted_items(
            text, [{"content": a.content_spans, "source": a.source_spans} for a in found]
        )
        hits = {p for _, p in pair("pair@0.5", gold_items(article), items)}
        for index, a in enumerate(found):
            head = _cue_verb(doc, a.cue_spans)
            if head in verbs:
                predicted[head] += 1
                matched[head] += index in hits
    return {v: (matched[v], predicted[v]) for v in predicted}


def _cue_verb(doc: Doc, cue_spans: list[tuple[int, int]]) -> str | None:
    if not cue_spans:
        return None
    span = doc.char_span(cue_spans[0][0], cue_spans[0][1], alignment_mode="expand")
    verbs = [t for t in span or [] if t.pos_ == "VERB"]
    return verbs[0].lemma_.lower() if verbs else None


def _parsed(articles: list[dict[str, Any]]) -> Iterator[tuple[dict[str, Any], Doc]]:
    nlp = load_nlp()
    yield from zip(articles, nlp.pipe((a["text"] for a in articles), batch_size=16), strict=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("train", type=Path)
    parser.add_argument("--min-cues", type=int, default=5)
    parser.add_argument("--min-rate", type=float, default=0.2)
    parser.add_argument("--min-predicted", type=int, default=6)
    parser.add_argument("--min-precision", type=float, default=0.35)
    parser.add_argument("--limit", type=int, default=None, help="first N articles only")
    parser.add_argument(
        "--write", action="store_true", help=f"write the kept verbs to {TUNED_FILE}"
    )
    args = parser.parse_args()
    articles = [a for a in _articles(args.train) if a.get("split", "train") == "train"]
    articles = articles[: args.limit] if args.limit is not None else articles
    pairs = list(_parsed(articles))
    tried = candidates(pairs, args.min_cues, args.min_rate)
    scores = precision_by_verb(pairs, tried)
    kept = sorted(
        v for v, (m, n) in scores.items() if n >= args.min_predicted and m / n >= args.min_precision
    )
    for verb in sorted(scores, key=lambda v: -scores[v][0] / scores[v][1]):
        m, n = scores[verb]
        print(f"{'+' if verb in kept else ' '} {verb:16} {m:4d}/{n:4d} {m / n:.2f}")
    print(f"tuned_verbs ({len(kept)}): {' '.join(kept)}")
    if args.write:
        write_tuned(TUNED_FILE, kept)


def write_tuned(path: Path, verbs: list[str]) -> None:
    """Replace the verbs of a list file, keeping its comment lines (why the list is what it is)."""
    comments = [
        line for line in path.read_text(encoding="utf-8").splitlines() if line.startswith("#")
    ]
    path.write_text("\n".join([*comments, *verbs]) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
