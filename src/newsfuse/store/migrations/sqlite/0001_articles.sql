-- Articles, their full-text index, and the near-duplicate sketches (MinHash signature + LSH band keys).
CREATE TABLE articles (
    seq INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    text TEXT NOT NULL,
    paragraphs TEXT NOT NULL,
    source_kind TEXT NOT NULL,
    source_path TEXT NOT NULL,
    source_offset INTEGER,
    source_item INTEGER,
    title TEXT,
    url TEXT,
    outlet TEXT,
    authors TEXT NOT NULL,
    published TEXT,
    published_utc TEXT,
    published_source TEXT NOT NULL,
    language TEXT,
    near_duplicate_of TEXT REFERENCES articles(id) DEFERRABLE INITIALLY DEFERRED,
    extra TEXT NOT NULL,
    ingested_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
CREATE INDEX articles_newest ON articles (published_utc DESC, seq DESC);
CREATE INDEX articles_outlet ON articles (outlet, published_utc DESC, seq DESC);
CREATE INDEX articles_near_duplicate_of ON articles (near_duplicate_of);

CREATE VIRTUAL TABLE articles_fts USING fts5(
    title, text, content='articles', content_rowid='seq', tokenize='porter unicode61 remove_diacritics 2'
);
CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
    INSERT INTO articles_fts (rowid, title, text) VALUES (new.seq, coalesce(new.title, ''), new.text);
END;
CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
    INSERT INTO articles_fts (articles_fts, rowid, title, text)
    VALUES ('delete', old.seq, coalesce(old.title, ''), old.text);
END;
CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, text ON articles BEGIN
    INSERT INTO articles_fts (articles_fts, rowid, title, text)
    VALUES ('delete', old.seq, coalesce(old.title, ''), old.text);
    INSERT INTO articles_fts (rowid, title, text) VALUES (new.seq, coalesce(new.title, ''), new.text);
END;

CREATE TABLE dedup_signatures (
    article_id TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    signature BLOB NOT NULL
) WITHOUT ROWID;
CREATE TABLE dedup_bands (
    band_key INTEGER NOT NULL,
    article_id TEXT NOT NULL REFERENCES dedup_signatures(article_id) ON DELETE CASCADE,
    PRIMARY KEY (band_key, article_id)
) WITHOUT ROWID;
