"""The real-news figure scores stay at or above the floors pinned in benchmarks/baseline.json.

Runs benchmarks/realnews.py's own scoring (ingest the 60 dev articles into a fresh ledger,
export, score by the gold README's rule) and holds recall, precision and F1 per half and
overall, the misattribution ceiling and the timeline points. Reads ../shared in place (or
$CLAIMLEDGER_SHARED) and skips with a message where it is absent.
"""

from __future__ import annotations

import importlib.util
import json
import os
import sys
from pathlib import Path
from types import ModuleType

import pytest

REPO = Path(__file__).resolve().parent.parent
BENCH = REPO / "benchmarks" / "realnews.py"
BASELINE = REPO / "benchmarks" / "baseline.json"
SHARED = Path(os.environ.get("CLAIMLEDGER_SHARED", REPO.parent / "shared"))
REALNEWS = SHARED / "data" / "realnews"


def _load_benchmark() -> ModuleType:
    spec = importlib.util.spec_from_file_location("realnews_bench", BENCH)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


@pytest.mark.slow
def test_realnews_scores_at_or_above_floors() -> None:
    if not (REALNEWS / "gold.json").exists():
        pytest.skip(f"real-news gold not found under {REALNEWS} (../shared is absent)")
    bench = _load_benchmark()
    gold = json.loads((REALNEWS / "gold.json").read_text(encoding="utf-8"))
    result = bench.score(gold, bench.export_records(REALNEWS / "articles"))
    floors = json.loads(BASELINE.read_text())["realnews"]
    below: dict[str, tuple[float, float]] = {}
    for part in ("overall", "dev01-30", "dev31-60"):
        got = result["overall"] if part == "overall" else result["halves"][part]
        for name in ("recall", "precision", "f1"):
            if got[name] < floors[part][name]:
                below[f"{part} {name}"] = (got[name], floors[part][name])
        if got["misattributions"] > floors[part]["max_misattributions"]:
            below[f"{part} misattributions"] = (
                got["misattributions"],
                floors[part]["max_misattributions"],
            )
    found, _total = result["timeline"]
    if found < floors["timeline_points"]:
        below["timeline points"] = (found, floors["timeline_points"])
    assert not below, f"real-news scores past their floors (got, floor): {below}"
