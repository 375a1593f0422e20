-- A klantmanager tells the school of an obstacle in the bot (issue 15; convenant art. 12.6) with a
-- standard reason (bot/rules/trajectory.py OBSTACLE_REASONS) and optional own words; ``text`` is
-- then '' when no words were added. ``recorded_by`` is the klantmanager, NULL for the API.
ALTER TABLE gemeente_notes ADD COLUMN reason TEXT;
ALTER TABLE gemeente_notes ADD COLUMN recorded_by INTEGER REFERENCES people(id);
