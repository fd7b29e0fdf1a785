"""Kill-and-resume: SIGKILL `claimledger ingest` at random moments, then check nothing is lost.

    python benchmarks/faults.py [--kills 100] [--docs 40] [--seed 7] [--per-cycle 5]

Generates a corpus of short war-reporting articles (with a few syndicated copies), ingests it
once cleanly with the real CLI to get a reference ledger, then runs cycles on fresh ledgers:
start `claimledger ingest`, SIGKILL it after a random delay, check the ledger (it opens, passes
`PRAGMA integrity_check`, every stored document has exactly the claims of the clean run), and
repeat; each cycle ends with one uninterrupted run whose export must equal the reference.

Before the kill loop, one CLI run over the catalogue of `bad_inputs.py` (over 100 kinds: empty,
binary, truncated, nested, NUL-filled, undecodable, impossible dates, YAML alias bombs, lone
surrogates, HTML with 60,000 attributes or 3,000 levels, CRLF and key-by-key front matter,
terminal escapes and undecodable bytes in names, symbolic link loops, a file above the size
cap...) next to two good articles, into a copy of the reference ledger: every kind must give
exactly the skipped and warning lines and stored documents it promises, nothing stored before
may change, the run must exit 0.

Prints bad inputs tried and reported, kills injected, documents stored at kill time, records
lost (must be 0) and duplicates (must be 0). The same loop, smaller, is
`tests/robustness/test_faults.py`.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import signal
import sqlite3
import subprocess
import sys
import time
from collections import Counter
from contextlib import closing
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
CLI = REPO / ".venv" / "bin" / "claimledger"
sys.path.insert(0, str(Path(__file__).resolve().parent))  # bad_inputs.py beside this file

import bad_inputs  # noqa: E402

_CLAIMANTS = [
    "Azerbaijan's Defence Ministry",
    "Armenian Defence Ministry spokeswoman Shushan Stepanyan",
    "Nagorno-Karabakh's ombudsman Artak Beglaryan",
    "Azerbaijani presidential aide Hikmet Hajiyev",
    "Armenian Prime Minister Nikol Pashinyan",
    "Russian Foreign Minister Sergei Lavrov",
]
_PLACES = ["Ganja", "Stepanakert", "Martuni", "Tartar", "Barda", "Hadrut", "Shusha", "Fuzuli"]
_COUNTED = ["civilians", "soldiers", "servicemen", "residents"]
_EVENTS = ["killed", "wounded", "evacuated", "captured"]
_OUTLETS = ["Caucasus Wire", "Meridian Daily", "Harbor Times", "Baltic Ledger"]


def article(i: int) -> tuple[str, str]:
    """The i-th generated article as (file name, text with front matter); all distinct."""
    day = date(2020, 9, 27) + timedelta(days=i % 44)
    who = _CLAIMANTS[i % len(_CLAIMANTS)]
    other = _CLAIMANTS[(i + 3) % len(_CLAIMANTS)]
    place = _PLACES[i % len(_PLACES)]
    counted = _COUNTED[i % len(_COUNTED)]
    event = _EVENTS[(i // 2) % len(_EVENTS)]
    body = (
        f"{who} said on {day:%A} that {10 + 3 * i} {counted} had been {event} in {place} "
        f"since the fighting began.\n\n"
        f'"The shelling of {place} must stop at once," {other} told reporters in report {i}.\n\n'
        f"According to local officials, about {200 + 7 * i} homes in {place} were damaged "
        f"during week {i // 7 + 1} of the war.\n\n"
        f"{other} denied that its forces had targeted {place}, calling bulletin {i} a fabrication."
    )
    meta = (
        f"---\ndate: {day.isoformat()}\noutlet: {_OUTLETS[i % len(_OUTLETS)]}\n"
        f"title: Report {i} from {place}\n---\n"
    )
    return f"article-{i:04d}.md", meta + body + "\n"


def make_corpus(folder: Path, n_docs: int) -> Path:
    """Write `n_docs` articles into `folder`; every 15th is also syndicated by a second outlet."""
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n_docs):
        name, text = article(i)
        (folder / name).write_text(text, encoding="utf-8")
        if i % 15 == 7:  # a syndicated copy: same story, another outlet, one line added
            copy = (
                text.replace("outlet: ", "outlet: Syndicated ", 1)
                + "\nThis report was syndicated.\n"
            )
            (folder / name.replace(".md", "-copy.md")).write_text(copy, encoding="utf-8")
    return folder


def ingest_command(corpus: Path, db: Path) -> list[str]:
    """The real CLI invocation every run uses."""
    return [str(CLI), "ingest", str(corpus), "--db", str(db), "--quiet"]


def run_ingest(corpus: Path, db: Path, timeout: float = 600) -> subprocess.CompletedProcess[str]:
    """One uninterrupted `claimledger ingest`; raises when it fails."""
    done = subprocess.run(
        ingest_command(corpus, db), capture_output=True, text=True, timeout=timeout, check=False
    )
    if done.returncode != 0:
        raise RuntimeError(f"ingest failed ({done.returncode}): {done.stderr[-2000:]}")
    return done


def started_runs(db: Path) -> int:
    """How many ingest runs the ledger has recorded (0 while it does not exist yet)."""
    if not db.exists():
        return 0
    try:
        with closing(sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=0.2)) as conn:
            return int(conn.execute("SELECT count(*) FROM ingests").fetchone()[0])
    except sqlite3.Error:  # being created or migrated right now
        return 0


def kill_ingest(corpus: Path, db: Path, delay: float, *, after_start: bool) -> bool:
    """Run an ingest and SIGKILL it `delay` s after launch (or after its run is recorded).

    Returns True when the process was killed, False when it finished first.
    """
    runs_before = started_runs(db)
    proc = subprocess.Popen(
        ingest_command(corpus, db), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    try:
        if after_start:
            while proc.poll() is None and started_runs(db) <= runs_before:
                time.sleep(0.02)
        deadline = time.monotonic() + delay
        while proc.poll() is None and time.monotonic() < deadline:
            time.sleep(0.01)
        if proc.poll() is not None:
            return False
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        return True
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()


def ledger_claims(db: Path) -> dict[str, frozenset[str]]:
    """doc_id -> its claim_ids, read with plain sqlite3 (what a fresh reader sees).

    Raises:
        AssertionError: the database fails `PRAGMA integrity_check`.
    """
    with closing(sqlite3.connect(db)) as conn:
        check = conn.execute("PRAGMA integrity_check").fetchall()
        if check != [("ok",)]:
            raise AssertionError(f"integrity_check on {db}: {check}")
        docs = {d for (d,) in conn.execute("SELECT doc_id FROM documents")}
        out: dict[str, set[str]] = {d: set() for d in docs}
        for doc_id, claim_id in conn.execute("SELECT doc_id, claim_id FROM claims"):
            out.setdefault(doc_id, set()).add(claim_id)
    return {d: frozenset(c) for d, c in out.items()}


def export_lines(db: Path) -> list[str]:
    """The JSONL export of the ledger, through the library's own exporter."""
    import io

    from claimledger.export import export
    from claimledger.ledger.engine import open_store

    buf = io.StringIO()
    with open_store(str(db)) as store:
        export(store, "jsonl", buf)
    return buf.getvalue().splitlines()


