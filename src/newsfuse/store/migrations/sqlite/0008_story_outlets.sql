-- Which outlets each story has articles from, so a story list filtered by outlet reads an index.
CREATE TABLE story_outlets (
    outlet TEXT NOT NULL,
    story_id TEXT NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
    PRIMARY KEY (outlet, story_id)
);
CREATE INDEX story_outlets_story ON story_outlets (story_id);
INSERT OR IGNORE INTO story_outlets (outlet, story_id) SELECT j.value, s.id FROM stories s, json_each(s.outlets) j;
