"""The local engine: map a batch function over chunks, in worker processes, results in input order."""

from __future__ import annotations

import multiprocessing
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from typing import TypeVar

In = TypeVar("In")
Out = TypeVar("Out")

_IN_FLIGHT_PER_WORKER = 2  # enough to keep workers busy while bounding memory


def default_workers() -> int:
    return os.cpu_count() or 1


def map_ordered(function: Callable[[In], Out], chunks: Iterable[In], workers: int) -> Iterator[Out]:
    """``function`` over each chunk, yielded in input order; ``workers == 1`` runs in this process."""
    if workers <= 1:
        yield from map(function, chunks)
        return
    # forkserver: children never inherit this process's threads (a progress bar's) or open databases.
    pool = ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("forkserver"))
    pending: deque[Future[Out]] = deque()
    try:
        for chunk in chunks:
            pending.append(pool.submit(function, chunk))
            if len(pending) >= workers * _IN_FLIGHT_PER_WORKER:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
