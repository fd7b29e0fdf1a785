"""Score the ledger on the real-news figure gold: recall, precision, F1, misattributions.

    python benchmarks/realnews.py ../shared/data/realnews [--export claims.jsonl] [--quiet]
        [--json OUT] [--save-export FILE] [--disable RULE ...]

Without `--export` it ingests `articles/` into a fresh temporary ledger with the project's own
pipeline and scores what `claimledger export --format jsonl` writes. Prints the figures per half
(dev01-30: the 2020 Karabakh war; dev31-60: other wars and non-war news) and overall, the
timeline points, per-rule precision (when records carry a `rule`), and every error with its
cause and sentence (`--quiet`: the counts only). The rule is the gold README's; the matching is in
`claimledger/eval/realnews.py`, the causes in `claimledger/eval/realnews_errors.py`.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from claimledger.eval.realnews import Counts, count, figures_by_doc, match_document, timeline_points
from claimledger.eval.realnews_errors import CAUSES, Error, explain, party_guesser

HALVES: tuple[tuple[str, range], ...] = (("dev01-30", range(1, 31)), ("dev31-60", range(31, 61)))


def export_records(
    articles: Path, save: Path | None = None, disabled: Sequence[str] = ()
) -> list[dict[str, Any]]:
    """Ingest the articles into a temporary ledger (rules named in `disabled` off) and return
    its JSONL export."""
    from claimledger.api import Ledger
    from claimledger.export import export
    from claimledger.extract.settings import ExtractorSettings

    settings = ExtractorSettings.from_environment(disabled_rules=tuple(disabled))
    with tempfile.TemporaryDirectory() as tmp:
        ledger = Ledger(Path(tmp) / "realnews.db")
        ledger.ingest([articles], settings=settings)
        out = save or Path(tmp) / "claims.jsonl"
        export(ledger.store, "jsonl", out)
        return [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines() if line]


def doc_id_of(doc_path: str) -> str | None:
    """`.../dev07_some-slug.txt` -> `dev07`."""
    name = Path(doc_path).name
    head = name.split("_", 1)[0]
    return head if head.startswith("dev") and head[3:].isdigit() else None


def score(gold: dict[str, Any], records: Sequence[dict[str, Any]]) -> dict[str, Any]:
    """Every figure the report prints, as plain data (also what the gate test reads)."""
    doc_of = {
        str(r.get("doc_path")): d for r in records if (d := doc_id_of(str(r.get("doc_path"))))
    }
    figures = figures_by_doc(records, doc_of)
    entries: dict[str, list[dict[str, Any]]] = {}
    for entry in gold["numeric"]:
        entries.setdefault(entry["doc"], []).append(entry)
    guesses = party_guesser(gold["numeric"])
    halves = {name: Counts() for name, _ in HALVES}
    overall = Counts()
    errors: list[Error] = []
    rules: dict[str, list[int]] = {}
    for doc in sorted(entries):
        result = match_document(doc, entries[doc], figures.get(doc, []))
        counts = count(result)
        overall.add(counts)
        number = int(doc[3:])
        for name, span in HALVES:
            if number in span:
                halves[name].add(counts)
        errors.extend(explain(result, guesses))
        hits = result.figure_entry()
        for figure in result.figures:
            tally = rules.setdefault(str(figure.record.get("rule") or "-"), [0, 0])
            tally[0] += 1
            tally[1] += int(figure.index in hits)
    found, total = timeline_points(gold.get("timelines", []), records)
    return {
        "halves": {name: _figures(c) for name, c in halves.items()},
        "overall": _figures(overall),
        "timeline": [found, total],
        "causes": dict(Counter(e.cause for e in errors)),
        "rules": rules,
        "errors": errors,
    }


def _figures(c: Counts) -> dict[str, float]:
    return {
        "recall": round(c.recall, 3),
        "precision": round(c.precision, 3),
        "f1": round(c.f1, 3),
        "misattributions": c.misattributed,
        "required": c.required,
        "hit": c.hit,
        "figures": c.figures,
        "correct": c.correct,
    }


def report(result: dict[str, Any], quiet: bool) -> str:
    """The printed report."""
    lines = [f"{'set':10} {'R':>6} {'P':>6} {'F1':>6} {'misattr':>8} {'gold':>5} {'figures':>8}"]
    for name, f in [*result["halves"].items(), ("overall", result["overall"])]:
        lines.append(
            f"{name:10} {f['recall']:6.3f} {f['precision']:6.3f} {f['f1']:6.3f} "
            f"{f['misattributions']:8d} {f['required']:5d} {f['figures']:8d}"
        )
    found, total = result["timeline"]
    lines.append(f"timeline points: {found}/{total}")
    lines.append("errors by cause:")
    causes = result["causes"]
    for cause in [*CAUSES, *sorted(c for c in causes if c not in CAUSES)]:
        if causes.get(cause):
            lines.append(f"  {cause:32} {causes[cause]:5d}")
    if len(result["rules"]) > 1:
        lines.append("figures and precision by rule:")
        for rule, (n, ok) in sorted(result["rules"].items(), key=lambda kv: -kv[1][0]):
            lines.append(f"  {rule:32} {n:5d}  {ok / n:6.3f}")
    if not quiet:
        for cause in sorted({e.cause for e in result["errors"]}):
            lines.append(f"\n## {cause}")
            for e in (e for e in result["errors"] if e.cause == cause):
                lines.append(f"  {e.doc} [{e.text}] by {e.claimant!r}: {e.sentence}")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path, help="the realnews folder (gold.json, articles/)")
    parser.add_argument("--export", type=Path, help="score this JSONL export instead")
    parser.add_argument("--save-export", type=Path, help="keep the export made here")
    parser.add_argument("--json", type=Path, help="write the figures as JSON")
    parser.add_argument("--quiet", action="store_true", help="counts only, no error list")
    parser.add_argument(
        "--disable", action="append", default=[], metavar="RULE", help="switch a rule off"
    )
    args = parser.parse_args(argv)
    gold_path = args.folder / "gold.json"
    if not gold_path.exists():
        print(f"no gold at {gold_path}: nothing to score", file=sys.stderr)
        return 2
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    if args.export:
        lines = args.export.read_text(encoding="utf-8").splitlines()
        records = [json.loads(line) for line in lines if line]
    else:
        records = export_records(args.folder / "articles", args.save_export, args.disable)
    result = score(gold, records)
    print(report(result, args.quiet))
    if args.json:
        plain = {k: v for k, v in result.items() if k != "errors"}
        args.json.write_text(json.dumps(plain, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
