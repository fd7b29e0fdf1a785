"""Throughput of a full ingest against bare spaCy on the same texts.

    python benchmarks/throughput.py [--articles 500] [--workers 1]

Builds a corpus of N articles from the bundled demo corpus (each copy made distinct so none is
skipped as a duplicate), then times:
  bare   nlp.pipe over the cleaned texts (the floor: parsing alone),
  full   claimledger ingest of the files into a fresh SQLite ledger (read, clean, parse,
         extract, write),
and prints articles/s, words/s and the ratio full/bare (target >= 0.70). Peak RSS of each run
is measured in a child process, at N and 2N articles, to show memory stays flat with corpus size.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DEMO = REPO / "src" / "claimledger" / "data" / "demo"


def build_corpus(out: Path, n: int) -> list[str]:
    """Write n distinct article files derived from the demo corpus; return their cleaned texts."""
    from claimledger.ingest import read_inputs
    from claimledger.models import Document

    base = [d for d in read_inputs([str(DEMO)]) if isinstance(d, Document)]
    if not base:
        sys.exit(f"no demo documents under {DEMO}")
    out.mkdir(parents=True, exist_ok=True)
    texts = []
    for i in range(n):
        doc = base[i % len(base)]
        # A distinct dateline sentence keeps every copy a new document.
        text = f"Dispatch number {i + 1} from the desk.\n\n{doc.text}"
        date = doc.published.isoformat() if doc.published else "2020-10-15"
        (out / f"a{i:05d}.md").write_text(
            f"---\ndate: {date}\noutlet: {doc.outlet or 'Bench Wire'}\n---\n{text}\n",
            encoding="utf-8",
        )
        texts.append(text)
    return texts


def child(mode: str, corpus: Path, workers: int) -> dict[str, float]:
    """Run one measurement in a fresh process so peak RSS belongs to that run alone."""
    code = f"""
import json, resource, sys, time
from pathlib import Path
mode, corpus, workers = {mode!r}, Path({str(corpus)!r}), {workers}
if mode == 'bare':
    from claimledger.ingest import read_inputs
    from claimledger.extract.pipeline import load_nlp
    texts = [d.text for d in read_inputs([str(corpus)]) if hasattr(d, 'text')]
    nlp = load_nlp()
    t = time.perf_counter()
    n = sum(1 for _ in nlp.pipe(texts, batch_size=32, n_process=workers))
    dt = time.perf_counter() - t
else:
    from claimledger import Ledger
    from claimledger.extract.pipeline import load_nlp
    load_nlp()  # model load is not ingest work; the bare run excludes it too
    db = corpus.parent / (corpus.name + '.db')
    t = time.perf_counter()
    with Ledger(db) as ledger:
        r = ledger.ingest([str(corpus)], workers=workers)
    dt = time.perf_counter() - t
    n = r.documents_added
rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({{'n': n, 'seconds': dt, 'rss_mb': rss}}))
"""
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--articles", type=int, default=500)
    parser.add_argument("--workers", type=int, default=1)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus"
        texts = build_corpus(corpus, args.articles)
        words = sum(len(t.split()) for t in texts)
        bare = child("bare", corpus, args.workers)
        full = child("full", corpus, args.workers)
        print(f"corpus: {args.articles} articles, {words} words; workers={args.workers}")
        for name, r in (("bare nlp.pipe", bare), ("full ingest", full)):
            print(
                f"{name:14} {r['n'] / r['seconds']:8.1f} articles/s  "
                f"{words / r['seconds']:9.0f} words/s  peak RSS {r['rss_mb']:.0f} MB"
            )
        print(f"ratio full/bare: {bare['seconds'] / full['seconds']:.2f} (target >= 0.70)")
        big = Path(tmp) / "corpus2"
        build_corpus(big, args.articles * 2)
        full2 = child("full", big, args.workers)
        print(
            f"peak RSS full ingest: {full['rss_mb']:.0f} MB at {args.articles} articles, "
            f"{full2['rss_mb']:.0f} MB at {args.articles * 2} (flat if streaming)"
        )


if __name__ == "__main__":
    main()
