-- A learner's private notes on a lesson or a capsule; a capsule's note keeps the time it is
-- about. Never in the outbox, never in an export file for the institution: only the learner
-- exports them (src/store/notes.rs). The learner's deletion removes them.
CREATE TABLE note (
    id          INTEGER PRIMARY KEY,
    learner_id  TEXT NOT NULL,
    module_id   TEXT NOT NULL,
    activity_id TEXT NOT NULL,
    at_seconds  REAL,
    body        TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
);
CREATE INDEX note_by_place ON note (learner_id, module_id, activity_id);
