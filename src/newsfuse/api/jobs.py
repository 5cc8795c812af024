"""Ingestion through the API: posted records are queued in the store and run by a background worker.

Each server process has one worker thread on its own store. A worker claims the oldest queued job (the
claim is atomic, so with several server processes each job runs once) and runs it exactly as
``newsfuse ingest`` does: read, clean, de-duplicate, store, analyse, place in stories. Jobs live in the
store, so any process answers for any job, and a job queued before a restart still runs after it.
When idle, the worker can fill the comparison cache (``ServerConfig.warm_comparisons``): only once its process
has answered no request for ``QUIET_SECONDS``, so comparing in the background never slows a reader down.
"""

from __future__ import annotations

import json
import logging
import secrets
import tempfile
import threading
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from newsfuse.api.config import ServerConfig
from newsfuse.errors import NewsfuseError, StoreError
from newsfuse.ingest import Skipped
from newsfuse.service.comparisons import compare_stored_story
from newsfuse.service.ingest import IngestOptions, IngestReport
from newsfuse.service.pipeline import PipelineOptions, ingest_and_update
from newsfuse.service.stories import update_stories
from newsfuse.store import IngestJob, Store, open_store

_log = logging.getLogger("newsfuse.api")
_POLL_SECONDS = 0.5
QUIET_SECONDS = 2.0
_PROGRESS_SECONDS = 0.5
_CLUSTER_ATTEMPTS = 3
_NO_CLUSTERING = PipelineOptions(IngestOptions(workers=1), cluster=False)


class _JobProgress:
    """The pipeline's progress hooks, saved on the job (at most every half second) for polling clients."""

    def __init__(self, store: Store, job_id: str) -> None:
        self.store = store
        self.job_id = job_id
        self.progress: dict[str, int] = {}
        self.saved = 0.0

    def _set(self, **values: int) -> None:
        self.progress.update(values)
        if time.monotonic() - self.saved >= _PROGRESS_SECONDS:
            self.save()

    def save(self) -> None:
        self.store.update_job_progress(self.job_id, self.progress)
        self.saved = time.monotonic()

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


def submit_job(store: Store, records: list[dict[str, Any]]) -> IngestJob:
    """Queue these article records (JSONL reader field names); returns the job as queued."""
    job = IngestJob("job-" + secrets.token_hex(8), "queued", len(records), datetime.now(UTC))
    payload = "".join(json.dumps(record, ensure_ascii=False) + "\n" for record in records)
    store.add_job(job, payload)
    return job


def run_job(store: Store, job: IngestJob, payload: str) -> None:
    """Run one claimed job to its end, recording the report or why it failed; never raises."""
    progress = _JobProgress(store, job.id)
    try:
        with tempfile.TemporaryDirectory(prefix="newsfuse-ingest-") as folder:
            path = Path(folder) / f"{job.id}.jsonl"
            path.write_text(payload, encoding="utf-8")
            report = ingest_and_update(store, [str(path)], _NO_CLUSTERING, progress)
        report.stories = _cluster(store, progress)
        progress.save()
        store.finish_job(job.id, report.to_dict(), None)
    except NewsfuseError as error:
        store.finish_job(job.id, None, str(error))
    except Exception as error:  # a job must never kill the worker: record why it failed
        _log.exception("ingest job %s failed", job.id)
        store.finish_job(job.id, None, f"{type(error).__name__}: {error}")


def _cluster(store: Store, progress: _JobProgress) -> Any:
    """Place the new articles in stories, again if another process clustered meanwhile (the store refuses
    a clustering step that started from an outdated snapshot, losing nothing)."""
    for attempt in range(1, _CLUSTER_ATTEMPTS + 1):
        try:
            return update_stories(store, progress)
        except StoreError:
            if attempt == _CLUSTER_ATTEMPTS:
                raise
    return None


class JobWorker:
    """The background thread of one server process: runs queued jobs, warms the cache when idle."""

    def __init__(self, config: ServerConfig) -> None:
        self.config = config
        self.warm_failures: dict[str, str] = {}
        """Stories the warm-up could not compare, with why (not tried again while the server runs)."""
        self._wake = threading.Event()
        self._stopping = threading.Event()
        self._thread: threading.Thread | None = None
        self._lock = threading.Lock()
        self._last_request = time.monotonic()  # a server just started: its first readers are coming

    def request_seen(self) -> None:
        """A request arrived: hold the warm-up back until the process has been quiet for a while."""
        self._last_request = time.monotonic()

    def start(self) -> None:
        """Start the thread if it is not running (the app starts it with its first request or job)."""
        with self._lock:
            if self._thread is None:
                self._thread = threading.Thread(target=self._work, name="newsfuse-jobs", daemon=True)
                self._thread.start()

    def wake(self) -> None:
        """A job was queued: look now instead of at the next poll."""
        self.start()
        self._wake.set()

    def stop(self) -> None:
        """Let the running job finish, then end the thread."""
        with self._lock:
            thread, self._thread = self._thread, None
        if thread is not None:
            self._stopping.set()
            self._wake.set()
            thread.join()
            self._stopping.clear()

    def _work(self) -> None:
        store = open_store(self.config.db)
        try:
            while not self._stopping.is_set():
                claimed = store.claim_job()
                if claimed is not None:
                    run_job(store, *claimed)
                elif not self._warm(store):
                    self._wake.wait(_POLL_SECONDS)
                    self._wake.clear()
        finally:
            store.close()

    def _warm(self, store: Store) -> bool:
        """Compare one story whose comparison is not cached yet (one at a time, so a job queued meanwhile
        waits for one comparison at most); whether there was one."""
        if not self.config.warm_comparisons or time.monotonic() - self._last_request < QUIET_SECONDS:
            return False
        waiting = store.uncompared_story_ids(limit=len(self.warm_failures) + 1)
        for story_id in [s for s in waiting if s not in self.warm_failures][:1]:
            try:
                compare_stored_story(store, story_id)
            except Exception as error:  # a story that cannot be compared must not stop the worker
                self.warm_failures[story_id] = f"{type(error).__name__}: {error}"
                _log.warning("could not compare %s in the background: %s", story_id, error)
            return True
        return False
