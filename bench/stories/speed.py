"""Throughput and memory of the online clusterer on a long synthetic stream.

The stream replays the NeuS sets again and again with dates shifted forward (a steady rate of articles
a day) and every entity renamed per replay ("Kerry" → "Kerry-v7" in the entities and the text), so
each replay is a new set of stories rather than copies of the last. Within a replay, the articles of one
gold story arrive close together (as real coverage does), in a seeded random order of stories.

Only ``add`` and ``drain_closed`` (the hand-over of closed stories to the store) are timed, as CPU time
of this process (``time.process_time``): the machine is shared, so wall time would measure the other
users; CPU time is the per-core cost. Memory is the process RSS. The garbage collector's share of each
window is reported beside it: a full collection walks every live object (a few tenths of a second at
these heap sizes) and comes every ten thousand articles or so, so a 5,000-article window holds none, one
or two, and its rate moves by a sixth with that alone.
"""

from __future__ import annotations

import gc
import random
import re
import time
from collections.abc import Iterator, Sequence
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from functools import lru_cache
from pathlib import Path

from newsfuse.model.story import EntityRef, StoryCandidate
from newsfuse.stories.clusterer import OnlineClusterer
from newsfuse.stories.options import ClusterOptions

START = datetime(2024, 1, 1, tzinfo=UTC)


@lru_cache(maxsize=1 << 15)
def _names_pattern(names: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile("|".join(re.escape(n) for n in sorted(names, key=len, reverse=True)))


def _rename(candidate: StoryCandidate, replay: int) -> StoryCandidate:
    if replay == 0 or not candidate.entities:
        return candidate
    names = tuple(sorted({n for e in candidate.entities for n in (e.name, *e.aliases) if n}))
    pattern = _names_pattern(names)
    suffix = f"-v{replay}"
    text = pattern.sub(lambda m: m.group(0) + suffix, candidate.text)
    title = pattern.sub(lambda m: m.group(0) + suffix, candidate.title or "")
    entities = tuple(
        EntityRef(e.name + suffix, e.type, tuple(a + suffix for a in e.aliases), e.mentions)
        for e in candidate.entities
    )
    return replace(candidate, text=text, title=title or None, entities=entities)


def story_local_order(base: Sequence[tuple[StoryCandidate, str]], seed: int) -> list[StoryCandidate]:
    """The candidates grouped by gold story, stories in a seeded random order, each story's members
    spread over a short stretch (interleaved with the next stories' members)."""
    rng = random.Random(seed)
    stories: dict[str, list[StoryCandidate]] = {}
    for candidate, cluster in base:
        stories.setdefault(cluster, []).append(candidate)
    keyed = []
    for position, cluster in enumerate(rng.sample(sorted(stories), len(stories))):
        for candidate in stories[cluster]:
            keyed.append((position + rng.uniform(0.0, 20.0), candidate.article_id, candidate))
    return [candidate for _, _, candidate in sorted(keyed)]


def synthetic_stream(base: Sequence[StoryCandidate], total: int, per_day: int) -> Iterator[StoryCandidate]:
    """``total`` dated candidates: replays of ``base`` at ``per_day`` articles a day, entities renamed."""
    step = timedelta(days=1) / per_day
    for n in range(total):
        replay, i = divmod(n, len(base))
        candidate = _rename(base[i], replay)
        yield replace(candidate, article_id=f"{candidate.article_id}-r{replay}", published=START + n * step)


def rss_mb() -> float:
    """The process's resident memory now, in MB (Linux /proc)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024.0
    return float("nan")


def measure(
    base: Sequence[StoryCandidate], checkpoints: Sequence[int], per_day: int, options: ClusterOptions
) -> list[dict[str, float]]:
    """At each checkpoint (each at least 5,000): articles/s over the last 5,000 articles and overall, RSS,
    and the hot stories and articles the memory bound applies to."""
    clusterer = OnlineClusterer(options)
    span = 5000
    rows: list[dict[str, float]] = []
    spent, window_start = 0.0, 0.0
    collector = _CollectorTime()
    marks = set(checkpoints)
    for n, candidate in enumerate(synthetic_stream(base, max(checkpoints), per_day), start=1):
        t0 = time.process_time()
        collector.timing = True
        clusterer.add(candidate)
        clusterer.drain_closed()
        collector.timing = False
        spent += time.process_time() - t0
        if n + span in marks:
            window_start = spent
            collector.spent = 0.0
        if n in marks:
            stories, articles = clusterer.hot_size()
            rows.append(
                {
                    "articles": n,
                    "articles_per_cpu_s_last_5k": span / (spent - window_start)
                    if spent > window_start
                    else 0.0,
                    "gc_share_last_5k": collector.spent / (spent - window_start)
                    if spent > window_start
                    else 0.0,
                    "articles_per_cpu_s_overall": n / spent,
                    "rss_mb": round(rss_mb(), 1),
                    "hot_stories": stories,
                    "hot_articles": articles,
                }
            )
            print(f"  {rows[-1]}", flush=True)
    collector.close()
    return rows


class _CollectorTime:
    """CPU time the garbage collector spends while ``timing`` is set (its callbacks bracket each pass)."""

    def __init__(self) -> None:
        self.timing = False
        self.spent = 0.0
        self._started = 0.0
        gc.callbacks.append(self._note)

    def _note(self, phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            self._started = time.process_time()
        elif self.timing:
            self.spent += time.process_time() - self._started

    def close(self) -> None:
        gc.callbacks.remove(self._note)
