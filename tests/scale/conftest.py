"""A small corpus of hand-written articles (the Ray instance is in tests/conftest.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from .scale_corpus import write_articles


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    """A folder with the hand-written articles, a JSONL feed and an empty file."""
    return write_articles(tmp_path / "corpus")
