-- The language a learner chose for a module whose languages do not include theirs
-- (src/language.rs); the learner's deletion removes their rows.
CREATE TABLE content_language (
    learner  TEXT NOT NULL,
    module   TEXT NOT NULL,
    language TEXT NOT NULL,
    PRIMARY KEY (learner, module)
) STRICT;
