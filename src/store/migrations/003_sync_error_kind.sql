-- The kind of the last sync error ("unreachable", "credentials", ...), so that the app can say
-- it in the learner's language; `last_error` keeps the details in English.
ALTER TABLE sync_status ADD COLUMN last_error_kind TEXT;
