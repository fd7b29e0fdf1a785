"""Faults never cost data: SIGKILLed ingests, two ingests at once, a read-only file, a full disk."""

from __future__ import annotations

import json
import sqlite3
import subprocess
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path

import pytest
from robust_helpers import (
    CLI,
    Held,
    cli,
    copy_ledger,
    doc_texts,
    export_lines,
    hold,
    write_article,
)
from spacy.tokens import Doc
from sqlalchemy import Engine, event
from sqlalchemy.engine import URL
from typer.testing import CliRunner

import faults
from claimledger.api import Ledger
from claimledger.cli import app
from claimledger.errors import EXTRACT_FAILED
from claimledger.extract.extractor import Extractor
from claimledger.ledger import engine as engine_module
from claimledger.models import Claim, Document
from claimledger.runner import ingest_paths


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """60 generated articles plus their syndicated copies."""
    return faults.make_corpus(tmp_path_factory.mktemp("faults") / "corpus", 60)


@pytest.fixture(scope="module")
def reference(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> faults.Reference:
    """The clean, uninterrupted CLI run over the corpus."""
    return faults.clean_reference(corpus, tmp_path_factory.mktemp("reference") / "clean.db")


def test_sigkilled_ingests_keep_whole_documents_and_resume_to_the_clean_ledger(
    corpus: Path, reference: faults.Reference, tmp_path: Path
) -> None:
    assert len(reference.claims) == 64 and reference.export
    report = faults.kill_loop(corpus, tmp_path, reference, kills=10, per_cycle=5, seed=11)
    assert report.kills == 10
    assert report.problems == []
    assert report.records_lost == 0 and report.duplicates == 0
    assert report.documents == len(reference.claims)


def test_kill_after_the_last_batch_before_copy_linking_is_healed_by_the_rerun(
    corpus: Path, reference: faults.Reference, tmp_path: Path
) -> None:
    db = tmp_path / "cut.db"
    with Ledger(db) as ledger:  # every batch written, the process "dies" before linking copies
        ingest_paths(ledger.store, [str(corpus)])
    with Ledger(db) as ledger:
        again = ledger.ingest([str(corpus)])
    assert again.documents_added == 0
    assert export_lines(db) == reference.export


def test_two_ingests_into_one_ledger_at_once(tmp_path: Path) -> None:
    first, second = tmp_path / "a", tmp_path / "b"
    first.mkdir()
    second.mkdir()
    for i in range(30):
        write_article(first, i)
    for i in range(20, 50):  # ten articles in both folders
        write_article(second, i)
    db = tmp_path / "shared.db"
    procs = [
        subprocess.Popen(
            [str(CLI), "ingest", str(folder), "--db", str(db), "--quiet"],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for folder in (first, second)
    ]
    outputs = [p.communicate(timeout=600) for p in procs]
    assert [p.returncode for p in procs] == [0, 0], outputs
    state = faults.ledger_claims(db)  # also runs PRAGMA integrity_check
    assert len(state) == 50
    with closing(sqlite3.connect(db)) as conn:
        paths = [Path(p).name for (p,) in conn.execute("SELECT doc_path FROM documents")]
        n_claims = conn.execute("SELECT count(*), count(DISTINCT claim_id) FROM claims").fetchone()
    assert sorted(paths) == sorted({*paths})  # each shared article stored once
    assert n_claims[0] == n_claims[1] == sum(len(c) for c in state.values())
    added = sum(int(out.split(" added")[0].split(", ")[-1]) for out, _ in outputs)
    assert added == 50  # the ten shared articles were added by exactly one of the two runs


def test_read_only_ledger_gives_a_clear_error(held: Held, tmp_path: Path) -> None:
    good = write_article(tmp_path, 700)
    url = f"sqlite:///file:{held.db}?mode=ro&uri=true"
    done = cli("ingest", str(good), "--db", url, "--quiet")
    assert done.returncode == 1
    assert "Traceback" not in done.stderr + done.stdout
    assert done.stderr.strip() == f"Error: cannot write to the ledger file:{held.db}: " + (
        "the file is read-only (check its permissions and its folder's)"
    )
    assert held.unchanged() and not held.new_records()
    # Reading a read-only ledger works.
    exported = cli("export", "--db", url, "--format", "jsonl")
    assert exported.returncode == 0 and exported.stdout.splitlines() == held.lines


@pytest.fixture(scope="module")
def forty(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, frozenset[str]]]:
    """Forty articles and the claims a clean run stores for each."""
    folder = tmp_path_factory.mktemp("forty")
    for i in range(40):
        write_article(folder, 300 + i)
    clean = tmp_path_factory.mktemp("forty-clean") / "clean.db"
    with Ledger(clean) as ledger:
        ledger.ingest([str(folder)])
    return folder, faults.ledger_claims(clean)


def test_full_disk_gives_a_clear_error_and_keeps_what_was_stored(
    held: Held, forty: tuple[Path, dict[str, frozenset[str]]], monkeypatch: pytest.MonkeyPatch
) -> None:
    folder, reference = forty
    with closing(sqlite3.connect(held.db)) as conn:
        pages = conn.execute("PRAGMA page_count").fetchone()[0]
    real = engine_module.create_ledger_engine

    def capped(url: URL) -> Engine:
        # The lowest seam: SQLite's own "database or disk is full" at two pages above today.
        engine = real(url)

        @event.listens_for(engine, "connect")
        def _cap(dbapi_conn: sqlite3.Connection, _record: object) -> None:
            dbapi_conn.execute(f"PRAGMA max_page_count = {pages + 2}")

        return engine

    monkeypatch.setattr(engine_module, "create_ledger_engine", capped)
    result = CliRunner().invoke(app, ["ingest", str(folder), "--db", str(held.db), "--quiet"])
    assert result.exit_code == 1, result.output
    assert isinstance(result.exception, SystemExit)
    assert "disk is full; nothing of this batch was written" in result.stderr
    assert "Traceback" not in result.output
    monkeypatch.undo()
    assert held.unchanged()
    # Whatever was stored is whole: each document has every claim a clean run gives it.
    partial = faults.ledger_claims(held.db)
    assert faults.damage({d: c for d, c in partial.items() if d in reference}, reference) == []


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A real 400 KB tmpfs file system (needs root, as in CI); unmounted afterwards."""
    mount = tmp_path / "disk"
    mount.mkdir()
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=400k", "tmpfs", str(mount)],
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.strip()}")
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)


def test_a_real_full_disk_stops_the_cli_cleanly_and_a_rerun_finishes(
    held: Held, forty: tuple[Path, dict[str, frozenset[str]]], small_disk: Path
) -> None:
    folder, reference = forty
    db = small_disk / "ledger.db"
    copy_ledger(held.db, db)
    on_disk = hold(db)
    done = cli("ingest", str(folder), "--db", str(db), "--quiet")
    assert done.returncode == 1, done.stdout + done.stderr
    assert "Traceback" not in done.stderr + done.stdout
    assert done.stderr.strip() == (
        f"Error: cannot write to the ledger {db}: "
        "the disk is full; nothing of this batch was written"
    )
    assert on_disk.unchanged()
    partial = faults.ledger_claims(db)  # opens, passes integrity_check
    assert len(partial) < len(on_disk.doc_ids) + len(reference)  # the disk did fill up
    assert faults.damage({d: c for d, c in partial.items() if d in reference}, reference) == []
    # Room again: the same command finishes the rest, nothing twice.
    subprocess.run(["mount", "-o", "remount,size=16m", str(small_disk)], check=True)
    again = cli("ingest", str(folder), "--db", str(db), "--quiet")
    assert again.returncode == 0, again.stderr
    final = faults.ledger_claims(db)
    assert {d: c for d, c in final.items() if d in reference} == reference
    assert on_disk.unchanged() and len(final) == len(on_disk.doc_ids) + len(reference)


def test_a_ledger_on_a_read_only_file_system_is_read_and_refuses_writes_clearly(
    held: Held, small_disk: Path, tmp_path: Path
) -> None:
    db = small_disk / "ledger #1?.db"  # URI characters in the name, too
    copy_ledger(held.db, db)
    subprocess.run(["mount", "-o", "remount,ro", str(small_disk)], check=True)
    good = write_article(tmp_path, 701)
    done = cli("ingest", str(good), "--db", str(db), "--quiet")
    assert done.returncode == 1
    assert "Traceback" not in done.stderr + done.stdout
    assert done.stderr.strip() == (
        f"Error: cannot write to the ledger {db}: "
        "the file is read-only (check its permissions and its folder's)"
    )
    # Reading works: SQLite could not create its WAL index there, so the file is opened as
    # immutable rather than refused.
    exported = cli("export", "--db", str(db), "--format", "jsonl")
    assert exported.returncode == 0, exported.stderr
    assert exported.stdout.splitlines() == held.lines


def test_a_document_whose_extraction_fails_is_named_and_the_run_goes_on(
    held: Held, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = Extractor.claims_from_parsed

    def fragile(self: Extractor, document: Document, parsed: Doc) -> list[Claim]:
        # The lowest seam: a bug in the core meeting one document's text.
        if "POISON" in document.text:
            raise ValueError("boom")
        return real(self, document, parsed)

    monkeypatch.setattr(Extractor, "claims_from_parsed", fragile)
    folder = tmp_path / "batch"
    folder.mkdir()
    goods = [write_article(folder, 600 + i) for i in range(5)]
    feed = folder / "feed.jsonl"
    feed.write_text(
        json.dumps({"text": "Officials said 3 POISON soldiers died."})
        + "\n"
        + json.dumps({"text": "Officials said 4 soldiers died on the road to Ganja."})
        + "\n",
        encoding="utf-8",
    )
    (folder / "poison.txt").write_text("The ministry said POISON 9 times.\n", encoding="utf-8")
    with Ledger(held.db) as ledger:
        report = ledger.ingest([str(folder)])
    assert [str(e) for e in report.errors] == [
        f"{EXTRACT_FAILED} {feed}:1: claims could not be extracted (ValueError: boom); not stored",
        f"{EXTRACT_FAILED} {folder / 'poison.txt'}: claims could not be extracted "
        "(ValueError: boom); not stored",
    ]
    assert report.documents_added == 6
    assert held.unchanged()
    stored = {r["doc_path"] for r in held.new_records()}
    assert {str(g) for g in goods} | {f"{feed}#2"} <= stored
    assert not any("POISON" in t for t in doc_texts(held.db))
    monkeypatch.undo()
    with Ledger(held.db) as ledger:  # fixed: a re-run stores what was left out, nothing twice
        again = ledger.ingest([str(folder)])
    assert again.documents_added == 2 and not again.errors
