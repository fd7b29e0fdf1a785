"""Kill-and-resume: SIGKILL `claimledger ingest` at random moments, then check nothing is lost.

    python benchmarks/faults.py [--kills 30] [--docs 60] [--seed 7] [--per-cycle 3]

Generates a corpus of short war-reporting articles (with a few syndicated copies), ingests it
once cleanly with the real CLI to get a reference ledger, then runs cycles on fresh ledgers:
start `claimledger ingest`, SIGKILL it after a random delay, check the ledger (it opens, passes
`PRAGMA integrity_check`, every stored document has exactly the claims of the clean run), and
repeat; each cycle ends with one uninterrupted run whose export must equal the reference.

Before the kill loop, one CLI run over a catalogue of bad inputs (empty, binary, truncated,
nested, NUL-filled, undecodable, unparseable dates, a file above the size cap...) next to two
good articles, into a copy of the reference ledger: every bad file must be named, nothing
stored before may change, the run must exit 0.

Prints bad inputs tried and reported, kills injected, documents stored at kill time, records
lost (must be 0) and duplicates (must be 0). The same loop, smaller, is
`tests/robustness/test_faults.py`.
"""

from __future__ import annotations

import argparse
import json
import random
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


def write_bad_inputs(folder: Path) -> dict[str, int]:
    """Write a catalogue of bad inputs into `folder`; returns file name -> problems expected
    (one per file, or one per bad line/row of a JSONL or CSV)."""
    folder.mkdir(parents=True, exist_ok=True)
    claim = "Officials said on Monday that {n} soldiers had been killed near Ganja."
    nested = '{"text": ' + "[" * 50_000
    files: dict[str, tuple[bytes, int]] = {
        "empty.txt": (b"", 1),
        "blank.md": (b"  \n\n\t\n", 1),
        "binary.txt": (bytes(range(256)) * 40, 1),
        "png.html": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(300), 1),
        "gzip.jsonl": (b"\x1f\x8b\x08\x00" + bytes(range(256)) * 4, 1),
        "noise.txt": (bytes(range(0x80, 0x100)) * 8, 1),
        "broken-bom.txt": (b"\xff\xfe\x00\xd8\x41", 1),
        "menu.html": (b"<html><body><nav>Home | World | Sport</nav></body></html>", 1),
        "script-only.html": (b"<html><body><script>var a = 1;</script></body></html>", 1),
        "cut.html": (b"<html><body><article><p>Officials said that 5 soldiers had", 1),
        "lines.jsonl": (
            (
                json.dumps({"text": claim.format(n=1)})
                + "\n[1, 2]\nnull\n"
                + json.dumps({"title": "no text"})
                + '\n{"text": 5}\n{"text": ""}\nnot json\n'
                + nested
                + "\n"
                + '{"text": "cut off'
            ).encode(),
            8,
        ),
        "nuls.jsonl": (
            json.dumps({"text": claim.format(n=2)}).encode() + b"\n" + bytes(4096) + b"\n",
            1,
        ),
        "no-text.csv": (b"id,title\n1,x\n", 1),
        "empty-header.csv": (b"\n\n", 1),
        "rows.csv": (
            f'id,text\n1,"{claim.format(n=3)}"\n2\n3,""\n4,"never closed\n'.encode(),
            3,
        ),
        "bad-date.md": (f"---\ndate: the 45th of Octember\n---\n{claim.format(n=4)}\n".encode(), 1),
        "bad-yaml.md": (f"---\ndate: [unclosed\n---\n{claim.format(n=5)}\n".encode(), 1),
        "feb31.jsonl": (json.dumps({"text": claim.format(n=6), "date": "2020-02-31"}).encode(), 1),
    }
    for name, (data, _) in files.items():
        (folder / name).write_bytes(data)
    big = folder / "huge.txt"
    with big.open("wb") as out:  # above the single-article cap: refused unread
        line = (claim.format(n=7) + "\n").encode()
        out.write(line * (11 * 1024 * 1024 // len(line) + 1))
    return {**{name: n for name, (_, n) in files.items()}, "huge.txt": 1}


@dataclass
class BadInputReport:
    """What a CLI run over the bad-input catalogue did."""

    files: int
    problems_expected: int
    problems_reported: int
    unnamed: list[str]
    exit_code: int
    traceback: bool
    records_changed: int

    def lines(self) -> list[str]:
        """Human-readable summary."""
        return [
            f"bad input files:          {self.files}",
            f"problems expected:        {self.problems_expected}",
            f"problems reported:        {self.problems_reported} (file[:line] named)",
            f"files not named:          {len(self.unnamed)} {self.unnamed or ''}",
            f"exit code:                {self.exit_code} (0: good files were read)",
            f"traceback:                {'yes' if self.traceback else 'no'}",
            f"stored records changed:   {self.records_changed}",
        ]


def bad_input_run(workdir: Path, reference: Reference, reference_db: Path) -> BadInputReport:
    """Ingest the catalogue plus two good articles into a copy of the reference ledger."""
    inbox = workdir / "bad-inputs"
    expected = write_bad_inputs(inbox)
    for i in (900, 901):
        name, text = article(i)
        (inbox / name).write_text(text, encoding="utf-8")
    db = workdir / "bad-inputs.db"
    with closing(sqlite3.connect(reference_db)) as src, closing(sqlite3.connect(db)) as dst:
        src.backup(dst)
    done = subprocess.run(
        ingest_command(inbox, db), capture_output=True, text=True, timeout=900, check=False
    )
    reported = [line for line in done.stderr.splitlines() if line.startswith("skipped: ")]
    named = {line.split()[2].rstrip(":").split(":")[0] for line in reported}
    unnamed = sorted(n for n in expected if str(inbox / n) not in named)
    before = set(reference.export)
    kept = {line for line in export_lines(db) if json.loads(line)["doc_id"] in reference.claims}
    return BadInputReport(
        files=len(expected),
        problems_expected=sum(expected.values()),
        problems_reported=len(reported),
        unnamed=unnamed,
        exit_code=done.returncode,
        traceback="Traceback" in done.stderr + done.stdout,
        records_changed=len(before ^ kept),
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
            span = reference.seconds if from_launch else reference.seconds - reference.start
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
    parser.add_argument("--kills", type=int, default=30)
    parser.add_argument("--docs", type=int, default=60)
    parser.add_argument("--per-cycle", type=int, default=3)
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
    bad_inputs = (
        inputs.unnamed
        or inputs.traceback
        or inputs.records_changed
        or inputs.exit_code != 0
        or inputs.problems_reported != inputs.problems_expected
    )
    return 1 if bad or bad_inputs else 0


if __name__ == "__main__":
    sys.exit(main())
