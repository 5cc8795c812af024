"""A small in-process cache of rendered story responses, keyed by story id and etag.

The comparison itself is cached in the store; this keeps the final JSON bytes of the most recently read
stories, so a popular story is served without decoding and re-encoding its comparison. An entry can
never be stale: a changed story has a new etag, so its old entry is simply not asked for again.
"""

from __future__ import annotations

import threading
from collections import OrderedDict


class ResponseCache:
    """Rendered bodies up to ``max_bytes`` in all (a story's is 15 KB on average), least recently used
    dropped first."""

    def __init__(self, max_bytes: int = 64 * 1024 * 1024) -> None:
        self.max_bytes = max_bytes
        self._items: OrderedDict[tuple[str, str], bytes] = OrderedDict()
        self._bytes = 0
        self._lock = threading.Lock()

    def get(self, story_id: str, etag: str) -> bytes | None:
        with self._lock:
            body = self._items.get((story_id, etag))
            if body is not None:
                self._items.move_to_end((story_id, etag))
            return body

    def put(self, story_id: str, etag: str, body: bytes) -> None:
        with self._lock:
            old = self._items.pop((story_id, etag), None)
            self._bytes += len(body) - (len(old) if old is not None else 0)
            self._items[(story_id, etag)] = body
            while self._bytes > self.max_bytes and len(self._items) > 1:
                self._bytes -= len(self._items.popitem(last=False)[1])
