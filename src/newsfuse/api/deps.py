"""FastAPI dependencies the API's and the web UI's routes share: the request's store and token checks."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated

from fastapi import Depends, Request
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


def get_store(request: Request) -> Iterator[Store]:
    """The store for this request: borrowed from the app's pool, returned when the request is done."""
    pool: StorePool = request.app.state.stores
    with pool.borrow() as store:
        yield store


StoreDep = Annotated[Store, Depends(get_store)]
Credentials = Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)]


def _token(store: Store, credentials: HTTPAuthorizationCredentials | None) -> ApiToken:
    if credentials is None:
        raise AuthError(
            "this endpoint needs a bearer token: Authorization: Bearer <token from newsfuse token create>"
        )
    token = check_token(store, credentials.credentials)
    if token is None:
        raise AuthError("the bearer token is unknown or revoked")
    return token


def require_write(store: StoreDep, credentials: Credentials) -> ApiToken:
    """Writes always need a live token."""
    return _token(store, credentials)


def require_read(request: Request, store: StoreDep, credentials: Credentials) -> ApiToken | None:
    """Reads need a live token only when the server was started with ``--require-token-for-reads``."""
    if not server_config(request).require_token_for_reads:
        return None
    return _token(store, credentials)
