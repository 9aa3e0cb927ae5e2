-- Schema 1 of the progress store. Every table but `setting` belongs to a learner and goes
-- when the learner is deleted (ON DELETE CASCADE).

-- Learner profiles of this installation. `id` is the pseudonymous UUID used in every record
-- that leaves the machine; `display_name` never leaves it.
CREATE TABLE learner (
    id           TEXT PRIMARY KEY,
    display_name TEXT NOT NULL,
    language     TEXT NOT NULL,
    pin_hash     TEXT,
    created_at   TEXT NOT NULL
) STRICT;

CREATE TABLE setting (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) STRICT;

-- Append-only log of every learning event; the tables below are summaries derived from it.
CREATE TABLE event (
    seq            INTEGER PRIMARY KEY,
    learner_id     TEXT NOT NULL REFERENCES learner(id) ON DELETE CASCADE,
    module_id      TEXT NOT NULL,
    module_version TEXT NOT NULL,
    activity_id    TEXT,
    kind           TEXT NOT NULL,
    payload        TEXT NOT NULL,
    at             TEXT NOT NULL
) STRICT;
CREATE INDEX event_by_learner ON event (learner_id, module_id);

CREATE TABLE lesson_progress (
    learner_id  TEXT NOT NULL REFERENCES learner(id) ON DELETE CASCADE,
    module_id   TEXT NOT NULL,
    activity_id TEXT NOT NULL,
    opened_at   TEXT NOT NULL,
    read_at     TEXT,
    seconds     REAL NOT NULL DEFAULT 0,
    PRIMARY KEY (learner_id, module_id, activity_id)
) STRICT;

CREATE TABLE video_progress (
    learner_id        TEXT NOT NULL REFERENCES learner(id) ON DELETE CASCADE,
    module_id         TEXT NOT NULL,
    activity_id       TEXT NOT NULL,
    -- Intervals actually played, merged and sorted: JSON [[start, end], ...] in seconds.
    intervals         TEXT NOT NULL,
    watched_percent   REAL NOT NULL,
    position          REAL NOT NULL,
    subtitle_language TEXT,
    completed_at      TEXT,
    PRIMARY KEY (learner_id, module_id, activity_id)
) STRICT;

CREATE TABLE quiz_attempt (
    id             INTEGER PRIMARY KEY,
    learner_id     TEXT NOT NULL REFERENCES learner(id) ON DELETE CASCADE,
    module_id      TEXT NOT NULL,
    module_version TEXT NOT NULL,
    activity_id    TEXT NOT NULL,
    number         INTEGER NOT NULL,
    seed           INTEGER NOT NULL,
    -- The question and option order of this attempt (quiz::Layout as JSON).
    layout         TEXT NOT NULL,
    started_at     TEXT NOT NULL,
    submitted_at   TEXT,
    score          REAL,
    max_score      REAL,
    passed         INTEGER,
    UNIQUE (learner_id, module_id, activity_id, number)
) STRICT;

CREATE TABLE quiz_answer (
    attempt_id  INTEGER NOT NULL REFERENCES quiz_attempt(id) ON DELETE CASCADE,
    question_id TEXT NOT NULL,
    response    TEXT NOT NULL,
    score       REAL NOT NULL,
    max_score   REAL NOT NULL,
    correct     INTEGER NOT NULL,
    answered_at TEXT NOT NULL,
    PRIMARY KEY (attempt_id, question_id)
) STRICT;

CREATE TABLE module_progress (
    learner_id       TEXT NOT NULL REFERENCES learner(id) ON DELETE CASCADE,
    module_id        TEXT NOT NULL,
    last_activity_id TEXT,
    last_at          TEXT NOT NULL,
    completed_at     TEXT,
    PRIMARY KEY (learner_id, module_id)
) STRICT;

-- xAPI statements to send to the institution's LRS, written in the same transaction as the
-- event they describe. `statement` holds the exact bytes to send, on every retry.
CREATE TABLE outbox (
    seq          INTEGER PRIMARY KEY,
    statement_id TEXT NOT NULL UNIQUE,
    learner_id   TEXT NOT NULL REFERENCES learner(id) ON DELETE CASCADE,
    statement    TEXT NOT NULL,
    created_at   TEXT NOT NULL
) STRICT;
