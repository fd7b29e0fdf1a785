"""A catalogue of bad inputs, one kind per file, for `benchmarks/faults.py`.

Each kind is a file written into a folder with what `claimledger ingest` must say about it:
how many `skipped:` lines and how many `warning:` lines name it, and whether a document read
from it must be in the ledger afterwards (a warning keeps the document; some hostile shapes
must be read whole with no message at all). A JSONL or CSV kind holds a good record before and
after the bad one, so "the rest of the file is read" is checked too.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path

CLAIM = "Officials said on Monday that {n} soldiers had been killed near Ganja."


@dataclass(frozen=True)
class Kind:
    """One kind of bad input and the outcome the project promises for it."""

    name: str  # file name (may hold escapes or undecodable bytes, see `write`)
    data: bytes
    skipped: int = 0  # `skipped:` lines naming the file
    warnings: int = 0  # `warning:` lines naming the file
    stored: int = 0  # documents read from it that must be in the ledger
    raw_name: bytes | None = None  # a name that is not valid UTF-8


def _claim(n: int) -> str:
    return CLAIM.format(n=n)


def _md(front: str, n: int) -> bytes:
    return f"---\n{front}---\n{_claim(n)}\n".encode()


def _jsonl(bad: str, n: int) -> bytes:
    """A bad line between two good ones."""
    good = [json.dumps({"text": _claim(n)}), json.dumps({"text": _claim(n + 500)})]
    return f"{good[0]}\n{bad}\n{good[1]}\n".encode()


def _csv(bad_row: str, n: int) -> bytes:
    return f'id,text\n1,"{_claim(n)}"\n{bad_row}\n3,"{_claim(n + 500)}"\n'.encode()


def _html(body: str) -> bytes:
    return f"<html><head><title>T</title></head><body>{body}</body></html>".encode()


def _files() -> list[Kind]:
    kinds: list[Kind] = []
    add = kinds.append
    # -- empty and blank, in every format ------------------------------------------------------
    for ext in ("txt", "md", "html", "jsonl", "csv", "text", "markdown", "htm"):
        add(Kind(f"empty.{ext}", b"", skipped=1))
        add(Kind(f"blank.{ext}", b"  \n\n\t\r\n", skipped=1))
    # -- binary whatever the name says ---------------------------------------------------------
    binaries = {
        "bytes.txt": bytes(range(256)) * 40,
        "png.html": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(300),
        "gzip.jsonl": b"\x1f\x8b\x08\x00" + bytes(range(256)) * 4,
        "noise.txt": bytes(range(0x80, 0x100)) * 8,
        "broken-bom.txt": b"\xff\xfe\x00\xd8\x41",
        "pdf.md": b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n" + bytes(range(256)) * 8,
        "zip.csv": b"PK\x03\x04" + bytes(range(256)) * 4,
        "elf.txt": b"\x7fELF\x02\x01\x01" + bytes(600),
        "nuls.md": bytes(4096),
        "sqlite.txt": b"SQLite format 3\x00" + bytes(range(256)) * 4,
    }
    for name, data in binaries.items():
        add(Kind(name, data, skipped=1))
    # -- HTML with no article, and hostile shapes that must still be read -----------------------
    for name, body in {
        "menu.html": "<nav>Home | World | Sport</nav>",
        "script-only.html": "<script>var a = 1;</script>",
        "style-only.html": "<style>p { color: red }</style>",
        "comments-only.html": "<!-- " + _claim(1) + " -->",
        "cut.html": "<article><p>Officials said that 5 soldiers had",
        "iframe.html": '<iframe src="https://x.example/"></iframe>',
        "deep-menu.html": "<div>" * 400 + "<nav>Home | Sport</nav>" + "</div>" * 400,
    }.items():
        add(Kind(name, _html(body), skipped=1))
    article = f"<article><p>{_claim(30)}</p><p>{_claim(31)} Both sides traded blame.</p></article>"
    many = " ".join(f'data-a{i}="v{i}"' for i in range(60_000))
    bare = " ".join(f"flag{i}" for i in range(80_000))
    add(Kind("many-attributes.html", _html(f"<div {many}>x</div>{article}"), stored=1))
    add(Kind("many-bare-attributes.html", _html(f"<p {bare}>x</p>{article}"), stored=1))
    add(Kind("deep-300.html", _html("<div>" * 300 + article + "</div>" * 300), stored=1))
    add(Kind("deep-3000.html", _html("<span>" * 3000 + article), stored=1))
    # -- JSONL: one bad line between good ones --------------------------------------------------
    nested = '{"text": ' + "[" * 50_000
    bad_lines = {
        "array": "[1, 2]",
        "null": "null",
        "number": "42",
        "string": '"just a string"',
        "no-text": json.dumps({"title": "no text"}),
        "text-number": '{"text": 5}',
        "text-empty": '{"text": ""}',
        "text-list": '{"text": ["a", "b"]}',
        "not-json": "not json at all",
        "nested": nested,
        "trailing-comma": '{"text": "x",}',
        "single-quotes": "{'text': 'x'}",
        "nul-block": "\x00" * 2048,
        "junk-text": json.dumps({"text": "[ad_1]\n\nPhoto: Reuters"}),
    }
    for n, (name, line) in enumerate(bad_lines.items()):
        add(Kind(f"line-{name}.jsonl", _jsonl(line, 40 + n), skipped=1, stored=2))
    surrogate_outlet = '{"text": "' + _claim(60) + '", "outlet": "Wire \\ud800"}'
    surrogate_text = '{"text": "Lavrov said 3 mercenaries were \\udfff seen in Hadrut."}'
    bad_date = json.dumps({"text": _claim(62), "date": "2020-02-31"})
    for name, line in {
        "surrogate-outlet": surrogate_outlet,
        "surrogate-text": surrogate_text,
        "feb31": bad_date,
    }.items():
        add(Kind(f"line-{name}.jsonl", _jsonl(line, 63 + len(name)), warnings=1, stored=3))
    add(
        Kind(
            "truncated-last.jsonl",
            (json.dumps({"text": _claim(70)}) + '\n{"text": "cut off').encode(),
            skipped=1,
            stored=1,
        )
    )
    add(
        Kind("bad-utf8-line.jsonl", _jsonl('{"text": "caf\xe9 \x81\x8d"}', 72), skipped=0, stored=3)
    )
    # -- CSV ------------------------------------------------------------------------------------
    add(Kind("no-text.csv", b"id,title\n1,x\n", skipped=1))
    add(Kind("semicolons.csv", f"id;text\n1;{_claim(75)}\n".encode(), skipped=1))
    add(Kind("empty-header.csv", b"\n\n", skipped=1))
    add(Kind("row-short.csv", _csv("2", 76), skipped=1, stored=2))
    add(Kind("row-empty-text.csv", _csv('2,""', 77), skipped=1, stored=2))
    add(Kind("row-junk-text.csv", _csv('2,"[ad_1]"', 78), skipped=1, stored=2))
    add(
        Kind(
            "unclosed-quote.csv", f'id,text\n1,"{_claim(79)}"\n2,"never closed\n'.encode(), 1, 0, 1
        )
    )
    # -- front matter ---------------------------------------------------------------------------
    alias_bomb = (
        "date: &a ["
        + ",".join(["lol"] * 9)
        + "]\n"
        + "".join(f"k{i}: &{chr(98 + i)} [{','.join(['*' + chr(97 + i)] * 9)}]\n" for i in range(9))
    )
    warned_front = {
        "bad-date": "date: the 45th of Octember\n",
        "feb30": "date: 2020-02-30\n",
        "zero-date": "date: 0000-00-00\n",
        "month13": "date: 2020-13-01\n",
        "year-1066": "date: 1066-10-14\n",
        "relative-date": "date: yesterday\n",
        "unclosed-list": "date: [unclosed\n",
        "alias-bomb": alias_bomb,
        "alias-title": "title: &t Report\noutlet: *t\n",
        "deep-yaml": "title: x\nextra: " + "[" * 5000 + "]" * 5000 + "\n",
        "unquoted-colon": "title: Ganja: the toll rises\noutlet: Caucasus Wire\n",
        "tab-indent": "\tdate: 2020-10-05\noutlet: Caucasus Wire\n",
        "python-tag": "title: !!python/object:os.system echo\n",
        "bad-timestamp-tag": "date: !!timestamp 2020-02-30\n",
        "surrogate-title": 'title: "Baku \\ud800 report"\n',
        "huge-front": "title: x\n" + "".join(f"k{i}: v\n" for i in range(20_000)),
        "scalar-block": "just some words\n",
    }
    for n, (name, front) in enumerate(warned_front.items()):
        warnings = 2 if name in ("alias-bomb", "unclosed-list", "bad-timestamp-tag") else 1
        add(Kind(f"front-{name}.md", _md(front, 100 + n), warnings=warnings, stored=1))
    crlf = "---\r\ndate: 2020-10-05\r\noutlet: Caucasus Wire\r\n---\r\n" + _claim(140) + "\r\n"
    add(Kind("front-crlf.md", crlf.encode(), stored=1))
    add(Kind("front-list-title.md", _md("title: [a, b]\n", 141), stored=1))
    add(Kind("front-unterminated.md", f"---\ntitle: x\n{_claim(142)}\n".encode(), stored=1))
    # -- encodings ------------------------------------------------------------------------------
    add(
        Kind(
            "latin1.txt",
            ("Le ministère a dit que 12 soldats étaient blessés à Gandja.").encode("latin-1"),
            stored=1,
        )
    )
    add(Kind("utf16.txt", ("\ufeff" + _claim(150)).encode("utf-16-le"), stored=1))
    add(Kind("utf8-bom.md", ("\ufeff" + _claim(151)).encode(), stored=1))
    add(Kind("overlong-utf8.txt", b"Officials said \xc0\xaf\xe0\x80\xaf " + bytes(64), skipped=1))
    # -- text that cleans to nothing ------------------------------------------------------------
    for name, text in {
        "junk-only.txt": "[ad_1]\n\nPhoto: Reuters\n",
        "controls-only.txt": "\x01\x02\x03\x1b[2J\x07\n",
        "zero-width-only.txt": "\u200b\u200c\u200d\ufeff\n",
        "bidi-only.txt": "\u202e\u202d\u2066\u2069\n",
        "seed-prefix-only.txt": " date 2020-10-02 \n",
    }.items():
        add(Kind(name, text.encode(), skipped=1))
    # -- more shapes ----------------------------------------------------------------------------
    add(
        Kind(
            "line-bom-mid.jsonl",
            _jsonl("\ufeff" + json.dumps({"text": _claim(170)}), 171),
            stored=3,
        )
    )
    add(Kind("row-nul.csv", _csv('2,"' + _claim(172) + '\x00"', 173), stored=3))
    add(Kind("noscript.html", _html("<noscript>Please enable JavaScript</noscript>"), skipped=1))
    add(Kind("front-only.md", b"---\ntitle: Only a title\n---\n", skipped=1))
    add(Kind("menu-in-txt.txt", _html("<nav>Home | Sport</nav>"), skipped=1))
    lines = _jsonl("not json", 174).decode()
    add(Kind("jsonl-in-txt.txt", lines.encode(), skipped=1, stored=2))
    add(
        Kind(
            "crlf.jsonl",
            _jsonl(json.dumps({"text": _claim(175)}), 176).replace(b"\n", b"\r\n"),
            stored=3,
        )
    )
    escape_meta = json.dumps({"text": _claim(177), "outlet": "\x1b[31mWire\x07", "title": "\x00T"})
    add(Kind("line-control-meta.jsonl", _jsonl(escape_meta, 178), stored=3))
    # -- names ----------------------------------------------------------------------------------
    add(Kind("\x1b[2J\x1b]0;owned\x07.txt", b"", skipped=1))
    add(Kind("", _claim(160).encode(), stored=1, raw_name=b"caf\xe9-\xff.txt"))
    return kinds


def write(folder: Path) -> list[Kind]:
    """Write every kind into `folder` (plus the symbolic link kinds); returns them."""
    folder.mkdir(parents=True, exist_ok=True)
    kinds = _files()
    for kind in kinds:
        target = (
            folder / kind.name if kind.raw_name is None else folder / os.fsdecode(kind.raw_name)
        )
        target.write_bytes(kind.data)
    big = folder / "huge.txt"
    with big.open("wb") as out:  # above the single-article cap: refused unread
        line = (_claim(7) + "\n").encode()
        out.write(line * (11 * 1024 * 1024 // len(line) + 1))
    kinds.append(Kind("huge.txt", b"", skipped=1))
    (folder / "loop").symlink_to(folder, target_is_directory=True)
    kinds.append(Kind("loop", b"", skipped=1))
    (folder / "broken-link.md").symlink_to(folder / "nowhere.md")
    kinds.append(Kind("broken-link.md", b"", skipped=1))
    return kinds


def path_of(folder: Path, kind: Kind) -> str:
    """The path the ingest names for `kind`, as printed (undecodable bytes as \\xNN)."""
    if kind.raw_name is not None:
        shown = kind.raw_name.decode("utf-8", "backslashreplace")
        return str(folder / shown)
    return str(folder / kind.name).replace("\x1b", "\\x1b").replace("\x07", "\\x07")
