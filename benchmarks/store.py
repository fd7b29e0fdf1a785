"""Write and read throughput of the ledger store on synthetic claims (no extraction).

    python benchmarks/store.py [--docs 4000] [--claims 8] [--batch 32] [--db URL]

Builds `docs` documents with `claims` claims each (every other claim with one quantity) and
times, on a fresh SQLite file unless --db is given:
  write     write_batch in batches of `batch` documents (what an ingest does after parsing),
  rewrite   the same batches again (all skipped: the idempotent re-ingest path),
  read      iter_claims over the whole ledger (claims with quantities and carriers),
  export    JSONL export of every claim to a temp file,
and prints rows/s, where rows = documents + claims + quantities (+ claimant upserts).
"""

from __future__ import annotations

import argparse
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from claimledger.export import export
from claimledger.ledger import records
from claimledger.ledger.engine import open_store
from claimledger.models import Claim, Document, Quantity

SPEAKERS = ["Mira Kovac", "the interior ministry", "Tomas Berg", "the port union", "officials"]


def make_items(n_docs: int, n_claims: int) -> list[tuple[Document, list[Claim]]]:
    """Synthetic documents, each with n_claims claims whose sentences lie in its text."""
    items = []
    day0 = date(2024, 1, 1)
    for d in range(n_docs):
        sentences = [
            f"{SPEAKERS[(d + k) % len(SPEAKERS)]} said {d * 7 + k} crates were inspected at "
            f"dock {k} during week {d}."
            for k in range(n_claims)
        ]
        text = " ".join(sentences)
        doc = Document(
            doc_id=Document.make_id(text),
            doc_path=f"bench/{d}.txt",
            text=text,
            outlet=f"Outlet {d % 40}",
            title=f"Inspections, week {d}",
            published=day0 + timedelta(days=d % 365),
        )
        claims = []
        pos = 0
        for k, sent in enumerate(sentences):
            start = text.index(sent, pos)
            pos = start + len(sent)
            c0 = start + sent.index(" said ") + 6
            spans = [(c0, pos - 1)]
            qty = []
            if k % 2 == 0:
                figure = str(d * 7 + k)
                qty = [
                    Quantity(
                        text=figure,
                        value=float(figure),
                        counted="crates",
                        event="inspected",
                        start=c0,
                        end=c0 + len(figure),
                    )
                ]
            claims.append(
                Claim(
                    claim_id=Claim.make_id(doc.doc_id, spans, []),
                    doc_id=doc.doc_id,
                    sentence=sent,
                    start=start,
                    end=pos,
                    claimant=SPEAKERS[(d + k) % len(SPEAKERS)].title(),
                    claimant_mention=SPEAKERS[(d + k) % len(SPEAKERS)],
                    claimant_type="person",
                    cue="said",
                    mode="indirect",
                    stated_on=doc.published,
                    content=text[spans[0][0] : spans[0][1]],
                    quantities=qty,
                    content_spans=spans,
                )
            )
        items.append((doc, claims))
    return items


def main() -> None:
    """Run the four timings and print one line each."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=4000)
    ap.add_argument("--claims", type=int, default=8)
    ap.add_argument("--batch", type=int, default=32)
    ap.add_argument("--db", default=None, help="database URL (default: a fresh temp SQLite file)")
    args = ap.parse_args()

    items = make_items(args.docs, args.claims)
    n_claims = sum(len(c) for _, c in items)
    n_qty = sum(len(c.quantities) for _, cs in items for c in cs)
    rows = args.docs + n_claims + n_qty
    with tempfile.TemporaryDirectory() as tmp:
        db = args.db or str(Path(tmp) / "bench.db")
        with open_store(db) as store:
            batches = [items[i : i + args.batch] for i in range(0, len(items), args.batch)]
            t = time.perf_counter()
            for b in batches:
                store.write_batch(b)
            write_s = time.perf_counter() - t
            t = time.perf_counter()
            skipped = sum(store.write_batch(b).documents_skipped for b in batches)
            rewrite_s = time.perf_counter() - t
            assert skipped == args.docs
            t = time.perf_counter()
            read = sum(1 for _ in records.iter_claims(store))
            read_s = time.perf_counter() - t
            t = time.perf_counter()
            exported = export(store, "jsonl", Path(tmp) / "out.jsonl")
            export_s = time.perf_counter() - t
    print(f"ledger: {args.docs} docs, {n_claims} claims, {n_qty} quantities, batch {args.batch}")
    per_claim = n_claims / write_s
    print(f"write    {write_s:6.2f} s  {rows / write_s:9.0f} rows/s  {per_claim:8.0f} claims/s")
    print(f"rewrite  {rewrite_s:6.2f} s  {args.docs / rewrite_s:9.0f} docs/s skipped")
    print(f"read     {read_s:6.2f} s  {read / read_s:9.0f} claims/s (iter_claims)")
    print(f"export   {export_s:6.2f} s  {exported / export_s:9.0f} claims/s (jsonl)")


if __name__ == "__main__":
    main()
