"""The reconciliation views through the CLI: `figures [--about]`, `track ID`, `conflicts`.

Runs Typer's runner over a real SQLite ledger built from our own multi-day corpus
(tests/reconcile/corpus/).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from claimledger.cli import app

CORPUS = Path(__file__).parent / "corpus"


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(app, list(args))
    return result.exit_code, result.stdout


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    path = str(tmp_path_factory.mktemp("views") / "views.db")
    days = sorted(str(p) for p in CORPUS.glob("day*.md"))
    code, _ = run("ingest", *days, "--db", path, "--quiet")
    assert code == 0
    return path


def test_cli_views_figures_per_claimant(db: str) -> None:
    code, out = run("figures", "--db", db)
    assert code == 0
    assert "Per Nagorno-Karabakh Defence Ministry: 130" in out
    assert "Per Armenia Defence Ministry: 150 Armenian soldiers killed (2020-10-03)" in out
    assert "Per unknown" not in out


def test_cli_views_figures_about(db: str) -> None:
    code, out = run("figures", "--db", db, "--about", "Syrian")
    assert code == 0
    assert "Per Emmanuel Macron: 300 foreign fighters deployed" in out
    assert "Defence Ministry" not in out


def test_cli_views_track_series_and_notes(db: str) -> None:
    code, out = run("figures", "--db", db, "--about", "Nagorno-Karabakh Defence Ministry")
    track_id = re.search(r"\[track ([0-9a-f]+)\]", out)
    assert code == 0 and track_id is not None
    code, out = run("track", track_id.group(1), "--db", db)
    assert code == 0
    # The track holds every side's figures; the ministry's own series is in date order.
    block = out.split("Per Nagorno-Karabakh Defence Ministry:")[1].split("\nPer ")[0]
    days = re.findall(r"^  (2020-10-\d\d)  ", block, flags=re.MULTILINE)
    assert days == sorted(days) and len(days) == 6
    assert "23 more (incremental)" in out
    assert "note: consistent:" in out and "= 104" in out


def test_cli_views_conflicts(db: str) -> None:
    code, out = run("conflicts", "--db", db)
    assert code == 0
    assert "[figure] Armenian soldiers killed" in out
    assert "[denial] Ilham Aliyev denies" in out and "what Emmanuel Macron asserted" in out
    code, out = run("conflicts", "--db", db, "--json")
    kinds = sorted(c["kind"] for c in json.loads(out))
    assert kinds == ["denial", "figure"]
