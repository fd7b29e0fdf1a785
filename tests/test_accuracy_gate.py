"""The demo corpus accuracy stays at or above the floors pinned in benchmarks/baseline.json.

The rates come from benchmarks/demo_accuracy.py (gold claims written for the bundled demo
corpus); this test fails when a change makes any of them drop below its floor.
"""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType

REPO = Path(__file__).resolve().parent.parent
BENCH = REPO / "benchmarks" / "demo_accuracy.py"
BASELINE = REPO / "benchmarks" / "baseline.json"


def _load_benchmark() -> ModuleType:
    spec = importlib.util.spec_from_file_location("demo_accuracy", BENCH)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up here
    spec.loader.exec_module(module)
    return module


def test_demo_accuracy_at_or_above_floors(tmp_path: Path) -> None:
    bench = _load_benchmark()
    gold = [
        json.loads(line) for line in bench.GOLD.read_text(encoding="utf-8").splitlines() if line
    ]
    rates = bench.score(bench.demo_records(tmp_path / "demo.db"), gold).rates()
    floors = json.loads(BASELINE.read_text())["demo"]
    below = {k: (round(rates[k], 3), floor) for k, floor in floors.items() if rates[k] < floor}
    assert not below, f"accuracy below floor (rate, floor): {below}"
