-- Each time a learner takes a self-assessment survey: their ratings (JSON, statement id →
-- point of the scale) and their written reflection. A new take never replaces an older one:
-- the learner compares their first profile with their latest. The reflection stays here: no
-- statement carries it (src/store/tracking/surveys.rs). The learner's deletion removes them.
CREATE TABLE survey_take (
    id          INTEGER PRIMARY KEY,
    learner_id  TEXT NOT NULL,
    module_id   TEXT NOT NULL,
    activity_id TEXT NOT NULL,
    ratings     TEXT NOT NULL,
    reflection  TEXT,
    taken_at    TEXT NOT NULL
);
CREATE INDEX survey_take_by_learner ON survey_take (learner_id, module_id, activity_id);
