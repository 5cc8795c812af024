"""``newsfuse serve``: a real server process on 127.0.0.1, several workers sharing jobs through the store."""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from newsfuse.api.tokens import create_token
from newsfuse.store import open_store

NEWSFUSE = str(Path(sys.executable).parent / "newsfuse")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _wait_until_up(base: str, server: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        assert server.poll() is None, server.stderr.read().decode() if server.stderr else "server exited"
        try:
            httpx.get(f"{base}/api", timeout=1.0)
            return
        except httpx.HTTPError:
            time.sleep(0.3)
    raise AssertionError("newsfuse serve did not answer")


@pytest.mark.slow
def test_serve_with_two_workers_shares_jobs(db: Path) -> None:
    """Two server processes on loopback: a job posted to one is visible and finished through either."""
    store = open_store(str(db))
    secret = create_token(store, "serve test").secret
    store.close()
    port = _free_port()
    command = [NEWSFUSE, "--db", str(db), "serve", "--port", str(port), "--workers", "2", "--no-warm"]
    server = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    try:
        _wait_until_up(base, server)
        assert httpx.get(f"{base}/api").json()["articles"] == 12
        article = {
            "title": "Pier reopens",
            "text": "The Kestrel Bay pier reopened on Friday, the board said.",
        }
        posted = httpx.post(
            f"{base}/api/ingest/articles", json=article, headers={"Authorization": f"Bearer {secret}"}
        )
        assert posted.status_code == 202
        location = base + posted.headers["location"]
        deadline = time.monotonic() + 120
        while (job := httpx.get(location).json())["state"] not in {"done", "failed"}:
            assert time.monotonic() < deadline, json.dumps(job)
            time.sleep(0.2)
        assert job["state"] == "done"
        seen = {httpx.get(location).json()["state"] for _ in range(10)}  # answered by either worker
        assert seen == {"done"}
        assert httpx.get(f"{base}/api").json()["articles"] == 13
    finally:
        server.terminate()
        server.wait(timeout=30)
