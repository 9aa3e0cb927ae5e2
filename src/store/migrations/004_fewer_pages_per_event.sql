-- Schema 4: fewer pages written per event. Every page a commit changes is one more frame to
-- write and fsync in the WAL, and three indexes cost a page each on every event. They go;
-- what they served is found another way.

-- 1. The outbox is acknowledged by `seq`, its row, rather than by statement id, so the UNIQUE
-- index on `statement_id` goes (the ids are UUIDs made here, unique by construction). SQLite
-- drops a UNIQUE constraint only by rebuilding the table.
CREATE TABLE outbox_4 (
    seq             INTEGER PRIMARY KEY,
    statement_id    TEXT NOT NULL,
    learner_id      TEXT NOT NULL REFERENCES learner(id) ON DELETE CASCADE,
    statement       TEXT NOT NULL,
    created_at      TEXT NOT NULL,
    synced_at       TEXT,
    rejected_reason TEXT
) STRICT;
INSERT INTO outbox_4 (seq, statement_id, learner_id, statement, created_at, synced_at, rejected_reason)
    SELECT seq, statement_id, learner_id, statement, created_at, synced_at, rejected_reason FROM outbox;
DROP TABLE outbox; -- and its partial index outbox_pending
ALTER TABLE outbox_4 RENAME TO outbox;

-- 2. Statements still to send are found from a cursor instead of the partial index: every
-- statement before `pending_from` was acknowledged or refused. The sync moves it forward. A
-- deleted row moves it back, since SQLite may give a deleted `seq` to the next statement.
ALTER TABLE sync_status ADD COLUMN pending_from INTEGER NOT NULL DEFAULT 0;
INSERT INTO sync_status (id) VALUES (1) ON CONFLICT (id) DO NOTHING;
CREATE TRIGGER outbox_row_deleted AFTER DELETE ON outbox BEGIN
    UPDATE sync_status SET pending_from = min(pending_from, OLD.seq) WHERE id = 1;
END;

-- 3. The time of a learner's last event in a module comes from the summaries, which every
-- event writes anyway, instead of from an index on the event log. (`module_progress.last_at`
-- stays what it is: when the learner moved to `last_activity_id`.)
ALTER TABLE lesson_progress ADD COLUMN updated_at TEXT;
ALTER TABLE video_progress ADD COLUMN updated_at TEXT;
UPDATE lesson_progress SET updated_at = (
    SELECT max(at) FROM event e
    WHERE e.learner_id = lesson_progress.learner_id AND e.module_id = lesson_progress.module_id
      AND e.activity_id = lesson_progress.activity_id
);
UPDATE video_progress SET updated_at = (
    SELECT max(at) FROM event e
    WHERE e.learner_id = video_progress.learner_id AND e.module_id = video_progress.module_id
      AND e.activity_id = video_progress.activity_id
);
DROP INDEX event_by_learner;

-- When a learner last did something in each activity of a module.
CREATE VIEW activity_time (learner_id, module_id, at) AS
    SELECT learner_id, module_id, updated_at FROM lesson_progress
    UNION ALL
    SELECT learner_id, module_id, updated_at FROM video_progress
    UNION ALL
    SELECT learner_id, module_id, coalesce(submitted_at, started_at) FROM quiz_attempt
    UNION ALL
    SELECT q.learner_id, q.module_id, a.answered_at FROM quiz_answer a JOIN quiz_attempt q ON q.id = a.attempt_id;
