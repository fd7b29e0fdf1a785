"""Throughput of local and Ray ingest at 1 and 2 workers; peak memory of a large local ingest.

    python benchmarks/scale.py [--articles 400] [--engines local,ray] [--workers 1,2]
    python benchmarks/scale.py --memory 20000 [--workers 1]

Throughput mode generates N distinct articles (`claimledger.scale.synth`: template prose with
varied people, places and figures), ingests them into a fresh SQLite ledger with each engine and
worker count, and prints a table:

  wall      articles/s over the whole call, worker start-up (one spaCy load each) included
  steady    articles/s after the first 20% of documents reached the driver (start-up and
            pipeline fill excluded); documents arrive in batches, so use N >= 400
  per core  steady rate / workers

then the ratios Ray/local and 2 workers/1 worker. Ray runs on a local instance started once
(`num_cpus` = the largest worker count), outside the timings.

Memory mode ingests N generated articles locally in a child process and prints its peak RSS
(target < 1.5 GB for 20,000 articles: both engines stream, so memory does not grow with N).
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from claimledger.models import Document
from claimledger.scale.synth import write_corpus


class Clock:
    """Progress hook recording when each document reaches the driver."""

    def __init__(self) -> None:
        self.start = time.perf_counter()
        self.stamps: list[float] = []

    def __call__(self, _document: Document, _n_claims: int) -> None:
        self.stamps.append(time.perf_counter())

    def rates(self) -> tuple[float, float]:
        """(wall, steady) articles per second."""
        n = len(self.stamps)
        if n == 0:
            return 0.0, 0.0
        wall = n / (self.stamps[-1] - self.start)
        k = max(1, n // 5)
        span = self.stamps[-1] - self.stamps[k - 1]
        steady = (n - k) / span if span > 0 else wall
        return wall, steady


def run_local(corpus: Path, db: Path, workers: int) -> Clock:
    """Ingest with `Ledger.ingest` (a process pool when workers > 1)."""
    from claimledger import Ledger

    clock = Clock()
    with Ledger(db) as ledger:
        ledger.ingest([str(corpus)], workers=workers, on_document=clock)
    return clock


def run_ray(corpus: Path, db: Path, workers: int) -> Clock:
    """Ingest with `ray_ingest` on the Ray instance already started."""
    from claimledger.ledger.engine import open_store
    from claimledger.scale.ray_runner import ray_ingest

    clock = Clock()
    with open_store(str(db)) as store:
        ray_ingest(store, [corpus], workers=workers, on_document=clock)
    return clock


def throughput(args: argparse.Namespace) -> None:
    """Run every engine x worker count over one generated corpus and print the table."""
    engines = args.engines.split(",")
    counts = [int(w) for w in args.workers.split(",")]
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus"
        write_corpus(corpus, args.articles)
        from claimledger.extract.pipeline import load_nlp

        load_nlp()  # the in-process model load is not ingest work
        if "ray" in engines:
            import ray
            from ray.data import DataContext

            ray.init(num_cpus=max(counts), include_dashboard=False, log_to_driver=False)
            DataContext.get_current().enable_progress_bars = False
        results: dict[tuple[str, int], tuple[float, float]] = {}
        for engine in engines:
            for workers in counts:
                db = Path(tmp) / f"{engine}-{workers}.db"
                clock = (run_ray if engine == "ray" else run_local)(corpus, db, workers)
                results[engine, workers] = clock.rates()
                wall, steady = results[engine, workers]
                print(
                    f"  done {engine} x{workers}: {wall:.1f} / {steady:.1f} articles/s", flush=True
                )
    _print_table(args.articles, results)


def _print_table(n: int, results: dict[tuple[str, int], tuple[float, float]]) -> None:
    print(f"\n{n} generated articles; articles/s (wall incl. start-up | steady | steady per core)")
    print(f"{'engine':8}{'workers':>8}{'wall':>10}{'steady':>10}{'per core':>10}")
    for (engine, workers), (wall, steady) in results.items():
        print(f"{engine:8}{workers:>8}{wall:>10.1f}{steady:>10.1f}{steady / workers:>10.1f}")
    print()
    for workers in sorted({w for _, w in results}):
        if ("ray", workers) in results and ("local", workers) in results:
            ray_s, local_s = results["ray", workers][1], results["local", workers][1]
            print(f"ray/local steady at {workers} worker(s): {ray_s / local_s:.2f}")
    for engine in sorted({e for e, _ in results}):
        if (engine, 1) in results and (engine, 2) in results:
            ratio = results[engine, 2][1] / results[engine, 1][1]
            print(f"{engine}: 2 workers / 1 worker steady: {ratio:.2f}")


def memory(args: argparse.Namespace) -> None:
    """Ingest N generated articles in a child process and print its peak RSS."""
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus"
        t0 = time.perf_counter()
        write_corpus(corpus, args.memory)
        print(f"generated {args.memory} articles in {time.perf_counter() - t0:.0f} s", flush=True)
        workers = int(args.workers.split(",")[0])
        cmd = [sys.executable, __file__, "--child", str(corpus), "--workers", str(workers)]
        done = subprocess.run(cmd, capture_output=True, text=True, check=True)
        result = json.loads(done.stdout.strip().splitlines()[-1])
    peak = result["rss_mb"]
    print(
        f"local ingest of {result['documents']} articles, {workers} worker(s): "
        f"{result['seconds']:.0f} s ({result['documents'] / result['seconds']:.1f} articles/s), "
        f"{result['claims']} claims; peak RSS {peak:.0f} MB (driver), "
        f"{result['children_rss_mb']:.0f} MB (largest worker) - target < 1536 MB: "
        f"{'met' if max(peak, result['children_rss_mb']) < 1536 else 'MISSED'}"
    )


def child(corpus: Path, workers: int) -> None:
    """The measured ingest of memory mode (runs in its own process)."""
    from claimledger import Ledger

    t0 = time.perf_counter()
    with Ledger(corpus.parent / "memory.db") as ledger:
        report = ledger.ingest([str(corpus)], workers=workers)
    seconds = time.perf_counter() - t0
    self_rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    children_rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(
        json.dumps(
            {
                "documents": report.documents_added,
                "claims": report.claims_added,
                "seconds": seconds,
                "rss_mb": self_rss,
                "children_rss_mb": children_rss,
            }
        )
    )


def main() -> None:
    """Parse options and run one mode."""
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--articles", type=int, default=400, help="corpus size for throughput")
    parser.add_argument("--engines", default="local,ray", help="comma list: local, ray")
    parser.add_argument("--workers", default="1,2", help="comma list of worker counts")
    parser.add_argument("--memory", type=int, default=0, help="memory mode: ingest N articles")
    parser.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child, int(args.workers.split(",")[0]))
    elif args.memory:
        memory(args)
    else:
        throughput(args)


if __name__ == "__main__":
    main()
