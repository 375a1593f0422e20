-- The way there (issue 14): the link a participant follows to join a distance lesson, as the
-- school gave it (https only, checked by the API).
ALTER TABLE lessons ADD COLUMN join_url TEXT;
