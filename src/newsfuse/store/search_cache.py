"""Recent full-text search results, shared by every store object of this process.

Ranking every match of a common word in a large store costs tens of milliseconds, and a server answers
the same searches again and again. Articles are only ever appended, so the highest article ``seq``
identifies what a search could find: a result is reused only while no article was added since, and a
new article makes every older entry unreachable (it ages out of the LRU).
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable

from newsfuse.store.base import SearchHit

_SIZE = 512


class SearchCache:
    """At most ``size`` result lists, least recently used dropped first; safe across threads."""

    def __init__(self, size: int = _SIZE) -> None:
        self.size = size
        self._items: OrderedDict[Hashable, tuple[SearchHit, ...]] = OrderedDict()
        self._lock = threading.Lock()

    def get_or_compute(self, key: Hashable, compute: Callable[[], list[SearchHit]]) -> list[SearchHit]:
        with self._lock:
            found = self._items.get(key)
            if found is not None:
                self._items.move_to_end(key)
                return list(found)
        hits = compute()
        with self._lock:
            self._items[key] = tuple(hits)
            while len(self._items) > self.size:
                self._items.popitem(last=False)
        return hits


SEARCHES = SearchCache()
