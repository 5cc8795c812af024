"""One error body for every 4xx and 5xx under ``/api``: ``{"error": {"code", "message", "detail"}}``.

Typed :class:`~newsfuse.errors.NewsfuseError` subclasses carry their HTTP status and code; request
validation, unknown routes and unexpected failures are mapped to the same shape. Paths outside ``/api``
(the web UI) keep FastAPI's default handling, so the UI can render its own error pages.
"""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.encoders import jsonable_encoder
from fastapi.exception_handlers import http_exception_handler, request_validation_exception_handler
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, PlainTextResponse, Response
from pydantic import BaseModel, Field
from starlette.exceptions import HTTPException

from newsfuse.errors import NewsfuseError

API_PREFIX = "/api"
_log = logging.getLogger("newsfuse.api")
_HTTP_CODES = {
    400: "bad_request",
    401: "unauthorized",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    406: "not_acceptable",
    413: "too_large",
    415: "unsupported_media_type",
    422: "invalid_request",
}


class ErrorDetail(BaseModel):
    code: str = Field(description="A stable machine-readable code, e.g. `not_found`, `invalid_request`.")
    message: str = Field(description="What went wrong, for a person, naming the item and why.")
    detail: Any = Field(default=None, description="Structured detail, e.g. the invalid fields.")


class ErrorBody(BaseModel):
    """The body of every error response of the API."""

    error: ErrorDetail


ERROR_RESPONSES: dict[int | str, dict[str, Any]] = {
    status: {"model": ErrorBody, "description": description}
    for status, description in {
        400: "The request cannot be done as asked (a bad cursor or query).",
        401: "A bearer token is needed, or the one given is unknown or revoked.",
        404: "No such item.",
        422: "A parameter or the body is invalid.",
        503: "The store cannot be reached.",
    }.items()
}


def error_response(status: int, code: str, message: str, detail: Any = None) -> JSONResponse:
    body = ErrorBody(error=ErrorDetail(code=code, message=message, detail=detail))
    headers = {"WWW-Authenticate": "Bearer"} if status == 401 else None
    return JSONResponse(jsonable_encoder(body), status_code=status, headers=headers)


def _in_api(request: Request) -> bool:
    return request.url.path == API_PREFIX or request.url.path.startswith(API_PREFIX + "/")


async def _newsfuse_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, NewsfuseError)
    if not _in_api(request):
        return PlainTextResponse(str(exc), status_code=exc.http_status)
    return error_response(exc.http_status, exc.code, str(exc))


async def _http_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, HTTPException)
    if not _in_api(request):
        return await http_exception_handler(request, exc)
    code = _HTTP_CODES.get(exc.status_code, "error")
    return error_response(exc.status_code, code, str(exc.detail))


async def _validation_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, RequestValidationError)
    if not _in_api(request):
        return await request_validation_exception_handler(request, exc)
    problems = [
        {"where": ".".join(str(p) for p in e.get("loc", ())), "problem": e.get("msg", "")}
        for e in exc.errors()
    ]
    first = problems[0] if problems else {"where": "request", "problem": "invalid"}
    message = f"invalid request: {first['where']}: {first['problem']}"
    return error_response(422, "invalid_request", message, problems)


async def _unexpected(request: Request, exc: Exception) -> Response:
    _log.exception("unexpected error on %s %s", request.method, request.url.path, exc_info=exc)
    return error_response(500, "internal_error", "the server failed on this request; it has been logged")


def install_error_handlers(app: FastAPI) -> None:
    """Register the handlers that give every API error the one body shape."""
    app.add_exception_handler(NewsfuseError, _newsfuse_error)
    app.add_exception_handler(HTTPException, _http_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(Exception, _unexpected)
