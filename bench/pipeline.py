"""What the store adds to analysis and clustering: per-core throughput through the service layer.

Run: ``python -m bench.pipeline --shared ../shared``. Writes ``bench/results/pipeline.json`` and ``.md``.

Articles are NeuS (val, then train) leads, streamed in a fixed seeded shuffle with synthetic publication
times a minute apart. Measured in one process with CPU time (``time.process_time``), so the machine's
other load counts less: analysis through ``analyze_stored`` (one process, model loaded before timing),
clustering through ``update_stories`` (clusterer + writing stories, memberships, entity links and the
snapshot) against the bare clusterer on the same candidates, and a ``rebuild_stories`` of the store.
"""

from __future__ import annotations

import argparse
import json
import platform
import random
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from newsfuse.analyze import analyze_article
from newsfuse.model import Article, ParagraphKind, RawDocument, SourceKind, SourceRef, build_article
from newsfuse.service.analysis import AnalyzeOptions, analyze_stored
from newsfuse.service.stories import rebuild_stories, story_candidate, update_stories
from newsfuse.service.story_views import list_stories, show_story
from newsfuse.store import NewArticle, Store, open_store
from newsfuse.stories.clusterer import OnlineClusterer

RESULTS = Path(__file__).resolve().parent / "results"
NAME = "pipeline"
SEED = 13
START = datetime(2026, 1, 5, 6, 0, tzinfo=UTC)
OUTLETS = ("Left Ledger", "Centre Courier", "Right Review")


def load(shared: Path, limit: int) -> list[Article]:
    """NeuS leads as articles, in a seeded shuffle, a minute apart (all within the clusterer window)."""
    rows: list[dict[str, Any]] = []
    for name in ("neus_val.jsonl", "neus_train.jsonl"):
        with (shared / "data" / "clustering" / name).open(encoding="utf-8") as lines:
            rows.extend(json.loads(line) for line in lines if line.strip())
    rows = rows[:limit]
    random.Random(SEED).shuffle(rows)
    articles = []
    for number, row in enumerate(rows):
        raw = RawDocument(SourceRef(SourceKind.JSONL, "neus.jsonl", item=number), text="unused")
        parts = [(row["title"], ParagraphKind.TITLE), (row["text"], ParagraphKind.BODY)]
        published = START + timedelta(minutes=number)
        outlet = OUTLETS[int(row["position"]) % len(OUTLETS)]
        articles.append(build_article(raw, parts, title=row["title"], published=published, outlet=outlet))
    return articles


def _cpu(action: Any) -> tuple[Any, float]:
    started = time.process_time()
    result = action()
    return result, time.process_time() - started


def _stories(store: Store) -> set[frozenset[str]]:
    """Story memberships, read through the service (for the stream = rebuild check)."""
    return {
        frozenset(m.article_id for m in show_story(store, s.id).members)
        for s in list_stories(store, limit=1_000_000).items
    }


def run(shared: Path, limit: int, analysed: int) -> dict[str, Any]:
    articles = load(shared, limit)
    with tempfile.TemporaryDirectory() as folder:
        store = open_store(str(Path(folder) / "bench.db"))
        store.add_articles([NewArticle(a) for a in articles])
        analyze_article(articles[0])  # load the model before timing
        analysis, analysis_cpu = _cpu(
            lambda: analyze_stored(store, store.article_ids()[:analysed], options=AnalyzeOptions(workers=1))
        )
        analyses = store.get_analyses([a.id for a in articles])
        candidates = [story_candidate(a, analyses.get(a.id)) for a in articles]
        _, bare_cpu = _cpu(lambda: OnlineClusterer().add_many(candidates))
        streamed, stream_cpu = _cpu(lambda: update_stories(store))
        stream_stories = _stories(store)
        _, rebuild_cpu = _cpu(lambda: rebuild_stories(store))
        same = _stories(store) == stream_stories
        store.close()
    return {
        "articles": len(articles),
        "analysis": {
            "articles": analysis.analysed,
            "cpu_seconds": round(analysis_cpu, 2),
            "articles_per_cpu_second": round(analysis.analysed / analysis_cpu, 2),
        },
        "clustering": {
            "stories": streamed.created,
            "bare_clusterer_articles_per_cpu_second": round(len(articles) / bare_cpu, 1),
            "stream_articles_per_cpu_second": round(len(articles) / stream_cpu, 1),
            "rebuild_articles_per_cpu_second": round(len(articles) / rebuild_cpu, 1),
            "rebuild_equals_stream": same,
        },
        "how": __doc__.split("\n\n")[2].replace("\n", " ") if __doc__ else "",
        "machine": platform.platform(),
    }


def markdown(result: dict[str, Any]) -> str:
    c, a = result["clustering"], result["analysis"]
    return "\n".join(
        [
            f"# {NAME}: analysis and clustering through the store ({result['articles']} NeuS articles)",
            "",
            "| step | articles / CPU second |",
            "|---|---|",
            f"| analysis, {a['articles']} articles (`analyze_stored`) | {a['articles_per_cpu_second']} |",
            f"| bare clusterer (`add_many`) | {c['bare_clusterer_articles_per_cpu_second']} |",
            f"| streaming via the store (`update_stories`) | {c['stream_articles_per_cpu_second']} |",
            f"| rebuild (`rebuild_stories`) | {c['rebuild_articles_per_cpu_second']} |",
            "",
            f"Stories: {c['stories']}; rebuild equals stream: {c['rebuild_equals_stream']}.",
            "",
            result["how"],
            "",
        ]
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--shared", type=Path, default=Path("../shared"))
    parser.add_argument("--articles", type=int, default=3000, help="How many NeuS articles to stream.")
    parser.add_argument("--analysed", type=int, default=60, help="How many of them to analyse (slow).")
    args = parser.parse_args()
    result = run(args.shared, args.articles, args.analysed)
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / f"{NAME}.json").write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    (RESULTS / f"{NAME}.md").write_text(markdown(result), encoding="utf-8")
    print(markdown(result))


if __name__ == "__main__":
    main()
