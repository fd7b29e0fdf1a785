"""The CLI end to end through Typer's runner, over a real SQLite ledger, on our own articles."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from claimledger.cli import app

ARTICLE_ONE = """---
date: 2020-10-05
outlet: Caucasus Wire
title: Shelling reaches Ganja
---
Azerbaijan's prosecutor general said on Monday that 24 civilians had been killed and 121 wounded
since the fighting began.

"The shelling of Ganja is a war crime," Azerbaijani President Ilham Aliyev said in a televised
address. He added that the army would not stop until the occupied districts were freed.
"""

ARTICLE_TWO = """ date 2020-10-06 The defence ministry of Nagorno-Karabakh said on Tuesday
that 21 more of its servicemen had been killed, bringing its military death toll to 244.

Armenian Prime Minister Nikol Pashinyan rejected reports that Armenian forces had fired on Ganja,
calling them disinformation.
"""


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "ganja.md").write_text(ARTICLE_ONE, encoding="utf-8")
    (folder / "toll.txt").write_text(ARTICLE_TWO, encoding="utf-8")
    (folder / "broken.jsonl").write_text(
        json.dumps(
            {"text": "Turkey's foreign ministry denied sending any fighters.", "date": "2020-10-01"}
        )
        + "\n{not json\n",
        encoding="utf-8",
    )
    return folder


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_cli_ingest_claims_export(corpus: Path, tmp_path: Path) -> None:
    db = str(tmp_path / "cli.db")
    code, out, err = run("ingest", str(corpus), "--db", db)
    assert code == 0, out + err
    assert "3 documents read, 3 added" in out
    assert "broken.jsonl:2" in err  # the bad line is named, the good line kept

    code, out, _ = run("claims", "--db", db, "--claimant", "Aliyev")
    assert code == 0
    assert "Ilham Aliyev" in out and "war crime" in out

    out_file = tmp_path / "claims.jsonl"
    code, _, _ = run("export", "--db", db, "--format", "jsonl", "-o", str(out_file))
    assert code == 0
    records = [json.loads(line) for line in out_file.read_text(encoding="utf-8").splitlines()]
    toll = [r for r in records if any(q["value"] == 21 for q in r["quantities"])]
    assert toll and toll[0]["stated_on"] == "2020-10-06"
    assert toll[0]["quantities"][0]["kind"] == "incremental"
    assert any(r["stance"] == "deny" and r["claimant"] == "Nikol Pashinyan" for r in records)

    # Again: nothing new.
    code, out, _ = run("ingest", str(corpus), "--db", db)
    assert code == 0 and "0 added" in out


def test_cli_nothing_readable_exits_nonzero(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    code, _, err = run("ingest", str(empty), "--db", str(tmp_path / "x.db"))
    assert code == 1
    assert "empty.txt" in err


def test_cli_bad_date_option(tmp_path: Path) -> None:
    code, _, err = run("ingest", str(tmp_path), "--db", str(tmp_path / "x.db"), "--date", "5 Oct")
    assert code == 2 and "YYYY-MM-DD" in err


def test_cli_figures_and_conflicts(corpus: Path, tmp_path: Path) -> None:
    db = str(tmp_path / "fig.db")
    assert run("ingest", str(corpus), "--db", db)[0] == 0
    code, out, _ = run("figures", "--db", db)
    assert code == 0
    assert "Per Azerbaijan" in out and "24" in out
    code, out, _ = run("conflicts", "--db", db, "--json")
    assert code == 0
    json.loads(out)


def test_cli_out_needs_ray_engine(corpus: Path, tmp_path: Path) -> None:
    code, _, err = run("ingest", str(corpus), "--db", str(tmp_path / "x.db"), "--out", "o")
    assert code == 2 and "--engine ray" in err
    code, _, err = run("ingest", str(corpus), "--engine", "spark")
    assert code == 2 and "unknown engine" in err


def test_cli_load_needs_a_folder(tmp_path: Path) -> None:
    code, _, err = run("load", str(tmp_path / "missing"), "--db", str(tmp_path / "x.db"))
    assert code == 2 and "not a folder" in err
