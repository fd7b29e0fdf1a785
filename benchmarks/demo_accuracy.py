"""Score the ledger built from the bundled demo corpus against its gold claims.

    python benchmarks/demo_accuracy.py [--verbose]

For each gold claim (benchmarks/gold/demo_claims.jsonl) it looks in the same document for a
stored claim whose content holds the gold substring, then checks claimant, stance, mode,
stated_on and each gold figure (value/bounds + what is counted). Prints each rate and the
figures; `tests/test_accuracy_gate.py` holds these rates to floors pinned in
benchmarks/baseline.json.
"""

from __future__ import annotations

import argparse
import json
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
DEMO = REPO / "src" / "claimledger" / "data" / "demo"
GOLD = REPO / "benchmarks" / "gold" / "demo_claims.jsonl"


@dataclass
class Score:
    """Counts of gold claims and of the parts found right."""

    gold: int = 0
    found: int = 0
    claimant: int = 0
    stance: int = 0
    mode: int = 0
    stated_on: int = 0
    figures_gold: int = 0
    figures_right: int = 0
    # Precision: every figure stored from a gold document, and those a gold claim of that
    # document states with the same value under the same claimant.
    figures_stored: int = 0
    figures_credited: int = 0
    misses: list[str] = field(default_factory=list)

    def rates(self) -> dict[str, float]:
        """Each rate over the gold claims (figures over gold figures; figure precision over the
        figures stored from the documents gold covers)."""
        g = max(self.gold, 1)
        return {
            "found": self.found / g,
            "claimant": self.claimant / g,
            "stance": self.stance / g,
            "mode": self.mode / g,
            "stated_on": self.stated_on / g,
            "figures": self.figures_right / max(self.figures_gold, 1),
            "figure_precision": self.figures_credited / max(self.figures_stored, 1),
        }


def _doc_key(doc_path: str) -> str:
    rel = doc_path.split("/demo/", 1)[-1]
    return rel


def _same_noun(a: str | None, b: str | None) -> bool:
    """Counted nouns compared after the ledger's own synonym folding (militants = fighters)."""
    from claimledger.reconcile.tracks import fold_word

    return a is not None and b is not None and fold_word(a) == fold_word(b)


def _figure_ok(gold: dict[str, Any], quantities: list[dict[str, Any]]) -> bool:
    for q in quantities:
        if all(q.get(k) == gold.get(k) for k in ("value", "low", "high")) and (
            not gold.get("counted") or _same_noun(q.get("counted"), gold["counted"])
        ):
            return True
    return False


def score(records: list[dict[str, Any]], gold: list[dict[str, Any]]) -> Score:
    """Match gold claims to exported records (the CONTRACT record, as dicts)."""
    by_doc: dict[str, list[dict[str, Any]]] = {}
    for r in records:
        by_doc.setdefault(_doc_key(r["doc_path"]), []).append(r)
    s = Score()
    for g in gold:
        s.gold += 1
        key = g["file"] + (f"#{g['line']}" if g.get("line") else "")
        candidates = [r for r in by_doc.get(key, []) if g["content_contains"] in r["content"]]
        s.figures_gold += len(g["quantities"])
        if not candidates:
            s.misses.append(f"not found: {key}: {g['content_contains']!r}")
            continue
        s.found += 1
        # Prefer the candidate with the right claimant (a sentence may hold nested claims).
        best = next((r for r in candidates if r["claimant"] == g["claimant"]), candidates[0])
        s.claimant += best["claimant"] == g["claimant"]
        if best["claimant"] != g["claimant"]:
            s.misses.append(
                f"claimant {best['claimant']!r} != {g['claimant']!r}: {g['content_contains']!r}"
            )
        for part in ("stance", "mode", "stated_on"):
            right = best[part] == g[part]
            setattr(s, part, getattr(s, part) + right)
            if not right:
                s.misses.append(f"{part} {best[part]!r} != {g[part]!r}: {g['content_contains']!r}")
        # A figure is stored once, in the innermost of nested claims ("X reported 54 more,
        # its ministry said"): look for it in every claim of the gold content's sentence.
        held = [
            q
            for r in by_doc.get(key, [])
            if r in candidates or r["sentence"] == best["sentence"]
            for q in r["quantities"]
        ]
        for gq in g["quantities"]:
            ok = _figure_ok(gq, held)
            s.figures_right += ok
            if not ok:
                got = [(q["text"], q.get("counted"), q.get("event")) for q in best["quantities"]]
                s.misses.append(
                    f"figure {gq['text']!r} {gq.get('counted')!r} not in {got}: "
                    f"{g['content_contains']!r}"
                )
    _figure_precision(s, by_doc, gold)
    return s


def _figure_precision(
    s: Score, by_doc: dict[str, list[dict[str, Any]]], gold: list[dict[str, Any]]
) -> None:
    """Count stored figures of gold documents and those a gold claim credits the same way."""
    credited: dict[str, list[tuple[str, dict[str, Any]]]] = {}
    for g in gold:
        key = g["file"] + (f"#{g['line']}" if g.get("line") else "")
        credited.setdefault(key, []).extend((g["claimant"], q) for q in g["quantities"])
    for key, entries in credited.items():
        for record in by_doc.get(key, []):
            for q in record["quantities"]:
                s.figures_stored += 1
                s.figures_credited += any(
                    claimant == record["claimant"]
                    and all(q.get(k) == gq.get(k) for k in ("value", "low", "high"))
                    for claimant, gq in entries
                )


def demo_records(db: Path) -> list[dict[str, Any]]:
    """Ingest the demo corpus into `db` and return its exported JSONL records."""
    import io

    from claimledger import Ledger
    from claimledger.export import export

    with Ledger(db) as ledger:
        ledger.ingest([str(DEMO)])
        buf = io.StringIO()
        export(ledger.store, "jsonl", buf, include_copies=True)
    return [json.loads(line) for line in buf.getvalue().splitlines()]


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--verbose", action="store_true", help="List every miss.")
    args = parser.parse_args()
    gold = [
        json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines() if line.strip()
    ]
    with tempfile.TemporaryDirectory() as tmp:
        records = demo_records(Path(tmp) / "demo.db")
    s = score(records, gold)
    print(
        f"demo corpus: {len(records)} claims extracted, {s.gold} gold claims, "
        f"{s.figures_gold} gold figures"
    )
    for name, rate in s.rates().items():
        print(f"  {name:10} {rate:.3f}")
    if args.verbose:
        for miss in s.misses:
            print("  -", miss)


if __name__ == "__main__":
    main()
