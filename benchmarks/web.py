"""Speed of `claimledger serve` on a large ledger: 100,000 synthetic claims, cold and warm.

Builds the ledger through the store and refreshes its stored views (as `ingest` does at the end
of a run), then:

- cold: for every page, a fresh server process and the page as its first request (the first
  visitor after a restart); target < 1 s each;
- warm: API listings, filters and pages over HTTP on one running server, median and p95.
  Targets: median < 50 ms and p95 < 200 ms for API calls; overview < 300 ms.

    .venv/bin/python benchmarks/web.py                  # build in a temp dir, run, clean up
    .venv/bin/python benchmarks/web.py --db /tmp/big.db # keep (and reuse) the ledger
"""

from __future__ import annotations

import argparse
import math
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

import httpx

from claimledger.ledger.engine import open_store
from claimledger.ledger.stored_views import refresh
from claimledger.models import Claim, Document, Quantity

CLAIMANTS = [
    ("Azerbaijan Defence Ministry", "Azerbaijan's Defence Ministry", "government", "Azerbaijan"),
    ("Armenia Defence Ministry", "Armenia's Defence Ministry", "government", "Armenia"),
    ("Ilham Aliyev", "President Ilham Aliyev", "person", "Azerbaijan"),
    ("Nikol Pashinyan", "Prime Minister Nikol Pashinyan", "person", "Armenia"),
    ("Vladimir Putin", "Russian President Vladimir Putin", "person", "Russia"),
    ("Artsakh Ombudsman", "the Artsakh ombudsman", "government", "Armenia"),
    ("Turkey Foreign Ministry", "Turkey's Foreign Ministry", "government", "Turkey"),
    ("SOHR", "the Syrian Observatory for Human Rights", "organization", None),
] + [(f"Official {i}", f"an official named {i}", "person", None) for i in range(40)]
OUTLETS = [f"Outlet {i}" for i in range(25)]
FIGURES = [
    ("soldiers", "killed", "Armenian soldiers"),
    ("soldiers", "killed", "Azerbaijani soldiers"),
    ("civilians", "killed", "civilians"),
    ("civilians", "injured", "civilians"),
    ("fighters", "sent", "Syrian fighters"),
    ("people", "displaced", None),
]
PLACES = ["Stepanakert", "Ganja", "Shusha", "Hadrut", "Barda", "Tartar", "Fuzuli", "Jabrayil"]
CUES = ["said", "claimed", "told reporters", "wrote on Facebook", "announced"]
START = date(2020, 9, 27)


def make_document(rng: random.Random, n: int, claims_per_doc: int) -> tuple[Document, list[Claim]]:
    """One synthetic bulletin with `claims_per_doc` attributed sentences."""
    published = START + timedelta(days=rng.randrange(60))
    sentences: list[tuple[str, tuple[str, str, str, str], str, str, int | None, tuple]] = []
    for k in range(claims_per_doc):
        who = rng.choice(CLAIMANTS)
        cue = rng.choice(CUES)
        place = rng.choice(PLACES)
        if rng.random() < 0.5:
            fig = rng.choice(FIGURES)
            value = rng.randrange(5, 5000)
            content = (
                f"{value:,} {fig[2] or fig[0]} had been {fig[1]} near {place} in report {n}-{k}"
            )
            sentences.append((f"{who[1]} {cue} that {content}.", who, cue, content, value, fig))
        elif rng.random() < 0.2:
            content = f"reports of shelling in {place} in bulletin {n}-{k}"
            sentences.append((f"{who[1]} denied {content}.", who, "denied", content, None, ()))
        else:
            content = f"the situation in {place} remained tense in bulletin {n}-{k}"
            sentences.append((f"{who[1]} {cue} that {content}.", who, cue, content, None, ()))
    text = "\n\n".join(s[0] for s in sentences)
    doc = Document(
        doc_id=Document.make_id(text),
        doc_path=f"synthetic/{n}.txt",
        text=text,
        outlet=OUTLETS[n % len(OUTLETS)],
        title=f"Front-line bulletin {n}",
        published=published,
    )
    claims, at = [], 0
    for sentence, who, cue, content, value, fig in sentences:
        s0, s1 = at, at + len(sentence)
        m1 = s0 + len(who[1])
        c0 = sentence.index(content) + s0
        cue0 = sentence.index(cue, len(who[1])) + s0
        qty = []
        if value is not None:
            q_text = f"{value:,}"
            qty.append(
                Quantity(
                    text=q_text,
                    value=value,
                    counted=fig[0],
                    event=fig[1],
                    group=fig[2],
                    kind="cumulative",
                    start=c0,
                    end=c0 + len(q_text),
                )
            )
        content_spans = [(c0, c0 + len(content))]
        cue_spans = [(cue0, cue0 + len(cue))]
        claims.append(
            Claim(
                claim_id=Claim.make_id(doc.doc_id, content_spans, cue_spans),
                doc_id=doc.doc_id,
                sentence=sentence,
                start=s0,
                end=s1,
                claimant=who[0],
                claimant_mention=who[1],
                claimant_type=who[2],
                affiliation=who[3],
                cue=cue,
                mode="indirect",
                stance="deny" if cue == "denied" else "assert",
                stated_on=published - timedelta(days=rng.randrange(2)),
                content=content,
                quantities=qty,
                claimant_spans=[(s0, m1)],
                cue_spans=cue_spans,
                content_spans=content_spans,
            )
        )
        at = s1 + 2
    return doc, claims


