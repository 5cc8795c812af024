"""A large store for the API benchmark, synthesised by replaying the dev sets.

The dev sets (PolNeAR dev, NeuS val, ECB+ dev: about 1,200 articles) are analysed once through the real
pipeline; the store then holds ``replays`` copies of them, each replay shifted four weeks later, so the
clusterer's window never joins two replays and every replay forms the dev sets' stories again. A replay
differs from its base article only by a last paragraph naming the replay (the content id needs different
text), so the base analysis, whose offsets all lie before that paragraph, is valid for every replay and is
stored under the replay's id. Clustering runs through the service layer, as in production.

The store is cached under ``bench/cache/`` and reused while the analyzer, clusterer and size are unchanged.
"""

from __future__ import annotations

import hashlib
import json
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from newsfuse.analyze import ANALYZER_NAME, analyze_articles
from newsfuse.model import (
    Article,
    ArticleAnalysis,
    ParagraphKind,
    RawDocument,
    SourceKind,
    SourceRef,
    build_article,
)
from newsfuse.service.stories import update_stories
from newsfuse.store import NewArticle, open_store
from newsfuse.stories.clusterer import NAME as CLUSTERER_NAME

CACHE_DIR = Path(__file__).resolve().parent.parent / "cache"
START = datetime(2024, 1, 1, 6, 0, tzinfo=UTC)
REPLAY_SPAN = timedelta(days=28)
BATCH = 2_000


@dataclass(frozen=True, slots=True)
class BaseDoc:
    """One dev-set article as the replays reuse it: where it came from, its outlet, its day in a replay."""

    key: str
    title: str
    body: str
    outlet: str
    offset: timedelta


def _day(label: str) -> timedelta:
    """A stable day and minute within the replay span for a gold story (all its articles share the day)."""
    digest = int(hashlib.sha256(label.encode()).hexdigest()[:8], 16)
    return timedelta(days=digest % 27, minutes=digest % 600)


def base_docs(shared: Path) -> list[BaseDoc]:
    """The dev sets' articles with an outlet and a day each."""
    docs: list[BaseDoc] = []
    data = shared / "data"
    for n, row in enumerate(_rows(data / "polnear" / "dev.jsonl")):
        title, _, body = row["text"].partition("\n")
        docs.append(
            BaseDoc(
                f"p{n}",
                row["title"] or title,
                body.strip() or row["text"],
                row["publisher"],
                _day(row["date"]),
            )
        )
    positions = ("Left Ledger", "Centre Courier", "Right Review")
    for n, row in enumerate(_rows(data / "clustering" / "neus_val.jsonl")):
        outlet = positions[int(row["position"]) % 3]
        docs.append(
            BaseDoc(
                f"n{n}",
                row["title"],
                row["text"],
                outlet,
                _day(row["cluster_id"]) + timedelta(minutes=n % 60),
            )
        )
    for n, row in enumerate(_rows(data / "clustering" / "ecbplus_dev.jsonl")):
        sentences = row["sentences"]
        if len(sentences) < 2:
            continue
        outlet = f"ECB wire {n % 7}"
        docs.append(
            BaseDoc(f"e{n}", sentences[0], " ".join(sentences[1:]), outlet, _day(str(row["cluster"])))
        )
    return docs


def _rows(path: Path) -> Iterator[dict[str, Any]]:
    with path.open(encoding="utf-8") as lines:
        yield from (json.loads(line) for line in lines if line.strip())


def replay(doc: BaseDoc, number: int) -> Article:
    """Replay ``number`` of a base article (0 is the base article itself, with no replay paragraph)."""
    raw = RawDocument(SourceRef(SourceKind.JSONL, "bench-replay.jsonl", item=number), text="unused")
    parts = [(doc.title, ParagraphKind.TITLE), (doc.body, ParagraphKind.BODY)]
    if number:
        parts.append((f"Benchmark replay {number}.", ParagraphKind.BODY))
    published = START + doc.offset + number * REPLAY_SPAN
    return build_article(raw, parts, title=doc.title, outlet=doc.outlet, published=published)


def _moved(analysis: ArticleAnalysis, article_id: str) -> ArticleAnalysis:
    """The base analysis under a replay's id (every span names its article)."""
    text = json.dumps(analysis.to_dict()).replace(analysis.article_id, article_id)
    return ArticleAnalysis.from_dict(json.loads(text))


def _base_analyses(docs: list[BaseDoc]) -> dict[str, ArticleAnalysis]:
    """Analyses of the base articles, cached by analyzer version (analysis is the slow step)."""
    cache = CACHE_DIR / f"api_base_analyses_{ANALYZER_NAME}.json"
    if cache.exists():
        stored = json.loads(cache.read_text(encoding="utf-8"))
        return {key: ArticleAnalysis.from_dict(value) for key, value in stored.items()}
    articles = [replay(doc, 0) for doc in docs]
    analyses = {doc.key: a for doc, a in zip(docs, analyze_articles(articles), strict=True)}
    CACHE_DIR.mkdir(parents=True, exist_ok=True)
    cache.write_text(json.dumps({k: a.to_dict() for k, a in analyses.items()}), encoding="utf-8")
    return analyses


def build_store(shared: Path, articles: int, log: Any = print) -> Path:
    """The cached benchmark store of about ``articles`` articles (built if missing or outdated)."""
    path = CACHE_DIR / f"api_store_{articles}.db"
    stamp = path.with_suffix(".json")
    wanted = {"analyzer": ANALYZER_NAME, "clusterer": CLUSTERER_NAME, "articles": articles}
    if path.exists() and stamp.exists() and json.loads(stamp.read_text()) == wanted:
        return path
    for stale in (path, stamp, Path(f"{path}-wal"), Path(f"{path}-shm")):
        stale.unlink(missing_ok=True)
    docs = base_docs(shared)
    started = time.monotonic()
    analyses = _base_analyses(docs)
    log(f"base analyses of {len(docs)} dev-set articles ready ({time.monotonic() - started:.0f} s)")
    store = open_store(str(path), create=True)
    try:
        batch: list[tuple[Article, ArticleAnalysis]] = []
        for number in range(-(-articles // len(docs))):
            for doc in docs:
                article = replay(doc, number)
                batch.append((article, _moved(analyses[doc.key], article.id)))
                if len(batch) == BATCH:
                    _write(store, batch)
                    batch = []
            log(f"replay {number + 1}: {(number + 1) * len(docs):,} articles")
        _write(store, batch)
        started = time.monotonic()
        report = update_stories(store)
        seconds = time.monotonic() - started
        log(f"clustered {report.clustered:,} articles into {report.created:,} stories ({seconds:.0f} s)")
    finally:
        store.close()
    stamp.write_text(json.dumps(wanted))
    return path


def _write(store: Any, batch: list[tuple[Article, ArticleAnalysis]]) -> None:
    if batch:
        store.add_articles([NewArticle(article) for article, _ in batch])
        store.save_analyses([analysis for _, analysis in batch])
