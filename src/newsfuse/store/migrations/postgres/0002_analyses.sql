-- Analysis results: the whole ArticleAnalysis as JSON per article, tagged with the analyzer's versioned name
-- (an article analysed by another version is stale), and one row per quote to find quotes by speaker.
CREATE TABLE analyses (
    article_id TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    analyzer TEXT NOT NULL,
    document JSONB NOT NULL,
    analyzed_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX analyses_analyzer ON analyses (analyzer);

CREATE TABLE analysis_quotes (
    article_id TEXT NOT NULL REFERENCES analyses(article_id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    kind TEXT NOT NULL,
    speaker TEXT,
    speaker_key TEXT,
    start_offset INTEGER NOT NULL,
    end_offset INTEGER NOT NULL,
    PRIMARY KEY (article_id, position)
);
CREATE INDEX analysis_quotes_speaker ON analysis_quotes (speaker_key);
