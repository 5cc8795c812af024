"""What a server is started with: declared once, read by ``newsfuse serve``, the app and the tests."""

from __future__ import annotations

from dataclasses import dataclass

LOOPBACK_HOSTS = frozenset({"127.0.0.1", "::1", "localhost"})


@dataclass(frozen=True, slots=True)
class ServerConfig:
    """How the app reaches its store and guards its endpoints.

    ``db`` is a SQLite path or a ``postgresql://`` URL. Write endpoints always need a bearer token;
    ``require_token_for_reads`` makes reads need one too (for a server reachable beyond this machine).
    ``warm_comparisons`` lets the background worker compare stories whose comparison is not cached yet
    while it has no ingest job, so the first reader of a story does not wait for it.
    ``max_idle_stores`` bounds the store connections kept open between requests (FastAPI runs sync
    routes on 40 threads, so 40 keeps one per busy thread without reopening under load).
    """

    db: str
    require_token_for_reads: bool = False
    warm_comparisons: bool = False
    max_idle_stores: int = 40
    max_ingest_bytes: int = 20 * 1024 * 1024
