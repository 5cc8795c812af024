-- The "most contested" story list reads compared stories in this index's order.
DROP INDEX story_comparisons_contested;
CREATE INDEX story_comparisons_order ON story_comparisons (contradictions DESC, facts DESC, story_id);