def build(db: Path, n_claims: int, claims_per_doc: int = 10) -> float:
    """Write `n_claims` synthetic claims through the store; returns seconds taken."""
    rng = random.Random(2020)
    t0 = time.perf_counter()
    with open_store(str(db)) as store:
        run = store.start_ingest(["benchmarks/web.py (synthetic)"])
        added = 0
        for first in range(0, n_claims // claims_per_doc, 500):
            batch = [make_document(rng, n, claims_per_doc) for n in range(first, first + 500)]
            added += store.write_batch(batch).claims_added
        store.finish_ingest(run, n_claims // claims_per_doc, added, 0)
    return time.perf_counter() - t0


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def timed_get(client: httpx.Client, path: str) -> float:
    """One request; milliseconds."""
    t0 = time.perf_counter()
    r = client.get(path)
    ms = (time.perf_counter() - t0) * 1000
    r.raise_for_status()
    return ms


def timings(client: httpx.Client, path: str, n: int) -> tuple[float, list[float]]:
    """The first call (its filter's total not yet counted) and `n` repeats after it."""
    first = timed_get(client, path)
    return first, [timed_get(client, path) for _ in range(n)]


def p95(ms: list[float]) -> float:
    """95th percentile (nearest rank)."""
    ranked = sorted(ms)
    return ranked[max(0, math.ceil(len(ranked) * 0.95) - 1)]


class Server:
    """`claimledger serve`'s app in a subprocess on a free port."""

    def __init__(self, db: Path) -> None:
        port = free_port()
        code = (
            "import sys, uvicorn; from claimledger.web.app import create_app; "
            f"uvicorn.run(create_app(sys.argv[1]), host='127.0.0.1', port={port}, "
            "log_level='warning')"
        )
        self.proc = subprocess.Popen([sys.executable, "-c", code, str(db)])
        self.client = httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=900)
        deadline = time.monotonic() + 60
        while True:  # up: a static file answers without touching the ledger's views
            try:
                self.client.get("/static/style.css")
                return
            except httpx.TransportError:
                if time.monotonic() > deadline or self.proc.poll() is not None:
                    raise
                time.sleep(0.1)

    def stop(self) -> None:
        self.client.close()
        self.proc.terminate()
        self.proc.wait(timeout=10)


def cold_pages(db: Path, pages: list[tuple[str, str]]) -> list[str]:
    """Each page as the first request of a freshly started server; names of pages over 1 s."""
    print(f"{'cold: first request after start':<36}{'ms':>8}  target <1000")
    slow = []
    for name, path in pages:
        server = Server(db)
        try:
            ms = timed_get(server.client, path)
        finally:
            server.stop()
        ok = ms < 1000
        print(f"{name:<36}{ms:>8.0f}  {'ok' if ok else 'MISSED'}", flush=True)
        if not ok:
            slow.append(f"cold {name}")
    return slow


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--db", type=Path, help="ledger file to build or reuse")
    ap.add_argument("--claims", type=int, default=100_000)
    ap.add_argument("-n", type=int, default=50, help="requests per endpoint (warm)")
    args = ap.parse_args()
    tmp = None
    if args.db is None:
        tmp = tempfile.TemporaryDirectory()
        args.db = Path(tmp.name) / "bench.db"
    if not args.db.exists():
        print(f"building {args.claims:,} claims in {args.db} ...", flush=True)
        print(f"  built in {build(args.db, args.claims):.1f} s")
    with open_store(str(args.db)) as store:
        took = refresh(store)  # what `claimledger ingest` does at the end of a run
    views = ", ".join(f"{k} {v:.1f} s" for k, v in took.items())
    print(f"stored views refreshed at ingest: {views}", flush=True)
    probe = Server(args.db)
    try:
        doc_id = probe.client.get("/api/documents?limit=1").json()["data"][0]["doc_id"]
        claim_id = probe.client.get("/api/claims?limit=1").json()["data"][0]["claim_id"]
        track_id = probe.client.get("/api/figures?limit=1").json()["data"][0]["track_id"]
    finally:
        probe.stop()
    pages = [
        ("page overview /", "/"),
        ("page /figures", "/figures"),
        ("page /conflicts", "/conflicts"),
        ("page /claims", "/claims"),
        ("page /claims?counted=soldier", "/claims?counted=soldier&claimant=ministry"),
        ("page /claimants", "/claimants"),
        ("page /documents", "/documents"),
        ("page document", f"/documents/{doc_id}"),
        ("page claim", f"/claims/{claim_id}"),
        ("page claimant", "/claimants/Nikol%20Pashinyan"),
        ("page track", f"/tracks/{track_id}"),
        ("api figures", "/api/figures"),
        ("api conflicts", "/api/conflicts"),
    ]
    failed = cold_pages(args.db, pages)
    server = Server(args.db)
    client = server.client
    try:
        cases = [
            ("api list", "/api/claims"),
            ("api list page 100", "/api/claims?offset=4950"),
            ("api claimant", "/api/claims?claimant=Nikol%20Pashinyan"),
            ("api claimant partial", "/api/claims?claimant=pashinyan"),
            ("api stance=deny", "/api/claims?stance=deny"),
            ("api counted+event", "/api/claims?counted=civilian&event=injure"),
            ("api outlet", "/api/claims?outlet=outlet%207"),
            ("api date range", "/api/claims?since=2020-10-10&until=2020-10-12"),
            ("api q=Shusha", "/api/claims?q=Shusha"),
            ("api combined", "/api/claims?claimant=Ilham%20Aliyev&counted=soldiers&q=Ganja"),
            ("api sort claimant", "/api/claims?sort=claimant&order=asc"),
            ("api blank filters", "/api/claims?q=&claimant=&counted=&event=&outlet=&doc_id="),
            ("api overview", "/api/overview"),
            ("api claimants", "/api/claimants"),
            ("api document", f"/api/documents/{doc_id}"),
            ("api figures (cached)", "/api/figures"),
            ("api claimant profile", "/api/claimants/Nikol%20Pashinyan"),
            ("csv claims (one day)", "/api/download/claims.csv?until=2020-09-27"),
            *pages,
        ]
        print(
            f"{'warm: one running server':<36}{'first ms':>10}{'median ms':>10}{'p95 ms':>10}"
            "  target"
        )
        for name, path in cases:
            first, ms = timings(client, path, args.n)
            med, high = statistics.median(ms), p95(ms)
            if name.startswith("csv"):
                target, ok = "-", True
            elif name.startswith("api") and not any(w in name for w in ("figures", "document")):
                target, ok = "median<50 p95<200", med < 50 and high < 200
            elif name == "page overview /":
                target, ok = "p95<300", high < 300
            else:
                target, ok = "p95<1000", high < 1000
            verdict = "ok" if ok else "MISSED"
            print(
                f"{name:<36}{first:>10.1f}{med:>10.1f}{high:>10.1f}  {target} {verdict}",
                flush=True,
            )
            if not ok:
                failed.append(name)
        print("all targets met" if not failed else f"targets missed: {', '.join(failed)}")
    finally:
        server.stop()
        if tmp is not None:
            tmp.cleanup()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
