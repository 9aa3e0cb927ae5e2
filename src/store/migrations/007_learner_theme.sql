-- The display theme a learner chose for their profile (`light`, `dark`, `contrast`); NULL
-- follows the computer's own setting (its light or dark mode, its contrast preference).
ALTER TABLE learner ADD COLUMN theme TEXT;
