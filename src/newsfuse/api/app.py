"""The one ASGI app: the JSON API under ``/api`` (OpenAPI at ``/api/openapi.json``), the web UI at ``/``."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import Depends, FastAPI
from fastapi.staticfiles import StaticFiles
from starlette.types import ASGIApp, Receive, Scope, Send

from newsfuse.api.config import ServerConfig
from newsfuse.api.deps import require_read
from newsfuse.api.errors import API_PREFIX, install_error_handlers
from newsfuse.api.jobs import JobWorker
from newsfuse.api.responses import ResponseCache
from newsfuse.api.routes import API_ROUTERS
from newsfuse.api.stores import StorePool
from newsfuse.web import STATIC_DIR
from newsfuse.web import router as web_router

_DESCRIPTION = """\
newsfuse turns news articles from many outlets into stories: who said what, what several outlets
corroborate, what only one says and where they contradict. Every statement is a span
`(article_id, start, end)` of a source article's clean text.

Reads are open unless the server was started with `--require-token-for-reads`; writes need a bearer token
from `newsfuse token create`. Lists are paged with opaque cursors: pass a page's `next_cursor` back as
`cursor` for the next page. Every error has the body `{"error": {"code", "message", "detail"}}`.
"""


def create_app(config: ServerConfig) -> FastAPI:
    """The app on the store ``config.db``; the store must exist (``newsfuse ingest`` creates it)."""
    stores = StorePool(config.db, config.max_idle_stores)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        app.state.jobs.start()  # runs jobs queued before a restart, and warms the comparison cache
        try:
            yield
        finally:
            app.state.jobs.stop()
            stores.close()

    app = FastAPI(
        title="newsfuse",
        description=_DESCRIPTION,
        version="1",
        openapi_url=f"{API_PREFIX}/openapi.json",
        docs_url=f"{API_PREFIX}/docs",
        redoc_url=None,
        lifespan=lifespan,
    )
    app.state.config = config
    app.state.stores = stores
    app.state.jobs = JobWorker(config)
    app.state.story_responses = ResponseCache()
    install_error_handlers(app)
    for router in API_ROUTERS:
        app.include_router(router, prefix=API_PREFIX)
    # The pages show what the API serves, so they are guarded like its reads (open unless required).
    app.include_router(web_router, dependencies=[Depends(require_read)])
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
    app.add_middleware(_NoteRequests, jobs=app.state.jobs)
    return app


class _NoteRequests:
    """Tells the job worker of every request, so its background warm-up waits for a quiet moment (plain
    ASGI: a per-request cost of one attribute write)."""

    def __init__(self, app: ASGIApp, jobs: JobWorker) -> None:
        self.app = app
        self.jobs = jobs

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            self.jobs.request_seen()
        await self.app(scope, receive, send)


def app_from_environment() -> FastAPI:
    """The app for one server worker process (``newsfuse serve --workers N``), configured by the parent."""
    return create_app(ServerConfig.from_environment())
