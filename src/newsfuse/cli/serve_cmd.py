"""``newsfuse serve``: the REST API and the web UI in one ASGI app, run by uvicorn."""

from __future__ import annotations

from typing import Annotated

import typer

from newsfuse.api.config import LOOPBACK_HOSTS, ServerConfig
from newsfuse.cli.app import app, settings, stderr

_KEEP_ALIVE_SECONDS = 75
"""Idle keep-alive connections stay open this long (uvicorn's 5 s default races clients that reuse a
pooled connection just as the server closes it: the request fails with a reset)."""
_WORKER_START_SECONDS = 120
"""A worker imports the analysis stack (spaCy) before it answers; on a busy machine that takes a while."""


@app.command("serve")
def serve_command(
    ctx: typer.Context,
    host: Annotated[
        str, typer.Option(help="Address to listen on; the default keeps the server on this machine.")
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535, help="Port to listen on.")] = 8000,
    require_token_for_reads: Annotated[
        bool,
        typer.Option("--require-token-for-reads", help="Reads need a bearer token too (writes always do)."),
    ] = False,
    workers: Annotated[
        int,
        typer.Option(
            min=1, help="Server processes (one per core uses every core; each keeps its own caches)."
        ),
    ] = 1,
    warm: Annotated[
        bool,
        typer.Option(
            "--warm/--no-warm", help="Compare stories not compared yet in the background while idle."
        ),
    ] = True,
) -> None:
    """Serve the web UI at / and the JSON API at /api (docs at /api/docs) over the store.

    Example: newsfuse --db news.db serve --port 8000
    """
    import uvicorn

    from newsfuse.api.app import create_app

    db = settings(ctx).db
    with settings(ctx).store():  # fails now, with the reason, if there is no store; applies migrations
        pass
    if host not in LOOPBACK_HOSTS and not require_token_for_reads:
        stderr.print(
            f"[yellow]warning:[/] listening on {host} with open reads: anyone who reaches this port can "
            "read the store (add --require-token-for-reads)",
            markup=True,
        )
    config = ServerConfig(db, require_token_for_reads=require_token_for_reads, warm_comparisons=warm)
    if workers == 1:
        uvicorn.run(
            create_app(config), host=host, port=port, timeout_keep_alive=_KEEP_ALIVE_SECONDS, log_level="info"
        )
        return
    config.to_environment()
    uvicorn.run(
        "newsfuse.api.app:app_from_environment",
        factory=True,
        workers=workers,
        timeout_worker_healthcheck=_WORKER_START_SECONDS,
        timeout_keep_alive=_KEEP_ALIVE_SECONDS,
        host=host,
        port=port,
        log_level="info",
    )
