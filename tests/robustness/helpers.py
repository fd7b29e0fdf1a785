"""Helpers shared by the robustness tests: ledger copies, export digests, good neighbours."""

from __future__ import annotations

import hashlib
import io
import json
import sqlite3
import subprocess
import sys
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

from claimledger.api import Ledger
from claimledger.export import export
from claimledger.ledger.engine import open_store
from claimledger.runner import IngestReport

REPO = Path(__file__).resolve().parent.parent.parent
CLI = REPO / ".venv" / "bin" / "claimledger"


def write_article(folder: Path, i: int) -> Path:
    """Write the i-th generated article (benchmarks/faults.py) into `folder`; returns its path."""
    from faults import article

    name, text = article(i)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def copy_ledger(src: Path, dst: Path) -> None:
    """Copy a SQLite ledger with the backup API (consistent even with a WAL beside it)."""
    with closing(sqlite3.connect(src)) as a, closing(sqlite3.connect(dst)) as b:
        a.backup(b)


def export_lines(db: Path, fmt: str = "jsonl") -> list[str]:
    """The ledger exported by the library's exporter, one string per line."""
    buf = io.StringIO()
    with open_store(str(db)) as store:
        export(store, fmt, buf)
    return buf.getvalue().splitlines()


def digest(lines: list[str]) -> tuple[int, str]:
    """Count and SHA-256 of export lines."""
    return len(lines), hashlib.sha256("\n".join(lines).encode()).hexdigest()


@dataclass
class Held:
    """A ledger and the export it held before a test touched it."""

    db: Path
    lines: list[str]
    doc_ids: frozenset[str]

    def unchanged(self) -> bool:
        """True when every record stored before is still exported, byte for byte."""
        after = [
            line for line in export_lines(self.db) if json.loads(line)["doc_id"] in self.doc_ids
        ]
        return digest(after) == digest(self.lines)

    def new_records(self) -> list[dict[str, object]]:
        """Export records of documents added since."""
        records = [json.loads(line) for line in export_lines(self.db)]
        return [r for r in records if r["doc_id"] not in self.doc_ids]


def hold(db: Path) -> Held:
    """Snapshot the export of `db`."""
    lines = export_lines(db)
    return Held(db, lines, frozenset(json.loads(line)["doc_id"] for line in lines))


def ingest(db: Path, *paths: Path | str) -> IngestReport:
    """Ingest through the Python API, as `claimledger ingest` does."""
    with Ledger(db) as ledger:
        return ledger.ingest([str(p) for p in paths])


def messages(report: IngestReport) -> list[str]:
    """The problems of a run, as printed."""
    return [str(e) for e in report.errors]


def cli(
    *args: str, cwd: Path | None = None, timeout: float = 300
) -> subprocess.CompletedProcess[str]:
    """Run the installed `claimledger` console script in a real subprocess."""
    return subprocess.run(
        [str(CLI), *args], capture_output=True, text=True, cwd=cwd, timeout=timeout, check=False
    )


def doc_texts(db: Path) -> list[str]:
    """Every stored document's text, read with plain sqlite3."""
    with closing(sqlite3.connect(db)) as conn:
        return [t for (t,) in conn.execute("SELECT text FROM documents")]


PYTHON = sys.executable
