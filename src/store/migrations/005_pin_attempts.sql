-- Failed PIN attempts, for the attempt limit of every PIN (src/store/pins.rs). `subject` is a
-- learner's id or 'trainer'; a row lives while failures are counted, and the right PIN, a new
-- PIN or the learner's deletion removes it. `locked_until` is in Unix seconds (0: not locked).
CREATE TABLE pin_attempt (
    subject      TEXT PRIMARY KEY,
    failures     INTEGER NOT NULL,
    locked_until INTEGER NOT NULL
) STRICT;
