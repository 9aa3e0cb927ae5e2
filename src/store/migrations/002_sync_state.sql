-- Schema 2: sync state of the outbox. Statements stay in the outbox once the LRS has them, so
-- that an export always holds a learner's whole history; `synced_at` says they were sent.

ALTER TABLE outbox ADD COLUMN synced_at TEXT;
-- Set when the LRS refused the statement itself (400): kept, shown to the user, not resent.
ALTER TABLE outbox ADD COLUMN rejected_reason TEXT;
CREATE INDEX outbox_pending ON outbox (seq) WHERE synced_at IS NULL AND rejected_reason IS NULL;

-- Outcome of the last sync attempts, for the app's sync status.
CREATE TABLE sync_status (
    id              INTEGER PRIMARY KEY CHECK (id = 1),
    last_success_at TEXT,
    last_error_at   TEXT,
    last_error      TEXT
) STRICT;
