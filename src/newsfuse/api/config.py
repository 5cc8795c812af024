"""What a server is started with: declared once, read by ``newsfuse serve``, the app and the tests."""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass

LOOPBACK_HOSTS = frozenset({"127.0.0.1", "::1", "localhost"})
CONFIG_ENV = "NEWSFUSE_SERVER_CONFIG"
"""How ``newsfuse serve --workers N`` hands the config to each worker process uvicorn starts."""


@dataclass(frozen=True, slots=True)
class ServerConfig:
    """How the app reaches its store and guards its endpoints.

    ``db`` is a SQLite path or a ``postgresql://`` URL. Write endpoints always need a bearer token;
    ``require_token_for_reads`` makes reads need one too (for a server reachable beyond this machine).
    ``warm_comparisons`` lets the background worker compare stories whose comparison is not cached yet
    while it has no ingest job, so the first reader of a story does not wait for it.
    ``max_idle_stores`` bounds the store connections kept open between requests (a request holds one
    from its start, so 64 covers 50 concurrent clients without reopening stores under load).
    """

    db: str
    require_token_for_reads: bool = False
    warm_comparisons: bool = False
    max_idle_stores: int = 64
    max_ingest_bytes: int = 20 * 1024 * 1024

    def to_environment(self) -> None:
        """Put this config where :meth:`from_environment` (in a server worker process) finds it."""
        os.environ[CONFIG_ENV] = json.dumps(asdict(self))

    @classmethod
    def from_environment(cls) -> ServerConfig:
        raw = os.environ.get(CONFIG_ENV)
        if raw is None:
            raise RuntimeError(f"{CONFIG_ENV} is not set: start the server with `newsfuse serve`")
        return cls(**json.loads(raw))