def damage(state: dict[str, frozenset[str]], reference: dict[str, frozenset[str]]) -> list[str]:
    """Problems of a (possibly partial) ledger against the clean reference: unknown documents,
    documents stored with fewer or other claims than the clean run gives them."""
    problems = []
    for doc_id, claim_ids in state.items():
        if doc_id not in reference:
            problems.append(f"document {doc_id} is not in the clean ledger")
        elif claim_ids != reference[doc_id]:
            missing = len(reference[doc_id] - claim_ids)
            extra = len(claim_ids - reference[doc_id])
            problems.append(f"document {doc_id}: {missing} claims missing, {extra} unexpected")
    return problems


@dataclass
class BadInputReport:
    """What a CLI run over the bad-input catalogue (bad_inputs.py) did."""

    kinds: int
    skipped_expected: int
    warnings_expected: int
    skipped_reported: int
    warnings_reported: int
    mismatched: list[str]
    exit_code: int
    traceback: bool
    records_changed: int
    seconds: float

    def lines(self) -> list[str]:
        """Human-readable summary."""
        return [
            f"kinds of bad input:       {self.kinds}",
            f"skipped lines:            {self.skipped_reported} of {self.skipped_expected} "
            "expected (file[:line] named)",
            f"warning lines:            {self.warnings_reported} of {self.warnings_expected} "
            "expected (document kept)",
            f"kinds not as promised:    {len(self.mismatched)}",
            *(f"  {m}" for m in self.mismatched[:20]),
            f"exit code:                {self.exit_code} (0: good files were read)",
            f"traceback:                {'yes' if self.traceback else 'no'}",
            f"stored records changed:   {self.records_changed}",
            f"catalogue run:            {self.seconds:.1f} s",
        ]

    @property
    def failed(self) -> bool:
        """True when any kind gave other than what the project promises."""
        return bool(
            self.mismatched or self.traceback or self.records_changed or self.exit_code != 0
        )


