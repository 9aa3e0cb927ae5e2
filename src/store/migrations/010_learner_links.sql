-- A learner's link to their institution's identifier (student number, e-mail), made with their
-- consent (src/store/links.rs). A row is never rewritten but to close it: unlinking sets
-- `unlinked_at`. `pseudonym` is the pseudonymous account name the link re-attributes.
CREATE TABLE learner_link (
    id           INTEGER PRIMARY KEY,
    learner_id   TEXT NOT NULL REFERENCES learner(id) ON DELETE CASCADE,
    pseudonym    TEXT NOT NULL,
    home_page    TEXT NOT NULL,
    identifier   TEXT NOT NULL,
    linked_at    TEXT NOT NULL,
    unlinked_at  TEXT
);
CREATE INDEX learner_link_by_learner ON learner_link (learner_id);
-- At most one link in force per profile.
CREATE UNIQUE INDEX learner_link_in_force ON learner_link (learner_id) WHERE unlinked_at IS NULL;

-- The key a profile signs its link and unlink statements with (Ed25519 secret, 32 bytes): a
-- report trusts the first key it sees for a pseudonym, so that nobody else can re-link it.
CREATE TABLE learner_key (
    learner_id  TEXT PRIMARY KEY REFERENCES learner(id) ON DELETE CASCADE,
    secret      BLOB NOT NULL
);

-- The pseudonymous account name of a profile's statements when no link is in force. NULL is
-- the profile's id; unlinking draws a new one, so that records made after it cannot be tied
-- to the identifier through the earlier link.
ALTER TABLE learner ADD COLUMN pseudonym TEXT;
