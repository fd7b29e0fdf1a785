"""Ray ingest on a real local Ray instance equals a local ingest, claim for claim."""

from __future__ import annotations

from pathlib import Path

import pytest

from claimledger import Ledger
from claimledger.ledger.engine import open_store
from claimledger.scale.commands import ingest_on_ray, load_into
from claimledger.scale.parquet import load_parquet
from claimledger.scale.ray_runner import ray_ingest

from .scale_corpus import exported

pytestmark = [
    pytest.mark.ray,
    # Ray's own internals warn about their deprecations; ours stay errors.
    pytest.mark.filterwarnings("ignore::DeprecationWarning:ray.*"),
    pytest.mark.filterwarnings("ignore::FutureWarning:ray.*"),
]


@pytest.fixture
def local_ledger(corpus: Path, tmp_path: Path) -> Ledger:
    """The reference: the same corpus ingested locally, in this process."""
    ledger = Ledger(tmp_path / "local.db")
    ledger.ingest([str(corpus)])
    return ledger


def test_ray_ingest_equals_local_ingest(
    ray_instance: None, corpus: Path, tmp_path: Path, local_ledger: Ledger
) -> None:
    with open_store(str(tmp_path / "ray.db")) as store:
        report = ray_ingest(store, [corpus], workers=2, batch_size=2)
        ray_records = exported(store)
    local_records = exported(local_ledger.store)
    assert len(local_records) >= 8, "the corpus should give a fair number of claims"
    assert ray_records == local_records
    assert report.documents_read == 6
    assert report.documents_added == 6
    assert report.claims_added == len(local_records)
    assert [e.path for e in report.errors] == [str(corpus / "empty.txt")]


def test_ray_reingest_adds_nothing(ray_instance: None, corpus: Path, tmp_path: Path) -> None:
    with open_store(str(tmp_path / "ray.db")) as store:
        first = ray_ingest(store, [corpus], workers=1)
        before = exported(store)
        again = ray_ingest(store, [corpus], workers=1)
        assert exported(store) == before
    assert first.documents_added == 6
    assert (again.documents_read, again.documents_added, again.claims_added) == (6, 0, 0)
    assert again.documents_skipped == 6


def test_ray_finishes_a_partly_filled_ledger(
    ray_instance: None, corpus: Path, tmp_path: Path, local_ledger: Ledger
) -> None:
    with open_store(str(tmp_path / "ray.db")) as store:
        first = ray_ingest(store, [corpus / "ferry.md", corpus / "feed.jsonl"], workers=1)
        rest = ray_ingest(store, [corpus], workers=2)
        records = exported(store)
    assert first.documents_added == 3
    assert (rest.documents_added, rest.documents_skipped) == (3, 3)
    assert records == exported(local_ledger.store)


def test_ray_parquet_out_then_load_gives_the_same_ledger(
    ray_instance: None, corpus: Path, tmp_path: Path, local_ledger: Ledger
) -> None:
    out = tmp_path / "parquet"
    written = ingest_on_ray(None, [str(corpus)], workers=2, out=out)
    assert written.documents_added == 6
    assert len(written.errors) == 1
    assert list(out.glob("*.parquet")), "Ray wrote no Parquet files"
    loaded = load_into(str(tmp_path / "loaded.db"), out)
    with open_store(str(tmp_path / "loaded.db")) as store:
        assert exported(store) == exported(local_ledger.store)
        again = load_parquet(store, out)
    assert loaded.documents_added == 6
    assert loaded.claims_added == written.claims_added
    assert (again.documents_added, again.claims_added) == (0, 0)


def test_ray_ingest_needs_a_destination() -> None:
    with pytest.raises(ValueError, match="needs a store"):
        ray_ingest(None, ["anything"])
