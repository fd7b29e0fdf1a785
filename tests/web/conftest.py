"""Web fixtures: one real ledger file, one real uvicorn server and one headless Chromium per run."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest
import uvicorn

from claimledger.ledger.engine import open_store
from claimledger.models import Claim, Document
from claimledger.web.app import create_app

from .ledger_data import build

CHROMIUM = Path("/usr/bin/chromium")
SCREENSHOTS = Path(__file__).resolve().parents[2] / "test-output" / "screenshots"


@dataclass
class Live:
    """A running server over a ledger file."""

    url: str
    db: Path
    batch: list[tuple[Document, list[Claim]]]
    server: uvicorn.Server
    thread: threading.Thread

    def stop(self) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def fill(db: Path, batch: list[tuple[Document, list[Claim]]]) -> None:
    """Write the batch through the store, then link the syndicated copy to its original."""
    with open_store(str(db)) as store:
        run = store.start_ingest(["tests/web/ledger_data.py"])
        result = store.write_batch(batch)
        store.finish_ingest(run, result.documents_added, result.claims_added, 0)
        (orig, orig_claims), (copy, copy_claims) = batch[0], batch[1]
        store.set_copy_links(
            {orig.doc_id: orig.doc_id, copy.doc_id: orig.doc_id},
            {c.claim_id: o.claim_id for c, o in zip(copy_claims, orig_claims, strict=True)},
        )


def serve(db: Path, batch: list[tuple[Document, list[Claim]]]) -> Live:
    """Start the real app on a free port in a thread and wait until it answers."""
    port = free_port()
    config = uvicorn.Config(
        create_app(str(db)),
        host="127.0.0.1",
        port=port,
        log_level="warning",
        ws="none",
        lifespan="off",
    )
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 15
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("uvicorn did not start")
        time.sleep(0.02)
    return Live(url, db, batch, server, thread)


@pytest.fixture(scope="session")
def live(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Live]:
    db = tmp_path_factory.mktemp("web") / "ledger.db"
    batch = build()
    fill(db, batch)
    server = serve(db, batch)
    yield server
    server.stop()


@pytest.fixture(scope="session")
def client(live: Live) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=live.url, timeout=10) as c:
        yield c


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} not found: apt-get install chromium to run browser tests")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        b = pw.chromium.launch(
            executable_path=str(CHROMIUM),
            args=[
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--no-first-run",
            ],
        )
        yield b
        b.close()


@pytest.fixture
def page(browser: Any, live: Live) -> Iterator[Any]:
    ctx = browser.new_context(base_url=live.url, viewport={"width": 1280, "height": 900})
    pg = ctx.new_page()
    errors: list[str] = []
    elsewhere: list[str] = []
    pg.on("pageerror", lambda exc: errors.append(str(exc)))
    # Everything local: no request may leave the server under test (no CDN, no fonts).
    pg.on(
        "request",
        lambda req: None if req.url.startswith(live.url) else elsewhere.append(req.url),
    )
    yield pg
    ctx.close()
    assert not errors, f"JavaScript errors: {errors}"
    assert not elsewhere, f"requests outside the app: {elsewhere}"
