"""Ingestion through the API: posted articles are spooled to a JSONL file and queued for one worker.

The worker thread runs each job exactly as ``newsfuse ingest`` does (read, clean, de-duplicate, store,
analyse, place in stories) on its own store, so the API has one writer and requests never wait for it.
Job states live in memory for the life of the server; what a job stored is in the store for good.
When idle, the worker can fill the comparison cache (``ServerConfig.warm_comparisons``).
"""

from __future__ import annotations

import json
import logging
import queue
import secrets
import shutil
import tempfile
import threading
from collections import OrderedDict
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Literal

from newsfuse.api.config import ServerConfig
from newsfuse.errors import NewsfuseError, NotFoundError
from newsfuse.ingest import Skipped
from newsfuse.service.comparisons import compare_stored_story
from newsfuse.service.ingest import IngestOptions, IngestReport
from newsfuse.service.pipeline import PipelineOptions, ingest_and_update
from newsfuse.store import Store, open_store

_log = logging.getLogger("newsfuse.api")
JobState = Literal["queued", "running", "done", "failed"]
_KEPT_JOBS = 1000
_IDLE_SECONDS = 0.5
_IN_PROCESS = PipelineOptions(IngestOptions(workers=1))


@dataclass
class IngestJob:
    """One posted batch: its state, how far each step got, and the pipeline report when done."""

    id: str
    items: int
    submitted_at: datetime
    state: JobState = "queued"
    started_at: datetime | None = None
    finished_at: datetime | None = None
    progress: dict[str, int] = field(default_factory=dict)
    report: dict[str, Any] | None = None
    error: str | None = None


class _JobProgress:
    """The pipeline's progress hooks, recorded on the job for ``GET /api/ingest/jobs/{id}``."""

    def __init__(self, job: IngestJob, lock: threading.Lock) -> None:
        self.job = job
        self.lock = lock

    def _set(self, **values: int) -> None:
        with self.lock:
            self.job.progress = {**self.job.progress, **values}

    def started(self, sources: int, total_bytes: int | None) -> None:
        self._set(sources=sources)

    def advanced(self, report: IngestReport, bytes_done: int) -> None:
        self._set(read=report.read, stored=report.stored, skipped=len(report.skipped))

    def skipped(self, item: Skipped) -> None:
        pass  # counted in advanced(); the reasons are in the final report

    def analysis_started(self, total: int) -> None:
        self._set(to_analyse=total, analysed=0)

    def analysis_advanced(self, done: int) -> None:
        self._set(analysed=done)

    def clustering_started(self, total: int) -> None:
        self._set(to_cluster=total, clustered=0)

    def clustering_advanced(self, done: int) -> None:
        self._set(clustered=done)


class IngestJobs:
    """The queue of ingest jobs and the one worker thread that runs them (started on first use)."""

    def __init__(self, config: ServerConfig) -> None:
        self.config = config
        self._jobs: OrderedDict[str, IngestJob] = OrderedDict()
        self._queue: queue.Queue[str | None] = queue.Queue()
        self._lock = threading.Lock()
        self._thread: threading.Thread | None = None
        self._spool = Path(tempfile.mkdtemp(prefix="newsfuse-ingest-"))
        self.warm_failures: dict[str, str] = {}
        """Stories the warm-up could not compare, with why (not tried again while the server runs)."""

    def submit(self, records: list[dict[str, Any]]) -> IngestJob:
        """Queue these article records (JSONL reader field names); returns the job as queued."""
        job = IngestJob("job-" + secrets.token_hex(8), len(records), datetime.now(UTC))
        with (self._spool / f"{job.id}.jsonl").open("w", encoding="utf-8") as handle:
            for record in records:
                handle.write(json.dumps(record, ensure_ascii=False) + "\n")
        with self._lock:
            self._jobs[job.id] = job
            while len(self._jobs) > _KEPT_JOBS:
                self._jobs.popitem(last=False)
            self._start()
        self._queue.put(job.id)
        return job

    def get(self, job_id: str) -> IngestJob:
        """A copy of the job's current state (``NotFoundError`` for an unknown or forgotten id)."""
        with self._lock:
            job = self._jobs.get(job_id)
            if job is None:
                raise NotFoundError(f"no ingest job {job_id!r} (jobs are kept while the server runs)")
            return IngestJob(**{k: getattr(job, k) for k in job.__dataclass_fields__})

    def start(self) -> None:
        """Start the worker now (it also starts with the first job), e.g. to warm the comparison cache."""
        with self._lock:
            self._start()

    def _start(self) -> None:
        if self._thread is None:
            self._thread = threading.Thread(target=self._work, name="newsfuse-ingest", daemon=True)
            self._thread.start()

    def stop(self) -> None:
        """Let the running job finish, then end the worker and remove the spool."""
        if self._thread is not None:
            self._queue.put(None)
            self._thread.join()
            self._thread = None
        shutil.rmtree(self._spool, ignore_errors=True)

    def _work(self) -> None:
        store = open_store(self.config.db)
        try:
            while True:
                try:
                    job_id = self._queue.get(timeout=_IDLE_SECONDS)
                except queue.Empty:
                    self._warm(store)
                    continue
                if job_id is None:
                    return
                self._run(store, job_id)
        finally:
            store.close()

    def _run(self, store: Store, job_id: str) -> None:
        with self._lock:
            job = self._jobs.get(job_id)
            if job is None:
                return
            job.state, job.started_at = "running", datetime.now(UTC)
        path = self._spool / f"{job_id}.jsonl"
        try:
            report = ingest_and_update(store, [str(path)], _IN_PROCESS, _JobProgress(job, self._lock))
            outcome: dict[str, Any] = {"state": "done", "report": report.to_dict()}
        except NewsfuseError as error:
            outcome = {"state": "failed", "error": str(error)}
        except Exception as error:  # a job must never kill the worker: record why it failed
            outcome = {"state": "failed", "error": f"{type(error).__name__}: {error}"}
        finally:
            path.unlink(missing_ok=True)
        with self._lock:
            job.state = outcome["state"]
            job.report = outcome.get("report")
            job.error = outcome.get("error")
            job.finished_at = datetime.now(UTC)

    def _warm(self, store: Store) -> None:
        """Compare one story whose comparison is not cached yet (one at a time, so jobs never wait long)."""
        if not self.config.warm_comparisons:
            return
        waiting = store.uncompared_story_ids(limit=len(self.warm_failures) + 1)
        for story_id in [s for s in waiting if s not in self.warm_failures][:1]:
            try:
                compare_stored_story(store, story_id)
            except Exception as error:  # a story that cannot be compared must not stop the worker
                self.warm_failures[story_id] = f"{type(error).__name__}: {error}"
                _log.warning("could not compare %s in the background: %s", story_id, error)
