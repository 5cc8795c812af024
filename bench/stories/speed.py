"""Throughput and memory of the online clusterer on a long synthetic stream.

The stream replays the NeuS sets again and again with dates shifted forward (a steady rate of articles
a day) and every entity renamed per replay ("Kerry" → "Kerry-v7" in the entities and the text), so
each replay is a new set of stories rather than copies of the last. Within a replay, the articles of one
gold story arrive close together (as real coverage does), in a seeded random order of stories.

Only ``add`` and ``drain_closed`` (the hand-over of closed stories to the store) are timed, as CPU time
of this process (``time.process_time``): the machine is shared, so wall time would measure the other
users; CPU time is the per-core cost. Memory is the process RSS.
"""

from __future__ import annotations

import random
import re
import time
from collections.abc import Iterator, Sequence
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

from newsfuse.model.story import EntityRef, StoryCandidate
from newsfuse.stories.clusterer import OnlineClusterer
from newsfuse.stories.options import ClusterOptions

START = datetime(2024, 1, 1, tzinfo=UTC)


def _rename(candidate: StoryCandidate, replay: int) -> StoryCandidate:
    if replay == 0:
        return candidate
    text, title = candidate.text, candidate.title or ""
    entities = []
    for entity in candidate.entities:
        names = sorted({entity.name, *entity.aliases}, key=len, reverse=True)
        pattern = re.compile("|".join(re.escape(n) for n in names))
        text = pattern.sub(lambda m: f"{m.group(0)}-v{replay}", text)
        title = pattern.sub(lambda m: f"{m.group(0)}-v{replay}", title)
        entities.append(
            EntityRef(
                f"{entity.name}-v{replay}",
                entity.type,
                tuple(f"{a}-v{replay}" for a in entity.aliases),
                entity.mentions,
            )
        )
    return replace(candidate, text=text, title=title or None, entities=tuple(entities))


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
    marks = set(checkpoints)
    for n, candidate in enumerate(synthetic_stream(base, max(checkpoints), per_day), start=1):
        t0 = time.process_time()
        clusterer.add(candidate)
        clusterer.drain_closed()
        spent += time.process_time() - t0
        if n + span in marks:
            window_start = spent
        if n in marks:
            stories, articles = clusterer.hot_size()
            rows.append(
                {
                    "articles": n,
                    "articles_per_cpu_s_last_5k": span / (spent - window_start)
                    if spent > window_start
                    else 0.0,
                    "articles_per_cpu_s_overall": n / spent,
                    "rss_mb": round(rss_mb(), 1),
                    "hot_stories": stories,
                    "hot_articles": articles,
                }
            )
            print(f"  {rows[-1]}", flush=True)
    return rows
