-- The short report when nobody independent can handle a klacht starts with a standard phrase
-- (issue 14; the closing phrases of bot/klachten/phrases.py): the participant reads its gist in
-- their own language, then the school's own words, which may be empty. Earlier reports have none.
ALTER TABLE klacht_reports ADD COLUMN phrase TEXT;
