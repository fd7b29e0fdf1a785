"""The refactor gate: PolNeAR dev predictions and the real-news export hold their recorded hashes.

A restructuring that changes what is extracted moves a hash. Update the record only on purpose:
`python benchmarks/refactor_gate.py --update`.
"""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from types import ModuleType

import pytest

REPO = Path(__file__).resolve().parents[2]


def _gate() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "refactor_gate", REPO / "benchmarks" / "refactor_gate.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.slow
def test_extraction_matches_the_recorded_hashes() -> None:
    gate = _gate()
    shared = gate.default_shared()
    if not (shared / "data" / "realnews" / "articles").is_dir():
        pytest.skip(f"real-news and PolNeAR data not found under {shared} (../shared is absent)")
    recorded = json.loads(gate.RECORDED.read_text(encoding="utf-8"))
    assert gate.current(shared) == recorded
