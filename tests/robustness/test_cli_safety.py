"""The command line under hostile conditions: missing ledgers, unwritable exports, file names
holding terminal escapes or undecodable bytes, symbolic links to folders."""

from __future__ import annotations

import os
import resource
import signal
import subprocess
from pathlib import Path

import pytest
from robust_helpers import CLI, cli, ingest, write_article

from claimledger.errors import NOT_FOUND, UNREADABLE, InputError
from claimledger.ingest import read_inputs
from claimledger.models import Document


@pytest.mark.parametrize(
    "command",
    [
        ["claims"],
        ["figures"],
        ["conflicts"],
        ["track", "abc"],
        ["export", "-f", "csv"],
        ["serve", "--port", "1"],
    ],
)
def test_reading_a_ledger_that_does_not_exist_fails_without_creating_it(
    tmp_path: Path, command: list[str]
) -> None:
    db = tmp_path / "mistyped.db"
    done = cli(*command, "--db", str(db), timeout=120)
    assert done.returncode == 1
    assert f"no ledger at {db}" in done.stderr and "Traceback" not in done.stderr
    assert not db.exists()


def test_export_to_a_missing_folder_or_a_folder_is_one_line(held_db: Path, tmp_path: Path) -> None:
    for target, says in [
        (tmp_path / "no" / "such" / "x.csv", "does not exist"),
        (tmp_path, "it is a folder"),
    ]:
        done = cli("export", "--db", str(held_db), "-f", "csv", "-o", str(target))
        assert done.returncode == 1 and "Traceback" not in done.stderr
        assert says in done.stderr and len(done.stderr.strip().splitlines()) == 1
    assert not (tmp_path / "no").exists()


def test_export_to_a_full_device_is_one_line(held_db: Path) -> None:
    for fmt in ("jsonl", "parquet"):
        done = cli("export", "--db", str(held_db), "-f", fmt, "-o", "/dev/full")
        assert done.returncode == 1 and "Traceback" not in done.stderr
        assert "No space left on device" in done.stderr
    assert Path("/dev/full").is_char_device()  # written in place, never replaced


def _file_size_limit() -> None:
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails with EFBIG
    resource.setrlimit(resource.RLIMIT_FSIZE, (48 * 1024, 48 * 1024))


def test_export_that_runs_out_of_space_leaves_no_file(big_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "claims.jsonl"
    done = subprocess.run(
        [str(CLI), "export", "--db", str(big_db), "-o", str(out)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        preexec_fn=_file_size_limit,
    )
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert "cannot write the export" in done.stderr and "nothing kept" in done.stderr
    assert list(tmp_path.iterdir()) == []  # neither the file nor its temporary


def test_file_names_with_terminal_escapes_are_shown_escaped(tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "\x1b[2J\x1b]0;owned\x07.txt").write_bytes(b"")
    good = write_article(inbox, 930)
    odd = inbox / os.fsdecode(b"\xff\xfe-report.txt")
    odd.write_text(
        good.read_text(encoding="utf-8").replace("told reporters", "told journalists"), "utf-8"
    )
    done = cli("ingest", str(inbox), "--db", str(tmp_path / "l.db"), "--quiet")
    assert done.returncode == 0, done.stderr
    assert "\x1b" not in done.stderr and "\x07" not in done.stderr
    assert "\\x1b[2J\\x1b]0;owned\\x07.txt" in done.stderr
    assert "Traceback" not in done.stderr + done.stdout
    assert "2 added" in done.stdout  # the undecodable name is stored, written as \xff\xfe


def test_undecodable_file_name_is_stored_escaped(tmp_path: Path) -> None:
    path = tmp_path / os.fsdecode(b"caf\xe9.txt")
    path.write_text("The mayor said on Friday that 8 schools had been closed.\n", "utf-8")
    (doc,) = [d for d in read_inputs([str(tmp_path)]) if isinstance(d, Document)]
    assert doc.doc_path.endswith("caf\\xe9.txt")
    report = ingest(tmp_path / "l.db", path)
    assert report.documents_added == 1


def test_symlinked_folders_are_followed_like_files_and_loops_reported(tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    write_article(outside, 940)
    loose = tmp_path / "loose"
    loose.mkdir()
    write_article(loose, 942)
    root = tmp_path / "root"
    (root / "sub").mkdir(parents=True)
    write_article(root / "sub", 941)
    (root / "a-file-link.md").symlink_to(loose / "article-0942.md")
    (root / "b-again.md").symlink_to(loose / "article-0942.md")
    (root / "gone").symlink_to(tmp_path / "nowhere")
    (root / "linked").symlink_to(outside, target_is_directory=True)
    (root / "sub" / "loop").symlink_to(root, target_is_directory=True)
    items = list(read_inputs([str(root)]))
    docs = {d.doc_path for d in items if isinstance(d, Document)}
    errors = {(Path(e.path).name, e.code) for e in items if isinstance(e, InputError)}
    assert docs == {
        str(root / "a-file-link.md"),  # a link to a file is followed
        str(root / "linked" / "article-0940.md"),  # and so is a link to a folder
        str(root / "sub" / "article-0941.md"),
    }
    assert errors == {("b-again.md", UNREADABLE), ("loop", UNREADABLE), ("gone", NOT_FOUND)}
    messages = " ".join(str(e) for e in items if isinstance(e, InputError))
    assert "already read" in messages and "broken symbolic link" in messages


@pytest.fixture(scope="module")
def held_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("held")
    db = folder / "ledger.db"
    ingest(db, write_article(folder, 950))
    return db


@pytest.fixture(scope="module")
def big_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A ledger whose JSONL export is well above 48 KB."""
    folder = tmp_path_factory.mktemp("big")
    paths = [write_article(folder, 960 + i) for i in range(25)]
    db = folder / "ledger.db"
    report = ingest(db, *paths)
    assert report.claims_added >= 50
    return db
