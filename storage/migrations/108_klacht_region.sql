-- Other routes for a signal (issue 11 point 13; convenant art. 13.4, 13.5): a klantmanager files a
-- signal on a participant's behalf (registered_by, migration 106), and raises one that stays
-- unresolved to the regional coordination (the Projectgroep Statushouders en Inburgering), only
-- with the participant's consent: asked, answered, raised.
ALTER TABLE klachten ADD COLUMN region_asked_at TEXT;
ALTER TABLE klachten ADD COLUMN region_consent INTEGER;
ALTER TABLE klachten ADD COLUMN raised_at TEXT;
