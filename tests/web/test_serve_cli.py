"""`claimledger serve` as a real process: the CLI front door to the app."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import httpx

from .conftest import fill, free_port
from .ledger_data import build

# The installed console script, next to the interpreter running the tests.
CLI = str(Path(sys.executable).parent / "claimledger")


def test_serve_cli_answers_pages_and_api(tmp_path: Path) -> None:
    db = tmp_path / "served.db"
    fill(db, build())
    port = free_port()
    cmd = [CLI, "serve", "--db", str(db), "--port", str(port)]
    server = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                r = httpx.get(f"http://127.0.0.1:{port}/api/overview", timeout=5)
                break
            except httpx.TransportError:
                assert server.poll() is None, server.communicate()[0]
                assert time.monotonic() < deadline, "serve did not come up"
                time.sleep(0.2)
        assert r.status_code == 200 and r.json()["data"]["claims"] == 9
        page = httpx.get(f"http://127.0.0.1:{port}/", timeout=5)
        assert page.status_code == 200 and "Overview" in page.text
        assert httpx.get(f"http://127.0.0.1:{port}/openapi.json", timeout=5).status_code == 200
    finally:
        server.terminate()
        server.communicate(timeout=30)


def test_serve_cli_refuses_a_missing_folder(tmp_path: Path) -> None:
    cmd = [CLI, "serve", "--db", str(tmp_path / "no/x.db")]
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode != 0
    assert "does not exist" in done.stdout + done.stderr
