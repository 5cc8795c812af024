-- A version per clusterer snapshot: a write of stories must start from the snapshot it read, so two
-- processes clustering at once cannot silently lose each other's state.
ALTER TABLE cluster_state ADD COLUMN version INTEGER NOT NULL DEFAULT 0;
