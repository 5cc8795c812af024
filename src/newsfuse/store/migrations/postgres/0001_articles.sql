-- Articles with a weighted tsvector (title A, text B) under GIN, and the near-duplicate sketches.
CREATE TABLE articles (
    seq BIGSERIAL UNIQUE,
    id TEXT PRIMARY KEY,
    text TEXT NOT NULL,
    paragraphs JSONB NOT NULL,
    source_kind TEXT NOT NULL,
    source_path TEXT NOT NULL,
    source_offset BIGINT,
    source_item BIGINT,
    title TEXT,
    url TEXT,
    outlet TEXT,
    authors JSONB NOT NULL,
    published TEXT,
    published_utc TEXT,
    published_source TEXT NOT NULL,
    language TEXT,
    near_duplicate_of TEXT REFERENCES articles(id) DEFERRABLE INITIALLY DEFERRED,
    extra JSONB NOT NULL,
    ingested_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    search tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('english'::regconfig, coalesce(title, '')), 'A')
        || setweight(to_tsvector('english'::regconfig, text), 'B')
    ) STORED
);
CREATE INDEX articles_newest ON articles (published_utc DESC NULLS LAST, seq DESC);
CREATE INDEX articles_outlet ON articles (outlet, published_utc DESC NULLS LAST, seq DESC);
CREATE INDEX articles_near_duplicate_of ON articles (near_duplicate_of);
CREATE INDEX articles_search ON articles USING GIN (search);

CREATE TABLE dedup_signatures (
    article_id TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    signature BYTEA NOT NULL
);
CREATE TABLE dedup_bands (
    band_key BIGINT NOT NULL,
    article_id TEXT NOT NULL REFERENCES dedup_signatures(article_id) ON DELETE CASCADE,
    PRIMARY KEY (band_key, article_id)
);
