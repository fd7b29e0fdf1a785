"""Hold extraction to recorded hashes: "no behaviour change" checked, not claimed.

Usage:
    python benchmarks/refactor_gate.py [--shared ../shared] [--update]

Two fingerprints, each a sha256:
- realnews: ../shared/data/realnews/articles ingested into a fresh SQLite ledger through the
  Python API and exported as JSON lines; the `rule` field (which rule produced a claim, a
  label not a behaviour) is dropped and the records are hashed in sorted order.
- polnear: the PolNeAR dev predictions of benchmarks/polnear.py --predictions, hashed as written.

Without --update a mismatch exits 1 and names the fingerprint that moved; with --update the
current hashes are written to benchmarks/refactor_gate.json (only after a deliberate change).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
RECORDED = HERE / "refactor_gate.json"
# A label of where a claim came from, not what was extracted: renaming a rule is no change.
IGNORED_FIELDS = ("rule",)


def default_shared() -> Path:
    """../shared beside the checkout, or $CLAIMLEDGER_SHARED (a worktree lives elsewhere)."""
    return Path(os.environ.get("CLAIMLEDGER_SHARED", REPO.parent / "shared"))


def realnews_hash(articles: Path) -> str:
    """sha256 of the sorted export records of the articles ingested into a fresh ledger."""
    from claimledger.api import Ledger
    from claimledger.export import export

    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "claims.jsonl"
        with Ledger(Path(tmp) / "ledger.db") as ledger:
            ledger.ingest([articles])
            export(ledger.store, "jsonl", out)
        lines = []
        for line in out.read_text(encoding="utf-8").splitlines():
            record = json.loads(line)
            for name in IGNORED_FIELDS:
                record.pop(name, None)
            # Where the checkout sits is no behaviour: keep the path below articles/ only.
            record["doc_path"] = Path(str(record.get("doc_path") or "")).name
            lines.append(json.dumps(record, sort_keys=True, ensure_ascii=False))
    return hashlib.sha256("\n".join(sorted(lines)).encode("utf-8")).hexdigest()


def polnear_hash(dev: Path) -> str:
    """sha256 of the PolNeAR dev predictions file written by benchmarks/polnear.py."""
    with tempfile.TemporaryDirectory() as tmp:
        predictions = Path(tmp) / "predictions.jsonl"
        subprocess.run(
            [sys.executable, str(HERE / "polnear.py"), str(dev), "--predictions", str(predictions)],
            check=True,
            stdout=subprocess.DEVNULL,
        )
        return hashlib.sha256(predictions.read_bytes()).hexdigest()


def current(shared: Path) -> dict[str, str]:
    return {
        "realnews": realnews_hash(shared / "data" / "realnews" / "articles"),
        "polnear": polnear_hash(shared / "data" / "polnear" / "dev.jsonl"),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=default_shared())
    parser.add_argument("--update", action="store_true", help="record the current hashes")
    args = parser.parse_args()
    if not (args.shared / "data").is_dir():
        print(f"no data at {args.shared / 'data'} (../shared is absent)", file=sys.stderr)
        return 2
    found = current(args.shared)
    if args.update:
        RECORDED.write_text(json.dumps(found, indent=2) + "\n", encoding="utf-8")
        print(f"recorded {found}")
        return 0
    recorded = json.loads(RECORDED.read_text(encoding="utf-8"))
    moved = [name for name in recorded if recorded[name] != found.get(name)]
    for name in recorded:
        print(f"{name:9} {'MOVED' if name in moved else 'held '} {found.get(name)}")
    return 1 if moved else 0


if __name__ == "__main__":
    sys.exit(main())
