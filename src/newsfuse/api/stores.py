"""Stores for concurrent requests: each request borrows one open store, used by one thread at a time.

A store holds one database connection, which must not serve two threads at once. The pool lends an idle
store, or opens a new one when every store is busy (it never makes a request wait for another: with
FastAPI's thread pool, waiting borrowers could hold every thread the lenders need to finish).
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager

from newsfuse.store import Store, open_store


class StorePool:
    """Open stores on one database, lent to one borrower at a time; at most ``max_idle`` kept open."""

    def __init__(self, db: str, max_idle: int = 8) -> None:
        self.db = db
        self.max_idle = max_idle
        self._idle: list[Store] = []
        self._lock = threading.Lock()
        self._closed = False

    @contextmanager
    def borrow(self) -> Iterator[Store]:
        """An open store for the duration of the block, returned to the pool after it."""
        with self._lock:
            store = self._idle.pop() if self._idle else None
        if store is None:
            store = open_store(self.db, create=False)
        try:
            yield store
        finally:
            self._give_back(store)

    def _give_back(self, store: Store) -> None:
        with self._lock:
            if not self._closed and len(self._idle) < self.max_idle:
                self._idle.append(store)
                return
        store.close()

    def close(self) -> None:
        """Close every idle store; stores still lent are closed when they come back."""
        with self._lock:
            self._closed = True
            idle, self._idle = self._idle, []
        for store in idle:
            store.close()
