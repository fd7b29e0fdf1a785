"""An ingest killed part way leaves whole documents only, and running it again finishes the rest.

Both engines: the local one, and Ray (the driver killed, its local Ray going down with it).
"""

from __future__ import annotations

import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest

from claimledger import Ledger
from claimledger.ledger.engine import open_store
from claimledger.ledger.records import iter_documents
from claimledger.scale.synth import write_corpus

from .scale_corpus import exported

N_ARTICLES = 200

pytestmark = pytest.mark.slow


def _start_cli_ingest(corpus: Path, db: Path, *options: str) -> subprocess.Popen[bytes]:
    code = "from claimledger.cli import main; main()"
    args = ["ingest", str(corpus), "--db", str(db), "--quiet", *options]
    return subprocess.Popen(
        [sys.executable, "-c", code, *args],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )


def _kill_after_first_batches(process: subprocess.Popen[bytes], db: Path) -> int:
    """SIGKILL the ingest once some documents are committed; return how many were."""
    deadline = time.monotonic() + 300
    stored = 0
    while time.monotonic() < deadline and process.poll() is None:
        if db.exists():
            with open_store(str(db)) as store:
                stored = store.stats().documents
            if stored >= 1:
                break
        time.sleep(0.05)
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=30)
    return stored


def test_killed_ingest_keeps_whole_documents_and_rerun_finishes(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    write_corpus(corpus, N_ARTICLES)

    with Ledger(tmp_path / "clean.db") as clean:
        clean_report = clean.ingest([str(corpus)])
        clean_records = exported(clean.store)
    assert clean_report.documents_added == N_ARTICLES
    clean_counts = Counter(r["doc_id"] for r in clean_records)

    killed_db = tmp_path / "killed.db"
    process = _start_cli_ingest(corpus, killed_db)
    _kill_after_first_batches(process, killed_db)
    assert process.returncode == -signal.SIGKILL, "the ingest finished before it could be killed"

    with Ledger(killed_db) as reopened:  # opens fine after the kill
        kept = [d.doc_id for d in iter_documents(reopened.store)]
        kept_counts = Counter(r["doc_id"] for r in exported(reopened.store))
        assert 0 < len(kept) < N_ARTICLES, f"expected a partial ledger, found {len(kept)} documents"
        # Whole documents only: each stored document has every claim a clean run gives it.
        assert {d: kept_counts[d] for d in kept} == {d: clean_counts[d] for d in kept}

        rerun = reopened.ingest([str(corpus)])
        assert rerun.documents_skipped == len(kept)
        assert rerun.documents_added == N_ARTICLES - len(kept)
        assert exported(reopened.store) == clean_records


RAY_ARTICLES = 160


@pytest.mark.ray
@pytest.mark.filterwarnings("ignore::DeprecationWarning:ray.*")
@pytest.mark.filterwarnings("ignore::FutureWarning:ray.*")
def test_killed_ray_ingest_keeps_whole_documents_and_rerun_finishes(
    ray_instance: None, tmp_path: Path
) -> None:
    """`ingest --engine ray` SIGKILLed part way (driver, and with it its Ray), then run again."""
    from typer.testing import CliRunner

    from claimledger.cli import app

    corpus = tmp_path / "corpus"
    write_corpus(corpus, RAY_ARTICLES, seed=11)
    with Ledger(tmp_path / "clean.db") as clean:
        clean.ingest([str(corpus)])
        clean_records = exported(clean.store)
    clean_counts = Counter(r["doc_id"] for r in clean_records)

    killed_db = tmp_path / "killed.db"
    process = _start_cli_ingest(corpus, killed_db, "--engine", "ray", "--workers", "1")
    _kill_after_first_batches(process, killed_db)
    assert process.returncode == -signal.SIGKILL, "the ingest finished before it could be killed"

    with Ledger(killed_db) as reopened:
        kept = [d.doc_id for d in iter_documents(reopened.store)]
        kept_counts = Counter(r["doc_id"] for r in exported(reopened.store))
    assert 0 < len(kept) < RAY_ARTICLES, f"expected a partial ledger, found {len(kept)} documents"
    assert {d: kept_counts[d] for d in kept} == {d: clean_counts[d] for d in kept}

    # The same command again (in this process, on the session's Ray): it finishes the rest.
    args = ["ingest", str(corpus), "--db", str(killed_db), "--engine", "ray", "--workers", "2"]
    rerun = CliRunner().invoke(app, args)
    assert rerun.exit_code == 0, rerun.output
    expected = f"{RAY_ARTICLES - len(kept)} added, {len(kept)} already in the ledger"
    assert expected in rerun.output
    with Ledger(killed_db) as finished:
        assert exported(finished.store) == clean_records
