-- The last missed lesson the klantmanager was told of (issue 6), so "back in class" means a lesson
-- attended after it, not an earlier absence the school later corrected to present.
ALTER TABLE verzuim_alerts ADD COLUMN last_missed_at TEXT;
