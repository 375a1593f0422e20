-- The reason a klacht is not taken into treatment and the explanation with its outcome start with
-- a standard phrase (issue 14; the lists are bot/klachten/phrases.py): the participant reads its
-- gist in their own language, then the staff member's own words, which may be empty. Earlier
-- decisions have no phrase.
ALTER TABLE klachten ADD COLUMN refusal_phrase TEXT;
ALTER TABLE klachten ADD COLUMN outcome_phrase TEXT;
