"""API and web UI latency under concurrent clients, over a store of 100k replayed dev-set articles.

Run: ``python -m bench.api --shared ../shared`` (``make bench-api``). Writes ``bench/results/api.json``
and ``.md``.

Starts ``newsfuse serve --workers 2`` (a process a core) on the cached benchmark store
(:mod:`bench.api.corpus`), with its comparison cache emptied. A cold pass opens each sampled story once,
one at a time (the first opening compares the story and caches it; reported on its own). Then two loads
over the same mix of requests (story page and story JSON of the sampled stories, web and API search for
words drawn from the dev sets' titles): ``readers``, the target's load: ``--clients`` clients each
opening a page, reading it for a random time (exponential, mean ``--think`` seconds) and opening the
next; and ``saturation``: the same clients with no think time, to show the throughput ceiling. Each
reports p50, p95 and p99 latency per request kind, requests per second and errors. Target: p95 ≤ 100 ms
for the story page and for search, zero errors.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import socket
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import httpx

from bench.api.corpus import base_docs, build_store
from bench.api.load import LoadResult, Target, percentile, run_load
from newsfuse.store import open_store

RESULTS = Path(__file__).resolve().parent.parent / "results"
NAME = "api"
TARGET_P95 = 0.100
SEED = 7
SEARCH_WORDS = 200


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextmanager
def serving(db: Path, workers: int) -> Iterator[str]:
    """``newsfuse serve`` on a free port, until the block ends."""
    port = _free_port()
    command = [str(Path(sys.executable).parent / "newsfuse"), "--db", str(db), "serve", "--port", str(port)]
    command += ["--workers", str(workers)]
    server = subprocess.Popen(
        command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=os.environ.copy()
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(300):
            try:
                if httpx.get(f"{base}/api/openapi.json", timeout=1.0).status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(0.2)
        else:
            raise RuntimeError(
                "newsfuse serve did not start: " + (server.stderr.read().decode() if server.stderr else "")
            )
        yield base
    finally:
        server.terminate()
        server.wait(timeout=30)


def sample_stories(db: Path, count: int) -> list[str]:
    """Story ids, a seeded sample across the list (small and large stories alike)."""
    store = open_store(str(db))
    try:
        ids = [s.id for s in store.list_stories("newest", limit=1_000_000)]
    finally:
        store.close()
    return random.Random(SEED).sample(ids, min(count, len(ids)))


def search_words(shared: Path, count: int) -> list[str]:
    """Words people search for: a seeded sample of the longer words in the dev sets' titles."""
    words = sorted({w.strip(".,:;'\"?!()").lower() for doc in base_docs(shared) for w in doc.title.split()})
    words = [w for w in words if len(w) >= 5 and w.isalpha()]
    return random.Random(SEED).sample(words, min(count, len(words)))


def targets(stories: list[str], words: list[str]) -> list[Target]:
    """Half story openings, half searches, web and API alike."""
    opened = [Target("story page (web)", f"/stories/{sid}") for sid in stories]
    opened += [Target("story (API)", f"/api/stories/{sid}") for sid in stories]
    searches = [Target("search (web)", f"/search?q={word}") for word in words]
    searches += [Target("search (API)", f"/api/articles/search?q={word}") for word in words]
    return opened * max(1, round(len(searches) / len(opened))) + searches


def empty_comparison_cache(db: Path) -> None:
    """Forget cached comparisons, so the cold pass measures first openings on every run."""
    open_store(str(db)).close()  # applies pending migrations
    with sqlite3.connect(db) as connection:
        connection.execute("DELETE FROM story_comparisons")


def cold_pass(base: str, stories: list[str]) -> list[float]:
    """Open each story once, one at a time: the first comparison of a story (then cached)."""
    seconds = []
    with httpx.Client(base_url=base, timeout=120.0) as http:
        for sid in stories:
            started = time.perf_counter()
            http.get(f"/api/stories/{sid}").raise_for_status()
            seconds.append(time.perf_counter() - started)
    return seconds


