"""Read queries: both plans for a figure filter give the same pages."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy import Engine

from claimledger.ledger import claim_reads, queries
from claimledger.ledger.engine import open_store
from claimledger.ledger.queries import ClaimFilter

from .conftest import fill
from .ledger_data import build


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Engine]:
    db = tmp_path_factory.mktemp("queries") / "ledger.db"
    fill(db, build())
    with open_store(str(db)) as store:
        yield store.engine


@pytest.mark.parametrize("sort", ["date", "claimant", "stance", "outlet"])
@pytest.mark.parametrize(
    "flt",
    [
        ClaimFilter(counted="soldiers"),
        ClaimFilter(counted="troops", event="killed"),
        ClaimFilter(event="injured", stance="assert"),
    ],
)
def test_queries_figure_filter_plans_agree(
    engine: Engine, flt: ClaimFilter, sort: queries.SortKey, monkeypatch: pytest.MonkeyPatch
) -> None:
    def pages() -> list[list[str]]:
        return [
            [
                c.claim_id
                for c in queries.list_claims(engine, flt, sort=sort, limit=3, offset=o).items
            ]
            for o in (0, 3, 6)
        ]

    monkeypatch.setattr(claim_reads, "_WALK_LIMIT", 10**9)  # always walk the sort order
    walked = pages()
    monkeypatch.setattr(claim_reads, "_WALK_LIMIT", 0)  # always look the matches up by id
    looked_up = pages()
    assert walked == looked_up
    assert any(walked)
