"""Cost of reading figures and dates, per call, against the parse they sit on.

    python benchmarks/quantities.py [--repeat 20] [PATH ...]

Parses the given articles (default: the bundled demo corpus, else ../shared/seeds) once, then
times, per sentence, `find_quantities` and `resolve_stated_on` (cue = the sentence's first
reporting verb), and per call the pure `parse_amount` and `ingest.dates.parse_date`. Prints
microseconds per call and the share of the parse time that figures and dates add (they should
stay a few percent of spaCy's own cost).
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DEFAULT_DIRS = [REPO / "src" / "claimledger" / "data" / "demo", REPO.parent / "shared" / "seeds"]
CUE_LEMMAS = {"say", "report", "tell", "announce", "claim", "add", "state", "confirm", "deny"}


def _texts(paths: list[Path]) -> list[str]:
    for folder in paths or DEFAULT_DIRS:
        files = sorted(folder.rglob("*.txt")) if folder.is_dir() else [folder]
        texts = [f.read_text(encoding="utf-8") for f in files if f.is_file()]
        if texts:
            return texts
    raise SystemExit("no .txt articles found")


def _per_call(fn: Callable[[], object], repeat: int) -> float:
    """Microseconds per call of fn, best of `repeat` runs of 1 call each, averaged."""
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - start)
    return best * 1e6


def main() -> None:
    """Run the micro-benchmark and print one line per measured function."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("paths", nargs="*", type=Path)
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args()

    from claimledger.extract.figures.amounts import parse_amount
    from claimledger.extract.figures.quantities import find_quantities
    from claimledger.extract.pipeline import load_nlp
    from claimledger.extract.when import resolve_stated_on
    from claimledger.ingest.dates import parse_date

    nlp = load_nlp()
    texts = _texts(args.paths)
    start = time.perf_counter()
    docs = list(nlp.pipe(texts))
    parse_s = time.perf_counter() - start
    sentences = [s for d in docs for s in d.sents]
    published = date(2020, 10, 2)

    def figures() -> None:
        for s in sentences:
            find_quantities(s.doc, s.start_char, s.end_char)

    def dates() -> None:
        for s in sentences:
            cue = next((t for t in s if t.lemma_ in CUE_LEMMAS), None)
            spans = [(cue.idx, cue.idx + len(cue))] if cue is not None else []
            resolve_stated_on(s.doc, (s.start_char, s.end_char), spans, published)

    n = max(len(sentences), 1)
    rows = [
        ("find_quantities", _per_call(figures, args.repeat) / n, "sentence"),
        ("resolve_stated_on", _per_call(dates, args.repeat) / n, "sentence"),
    ]
    amounts = ["more than 200", "around 2,000", "$5 million", "one hundred and five", "54 more"]
    rows.append(
        (
            "parse_amount",
            _per_call(lambda: [parse_amount(a) for a in amounts], args.repeat) / len(amounts),
            "call",
        )
    )
    metadata = ["2020-10-02", "October 2, 2020", "2 Oct 2020"]
    rows.append(
        (
            "parse_date",
            _per_call(lambda: [parse_date(m) for m in metadata], args.repeat) / len(metadata),
            "call",
        )
    )
    print(f"articles {len(docs)}  sentences {n}  parse {parse_s * 1e3:.0f} ms")
    for name, us, per in rows:
        share = f"  ({us * n / 1e4 / parse_s:.1f}% of parse)" if per == "sentence" else ""
        print(f"{name:24} {us:9.1f} us/{per}{share}")


if __name__ == "__main__":
    main()
