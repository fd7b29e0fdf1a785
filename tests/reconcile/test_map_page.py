"""The places map over a real ledger and a real uvicorn server: SVG from the coordinates."""

from __future__ import annotations

import socket
import threading
import time
import xml.etree.ElementTree as ET
from collections.abc import Iterator

import httpx
import pytest
import uvicorn

from claimledger.api import Ledger
from claimledger.web.app import create_app

STORY = """---
date: 2020-10-11
outlet: Test Wire
title: Strikes on two towns
---
BAKU - Azerbaijan's prosecutor general's office said on Sunday that a missile hit a residential
block in Ganja overnight, killing 9 civilians.

The office said another 4 civilians had been killed by shelling of Tartar <b>on Saturday</b>.
"""


@pytest.fixture(scope="module")
def url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    tmp = tmp_path_factory.mktemp("map")
    story = tmp / "story.md"
    story.write_text(STORY, encoding="utf-8")
    db = tmp / "map.db"
    with Ledger(db) as ledger:
        ledger.ingest([str(story)])
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = int(s.getsockname()[1])
    config = uvicorn.Config(
        create_app(str(db), warm=False),
        host="127.0.0.1",
        port=port,
        log_level="warning",
        ws="none",
        lifespan="off",
    )
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 15
    while not server.started:
        assert time.monotonic() < deadline and thread.is_alive(), "uvicorn did not start"
        time.sleep(0.02)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)


def test_map_page_draws_each_place(url: str) -> None:
    page = httpx.get(f"{url}/map", timeout=30)
    assert page.status_code == 200
    svg_text = page.text[page.text.index("<svg") : page.text.index("</svg>") + 6]
    svg = ET.fromstring(svg_text)
    ns = "{http://www.w3.org/2000/svg}"
    names = [t.text for t in svg.iter(f"{ns}text") if t.text and not t.text.endswith("°")]
    assert {"Ganja", "Tartar"} <= set(names)
    circles = list(svg.iter(f"{ns}circle"))
    assert len(circles) == len(names)
    # Ganja lies west of Tartar: the projection keeps east to the right.
    x = {t.text: float(t.get("x", 0)) for t in svg.iter(f"{ns}text") if t.text in names}
    assert x["Ganja"] < x["Tartar"]
    assert "<b>" not in page.text


def test_map_page_api(url: str) -> None:
    body = httpx.get(f"{url}/api/places", params={"claimant": "prosecutor"}, timeout=30).json()
    assert body["ok"] is True
    places = {p["name"]: p for p in body["data"]}
    assert {"Ganja", "Tartar"} <= set(places)
    assert places["Ganja"]["claims"] >= 1 and 40 < places["Ganja"]["latitude"] < 41
    none = httpx.get(f"{url}/api/places", params={"claimant": "nobody"}, timeout=30).json()
    assert none["data"] == []
