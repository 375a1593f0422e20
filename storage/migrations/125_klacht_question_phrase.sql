-- A question of the school to a participant about a klacht starts with a standard phrase (issue
-- 14; the list is bot/klachten/phrases.py): the participant reads its gist in their own language,
-- then the staff member's own words, which may be empty. Earlier questions have no phrase.
ALTER TABLE klacht_questions ADD COLUMN phrase TEXT;
