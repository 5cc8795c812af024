"""``/api/stories``: the story list (filters, sorts, cursors) and one story with its comparison and ETag."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Header, Path, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import Response

from newsfuse.api.deps import StoreDep, require_read
from newsfuse.api.errors import ERROR_RESPONSES
from newsfuse.api.pagination import Cursor, Limit, decode_cursor, next_cursor
from newsfuse.api.responses import ResponseCache
from newsfuse.api.schemas import StoryOut, StoryPageOut
from newsfuse.service.comparisons import compare_view, comparison_json, current_etag
from newsfuse.service.story_views import StoryView, list_stories, show_story
from newsfuse.store import Store, StoryFilters

router = APIRouter(tags=["stories"], dependencies=[Depends(require_read)], responses=ERROR_RESPONSES)

Sort = Literal["newest", "largest", "contested"]


@router.get("/stories", response_model=StoryPageOut, summary="List stories")
def stories(
    store: StoreDep,
    sort: Annotated[
        Sort,
        Query(
            description="newest (latest article), largest (most articles), contested (most contradictions)"
        ),
    ] = "newest",
    since: Annotated[
        datetime | None, Query(description="Stories with an article at or after this time.")
    ] = None,
    until: Annotated[
        datetime | None, Query(description="Stories with an article at or before this time.")
    ] = None,
    outlet: Annotated[str | None, Query(max_length=200, description="Stories with an article by it.")] = None,
    entity: Annotated[
        str | None, Query(max_length=200, description="Stories naming this global entity id.")
    ] = None,
    limit: Limit = 20,
    cursor: Cursor = None,
) -> dict[str, Any]:
    """Stories with their outlets, time span and, once compared, what their comparison found."""
    filters = StoryFilters(since, until, outlet, entity)
    query = {"list": "stories", "sort": sort, "filters": repr(filters)}
    offset = decode_cursor(cursor, query)
    page = list_stories(store, sort, limit, offset, filters).to_dict()
    page["next_cursor"] = next_cursor(offset, limit, offset + len(page["items"]) < page["total"], query)
    return page


def _matches(if_none_match: str | None, etag: str) -> bool:
    if not if_none_match:
        return False
    tags = {t.strip().removeprefix("W/").strip('"') for t in if_none_match.split(",")}
    return etag in tags or "*" in tags


@router.get(
    "/stories/{story_id}",
    response_model=StoryOut,
    summary="One story with its comparison",
    responses={304: {"description": "Not modified: the ETag given in If-None-Match is current."}},
)
async def story(
    request: Request,
    store: StoreDep,
    story_id: Annotated[
        str, Path(min_length=1, max_length=80, description="A story id, or a unique prefix of its hex part.")
    ],
    if_none_match: Annotated[str | None, Header(description="An ETag this client holds.")] = None,
) -> Response:
    """Members by outlet and time, key entities with global ids, and the comparison: corroborated and
    single-source facts, contradictions with both sides, quotes with variants, timeline and brief.
    Answers 304 when ``If-None-Match`` holds the current ETag.

    Async: a story read recently, or a 304, costs three indexed reads, done here without a thread hop;
    comparing (or decoding a cached comparison) runs on a worker thread."""
    view = show_story(store, story_id)
    etag = current_etag(view)
    headers = {"ETag": f'"{etag}"', "Cache-Control": "no-cache"}
    if _matches(if_none_match, etag):
        return Response(status_code=304, headers=headers)
    rendered: ResponseCache = request.app.state.story_responses
    body = rendered.get(view.stored.story.id, etag)
    if body is None:
        body = await run_in_threadpool(_render, store, view, etag)
        rendered.put(view.stored.story.id, etag, body)
    return Response(body, media_type="application/json", headers=headers)


def _render(store: Store, view: StoryView, etag: str) -> bytes:
    compared = compare_view(store, view)
    data = view.to_dict()
    data["etag"] = etag
    data["comparison"] = comparison_json(compared)
    return json.dumps(data, ensure_ascii=False).encode("utf-8")
