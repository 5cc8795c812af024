-- Stories as the clusterer reports them (the record as JSON plus the columns lists sort by), which story
-- each article is in (with its copy flag), recorded merges, the global entity table (entities, the name
-- keys that find them, and the stories they appear in) and the clusterer's snapshot to resume streaming.
CREATE TABLE stories (
    id TEXT PRIMARY KEY,
    clusterer TEXT NOT NULL,
    title TEXT,
    size INTEGER NOT NULL,
    outlets JSONB NOT NULL,
    first_published TEXT,
    last_published TEXT,
    hot INTEGER NOT NULL,
    document JSONB NOT NULL
);
CREATE INDEX stories_newest ON stories (last_published DESC, id);
CREATE INDEX stories_largest ON stories (size DESC, last_published DESC, id);

CREATE TABLE story_members (
    article_id TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    story_id TEXT NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
    copy_of TEXT
);
CREATE INDEX story_members_story ON story_members (story_id);

CREATE TABLE story_merges (
    absorbed TEXT PRIMARY KEY,
    kept TEXT NOT NULL,
    article_id TEXT NOT NULL,
    score DOUBLE PRECISION NOT NULL
);
CREATE INDEX story_merges_kept ON story_merges (kept);

CREATE TABLE entities (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    type TEXT NOT NULL
);
CREATE TABLE entity_keys (
    name_key TEXT PRIMARY KEY,
    entity_id TEXT NOT NULL REFERENCES entities(id) ON DELETE CASCADE
);
CREATE TABLE story_entities (
    story_id TEXT NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
    entity_id TEXT NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
    local_id TEXT NOT NULL,
    PRIMARY KEY (story_id, local_id)
);
CREATE INDEX story_entities_entity ON story_entities (entity_id);

CREATE TABLE cluster_state (
    clusterer TEXT PRIMARY KEY,
    snapshot TEXT NOT NULL
);
