"""The API's ingest jobs in the store: one queue every server process shares, surviving a restart."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

from newsfuse.errors import NotFoundError
from newsfuse.store.base import IngestJob
from newsfuse.store.tables import SqlTables, from_json, to_json

_COLUMNS = "id, state, items, submitted_at, started_at, finished_at, progress, report, error"


def _now() -> str:
    return datetime.now(UTC).isoformat()


def _time(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value) if value else None


def _job(row: dict[str, Any]) -> IngestJob:
    return IngestJob(
        id=row["id"],
        state=row["state"],
        items=row["items"],
        submitted_at=datetime.fromisoformat(row["submitted_at"]),
        started_at=_time(row["started_at"]),
        finished_at=_time(row["finished_at"]),
        progress=from_json(row["progress"]),
        report=from_json(row["report"]) if row["report"] else None,
        error=row["error"],
    )


class JobTables(SqlTables):
    """Ingest jobs on any SQL backend."""

    def add_job(self, job: IngestJob, payload: str) -> None:
        with self._transaction() as tx:
            tx.run(
                f"INSERT INTO ingest_jobs ({_COLUMNS}, payload) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    job.id,
                    job.state,
                    job.items,
                    job.submitted_at.isoformat(),
                    None,
                    None,
                    to_json(job.progress),
                    None,
                    None,
                    payload,
                ),
            )

    def get_job(self, job_id: str) -> IngestJob:
        rows = self._read(f"SELECT {_COLUMNS} FROM ingest_jobs WHERE id = ?", (job_id,))
        if not rows:
            raise NotFoundError(f"no ingest job {job_id!r}")
        return _job(rows[0])

    def claim_job(self) -> tuple[IngestJob, str] | None:
        with self._transaction() as tx:
            queued = tx.rows(
                "SELECT id FROM ingest_jobs WHERE state = 'queued' ORDER BY submitted_at, id LIMIT 1"
            )
            if not queued:
                return None
            job_id = queued[0]["id"]
            claimed = tx.run(
                "UPDATE ingest_jobs SET state = 'running', started_at = ? WHERE id = ? AND state = 'queued'",
                (_now(), job_id),
            )
            if claimed != 1:  # another process took it between the two statements
                return None
            row = tx.rows(f"SELECT {_COLUMNS}, payload FROM ingest_jobs WHERE id = ?", (job_id,))[0]
        return _job(row), str(row["payload"])

    def update_job_progress(self, job_id: str, progress: dict[str, int]) -> None:
        with self._transaction() as tx:
            tx.run("UPDATE ingest_jobs SET progress = ? WHERE id = ?", (json.dumps(progress), job_id))

    def finish_job(self, job_id: str, report: dict[str, Any] | None, error: str | None) -> None:
        state = "failed" if error is not None else "done"
        with self._transaction() as tx:
            tx.run(
                "UPDATE ingest_jobs SET state = ?, finished_at = ?, report = ?, error = ?, payload = '' "
                "WHERE id = ?",
                (state, _now(), to_json(report) if report is not None else None, error, job_id),
            )
