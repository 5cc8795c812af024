"""FastAPI dependencies the API's and the web UI's routes share: the request's store and token checks."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Annotated

from fastapi import Depends, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from newsfuse.api.config import ServerConfig
from newsfuse.api.stores import StorePool
from newsfuse.api.tokens import check_token
from newsfuse.errors import NewsfuseError
from newsfuse.store import ApiToken, Store

_bearer = HTTPBearer(auto_error=False, description="A token from `newsfuse token create`.")


class AuthError(NewsfuseError):
    """The request needs a valid bearer token and has none."""

    http_status = 401
    code = "unauthorized"


def server_config(request: Request) -> ServerConfig:
    config: ServerConfig = request.app.state.config
    return config


async def get_store(request: Request) -> AsyncIterator[Store]:
    """The store for this request: borrowed from the app's pool, returned when the request is done.

    Async, so resolving it costs no thread hop: lending an idle store is a list pop (a new one is opened
    only until the pool is warm)."""
    pool: StorePool = request.app.state.stores
    with pool.borrow() as store:
        yield store


StoreDep = Annotated[Store, Depends(get_store)]
Credentials = Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)]


def _token(pool: StorePool, credentials: HTTPAuthorizationCredentials | None) -> ApiToken:
    if credentials is None:
        raise AuthError(
            "this endpoint needs a bearer token: Authorization: Bearer <token from newsfuse token create>"
        )
    with pool.borrow() as store:
        token = check_token(store, credentials.credentials)
    if token is None:
        raise AuthError("the bearer token is unknown or revoked")
    return token


async def require_write(request: Request, credentials: Credentials) -> ApiToken:
    """Writes always need a live token."""
    return await run_in_threadpool(_token, request.app.state.stores, credentials)


async def require_read(request: Request, credentials: Credentials) -> ApiToken | None:
    """Reads need a live token only when the server was started with ``--require-token-for-reads``
    (an open read costs nothing here: no store, no thread)."""
    if not server_config(request).require_token_for_reads:
        return None
    return await run_in_threadpool(_token, request.app.state.stores, credentials)
