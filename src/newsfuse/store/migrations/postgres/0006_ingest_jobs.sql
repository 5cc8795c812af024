-- The API's ingest jobs: the posted records (kept until the job ends), state, progress and report, so
-- every server process sees every job and a queued job survives a restart.
CREATE TABLE ingest_jobs (
    id TEXT PRIMARY KEY,
    state TEXT NOT NULL,
    items INTEGER NOT NULL,
    payload TEXT NOT NULL,
    submitted_at TEXT NOT NULL,
    started_at TEXT,
    finished_at TEXT,
    progress TEXT NOT NULL,
    report TEXT,
    error TEXT
);
CREATE INDEX ingest_jobs_queue ON ingest_jobs (state, submitted_at);
