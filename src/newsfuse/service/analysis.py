"""Analysis over the store: who said what for stored articles, in worker processes, written in batches.

An article needs (re-)analysis when it has no stored analysis or one from another analyzer version, so a
new analyzer re-runs over the store by itself. The per-article work is :func:`analyze_batch`, one function
over a list of articles that the local engine maps over worker processes (each loads spaCy once).
"""

from __future__ import annotations

import math
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

from newsfuse.analyze import ANALYZER_NAME, analyze_article, analyze_articles
from newsfuse.errors import UsageError
from newsfuse.ingest import Skipped
from newsfuse.model import Article, ArticleAnalysis
from newsfuse.service.engine import default_workers, map_ordered
from newsfuse.store import Store


@dataclass(frozen=True, slots=True)
class AnalyzeOptions:
    """Worker processes (None = one per CPU, never more than there are chunks) and batch sizes."""

    workers: int | None = None
    chunk_size: int = 16
    commit_every: int = 64


@dataclass
class AnalyzeReport:
    """What an analysis run did: how many articles it took on, analysed, and which failed and why."""

    selected: int = 0
    analysed: int = 0
    failed: list[Skipped] = field(default_factory=list)
    seconds: float = 0.0

    def to_dict(self) -> dict[str, Any]:
        return {
            "analyzer": ANALYZER_NAME,
            "selected": self.selected,
            "analysed": self.analysed,
            "failed": [s.to_dict() for s in self.failed],
            "seconds": round(self.seconds, 3),
        }


class AnalyzeProgress(Protocol):
    """Hooks a front end implements to show an analysis run."""

    def analysis_started(self, total: int) -> None: ...

    def analysis_advanced(self, done: int) -> None: ...


class _Silent:
    def analysis_started(self, total: int) -> None:
        pass

    def analysis_advanced(self, done: int) -> None:
        pass


def analyze_batch(articles: Sequence[Article]) -> list[ArticleAnalysis | Skipped]:
    """Analyse a chunk in one spaCy pass; if the pass fails, article by article so one bad article costs
    only itself."""
    try:
        return list(analyze_articles(articles))
    except Exception:  # an analyzer bug: find which article it is, keep the others
        return [_analyze_one(article) for article in articles]


def _analyze_one(article: Article) -> ArticleAnalysis | Skipped:
    try:
        return analyze_article(article)
    except Exception as error:  # the reason stays visible in the report
        return Skipped(article.id, f"analysis failed unexpectedly: {type(error).__name__}: {error}")


def select_for_analysis(
    store: Store, ids: Sequence[str] | None = None, everything: bool = False
) -> list[str]:
    """The given articles (ids or unique prefixes), else every article, else those whose analysis is stale."""
    if ids and everything:
        raise UsageError("give article ids or --all, not both")
    if ids:
        return list(dict.fromkeys(store.get_article(i).id for i in ids))
    return store.article_ids() if everything else store.stale_analysis_ids(ANALYZER_NAME)


def analyze_stored(
    store: Store,
    ids: Sequence[str] | None = None,
    everything: bool = False,
    options: AnalyzeOptions | None = None,
    progress: AnalyzeProgress | None = None,
) -> AnalyzeReport:
    """Analyse stored articles (see :func:`select_for_analysis`) and store the results in batches."""
    options = options or AnalyzeOptions()
    progress = progress or _Silent()
    started = time.monotonic()
    selected = select_for_analysis(store, ids, everything)
    report = AnalyzeReport(selected=len(selected))
    progress.analysis_started(len(selected))
    chunks = math.ceil(len(selected) / options.chunk_size)
    workers = min(options.workers or default_workers(), chunks)
    pending: list[ArticleAnalysis] = []
    try:
        for results in map_ordered(analyze_batch, _chunks(store, selected, options.chunk_size), workers):
            for result in results:
                if isinstance(result, Skipped):
                    report.failed.append(result)
                else:
                    pending.append(result)
            if len(pending) >= options.commit_every:
                report.analysed += _save(store, pending)
            progress.analysis_advanced(report.analysed + len(pending) + len(report.failed))
    finally:
        # Interrupted or not, what was analysed is kept: a re-run continues with the rest.
        report.analysed += _save(store, pending)
        report.seconds = time.monotonic() - started
    return report


def _chunks(store: Store, ids: list[str], size: int) -> Iterator[list[Article]]:
    for start in range(0, len(ids), size):
        yield store.get_articles(ids[start : start + size])


def _save(store: Store, pending: list[ArticleAnalysis]) -> int:
    """Write and empty the pending analyses; how many were written."""
    count = len(pending)
    if pending:
        store.save_analyses(pending)
        pending.clear()
    return count
