"""``/api``: what this server is, and how much it holds."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Request

from newsfuse.api.deps import StoreDep, require_read, server_config
from newsfuse.api.errors import ERROR_RESPONSES
from newsfuse.api.schemas import ServiceOut

router = APIRouter(tags=["service"], dependencies=[Depends(require_read)], responses=ERROR_RESPONSES)


@router.get("", response_model=ServiceOut, summary="About this server")
def service(request: Request, store: StoreDep) -> dict[str, Any]:
    """The store's backend and size, and whether reads need a token."""
    return {
        "name": "newsfuse",
        "version": request.app.version,
        "backend": store.backend,
        "articles": store.count(),
        "stories": store.count_stories(),
        "reads_need_token": server_config(request).require_token_for_reads,
    }
