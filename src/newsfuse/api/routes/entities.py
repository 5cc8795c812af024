"""``/api/entities/{id}``: an entity's quotes across stories; ``/api/quotes``: by speaker or words."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path, Query

from newsfuse.api.deps import StoreDep, require_read
from newsfuse.api.errors import ERROR_RESPONSES
from newsfuse.api.pagination import Cursor, Limit, decode_cursor, next_cursor
from newsfuse.api.schemas import GlobalEntityOut, QuotePageOut
from newsfuse.service.entities import show_entity
from newsfuse.service.quotes import search_quotes

router = APIRouter(
    tags=["entities and quotes"], dependencies=[Depends(require_read)], responses=ERROR_RESPONSES
)


@router.get("/entities/{entity_id}", response_model=GlobalEntityOut, summary="An entity and what it said")
def entity(
    store: StoreDep,
    entity_id: Annotated[str, Path(min_length=1, max_length=200, description="A global entity id.")],
) -> dict[str, Any]:
    """The entity (the same person, organisation or place across stories), its stories newest first and
    in each the quotes attributed to it, with their source characters."""
    return show_entity(store, entity_id).to_dict()


@router.get("/quotes", response_model=QuotePageOut, summary="Find quotes by speaker or words")
def quotes(
    store: StoreDep,
    speaker: Annotated[
        str | None, Query(max_length=200, description="Part of the speaker's name, any case.")
    ] = None,
    q: Annotated[str | None, Query(max_length=500, description="Words the quote must contain (all).")] = None,
    limit: Limit = 20,
    cursor: Cursor = None,
) -> dict[str, Any]:
    """Quotes whose speaker matches and/or whose words include every word of ``q`` (give at least one)."""
    query = {"list": "quotes", "speaker": speaker, "q": q}
    offset = decode_cursor(cursor, query)
    page = search_quotes(store, speaker, q, limit, offset)
    return {
        "items": [item.to_dict() for item in page.items],
        "next_cursor": next_cursor(offset, limit, page.more, query),
    }
