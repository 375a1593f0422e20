-- Reminders before a lesson (issue 14): the evening time a participant chose in /instellingen
-- ('HH:MM' local); NULL means the installation's INBURGERBOT_REMINDER_EVENING.
ALTER TABLE reminder_settings ADD COLUMN evening_at TEXT;
