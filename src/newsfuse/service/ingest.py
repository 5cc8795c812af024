"""Ingestion: sources → raw documents → clean articles → exact and near-duplicate checks → the store.

Articles are committed in batches (every ``commit_every`` articles or every ``commit_seconds``), so a run
that is interrupted or killed keeps everything committed so far, and a re-run adds only what is missing:
an article already stored is recognised by its content id.
"""

from __future__ import annotations

import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

from newsfuse.errors import InputError
from newsfuse.ingest import ReadOptions, Skipped, Source, discover_sources, read_source
from newsfuse.model import Article, RawDocument
from newsfuse.service.batch import clean_batch
from newsfuse.service.engine import default_workers, map_ordered
from newsfuse.store import Store
from newsfuse.stories.dedup import NearDuplicateFinder


@dataclass(frozen=True, slots=True)
class IngestOptions:
    """How to ingest: reading options, worker processes (None = one per CPU) and commit cadence."""

    read: ReadOptions = field(default_factory=ReadOptions)
    workers: int | None = None
    commit_every: int = 200
    commit_seconds: float = 2.0
    chunk_size: int = 8


@dataclass
class IngestReport:
    """What a run did. ``stored`` counts new articles, near-duplicate copies included."""

    sources: int = 0
    read: int = 0
    stored: int = 0
    near_duplicates: int = 0
    exact_duplicates: int = 0
    skipped: list[Skipped] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def failed(self) -> bool:
        return bool(self.skipped)

    def to_dict(self) -> dict[str, Any]:
        return {
            "sources": self.sources,
            "read": self.read,
            "stored": self.stored,
            "near_duplicates": self.near_duplicates,
            "exact_duplicates": self.exact_duplicates,
            "skipped": [s.to_dict() for s in self.skipped],
            "seconds": round(self.seconds, 3),
        }


class IngestProgress(Protocol):
    """Hooks a front end implements to show a run as it goes."""

    def started(self, sources: int, total_bytes: int | None) -> None: ...

    def advanced(self, report: IngestReport, bytes_done: int) -> None: ...

    def skipped(self, item: Skipped) -> None: ...


class _Silent:
    def started(self, sources: int, total_bytes: int | None) -> None:
        pass

    def advanced(self, report: IngestReport, bytes_done: int) -> None:
        pass

    def skipped(self, item: Skipped) -> None:
        pass


def ingest(
    store: Store,
    paths: Sequence[str],
    options: IngestOptions | None = None,
    progress: IngestProgress | None = None,
) -> IngestReport:
    """Ingest every article found under ``paths`` into ``store`` and report what happened."""
    options = options or IngestOptions()
    run = _Run(store, options, progress or _Silent())
    return run.execute(paths)


class _Run:
    """The state of one ingestion run: counts, the pending batch and the byte progress."""

    def __init__(self, store: Store, options: IngestOptions, progress: IngestProgress) -> None:
        self.store = store
        self.options = options
        self.progress = progress
        self.report = IngestReport()
        self.finder = NearDuplicateFinder(store)
        self.pending: list[Article] = []
        self.last_commit = time.monotonic()
        self.bytes_done = 0

    def execute(self, paths: Sequence[str]) -> IngestReport:
        started = time.monotonic()
        sources = self._discover(paths)
        sizes = [s.size for s in sources]
        total = sum(s for s in sizes if s is not None) if None not in sizes else None
        self.progress.started(len(sources), total)
        workers = self.options.workers or default_workers()
        try:
            for results in map_ordered(clean_batch, self._raw_chunks(sources), workers):
                self._take(results)
        finally:
            # Interrupted or not, what was cleaned is committed: a re-run then starts further on.
            self._commit()
            self.report.seconds = time.monotonic() - started
        return self.report

    def _discover(self, paths: Sequence[str]) -> list[Source]:
        sources: list[Source] = []
        for path in paths:
            try:
                sources.extend(discover_sources([path], self.options.read))
            except (InputError, OSError) as error:  # one bad path must not stop the others
                self._skip(Skipped(path[:200], str(error)))
        self.report.sources = len(sources)
        return sources

    def _raw_chunks(self, sources: list[Source]) -> Iterator[list[RawDocument]]:
        chunk: list[RawDocument] = []
        for source in sources:
            for item in self._read(source):
                chunk.append(item)
                if len(chunk) >= self.options.chunk_size:
                    yield chunk
                    chunk = []
            self.bytes_done += source.size or 0
        if chunk:
            yield chunk

    def _read(self, source: Source) -> Iterator[RawDocument]:
        try:
            for item in read_source(source, self.options.read):
                if isinstance(item, Skipped):
                    self._skip(item)
                else:
                    self.report.read += 1
                    yield item
        except (InputError, OSError) as error:
            self._skip(Skipped(source.locator, str(error)))

    def _skip(self, item: Skipped) -> None:
        self.report.skipped.append(item)
        self.progress.skipped(item)

    def _take(self, results: list[Article | Skipped]) -> None:
        for result in results:
            if isinstance(result, Skipped):
                self._skip(result)
            else:
                self.pending.append(result)
        due = time.monotonic() - self.last_commit >= self.options.commit_seconds
        if len(self.pending) >= self.options.commit_every or (due and self.pending):
            self._commit()
        self.progress.advanced(self.report, self.bytes_done)

    def _commit(self) -> None:
        """Drop exact duplicates, mark near-duplicates, and write the pending articles in one transaction."""
        batch, self.pending = self.pending, []
        self.last_commit = time.monotonic()
        if not batch:
            return
        stored = self.store.existing_ids([a.id for a in batch])
        fresh: dict[str, Article] = {}
        for article in batch:
            if article.id in stored or article.id in fresh:
                self.report.exact_duplicates += 1
            else:
                fresh[article.id] = article
        marked = self.finder.mark(list(fresh.values()))
        for result, item in zip(self.store.add_articles(marked), marked, strict=True):
            if not result.added:  # stored meanwhile by a concurrent run
                self.report.exact_duplicates += 1
                continue
            self.report.stored += 1
            self.report.near_duplicates += item.article.near_duplicate_of is not None
        self.progress.advanced(self.report, self.bytes_done)
