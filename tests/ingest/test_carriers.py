"""Ingest keeps what it is given: identical copies become carriers, corrected metadata is
stored, an unchanged re-ingest adds nothing and does not link copies again."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from claimledger.api import Ledger
from claimledger.export import export

BODY = (
    "The coastguard said on Sunday that 17 sailors had been rescued from the stricken "
    "freighter off the northern cape.\n\n"
    "Two fishing crews reported that the vessel had lost power before dawn, and 4 sailors "
    "were still missing."
)


def article(folder: Path, name: str, outlet: str, day: str) -> Path:
    path = folder / name
    path.write_text(f"---\ndate: {day}\noutlet: {outlet}\n---\n{BODY}\n", encoding="utf-8")
    return path


def exported(ledger: Ledger) -> list[dict[str, object]]:
    import io

    buf = io.StringIO()
    export(ledger.store, "jsonl", buf)
    return [json.loads(line) for line in buf.getvalue().splitlines()]


@pytest.fixture
def ledger(tmp_path: Path) -> Ledger:
    return Ledger(tmp_path / "ledger.db")


def test_identical_copy_from_another_file_is_a_carrier(ledger: Ledger, tmp_path: Path) -> None:
    first = article(tmp_path, "a-wire.md", "Coast Wire", "2021-04-04")
    copy = article(tmp_path, "b-daily.md", "Harbour Daily", "2021-04-05")
    report = ledger.ingest([first, copy])
    assert (report.documents_added, report.carriers_added, report.documents_skipped) == (1, 1, 0)
    (doc_id,) = {r["doc_id"] for r in exported(ledger)}
    carriers = ledger.store.carriers_of(str(doc_id))
    assert [(c.doc_path, c.outlet, c.published) for c in carriers] == [
        (str(first), "Coast Wire", date(2021, 4, 4)),
        (str(copy), "Harbour Daily", date(2021, 4, 5)),
    ]


def test_copy_in_a_later_run_and_from_a_feed_is_a_carrier(ledger: Ledger, tmp_path: Path) -> None:
    ledger.ingest([article(tmp_path, "a.md", "Coast Wire", "2021-04-04")])
    feed = tmp_path / "feed.jsonl"
    lines = [
        {"text": BODY, "outlet": "Feed One", "url": "https://one.example/a"},
        {"text": BODY, "outlet": "Feed Two", "date": "2021-04-06"},
    ]
    feed.write_text("\n".join(json.dumps(x) for x in lines) + "\n", encoding="utf-8")
    report = ledger.ingest([feed])
    assert (report.documents_added, report.carriers_added) == (0, 2)
    (doc_id,) = {r["doc_id"] for r in exported(ledger)}
    carriers = ledger.store.carriers_of(str(doc_id))
    assert [c.outlet for c in carriers] == ["Coast Wire", "Feed One", "Feed Two"]
    assert carriers[1].url == "https://one.example/a" and carriers[1].doc_path == f"{feed}#1"


def test_unchanged_re_ingest_adds_nothing(ledger: Ledger, tmp_path: Path) -> None:
    paths = [
        article(tmp_path, "a.md", "Coast Wire", "2021-04-04"),
        article(tmp_path, "b.md", "Harbour Daily", "2021-04-05"),
    ]
    ledger.ingest(paths)
    before = exported(ledger)
    again = ledger.ingest(paths)
    assert (again.documents_added, again.carriers_added, again.documents_updated) == (0, 0, 0)
    assert again.documents_skipped == 2 and again.claims_added == 0
    assert exported(ledger) == before
    assert len(ledger.store.carriers_of(str(before[0]["doc_id"]))) == 2


def test_corrected_metadata_of_the_first_file_is_stored(ledger: Ledger, tmp_path: Path) -> None:
    path = article(tmp_path, "a.md", "Coast Wir", "2012-04-04")  # two typos
    ledger.ingest([path])
    before = exported(ledger)
    article(tmp_path, "a.md", "Coast Wire", "2021-04-04")  # corrected in place
    report = ledger.ingest([path])
    assert (report.documents_updated, report.documents_added, report.carriers_added) == (1, 0, 0)
    after = exported(ledger)
    assert [r["claim_id"] for r in after] == [r["claim_id"] for r in before]
    assert {r["outlet"] for r in after} == {"Coast Wire"}
    assert {r["published"] for r in after} == {"2021-04-04"}
    assert {r["stated_on"] for r in after} <= {"2021-04-04"}  # claims re-dated, not only the doc
    (carrier,) = ledger.store.carriers_of(str(after[0]["doc_id"]))
    assert (carrier.outlet, carrier.published) == ("Coast Wire", date(2021, 4, 4))
    assert ledger.ingest([path]).documents_updated == 0  # and then it is unchanged


def test_corrected_metadata_of_a_copy_updates_its_carrier(ledger: Ledger, tmp_path: Path) -> None:
    first = article(tmp_path, "a.md", "Coast Wire", "2021-04-04")
    copy = article(tmp_path, "b.md", "Harbour Dialy", "2021-04-05")
    ledger.ingest([first, copy])
    before = exported(ledger)
    article(tmp_path, "b.md", "Harbour Daily", "2021-04-05")
    report = ledger.ingest([first, copy])
    assert (report.carriers_added, report.documents_updated) == (1, 0)
    assert exported(ledger) == before  # the document and its claims are the first carrier's
    outlets = [c.outlet for c in ledger.store.carriers_of(str(before[0]["doc_id"]))]
    assert outlets == ["Coast Wire", "Harbour Daily"]


def test_no_op_re_ingest_does_not_link_copies_again(
    ledger: Ledger, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for i in range(3):
        text = BODY.replace("17 sailors", f"{17 + i} sailors")
        (tmp_path / f"s{i}.md").write_text(text + "\n", encoding="utf-8")
    linked: list[int] = []
    real = Ledger.reconcile

    def counting(self: Ledger) -> int:
        linked.append(1)
        return real(self)

    monkeypatch.setattr(Ledger, "reconcile", counting)
    ledger.ingest([tmp_path])
    assert linked == [1]
    assert not ledger.store.links_may_be_stale()
    ledger.ingest([tmp_path])
    ledger.ingest([tmp_path])
    assert linked == [1]  # nothing changed: no second linking


def test_a_run_cut_before_linking_is_linked_by_the_next(ledger: Ledger, tmp_path: Path) -> None:
    from claimledger.runner import ingest_paths

    article(tmp_path, "a.md", "Coast Wire", "2021-04-04")
    ingest_paths(ledger.store, [str(tmp_path)])  # what a run killed before linking leaves
    assert ledger.store.links_may_be_stale()
    ledger.ingest([tmp_path])
    assert not ledger.store.links_may_be_stale()


def test_copies_are_linked_after_two_cut_short_runs(tmp_path: Path) -> None:
    """A run that added documents and was killed while linking, then a resumed run that added
    nothing and was killed too: the next run still links the copies."""
    from sqlalchemy import update

    from claimledger.ledger.schema import ingests

    db = tmp_path / "l.db"
    with Ledger(db) as ledger:
        ledger.store.start_ingest(["a"])
        with ledger.store.write() as conn:
            conn.execute(update(ingests).values(documents_added=3, finished_at=None))
        second = ledger.store.start_ingest(["a"])
        ledger.store.finish_ingest(second, documents_added=0, claims_added=0, errors=0)
        assert ledger.store.links_may_be_stale()
