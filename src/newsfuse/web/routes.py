"""The web UI's HTML routes: parse the request, call service functions, render one template.

Each route is thin: the service layer reads and compares, the page modules resolve statements to their
source characters, the template lays them out. A failure the user can act on (no such story, a bad
highlight range) renders the error page with its status and the reason.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, Any, get_args
from urllib.parse import urlencode

from fastapi import APIRouter, Path, Query, Request
from fastapi.responses import HTMLResponse, Response

from newsfuse.api.deps import StoreDep
from newsfuse.errors import NewsfuseError
from newsfuse.export.choices import choose
from newsfuse.service import search_articles, show_article
from newsfuse.service.comparisons import compare_stored_story, compare_view
from newsfuse.service.entities import show_entity
from newsfuse.service.quotes import search_quotes
from newsfuse.service.story_views import list_stories, show_story
from newsfuse.store import StoryFilters, StorySort
from newsfuse.web.article_page import article_page
from newsfuse.web.page_cache import PageCache, story_page_key
from newsfuse.web.story_page import story_page
from newsfuse.web.templating import templates

router = APIRouter(include_in_schema=False)

PAGE_SIZE = 20
_STORY_PAGES = PageCache()
SORTS: tuple[StorySort, ...] = get_args(StorySort)
Offset = Annotated[int, Query(ge=0, le=1_000_000)]
Position = int | None  # checked against the article text, so a bad range gets the page saying why
Words = Annotated[str, Query(max_length=200)]
ItemId = Annotated[str, Path(min_length=1, max_length=200)]


def _error(request: Request, error: NewsfuseError) -> HTMLResponse:
    """The error page: the status of the error and its message, which names the item and why."""
    return templates.TemplateResponse(
        request, "error.html", {"status": error.http_status, "message": str(error)}, error.http_status
    )


def _render(request: Request, name: str, build: Callable[[], dict[str, Any]]) -> HTMLResponse:
    """The page ``name`` with the context ``build`` returns, or the error page saying why it failed."""
    try:
        context = build()
    except NewsfuseError as error:
        return _error(request, error)
    return templates.TemplateResponse(request, name, context)


def _list_href(sort: str, outlet: str, entity: str, offset: int = 0) -> str:
    query = {"sort": sort, "outlet": outlet, "entity": entity, "offset": str(offset) if offset else ""}
    return "/?" + urlencode({key: value for key, value in query.items() if value})


@router.get("/", response_class=HTMLResponse)
def story_list(
    request: Request,
    store: StoreDep,
    sort: Words = "newest",
    outlet: Words = "",
    entity: Words = "",
    offset: Offset = 0,
) -> HTMLResponse:
    """The stories: newest, biggest or most contested first; optionally only an outlet's or an entity's."""

    def build() -> dict[str, Any]:
        order = choose(sort, SORTS, "sort")
        filters = StoryFilters(outlet=outlet or None, entity=entity or None) if outlet or entity else None
        page = list_stories(store, order, PAGE_SIZE, offset, filters)
        more = offset + PAGE_SIZE < page.total
        return {
            "page": page,
            "tabs": [(s, _list_href(s, outlet, entity)) for s in SORTS],
            "outlet": outlet,
            "entity": entity,
            "offset": offset,
            "previous": _list_href(sort, outlet, entity, max(offset - PAGE_SIZE, 0)) if offset else None,
            "next": _list_href(sort, outlet, entity, offset + PAGE_SIZE) if more else None,
            "everything": _list_href(sort, "", ""),
        }

    return _render(request, "stories.html", build)


@router.get("/stories/{story_id}", response_class=HTMLResponse)
def story(request: Request, store: StoreDep, story_id: ItemId) -> Response:
    """One story: brief, outlets × facts, contradictions, who said what, timeline.

    Rendered once per version of the story (its key is also the page's ETag).
    """
    try:
        view = show_story(store, story_id)
        key = story_page_key(view)
        if f'"{key}"' in request.headers.get("if-none-match", ""):
            return Response(status_code=304, headers={"ETag": f'"{key}"'})
        page = _STORY_PAGES.get(key)
        if page is None:
            page = templates.get_template("story.html").render(story=story_page(compare_view(store, view)))
            _STORY_PAGES.put(key, page)
    except NewsfuseError as error:
        return _error(request, error)
    return HTMLResponse(page, headers={"ETag": f'"{key}"', "Cache-Control": "no-cache"})


@router.get("/articles/{article_id}", response_class=HTMLResponse)
def article(
    request: Request,
    store: StoreDep,
    article_id: ItemId,
    start: Position = None,
    end: Position = None,
) -> HTMLResponse:
    """One article, its marks, an optional highlight of exact characters, its claims across its story."""

    def build() -> dict[str, Any]:
        view = show_article(store, article_id)
        story_id = store.story_of(view.article.id)
        compared = compare_stored_story(store, story_id) if story_id else None
        return {"page": article_page(view, compared, start, end)}

    return _render(request, "article.html", build)


@router.get("/entities/{entity_id}", response_class=HTMLResponse)
def entity(request: Request, store: StoreDep, entity_id: ItemId) -> HTMLResponse:
    """A person, organisation or place: everything it said, story by story."""
    return _render(request, "entity.html", lambda: {"view": show_entity(store, entity_id)})


def _search_href(words: str, speaker: str, offset: int) -> str:
    query = {"q": words, "speaker": speaker} | ({"offset": str(offset)} if offset else {})
    return f"/search?{urlencode(query)}"


@router.get("/search", response_class=HTMLResponse)
def search(
    request: Request, store: StoreDep, q: Words = "", speaker: Words = "", offset: Offset = 0
) -> HTMLResponse:
    """Articles by words, quotes by speaker (either or both)."""

    def build() -> dict[str, Any]:
        words, who = q.strip(), speaker.strip()
        articles = search_articles(store, words, PAGE_SIZE, offset) if words else None
        quotes = search_quotes(store, speaker=who, limit=PAGE_SIZE, offset=offset) if who else None
        more = bool(quotes and quotes.more) or bool(articles and len(articles.items) == PAGE_SIZE)
        pages = {
            "previous": _search_href(words, who, max(offset - PAGE_SIZE, 0)) if offset else None,
            "next": _search_href(words, who, offset + PAGE_SIZE) if more else None,
        }
        return {"q": words, "speaker": who, "articles": articles, "quotes": quotes, "pages": pages}

    return _render(request, "search.html", build)