_PROBLEM = re.compile(r"^(skipped|warning): CL\d+ (.*?)(?::\d+)?: ")


def bad_input_run(workdir: Path, reference: Reference, reference_db: Path) -> BadInputReport:
    """Ingest the catalogue plus two good articles into a copy of the reference ledger; check
    each kind's skipped and warning lines and stored documents against its promise."""
    inbox = workdir / "bad-inputs"
    kinds = bad_inputs.write(inbox)
    for i in (900, 901):
        name, text = article(i)
        (inbox / name).write_text(text, encoding="utf-8")
    db = workdir / "bad-inputs.db"
    with closing(sqlite3.connect(reference_db)) as src, closing(sqlite3.connect(db)) as dst:
        src.backup(dst)
    t0 = time.monotonic()
    done = subprocess.run(
        ingest_command(inbox, db), capture_output=True, text=True, timeout=1800, check=False
    )
    seconds = time.monotonic() - t0
    said: dict[str, Counter[str]] = {"skipped": Counter(), "warning": Counter()}
    for line in done.stderr.splitlines():
        if match := _PROBLEM.match(line):
            said[match.group(1)][match.group(2)] += 1
    with closing(sqlite3.connect(db)) as conn:
        stored = Counter(p.split("#")[0] for (p,) in conn.execute("SELECT doc_path FROM carriers"))
    mismatched = []
    for kind in kinds:
        path = bad_inputs.path_of(inbox, kind)
        got = (said["skipped"][path], said["warning"][path], stored[path])
        promised = (kind.skipped, kind.warnings, kind.stored)
        if got != promised:
            mismatched.append(f"{kind.name!r}: skipped/warnings/stored {got}, promised {promised}")
    before = set(reference.export)
    kept = {line for line in export_lines(db) if json.loads(line)["doc_id"] in reference.claims}
    return BadInputReport(
        kinds=len(kinds),
        skipped_expected=sum(k.skipped for k in kinds),
        warnings_expected=sum(k.warnings for k in kinds),
        skipped_reported=sum(said["skipped"].values()),
        warnings_reported=sum(said["warning"].values()),
        mismatched=mismatched,
        exit_code=done.returncode,
        traceback="Traceback" in done.stderr + done.stdout,
        records_changed=len(before ^ kept),
        seconds=seconds,
    )


@dataclass
class FaultReport:
    """What a kill-and-resume loop did and found."""

    kills: int = 0
    finished_before_kill: int = 0
    docs_at_kill: list[int] = field(default_factory=list)
    cycles: int = 0
    documents: int = 0
    records_lost: int = 0
    duplicates: int = 0
    problems: list[str] = field(default_factory=list)

    def lines(self) -> list[str]:
        """Human-readable summary."""
        at_kill = Counter(self.docs_at_kill)
        return [
            f"kills injected:           {self.kills}",
            f"runs that ended first:    {self.finished_before_kill}",
            f"cycles (fresh ledgers):   {self.cycles}",
            f"documents at kill time:   {dict(sorted(at_kill.items()))}",
            f"documents stored (final): {self.documents} per cycle",
            f"records lost:             {self.records_lost}",
            f"duplicates:               {self.duplicates}",
            f"problems:                 {len(self.problems)}",
            *(f"  {p}" for p in self.problems[:20]),
        ]


@dataclass
class Reference:
    """The clean run: per-document claim sets, the export, and its timing."""

    claims: dict[str, frozenset[str]]
    export: list[str]
    seconds: float  # launch to exit
    start: float  # launch to the run being recorded in the ledger (start-up, schema)


