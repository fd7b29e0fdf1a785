"""Throughput of a full ingest against bare spaCy on the same texts.

    python benchmarks/throughput.py [--articles 500] [--workers 1]

Builds a corpus of N articles from the bundled demo corpus (each copy made distinct so none is
skipped as a duplicate), then times:
  bare   reading the files into clean texts (what any pipeline on these files needs: decode,
         front matter, page junk) and nlp.pipe over them, with the same pipeline and batch
         size (the floor; the ratio against parsing alone is printed too),
  full   claimledger ingest of the files into a fresh SQLite ledger (read, clean, parse,
         extract, write),
and prints articles/s, words/s and the ratio full/bare (target >= 0.70). Peak RSS of each run
is measured in a child process, at N and 2N articles, to show memory stays flat with corpus size.

The pair is run `--repeat` times, bare and full alternating, and each run is printed with its
wall-clock and CPU seconds; the ratio reported is the median over the pairs. On a machine shared
with other work the wall-clock ratio mostly measures the neighbours (either side may be slowed
by a third at random), so the CPU-time ratio (the process and its workers) is printed beside it:
with one worker on an idle machine the two agree.
"""

from __future__ import annotations

import argparse
import json
import statistics
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
def cpu():
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return time.process_time() + kids.ru_utime + kids.ru_stime
mode, corpus, workers = {mode!r}, Path({str(corpus)!r}), {workers}
if mode == 'bare':
    from claimledger.ingest import read_inputs
    from claimledger.extract.pipeline import load_nlp
    nlp = load_nlp()
    t, c = time.perf_counter(), cpu()
    texts = [d.text for d in read_inputs([str(corpus)]) if hasattr(d, 'text')]
    tp, cp = time.perf_counter(), cpu()
    n = sum(1 for _ in nlp.pipe(texts, batch_size=32, n_process=workers))
    dt, dc = time.perf_counter() - t, cpu() - c
    parse, parse_cpu = time.perf_counter() - tp, cpu() - cp
else:
    from claimledger import Ledger
    from claimledger.extract.pipeline import load_nlp
    load_nlp()  # model load is not ingest work; the bare run excludes it too
    db = corpus.parent / (corpus.name + '.db')
    db.unlink(missing_ok=True)  # a fresh ledger on every repeat
    t, c = time.perf_counter(), cpu()
    with Ledger(db) as ledger:
        r = ledger.ingest([str(corpus)], workers=workers)
    dt, dc = time.perf_counter() - t, cpu() - c
    parse, parse_cpu = dt, dc
    n = r.documents_added
rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({{'n': n, 'seconds': dt, 'cpu': dc, 'parse': parse, 'parse_cpu': parse_cpu,
                  'rss_mb': rss}}))
"""
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--articles", type=int, default=500)
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--repeat", type=int, default=3, help="bare/full pairs to run")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus"
        texts = build_corpus(corpus, args.articles)
        words = sum(len(t.split()) for t in texts)
        print(f"corpus: {args.articles} articles, {words} words; workers={args.workers}")
        wall_ratios: list[float] = []
        cpu_ratios: list[float] = []
        parse_ratios: list[float] = []
        for run in range(1, max(1, args.repeat) + 1):
            bare = child("bare", corpus, args.workers)
            full = child("full", corpus, args.workers)
            for name, r in (("bare nlp.pipe", bare), ("full ingest", full)):
                print(
                    f"run {run} {name:14} {r['n'] / r['seconds']:6.1f} articles/s  "
                    f"{words / r['seconds']:6.0f} words/s  wall {r['seconds']:5.1f} s  "
                    f"cpu {r['cpu']:5.1f} s  peak RSS {r['rss_mb']:.0f} MB"
                )
            wall_ratios.append(bare["seconds"] / full["seconds"])
            cpu_ratios.append(bare["cpu"] / full["cpu"])
            parse_ratios.append(bare["parse_cpu"] / full["cpu"])
            print(
                f"run {run} ratio full/bare: wall {wall_ratios[-1]:.2f}  cpu {cpu_ratios[-1]:.2f}"
                f"  (against parsing alone, {bare['parse_cpu']:.1f} s cpu: {parse_ratios[-1]:.2f})"
            )
        print(
            f"ratio full/bare: {statistics.median(wall_ratios):.2f} wall-clock, "
            f"{statistics.median(cpu_ratios):.2f} CPU time (median of {len(wall_ratios)}; "
            f"target >= 0.70); against parsing alone {statistics.median(parse_ratios):.2f} CPU"
        )
        big = Path(tmp) / "corpus2"
        build_corpus(big, args.articles * 2)
        full2 = child("full", big, args.workers)
        print(
            f"peak RSS full ingest: {full['rss_mb']:.0f} MB at {args.articles} articles, "
            f"{full2['rss_mb']:.0f} MB at {args.articles * 2} (flat if streaming)"
        )


if __name__ == "__main__":
    main()
