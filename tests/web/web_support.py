"""Helpers of the web tests: build a store from inputs, serve the app over HTTP in a thread, read pages."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path

import pytest
import uvicorn

from newsfuse.api.app import create_app
from newsfuse.api.config import ServerConfig
from newsfuse.service.ingest import IngestOptions
from newsfuse.service.pipeline import PipelineOptions, ingest_and_update
from newsfuse.store import open_store


def build_store(path: Path, inputs: list[Path]) -> str:
    """Ingest, analyse and cluster ``inputs`` into a new SQLite store at ``path``."""
    store = open_store(str(path))
    try:
        report = ingest_and_update(store, [str(p) for p in inputs], PipelineOptions(IngestOptions(workers=1)))
    finally:
        store.close()
    assert not report.ingest.failed, report.to_dict()
    return str(path)


def serve(db: str) -> Iterator[str]:
    """Serve the app over ``db`` with uvicorn on a free local port in a thread; yield its base URL."""
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    config = uvicorn.Config(create_app(ServerConfig(db=db)), log_level="warning", lifespan="on")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            pytest.fail("uvicorn did not start")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)
        sock.close()


class _Elements(HTMLParser):
    """The attributes and text content of every element matching a tag and, optionally, a class or id."""

    def __init__(self, tag: str, cls: str | None = None, id_: str | None = None) -> None:
        super().__init__(convert_charrefs=True)
        self.want = (tag, cls, id_)
        self.found: list[tuple[dict[str, str], list[str]]] = []
        self.open: list[tuple[str, int | None]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k: v or "" for k, v in attrs}
        want_tag, cls, id_ = self.want
        hit = (
            tag == want_tag
            and (cls is None or cls in values.get("class", "").split())
            and (id_ is None or values.get("id") == id_)
        )
        if hit:
            self.found.append((values, []))
        self.open.append((tag, len(self.found) - 1 if hit else None))

    def handle_endtag(self, tag: str) -> None:
        while self.open:
            if self.open.pop()[0] == tag:
                break

    def handle_data(self, data: str) -> None:
        for _, index in self.open:
            if index is not None:
                self.found[index][1].append(data)


def elements(
    html: str, tag: str, cls: str | None = None, id_: str | None = None
) -> list[tuple[dict[str, str], str]]:
    parser = _Elements(tag, cls, id_)
    parser.feed(html)
    return [(attrs, "".join(text)) for attrs, text in parser.found]