def clean_reference(corpus: Path, db: Path) -> Reference:
    """Ingest `corpus` once without interruption into `db`, timing when it starts writing."""
    t0 = time.monotonic()
    proc = subprocess.Popen(
        ingest_command(corpus, db), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True
    )
    start = None
    while proc.poll() is None:
        if start is None and started_runs(db):
            start = time.monotonic() - t0
        time.sleep(0.02)
    seconds = time.monotonic() - t0
    if proc.returncode != 0:
        raise RuntimeError(f"clean ingest failed: {proc.stderr.read() if proc.stderr else ''}")
    if proc.stderr:
        proc.stderr.close()
    return Reference(ledger_claims(db), export_lines(db), seconds, start or 0.0)


def kill_loop(
    corpus: Path,
    workdir: Path,
    reference: Reference,
    kills: int,
    *,
    per_cycle: int = 3,
    seed: int = 7,
) -> FaultReport:
    """Inject `kills` SIGKILLs in cycles of `per_cycle`, checking the ledger after each one.

    Every third kill comes a uniform delay after launch (it may land in start-up or in schema
    creation); the others a uniform delay after the run is recorded in the ledger, over what
    the clean run spent from there (so they land among parsing, batch writes and linking).
    """
    rng = random.Random(seed)
    report = FaultReport()
    cycle = 0
    while report.kills < kills:
        cycle += 1
        db = workdir / f"cycle-{cycle:03d}.db"
        in_cycle = 0
        attempts = 0
        while in_cycle < per_cycle and report.kills < kills and attempts < per_cycle * 3:
            attempts += 1
            from_launch = (report.kills + report.finished_before_kill) % 3 == 0
            # A resumed run has only the rest to do: aim the kill inside what is left of it.
            left = 1 - (len(ledger_claims(db)) if db.exists() else 0) / len(reference.claims)
            work = (reference.seconds - reference.start) * max(left, 0.1)
            span = reference.start + work if from_launch else work
            delay = rng.uniform(0, span)
            if not kill_ingest(corpus, db, delay, after_start=not from_launch):
                report.finished_before_kill += 1
                break  # the run finished: nothing left to interrupt in this cycle
            report.kills += 1
            in_cycle += 1
            state = ledger_claims(db) if db.exists() else {}
            report.docs_at_kill.append(len(state))
            report.problems += [
                f"cycle {cycle} kill {in_cycle}: {p}" for p in damage(state, reference.claims)
            ]
        run_ingest(corpus, db)  # the resume must finish the rest
        final = ledger_claims(db)
        report.problems += [f"cycle {cycle} final: {p}" for p in damage(final, reference.claims)]
        lines = export_lines(db)
        ids = Counter(json.loads(line)["claim_id"] for line in lines)
        report.duplicates += sum(n - 1 for n in ids.values() if n > 1)
        lost_docs = set(reference.claims) - set(final)
        report.records_lost += sum(len(reference.claims[d]) for d in lost_docs)
        report.records_lost += sum(
            len(reference.claims[d] - final.get(d, frozenset())) for d in final
        )
        if lines != reference.export:
            report.problems.append(f"cycle {cycle}: final export differs from the clean reference")
        report.documents = len(final)
        for suffix in ("", "-wal", "-shm"):
            Path(f"{db}{suffix}").unlink(missing_ok=True)
    report.cycles = cycle
    return report


def main(argv: list[str] | None = None) -> int:
    """Run the loop and print the figures; exit 1 when anything was lost or duplicated."""
    import tempfile

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kills", type=int, default=100)
    parser.add_argument("--docs", type=int, default=40)
    parser.add_argument("--per-cycle", type=int, default=5)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        corpus = make_corpus(work / "corpus", args.docs)
        t0 = time.monotonic()
        reference = clean_reference(corpus, work / "reference.db")
        print(
            f"corpus: {len(list(corpus.iterdir()))} files, {len(reference.claims)} documents, "
            f"{len(reference.export)} exported claims; clean run {reference.seconds:.1f} s"
        )
        inputs = bad_input_run(work, reference, work / "reference.db")
        print("\n".join(inputs.lines()))
        report = kill_loop(
            corpus, work, reference, args.kills, per_cycle=args.per_cycle, seed=args.seed
        )
        print("\n".join(report.lines()))
        print(f"total time: {time.monotonic() - t0:.0f} s")
    bad = report.records_lost or report.duplicates or report.problems
    print(
        f"cases: {inputs.kinds} kinds of bad input, {report.kills} kills; "
        f"records lost {report.records_lost}, duplicates {report.duplicates}, "
        f"kinds not as promised {len(inputs.mismatched)}"
    )
    return 1 if bad or inputs.failed else 0


if __name__ == "__main__":
    sys.exit(main())
