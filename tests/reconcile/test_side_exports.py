"""The "Per X" table: `figures --by side`, and the MediaWiki / Markdown exports parsed back.

A real SQLite ledger from our own corpus (tests/reconcile/corpus/) plus one article whose
title, outlet and URL are written to break wiki and Markdown markup.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from claimledger.cli import app
from claimledger.export.markdown import escape_markdown
from claimledger.export.wikitable import escape_wiki, safe_url

CORPUS = Path(__file__).parent / "corpus"
HOSTILE_TITLE = "Toll |} rises {{!}} </ref><ref>[[Evil]] ''bold'' <script>x</script>"
HOSTILE = f"""---
date: 2020-10-04
outlet: "Pipe | Wire [[Outlet]]"
title: "{HOSTILE_TITLE}"
url: "https://example.org/story|x}}}}?a=1 b"
---
BAKU - Azerbaijan's defence ministry said on Sunday that 2,100 Armenian servicemen had
been killed since the fighting began.

The ministry gave no figure for its own losses.
"""


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(app, list(args))
    return result.exit_code, result.stdout


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    tmp = tmp_path_factory.mktemp("sides")
    hostile = tmp / "hostile.md"
    hostile.write_text(HOSTILE, encoding="utf-8")
    path = str(tmp / "sides.db")
    days = sorted(str(p) for p in CORPUS.glob("day*.md"))
    code, _ = run("ingest", *days, str(hostile), "--db", path, "--quiet")
    assert code == 0
    return path


def test_side_exports_figures_by_side(db: str) -> None:
    code, out = run("figures", "--db", db, "--by", "side", "--about", "Armenian")
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == "Per Armenia:"
    assert "Per Azerbaijan:" in lines
    # Each side's latest word on the track, with who said it.
    armenia = lines[1 : lines.index("Per Azerbaijan:")]
    assert any(
        "Armenian soldiers killed" in line and "Defence Ministry" in line for line in armenia
    )
    azerbaijan = lines[lines.index("Per Azerbaijan:") + 1 :]
    assert any(
        "2,100 Armenian soldiers killed — Azerbaijan Defence Ministry" in x for x in azerbaijan
    )


def _wiki_rows(text: str) -> tuple[list[str], list[list[str]]]:
    lines = text.splitlines()
    assert lines[0] == '{| class="wikitable"' and lines[-1] == "|}"
    header = next(line for line in lines if line.startswith("! "))
    columns = header[2:].split(" !! ")
    rows: list[list[str]] = []
    for line in lines[1:-1]:
        if line == "|-":
            rows.append([])
        elif line.startswith("| ") or line == "|":
            rows[-1].append(line[2:])
        else:
            assert line.startswith(("|+ ", "! ")), line
    return columns, rows


def test_side_exports_wikitable_parses_back(db: str, tmp_path: Path) -> None:
    target = tmp_path / "table.wiki"
    code, _ = run(
        "export", "--db", db, "--format", "wikitable", "--about", "Armenian", "-o", str(target)
    )
    assert code == 0
    text = target.read_text("utf-8")
    columns, rows = _wiki_rows(text)
    assert (
        columns[0] == "What is counted" and "Per Armenia" in columns and "Per Azerbaijan" in columns
    )
    assert rows and all(len(r) == len(columns) for r in rows)
    figures = [f for r in rows for cell in r[1:] for f in cell.split("<br />") if f]
    assert figures
    for figure in figures:
        # One reference per figure, closed, holding one {{cite news}} with the five fields.
        assert figure.count("<ref>") == 1 and figure.endswith("</ref>")
        template = figure[figure.index("<ref>") + 5 : -len("</ref>")]
        assert template.startswith("{{cite news ") and template.endswith("}}")
        inner = template[len("{{cite news ") : -2]
        assert "{" not in inner and "}" not in inner
        fields = [p.split("=", 1)[0] for p in inner.split(" |")]
        assert fields == ["|url", "title", "work", "date", "access-date"]
    # The hostile article's markup is inert; its URL kept, encoded.
    assert "[[Evil]]" not in text and "<script>" not in text and "''bold''" not in text
    assert escape_wiki(HOSTILE_TITLE) in text
    assert "|url=https://example.org/story%7Cx%7D%7D?a=1%20b" in text


def test_side_exports_markdown_parses_back(db: str) -> None:
    code, out = run("export", "--db", db, "--format", "markdown", "--about", "Armenian")
    assert code == 0
    table = [line for line in out.splitlines() if line.startswith("|")]
    cells = [re.split(r"(?<!\\)\|", line)[1:-1] for line in table]
    assert len({len(c) for c in cells}) == 1, cells
    assert cells[0][0].strip() == "What is counted"
    refs = {int(n) for n in re.findall(r"\\\[(\d+)\\\]", out)}
    sources = re.findall(r"^(\d+)\. ", out, flags=re.MULTILINE)
    assert refs and refs == {int(n) for n in sources}
    assert "<script>" not in out and "[[Evil]]" not in out
    assert escape_markdown(HOSTILE_TITLE) in out
    assert "](https://example.org/story%7Cx%7D%7D?a=1%20b)" in out


def test_side_exports_escaping_rules() -> None:
    assert escape_wiki("a|b{{c}}[[d]]<ref>") == (
        "a&#124;b&#123;&#123;c&#125;&#125;&#91;&#91;d&#93;&#93;&#60;ref&#62;"
    )
    assert escape_wiki("line\nbreak\x1b[31m") == "line break [31m".replace("[", "&#91;")
    assert escape_markdown("a|b [x](y) <b>") == "a\\|b \\[x\\]\\(y\\) &lt;b&gt;"
    assert safe_url("javascript:alert(1)") is None
    assert safe_url("https://ex.org/a b|c") == "https://ex.org/a%20b%7Cc"


def test_side_exports_user_tables_are_explicit(db: str, tmp_path: Path) -> None:
    mine = tmp_path / "mine.yaml"
    mine.write_text("counted:\n  - name: livestock\n    words: [donkeys]\n", encoding="utf-8")
    code, plain = run("figures", "--db", db, "--by", "side")
    code_mine, with_mine = run("figures", "--db", db, "--by", "side", "--taxonomy", str(mine))
    assert code == code_mine == 0 and plain == with_mine  # nothing here counts donkeys
    bad = tmp_path / "bad.yaml"
    bad.write_text("counted:\n  - name: civilians\n    words: [troops]\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["figures", "--db", db, "--taxonomy", str(bad)])
    assert result.exit_code != 0
    assert f"{bad}:3" in result.output and "'troops'" in result.output
