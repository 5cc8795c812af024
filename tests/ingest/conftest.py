"""Fixtures for the reader tests: a real local HTTP server."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from http.server import ThreadingHTTPServer

import pytest
from ingest_helpers import Route, RouteHandler


@pytest.fixture(scope="session")
def http_server() -> Iterator[tuple[str, Callable[[str, Route], None]]]:
    """A real threaded HTTP server on 127.0.0.1: its base URL and a function to add routes."""
    routes: dict[str, Route] = {}
    handler = type("Handler", (RouteHandler,), {"routes": routes})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    host, port = server.server_address[:2]
    yield f"http://{host}:{port}", routes.__setitem__
    server.shutdown()
    server.server_close()