def summarise(result: LoadResult) -> dict[str, Any]:
    kinds = sorted(set(result.latencies) | set(result.errors))
    rows = {}
    for kind in kinds:
        values = result.latencies.get(kind, [])
        rows[kind] = {
            "requests": len(values) + len(result.errors.get(kind, [])),
            "errors": len(result.errors.get(kind, [])),
            "p50_ms": round(1000 * percentile(values, 0.50), 1) if values else None,
            "p95_ms": round(1000 * percentile(values, 0.95), 1) if values else None,
            "p99_ms": round(1000 * percentile(values, 0.99), 1) if values else None,
        }
    total = sum(r["requests"] for r in rows.values())
    return {
        "kinds": rows,
        "requests": total,
        "requests_per_second": round(total / result.seconds, 1),
        "error_examples": [e for errs in result.errors.values() for e in errs[:3]],
    }


def run(args: argparse.Namespace) -> dict[str, Any]:
    db = build_store(args.shared, args.articles)
    empty_comparison_cache(db)
    store = open_store(str(db))
    try:
        articles, stories = store.count(), store.count_stories()
    finally:
        store.close()
    sample = sample_stories(db, args.stories)
    mix = targets(sample, search_words(args.shared, SEARCH_WORDS))
    with serving(db, args.workers) as base:
        cold = cold_pass(base, sample)
        readers = summarise(run_load(base, mix, args.clients, args.seconds, args.think))
        saturation = summarise(run_load(base, mix, args.clients, args.seconds / 2))
    met = all(
        row["errors"] == 0 and row["p95_ms"] is not None and row["p95_ms"] <= 1000 * TARGET_P95
        for row in readers["kinds"].values()
    )
    return {
        "articles": articles,
        "stories": stories,
        "sampled_stories": len(sample),
        "clients": args.clients,
        "think_seconds": args.think,
        "server_workers": args.workers,
        "seconds": args.seconds,
        "cold_story_ms": {
            "p50": round(1000 * percentile(cold, 0.5), 1),
            "p95": round(1000 * percentile(cold, 0.95), 1),
            "max": round(1000 * max(cold), 1),
        },
        "readers": readers,
        "saturation": saturation,
        "target_met": met,
        "how": " ".join((__doc__ or "").split("\n\n")[2:]).replace("\n", " "),
        "machine": f"{platform.platform()}, {os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f}",
    }


def _table(load: dict[str, Any]) -> list[str]:
    lines = ["| request | requests | errors | p50 ms | p95 ms | p99 ms |", "|---|---|---|---|---|---|"]
    for kind, row in load["kinds"].items():
        cells = [kind, row["requests"], row["errors"], row["p50_ms"], row["p95_ms"], row["p99_ms"]]
        lines.append("| " + " | ".join(str(cell) for cell in cells) + " |")
    return lines


def markdown(result: dict[str, Any]) -> str:
    cold = result["cold_story_ms"]
    return "\n".join(
        [
            f"# {NAME}: latency under {result['clients']} concurrent clients "
            f"({result['articles']:,} articles, {result['stories']:,} stories)",
            "",
            f"## Readers ({result['clients']} clients, mean think time {result['think_seconds']} s: "
            "the target's load)",
            "",
            *_table(result["readers"]),
            "",
            f"{result['readers']['requests_per_second']} requests/s over {result['seconds']} s, "
            f"{result['server_workers']} server workers. Target p95 ≤ "
            f"{int(1000 * TARGET_P95)} ms with zero errors: {'met' if result['target_met'] else 'not met'}.",
            "",
            f"## Saturation ({result['clients']} clients, no think time)",
            "",
            *_table(result["saturation"]),
            "",
            f"{result['saturation']['requests_per_second']} requests/s over {result['seconds'] / 2} s.",
            "",
            f"First opening of each of the {result['sampled_stories']} sampled stories (comparison computed, "
            f"then cached), one at a time: p50 {cold['p50']} ms, p95 {cold['p95']} ms, max {cold['max']} ms.",
            "",
            result["how"],
            "",
            result["machine"],
            "",
        ]
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--shared", type=Path, default=Path("../shared"))
    parser.add_argument("--articles", type=int, default=100_000, help="Size of the replayed store.")
    parser.add_argument("--stories", type=int, default=200, help="How many stories the clients open.")
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=60.0, help="How long the load runs.")
    parser.add_argument("--workers", type=int, default=2, help="Server worker processes (one per core).")
    parser.add_argument("--think", type=float, default=1.0, help="Mean seconds a reader spends on a page.")
    args = parser.parse_args()
    result = run(args)
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / f"{NAME}.json").write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    (RESULTS / f"{NAME}.md").write_text(markdown(result), encoding="utf-8")
    print(markdown(result))


if __name__ == "__main__":
    main()
