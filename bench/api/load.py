"""Concurrent HTTP clients against a running server: latency of each request kind, and errors.

Each of ``clients`` clients sends a request, reads the whole answer, waits a think time and sends the
next. With ``think`` > 0 the wait is random (exponential, that mean): readers who open a page and read it,
so the clients offer about ``clients / think`` requests a second. With ``think`` = 0 the clients send back
to back, the server always has ``clients`` requests in flight, and the run measures saturation.
Latency is measured by the client, from sending to the last byte, queueing included.
"""

from __future__ import annotations

import asyncio
import random
import time
from collections import defaultdict
from dataclasses import dataclass, field

import httpx


@dataclass(frozen=True, slots=True)
class Target:
    """One request the clients may send: a kind (what the report groups by) and a path."""

    kind: str
    path: str


@dataclass
class LoadResult:
    """Latencies in seconds by kind, errors (status ≥ 400 or no answer) by kind, and the wall time."""

    latencies: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    errors: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    seconds: float = 0.0


async def _client(
    http: httpx.AsyncClient,
    targets: list[Target],
    deadline: float,
    think: float,
    seed: int,
    result: LoadResult,
) -> None:
    rng = random.Random(seed)
    if think:
        await asyncio.sleep(rng.uniform(0, think))  # clients start spread out, not all at once
    while time.monotonic() < deadline:
        target = rng.choice(targets)
        started = time.perf_counter()
        try:
            response = await http.get(target.path)
            await response.aread()
            failed = f"{response.status_code} {target.path}" if response.status_code >= 400 else None
        except httpx.HTTPError as error:
            failed = f"{type(error).__name__} {target.path}"
        elapsed = time.perf_counter() - started
        if failed:
            result.errors[target.kind].append(failed)
        else:
            result.latencies[target.kind].append(elapsed)
        if think:
            await asyncio.sleep(rng.expovariate(1 / think))


async def _run(
    base_url: str, targets: list[Target], clients: int, seconds: float, think: float
) -> LoadResult:
    result = LoadResult()
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    async with httpx.AsyncClient(base_url=base_url, limits=limits, timeout=30.0) as http:
        started = time.monotonic()
        deadline = started + seconds
        await asyncio.gather(*(_client(http, targets, deadline, think, n, result) for n in range(clients)))
        result.seconds = time.monotonic() - started
    return result


def run_load(
    base_url: str, targets: list[Target], clients: int, seconds: float, think: float = 0.0
) -> LoadResult:
    """Drive ``clients`` concurrent clients over ``targets`` for ``seconds``, ``think`` seconds apart."""
    return asyncio.run(_run(base_url, targets, clients, seconds, think))


def percentile(values: list[float], share: float) -> float:
    """The nearest-rank percentile (``share`` in 0..1) of ``values``."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(share * len(ordered)) - 1))]
