"""Rendered story pages kept by version, so reading a story again costs one story lookup, not a render.

A story page shows the story's comparison (whose version is the story's etag: members, copy links, analyzer
and comparer), its title, dates and key entities. The digest of those is the page's key and its HTTP ETag:
an unchanged story is served from memory, or answered 304 Not Modified to a browser that has it.
"""

from __future__ import annotations

import hashlib
import threading
from collections import OrderedDict

from newsfuse.service.comparisons import current_etag
from newsfuse.service.story_views import StoryView

MAX_CHARACTERS = 32_000_000  # about 32 MB of HTML: a few hundred story pages


def story_page_key(view: StoryView) -> str:
    """The version of a story's page: changes whenever anything the page shows could."""
    story = view.stored.story
    parts = [current_etag(view), story.title or "", str(story.first_published)]
    parts += [str(story.last_published), *(f"{e.name}={view.global_id(e)}" for e in view.key_entities)]
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()[:32]


class PageCache:
    """A thread-safe least-recently-used map from page key to HTML, bounded by total characters."""

    def __init__(self, max_characters: int = MAX_CHARACTERS) -> None:
        self._pages: OrderedDict[str, str] = OrderedDict()
        self._size = 0
        self._max = max_characters
        self._lock = threading.Lock()

    def get(self, key: str) -> str | None:
        with self._lock:
            page = self._pages.get(key)
            if page is not None:
                self._pages.move_to_end(key)
            return page

    def put(self, key: str, page: str) -> None:
        if len(page) > self._max:
            return
        with self._lock:
            old = self._pages.pop(key, None)
            self._size += len(page) - (len(old) if old is not None else 0)
            self._pages[key] = page
            while self._size > self._max:
                _, dropped = self._pages.popitem(last=False)
                self._size -= len(dropped)
