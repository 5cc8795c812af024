-- Which outlets each story has articles from, so a story list filtered by outlet reads an index.
CREATE TABLE story_outlets (
    outlet TEXT NOT NULL,
    story_id TEXT NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
    PRIMARY KEY (outlet, story_id)
);
CREATE INDEX story_outlets_story ON story_outlets (story_id);
INSERT INTO story_outlets (outlet, story_id)
SELECT DISTINCT o, s.id FROM stories s, jsonb_array_elements_text(s.outlets) o;
