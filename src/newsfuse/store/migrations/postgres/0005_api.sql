-- The API's bearer tokens (only a hash of each secret is kept) and the comparison cache: each story's
-- comparison as JSON under the etag it was computed for, with the counts the story list sorts by.
CREATE TABLE api_tokens (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    secret_hash TEXT NOT NULL UNIQUE,
    created_at TEXT NOT NULL,
    revoked_at TEXT
);

CREATE TABLE story_comparisons (
    story_id TEXT PRIMARY KEY REFERENCES stories(id) ON DELETE CASCADE,
    etag TEXT NOT NULL,
    document TEXT NOT NULL,
    facts INTEGER NOT NULL,
    corroborated INTEGER NOT NULL,
    contradictions INTEGER NOT NULL,
    quotes INTEGER NOT NULL,
    compared_at TEXT NOT NULL
);
CREATE INDEX story_comparisons_contested ON story_comparisons (contradictions DESC, story_id);
