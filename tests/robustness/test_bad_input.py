"""Bad input never costs data: each bad file is named and skipped, its good neighbour is stored,
and every record the ledger held before is exported unchanged afterwards."""

from __future__ import annotations

import codecs
import json
import re
from datetime import date
from pathlib import Path

import pytest
from robust_helpers import Held, cli, doc_texts, ingest, messages, write_article

from claimledger.api import Ledger
from claimledger.errors import (
    BAD_CSV,
    BAD_DATE,
    BAD_JSON_LINE,
    BINARY_FILE,
    EMPTY_FILE,
    MISSING_TEXT,
    NO_ARTICLE,
    NOT_FOUND,
    TOO_LARGE,
)

CLAIM = "Azerbaijan's Defence Ministry said on Tuesday that {n} Armenian soldiers had been killed."


def neighbour(folder: Path, i: int) -> Path:
    """A good article written next to the bad input."""
    path: Path = write_article(folder, 500 + i)
    return path


def run_beside(held: Held, bad: Path, good: Path) -> list[str]:
    """Ingest the bad and the good file together; check the run went on and nothing changed."""
    report = ingest(held.db, bad, good)
    assert report.documents_added >= 1, messages(report)
    assert held.unchanged()
    assert any(r["doc_path"] == str(good) for r in held.new_records())
    found: list[str] = messages(report)
    return found


def test_empty_file(held: Held, tmp_path: Path) -> None:
    bad = tmp_path / "empty.txt"
    bad.write_bytes(b"")
    found = run_beside(held, bad, neighbour(tmp_path, 1))
    assert found == [f"{EMPTY_FILE} {bad}: empty file"]


def test_binary_file_with_text_extension(held: Held, tmp_path: Path) -> None:
    bad = tmp_path / "photo.txt"
    bad.write_bytes(bytes(range(256)) * 40)
    found = run_beside(held, bad, neighbour(tmp_path, 2))
    assert len(found) == 1 and found[0].startswith(f"{BINARY_FILE} {bad}: binary")


