"""Throughput of local and Ray ingest at 1 and 2 workers; peak memory of a large ingest.

    python benchmarks/scale.py [--articles 400] [--engines local,ray] [--workers 1,2]
    python benchmarks/scale.py --memory 20000 [--engines local,ray] [--workers 1]

Throughput mode generates N distinct articles (`claimledger.scale.synth`: template prose with
varied people, places and figures), ingests them into a fresh SQLite ledger with each engine and
worker count, and prints a table:

  wall s     seconds for the whole call, worker start-up (one spaCy load each) included
  art/s      articles per wall-clock second
  CPU s      CPU seconds used by the driver and every process below it (pool workers; Ray's
             raylet, GCS, agents and actors), sampled from /proc during the run
  art/CPU-s  articles per CPU-second: the per-core rate. On a machine shared with other jobs
             wall-clock rates fall with the load; this one hardly moves, so estimates for
             other machines start from it

then the ratios Ray/local and 2 workers/1 worker, and the load averages before and after. Ray
runs on a local instance started once (`num_cpus` = the largest worker count), outside the
timings.

Memory mode ingests N generated articles with each engine (`--engines`, default both) in a
child process while the parent samples /proc, and prints the peak memory: the driver's RSS and
the whole process tree's (PSS summed over the driver, its worker processes and, for Ray, the
raylet, GCS and actors; shared pages such as the object store counted once). Target: under
1.5 GB for 20,000 articles; both engines stream, so memory does not grow with N.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from claimledger.models import Document
from claimledger.scale.synth import write_corpus

# Ray starts its workers at niceness 15: on a machine shared with other jobs they would then get
# only the CPU left over, and Ray would be measured against a local engine running at 0. Equal
# priority for both (read by the raylet, so set before Ray starts).
os.environ.setdefault("RAY_worker_niceness", "0")


class Clock:
    """Progress hook recording when each document reaches the driver."""

    def __init__(self) -> None:
        self.start = time.perf_counter()
        self.stamps: list[float] = []

    def __call__(self, _document: Document, _n_claims: int) -> None:
        self.stamps.append(time.perf_counter())

    def seconds(self) -> float:
        """From the start of the call to the last document reaching the driver."""
        return self.stamps[-1] - self.start if self.stamps else 0.0


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
    load_before = _load()
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
        results: dict[tuple[str, int], Run] = {}
        for engine in engines:
            for workers in counts:
                db = Path(tmp) / f"{engine}-{workers}.db"
                meter = CpuMeter()
                clock = (run_ray if engine == "ray" else run_local)(corpus, db, workers)
                run = Run(len(clock.stamps), clock.seconds(), meter.stop())
                results[engine, workers] = run
                print(
                    f"  done {engine} x{workers}: {run.rate:.1f} articles/s, "
                    f"{run.per_cpu_second:.1f} articles per CPU-second",
                    flush=True,
                )
    _print_table(args.articles, results, load_before)


class Run:
    """One ingest: documents, wall seconds, CPU seconds of the whole process tree."""

    def __init__(self, documents: int, seconds: float, cpu_seconds: float) -> None:
        self.documents, self.seconds, self.cpu_seconds = documents, seconds, cpu_seconds

    @property
    def rate(self) -> float:
        """Articles per wall-clock second."""
        return self.documents / self.seconds if self.seconds else 0.0

    @property
    def per_cpu_second(self) -> float:
        """Articles per CPU-second: the per-core rate, whatever else ran on the machine."""
        return self.documents / self.cpu_seconds if self.cpu_seconds else 0.0


class CpuMeter:
    """CPU time used by this process and all its descendants from creation to `stop()`.

    Sampled from /proc every `interval` seconds in a thread, so workers that start and end
    during the run (pool processes, Ray actors) count too, up to the last sample before they
    end. Ray's own processes (raylet, GCS, agents) are descendants of this driver and count.
    """

    def __init__(self, interval: float = 0.5) -> None:
        import threading

        self.root = os.getpid()
        self.base = _tree_cpu(self.root)
        self.last = dict(self.base)
        self.interval = interval
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)
        self._thread.start()

    def _sample(self) -> None:
        while not self._stop.wait(self.interval):
            self.last.update(_tree_cpu(self.root))

    def stop(self) -> float:
        """Stop sampling; the CPU seconds used since creation."""
        self._stop.set()
        self._thread.join()
        self.last.update(_tree_cpu(self.root))
        return sum(cpu - self.base.get(pid, 0.0) for pid, cpu in self.last.items())


def _tree_cpu(root: int) -> dict[int, float]:
    """User + system CPU seconds of `root` and each process below it."""
    tick = os.sysconf("SC_CLK_TCK")
    cpu: dict[int, float] = {}
    for pid in _descendants(root):
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        cpu[pid] = (int(fields[11]) + int(fields[12])) / tick
    return cpu


def _print_table(n: int, results: dict[tuple[str, int], Run], load_before: str) -> None:
    print(f"\n{n} generated articles (load before: {load_before})")
    print(f"{'engine':8}{'workers':>8}{'wall s':>8}{'art/s':>8}{'CPU s':>8}{'art/CPU-s':>11}")
    for (engine, workers), run in results.items():
        print(
            f"{engine:8}{workers:>8}{run.seconds:>8.1f}{run.rate:>8.1f}{run.cpu_seconds:>8.1f}"
            f"{run.per_cpu_second:>11.1f}"
        )
    print()
    for workers in sorted({w for _, w in results}):
        if ("ray", workers) in results and ("local", workers) in results:
            ray_r, local_r = results["ray", workers], results["local", workers]
            print(
                f"ray/local at {workers} worker(s): {ray_r.rate / local_r.rate:.2f} (articles/s), "
                f"{ray_r.per_cpu_second / local_r.per_cpu_second:.2f} (articles per CPU-second)"
            )
    for engine in sorted({e for e, _ in results}):
        if (engine, 1) in results and (engine, 2) in results:
            ratio = results[engine, 2].rate / results[engine, 1].rate
            print(f"{engine}: 2 workers / 1 worker (articles/s): {ratio:.2f}")
    print(f"load after: {_load()}")


def _load() -> str:
    """The 1, 5 and 15 minute load averages (the machine may be shared)."""
    return " ".join(f"{x:.1f}" for x in os.getloadavg()) + f" on {os.cpu_count()} cores"


def memory(args: argparse.Namespace) -> None:
    """Ingest N generated articles with each engine in a child process; print peak memory."""
    engines = args.engines.split(",")
    workers = int(args.workers.split(",")[0])
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus"
        t0 = time.perf_counter()
        write_corpus(corpus, args.memory)
        print(f"generated {args.memory} articles in {time.perf_counter() - t0:.0f} s", flush=True)
        for engine in engines:
            db = Path(tmp) / f"memory-{engine}.db"
            cmd = [sys.executable, __file__, "--child", str(corpus), "--db", str(db)]
            cmd += ["--engines", engine, "--workers", str(workers)]
            result, tree = _run_sampled(cmd)
            _print_memory(engine, workers, result, tree)


class TreeMemory:
    """Peak memory of a process and all its descendants (Ray's raylet, GCS and workers too).

    Sampled from /proc every `interval` seconds: the sum of PSS (shared pages such as Ray's
    object store counted once, split between the processes that map them) and the largest RSS.
    """

    def __init__(self) -> None:
        self.total_pss_mb = 0.0
        self.largest_rss_mb = 0.0
        self.processes = 0

    def sample(self, root: int) -> None:
        """Add one sample of the tree under `root`."""
        pids = _descendants(root)
        total = 0.0
        for pid in pids:
            pss, rss = _pss_rss_mb(pid)
            total += pss
            self.largest_rss_mb = max(self.largest_rss_mb, rss)
        self.total_pss_mb = max(self.total_pss_mb, total)
        self.processes = max(self.processes, len(pids))


def _descendants(root: int) -> list[int]:
    """`root` and every process below it, from the parent ids in /proc/*/stat."""
    children: dict[int, list[int]] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue  # the process ended while we looked
        children.setdefault(int(fields[1]), []).append(int(stat.parent.name))
    found, todo = [], [root]
    while todo:
        pid = todo.pop()
        found.append(pid)
        todo.extend(children.get(pid, []))
    return found


def _pss_rss_mb(pid: int) -> tuple[float, float]:
    """(PSS, RSS) of one process in MB; zeros when it is gone."""
    values = {"Pss:": 0.0, "Rss:": 0.0}
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            key, *rest = line.split()
            if key in values:
                values[key] = int(rest[0]) / 1024
    except (OSError, IndexError, ValueError):
        pass
    return values["Pss:"], values["Rss:"]


def _run_sampled(cmd: list[str], interval: float = 0.5) -> tuple[dict[str, float], TreeMemory]:
    """Run `cmd`, sampling its process tree's memory until it exits; return its JSON result."""
    tree = TreeMemory()
    with subprocess.Popen(cmd, stdout=subprocess.PIPE, text=True) as process:
        while process.poll() is None:
            tree.sample(process.pid)
            time.sleep(interval)
        out = process.stdout.read() if process.stdout else ""
    if process.returncode != 0:
        raise SystemExit(f"{' '.join(cmd)} failed ({process.returncode})")
    return json.loads(out.strip().splitlines()[-1]), tree


def _print_memory(engine: str, workers: int, result: dict[str, float], tree: TreeMemory) -> None:
    seconds, documents = result["seconds"], result["documents"]
    peak = max(result["rss_mb"], tree.total_pss_mb)
    print(
        f"{engine} ingest of {documents:.0f} articles, {workers} worker(s): {seconds:.0f} s "
        f"({documents / seconds:.1f} articles/s), {result['claims']:.0f} claims\n"
        f"  peak memory: driver RSS {result['rss_mb']:.0f} MB; all {tree.processes} processes "
        f"(PSS sum) {tree.total_pss_mb:.0f} MB; largest process RSS {tree.largest_rss_mb:.0f} MB"
        f" - target < 1536 MB: {'met' if peak < 1536 else 'MISSED'}",
        flush=True,
    )


def child(corpus: Path, db: Path, engine: str, workers: int) -> None:
    """The measured ingest of memory mode (runs in its own process)."""
    t0 = time.perf_counter()
    if engine == "ray":
        from claimledger.ledger.engine import open_store
        from claimledger.scale.ray_runner import ray_ingest

        with open_store(str(db)) as store:
            report = ray_ingest(store, [corpus], workers=workers)
    else:
        from claimledger import Ledger

        with Ledger(db) as ledger:
            report = ledger.ingest([str(corpus)], workers=workers)
    seconds = time.perf_counter() - t0
    self_rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        json.dumps(
            {
                "documents": report.documents_added,
                "claims": report.claims_added,
                "seconds": seconds,
                "rss_mb": self_rss,
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
    parser.add_argument("--db", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child, args.db, args.engines, int(args.workers.split(",")[0]))
    elif args.memory:
        memory(args)
    else:
        throughput(args)


if __name__ == "__main__":
    main()