def test_fifty_megabyte_text_file(held: Held, tmp_path: Path) -> None:
    bad = tmp_path / "dump.txt"
    line = (CLAIM.format(n=5) + "\n").encode()
    with bad.open("wb") as out:
        for _ in range(50 * 1024 * 1024 // len(line) + 1):
            out.write(line)
    assert bad.stat().st_size >= 50 * 1024 * 1024
    found = run_beside(held, bad, neighbour(tmp_path, 3))
    assert len(found) == 1 and found[0].startswith(f"{TOO_LARGE} {bad}: file of")


def test_invalid_utf8_reads_what_it_can(held: Held, tmp_path: Path) -> None:
    bad = tmp_path / "broken.txt"
    # Valid UTF-8 around a stray lone continuation byte and a cut-off multi-byte sequence.
    bad.write_bytes(
        CLAIM.format(n=31).encode() + b" Shelling \x80 resumed near \xe2\x82 Martuni.\n"
    )
    report = ingest(held.db, bad, neighbour(tmp_path, 4))
    assert held.unchanged()
    assert report.documents_added == 2, messages(report)
    text = next(t for t in doc_texts(held.db) if "31 Armenian soldiers" in t)
    assert "Martuni" in text


def test_cp1251_russian_and_latin1_french(held: Held, tmp_path: Path) -> None:
    russian = tmp_path / "tass.txt"
    russian.write_bytes(
        "Министерство обороны Азербайджана заявило, что в районе Физули шли бои. "
        "Представитель Армении опроверг эти сообщения.\n".encode("cp1251")
    )
    french = tmp_path / "afp.txt"
    french.write_bytes(
        "Le ministère arménien a déclaré que des frappes avaient touché Stepanakert, "
        "la capitale de la région, à l'aube.\n".encode("latin-1")
    )
    report = ingest(held.db, russian, french, neighbour(tmp_path, 5))
    assert held.unchanged()
    assert report.documents_added == 3, messages(report)
    texts = doc_texts(held.db)
    assert any("Министерство обороны Азербайджана" in t for t in texts)
    assert any("Le ministère arménien a déclaré" in t and "à l'aube" in t for t in texts)


def test_one_file_mixing_utf8_with_latin1_and_cp1251_lines(held: Held, tmp_path: Path) -> None:
    french = "Le ministère arménien a déclaré que des frappes avaient touché Stepanakert."
    pasted = "La capitale a été bombardée à l'aube, selon le porte-parole du ministère."
    russian = "Министерство обороны Азербайджана заявило, что в районе Физули шли бои."
    wire = "Представитель Армении опроверг эти сообщения, сообщило агентство."
    fr = tmp_path / "fr-mixed.txt"
    fr.write_bytes(f"{french}\n\n".encode() + f"{pasted}\n".encode("latin-1"))
    ru = tmp_path / "ru-mixed.txt"
    ru.write_bytes(f"{russian}\n\n".encode() + f"{wire}\n".encode("cp1251"))
    report = ingest(held.db, fr, ru)
    assert report.documents_added == 2 and not report.errors, messages(report)
    assert held.unchanged()
    texts = doc_texts(held.db)
    assert f"{french}\n\n{pasted}" in texts  # no "ministÃ¨re": the UTF-8 line stays UTF-8
    assert f"{russian}\n\n{wire}" in texts


@pytest.mark.parametrize(
    ("head", "codec"),
    [
        (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be"),
        (b"", "utf-16-le"),  # no BOM, as some Windows tools write it
        (codecs.BOM_UTF8, "utf-8"),
    ],
    ids=["utf16-le-bom", "utf16-be-bom", "utf16-le-no-bom", "utf8-bom"],
)
def test_utf16_with_bom(held: Held, tmp_path: Path, head: bytes, codec: str) -> None:
    path = tmp_path / "wide.txt"
    path.write_bytes(head + (CLAIM.format(n=77) + "\n").encode(codec))
    report = ingest(held.db, path, neighbour(tmp_path, 6))
    assert report.documents_added == 2, messages(report)
    assert held.unchanged()
    assert CLAIM.format(n=77) in doc_texts(held.db)
    assert any(q["value"] == 77 for r in held.new_records() for q in r["quantities"])


def test_html_that_is_only_navigation(held: Held, tmp_path: Path) -> None:
    bad = tmp_path / "menu.html"
    bad.write_text(
        "<html><head><title>World</title></head><body><nav><ul>"
        + "".join(f"<li><a href='/s{i}'>Section {i}</a></li>" for i in range(30))
        + "</ul></nav><footer>Contact us | Privacy</footer></body></html>",
        encoding="utf-8",
    )
    found = run_beside(held, bad, neighbour(tmp_path, 7))
    assert found == [f"{NO_ARTICLE} {bad}: no article text found (navigation or boilerplate only)"]


def test_html_script_and_style_inside_the_article(held: Held, tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text(
        "<html><head><title>Ganja shelled</title><style>body{color:red}</style></head><body>"
        "<article><h1>Ganja shelled</h1>"
        f"<p>{CLAIM.format(n=12)}</p>"
        "<script>var stolen = document.cookie; sendBeacon('evil');</script>"
        "<style>.secretclass { display: none }</style>"
        "<p>The Armenian Defence Ministry denied that its forces had fired on Ganja, "
        "calling the report a provocation.</p>"
        "<script type='text/javascript'>alert('pwned')</script>"
        "</article></body></html>",
        encoding="utf-8",
    )
    report = ingest(held.db, page)
    assert report.documents_added == 1, messages(report)
    assert held.unchanged()
    stored = next(t for t in doc_texts(held.db) if "12 Armenian soldiers" in t)
    dumped = stored + json.dumps(held.new_records())
    for leaked in ("stolen", "document.cookie", "sendBeacon", "alert", "secretclass", "color:red"):
        assert leaked not in dumped
    assert "denied that its forces had fired on Ganja" in stored


def test_jsonl_truncated_non_object_and_missing_text(held: Held, tmp_path: Path) -> None:
    feed = tmp_path / "feed.jsonl"
    good = {"text": CLAIM.format(n=41), "id": "w-1", "date": "2020-10-06", "outlet": "Wire"}
    feed.write_text(
        json.dumps(good)
        + "\n[1, 2, 3]\n"
        + json.dumps({"title": "no body", "date": "2020-10-06"})
        + "\n"
        + json.dumps({"text": CLAIM.format(n=42), "id": "w-4"})
        + '\n{"text": "Officials said the convoy was hit',
        encoding="utf-8",
    )
    report = ingest(held.db, feed)
    found = messages(report)
    assert report.documents_added == 2 and held.unchanged()
    assert found[0] == f"{BAD_JSON_LINE} {feed}:2: not a JSON object (a list)"
    assert found[1] == f"{MISSING_TEXT} {feed}:3: missing 'text'"
    assert found[2].startswith(f"{BAD_JSON_LINE} {feed}:5: truncated last line")
    assert len(found) == 3
    assert {r["source_id"] for r in held.new_records()} == {"w-1", "w-4"}


def test_jsonl_nested_too_deeply_costs_its_line_only(held: Held, tmp_path: Path) -> None:
    feed = tmp_path / "deep.jsonl"
    feed.write_text(
        '{"text": ' + "[" * 100_000 + "\n" + json.dumps({"text": CLAIM.format(n=43)}) + "\n",
        encoding="utf-8",
    )
    report = ingest(held.db, feed)
    assert messages(report) == [f"{BAD_JSON_LINE} {feed}:1: JSON nested too deeply"]
    assert report.documents_added == 1 and held.unchanged()
    assert {r["doc_path"] for r in held.new_records()} == {f"{feed}#2"}


def test_jsonl_stray_bytes_and_nul_cost_nothing(held: Held, tmp_path: Path) -> None:
    feed = tmp_path / "dirty.jsonl"
    feed.write_bytes(
        json.dumps({"text": CLAIM.format(n=44) + " Le ministère a démenti.", "id": "d-1"}).encode()
        + b"\n"
        + json.dumps({"text": CLAIM.format(n=45), "id": "d-2"}).encode().replace(b"45", b"45\x00")
        + b"\n"
        + b'{"text": "'
        + CLAIM.format(n=46).encode()
        + " Le porte-parole a précisé.".encode("cp1252")
        + b'", "id": "d-3"}\n'
    )
    report = ingest(held.db, feed)
    assert report.documents_added == 3 and not report.errors, messages(report)
    assert held.unchanged()
    texts = doc_texts(held.db)
    assert any(t.endswith("Le ministère a démenti.") for t in texts)
    assert any(t.endswith("Le porte-parole a précisé.") for t in texts)
    assert CLAIM.format(n=45) in texts  # the NUL is a control character: cleaned out


def test_records_after_a_block_of_nuls_left_by_a_crash(held: Held, tmp_path: Path) -> None:
    feed = tmp_path / "crashed.jsonl"
    sheet = tmp_path / "crashed.csv"
    nuls = b"\x00" * 4096  # the head is now mostly NULs: once, the whole file was "binary"
    feed.write_bytes(
        json.dumps({"text": CLAIM.format(n=47)}).encode()
        + b"\n"
        + nuls
        + b"\n"
        + json.dumps({"text": CLAIM.format(n=48)}).encode()
        + b"\n"
    )
    sheet.write_bytes(
        f'id,text\nk1,"{CLAIM.format(n=57)}"\n'.encode()
        + nuls
        + f'\nk2,"{CLAIM.format(n=58)}"\n'.encode()
    )
    report = ingest(held.db, feed, sheet)
    assert held.unchanged()
    assert report.documents_added == 4, messages(report)
    assert [(e.code, e.path, e.line) for e in report.errors] == [
        (BAD_JSON_LINE, str(feed), 2),
        (MISSING_TEXT, str(sheet), 3),
    ]


def test_csv_missing_text_column(held: Held, tmp_path: Path) -> None:
    bad = tmp_path / "sheet.csv"
    bad.write_text("id,title,date\n1,Ganja,2020-10-05\n", encoding="utf-8")
    found = run_beside(held, bad, neighbour(tmp_path, 8))
    assert found == [f"{BAD_CSV} {bad}:1: no 'text' column in the header (found: id, title, date)"]


def test_csv_short_rows_and_embedded_newlines(held: Held, tmp_path: Path) -> None:
    sheet = tmp_path / "rows.csv"
    sheet.write_text(
        "id,date,text,outlet\n"
        f'r1,2020-10-05,"{CLAIM.format(n=51)}\n\nThe ministry added that fighting went on.",Wire\n'
        "r2,2020-10-06\n"  # a row cut short: no text
        f'r3,2020-10-07,"{CLAIM.format(n=53)}"\n',  # no outlet cell
        encoding="utf-8",
    )
    report = ingest(held.db, sheet)
    assert held.unchanged()
    assert messages(report) == [f"{MISSING_TEXT} {sheet}:5: missing 'text'"]
    records = held.new_records()
    assert {r["doc_path"] for r in records} == {f"{sheet}#2", f"{sheet}#6"}
    stored = doc_texts(held.db)
    assert any(t.startswith(CLAIM.format(n=51)) and "went on." in t for t in stored)


def test_csv_quote_left_open_at_the_end(held: Held, tmp_path: Path) -> None:
    sheet = tmp_path / "cut.csv"
    sheet.write_text(
        "\n\nid,text\n"  # blank lines before the header are skipped
        f'c1,"{CLAIM.format(n=54)}"\n'
        f'c2,"{CLAIM.format(n=55)}\nc3,the rest of the file was cut off here\n',
        encoding="utf-8",
    )
    report = ingest(held.db, sheet, neighbour(tmp_path, 11))
    assert held.unchanged()
    assert messages(report) == [
        f"{BAD_CSV} {sheet}:5: quoted field not closed before the end of the file "
        "(truncated or stray quote)"
    ]
    assert report.documents_added == 2
    assert {r["doc_path"] for r in held.new_records()} >= {f"{sheet}#4"}
    assert not any("c3," in t for t in doc_texts(held.db))


def test_csv_with_a_nul_in_one_cell_keeps_the_file(held: Held, tmp_path: Path) -> None:
    sheet = tmp_path / "nul.csv"
    rows = "".join(f'n{i},"{CLAIM.format(n=100 + i)}"\n' for i in range(20))
    sheet.write_bytes(b"id,text\n" + rows.encode().replace(b"n3,", b"n3\x00,"))
    report = ingest(held.db, sheet)
    assert report.documents_added == 20 and not report.errors, messages(report)
    assert held.unchanged()


def test_dates_that_do_not_parse(held: Held, tmp_path: Path) -> None:
    md = tmp_path / "odd-date.md"
    md.write_text(f"---\ndate: the 45th of Octember\n---\n{CLAIM.format(n=61)}\n", encoding="utf-8")
    feed = tmp_path / "dates.jsonl"
    feed.write_text(
        json.dumps({"text": CLAIM.format(n=62), "date": "2020-02-31"}) + "\n", encoding="utf-8"
    )
    report = ingest(held.db, md, feed)
    assert report.documents_added == 2 and held.unchanged()
    found = messages(report)
    assert found[0].startswith(f"{BAD_DATE} {md}: date ignored")
    assert found[1].startswith(f"{BAD_DATE} {feed}:1: date ignored")
    assert {r["published"] for r in held.new_records()} == {None}


@pytest.mark.parametrize("dateline", [date.min, date(1, 1, 3), date.max])
def test_dateline_at_the_edge_of_the_calendar(held: Held, tmp_path: Path, dateline: date) -> None:
    # `--date 0001-01-01` once crashed the run: "yesterday" was resolved to year 0.
    path = tmp_path / "edge.txt"
    path.write_text(
        "Officials said yesterday that 5 soldiers had died. "
        "The ministry said on Friday that 7 more were wounded.\n",
        encoding="utf-8",
    )
    with Ledger(held.db) as ledger:
        report = ledger.ingest([str(path)], default_date=dateline)
    assert report.documents_added == 1, messages(report)
    assert held.unchanged()
    stated = {r["stated_on"] for r in held.new_records()}
    assert stated and all(s is None or date.fromisoformat(s) <= dateline for s in stated)


def test_ten_thousand_sentence_article(held: Held, tmp_path: Path) -> None:
    filler = ["The column moved on toward the river.", "Smoke rose over the hills at dawn.",
              "Residents sheltered in basements.", "Roads to the north stayed closed."]  # fmt: skip
    sentences = [filler[i % len(filler)] for i in range(10_000)]
    sentences[4_321] = CLAIM.format(n="1,221")
    path = tmp_path / "long.txt"
    path.write_text(" ".join(sentences), encoding="utf-8")
    report = ingest(held.db, path)
    assert report.documents_added == 1, messages(report)
    assert held.unchanged()
    hit = [r for r in held.new_records() if r["sentence"] == CLAIM.format(n="1,221")]
    assert hit and hit[0]["quantities"][0]["value"] == 1221


def test_one_line_of_200kb_without_sentence_breaks(held: Held, tmp_path: Path) -> None:
    words = "the convoy moved slowly along the mountain road past burned villages near the river "
    path = tmp_path / "wall.txt"
    path.write_text((words * 3000)[:200_000], encoding="utf-8")
    report = ingest(held.db, path, neighbour(tmp_path, 9))
    assert report.documents_added == 2, messages(report)
    assert held.unchanged()
    assert any(len(t) == 200_000 - 1 or len(t) == 200_000 for t in doc_texts(held.db))


@pytest.mark.parametrize(
    ("figure", "value"),
    [("1.5 million", 1.5e6), ("1,000,000,000,000", 1e12), ("-3", -3.0), ("10^9", 1e9)],
)
def test_numbers_inside_claims_store_their_values(
    held: Held, tmp_path: Path, figure: str, value: float
) -> None:
    path = tmp_path / "figure.txt"
    path.write_text(
        f"The Armenian government said on Monday that {figure} people had been displaced.\n",
        encoding="utf-8",
    )
    report = ingest(held.db, path)
    assert report.documents_added == 1, messages(report)
    assert held.unchanged()
    quantities = [q for r in held.new_records() for q in r["quantities"]]
    assert [(q["text"], q["value"]) for q in quantities] == [(figure, value)]


def test_cli_names_every_bad_input_and_stores_the_good_one(held: Held, tmp_path: Path) -> None:
    folder = tmp_path / "inbox"
    folder.mkdir()
    (folder / "a-empty.txt").write_bytes(b"")
    (folder / "b-binary.md").write_bytes(b"\x00\x01\x02PNG" * 100)
    (folder / "c-feed.jsonl").write_text('{"text": "cut', encoding="utf-8")
    (folder / "d-menu.html").write_text("<html><body><nav>Home | World</nav></body></html>")
    (folder / "e-sheet.csv").write_text("id,title\n1,x\n", encoding="utf-8")
    good = neighbour(folder, 10)
    done = cli("ingest", str(folder), "--db", str(held.db), "--quiet")
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    skipped = [line for line in done.stderr.splitlines() if line.startswith("skipped: ")]
    assert [line.split()[2].rstrip(":") for line in skipped] == [
        str(folder / "a-empty.txt"),
        str(folder / "b-binary.md"),
        f"{folder / 'c-feed.jsonl'}:1",
        str(folder / "d-menu.html"),
        f"{folder / 'e-sheet.csv'}:1",
    ]
    assert "1 documents read, 1 added" in done.stdout and "5 inputs with problems" in done.stdout
    assert held.unchanged()
    assert {r["doc_path"] for r in held.new_records()} == {str(good)}


SKIPPED = re.compile(r"^skipped: (CL\d{3}) (.+?)(?::(\d+))?: (.+)$")


def _skipped(stderr: str) -> list[tuple[str, str, int | None]]:
    """(code, file, line) of each `skipped:` line; every stderr line must be one."""
    found = []
    for line in stderr.splitlines():
        match = SKIPPED.match(line)
        assert match, f"not a 'skipped: CODE file[:line]: message' line: {line!r}"
        found.append((match[1], match[2], int(match[3]) if match[3] else None))
    return found


def test_cli_exits_non_zero_when_nothing_could_be_read(held: Held, tmp_path: Path) -> None:
    folder = tmp_path / "all-bad"
    folder.mkdir()
    (folder / "a.txt").write_bytes(b"")
    (folder / "b.txt").write_bytes(bytes(range(256)) * 8)
    (folder / "c.jsonl").write_text('[1]\n{"title": "x"}\n{"text": "cut', encoding="utf-8")
    (folder / "d.csv").write_text('id,text\n1,"never closed\n', encoding="utf-8")
    (folder / "e.html").write_text("<html><body><nav>Home | World</nav></body></html>")
    missing = tmp_path / "nowhere.md"
    done = cli("ingest", str(folder), str(missing), "--db", str(held.db), "--quiet")
    assert done.returncode == 1
    assert "Traceback" not in done.stderr + done.stdout
    assert _skipped(done.stderr) == [
        (EMPTY_FILE, str(folder / "a.txt"), None),
        (BINARY_FILE, str(folder / "b.txt"), None),
        (BAD_JSON_LINE, str(folder / "c.jsonl"), 1),
        (MISSING_TEXT, str(folder / "c.jsonl"), 2),
        (BAD_JSON_LINE, str(folder / "c.jsonl"), 3),
        (BAD_CSV, str(folder / "d.csv"), 2),
        (NO_ARTICLE, str(folder / "e.html"), None),
        (NOT_FOUND, str(missing), None),
    ]
    assert done.stdout.strip() == (
        "0 documents read, 0 added, 0 already in the ledger, 0 claims added, "
        "8 inputs with problems."
    )
    assert held.unchanged() and not held.new_records()


def test_cli_exits_zero_when_something_was_read_even_if_all_known(
    held: Held, tmp_path: Path
) -> None:
    folder = tmp_path / "known"
    folder.mkdir()
    write_article(folder, 900)  # the seeded ledger holds it already, read from another folder
    (folder / "empty.md").write_bytes(b"")
    edge = folder / "edge.txt"
    edge.write_text("Officials said yesterday that 5 soldiers had died.\n", encoding="utf-8")
    done = cli("ingest", str(folder), "--db", str(held.db), "--quiet", "--date", "0001-01-01")
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr + done.stdout
    assert _skipped(done.stderr) == [(EMPTY_FILE, str(folder / "empty.md"), None)]
    # The same text from another path is another carrier of the stored document (issue 13).
    assert done.stdout.startswith("2 documents read, 1 added, 0 already in the ledger")
    assert "1 identical copies kept as carriers" in done.stdout
    assert held.unchanged()
    assert {r["doc_path"] for r in held.new_records()} == {str(edge)}


def test_cli_warns_and_keeps_a_document_whose_date_does_not_parse(
    held: Held, tmp_path: Path
) -> None:
    article = tmp_path / "odd-date.md"
    article.write_text(
        "---\ndate: the thirty-second of Brumaire\noutlet: Test Wire\n---\n"
        "Armenia's defence ministry said 12 more servicemen had been killed on Sunday.\n",
        encoding="utf-8",
    )
    done = cli("ingest", str(article), "--db", str(held.db), "--quiet")
    assert done.returncode == 0, done.stderr
    lines = done.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"warning: CL110 {article}: date ignored")
    assert not any(line.startswith("skipped: ") for line in lines)
    assert {r["doc_path"] for r in held.new_records()} == {str(article)}
