-- The holiday arrangement repeated a week before each holiday (issue 15; convenant art. 10.6): one
-- row per holiday and start day once its participants were told, so each is told once (a holiday
-- moved to other days is told again for its new start).
CREATE TABLE holiday_reminders (
    holiday_id  INTEGER NOT NULL REFERENCES holidays(id) ON DELETE CASCADE,
    starts_on   TEXT NOT NULL,
    reminded_at TEXT NOT NULL,
    recipients  INTEGER NOT NULL,
    PRIMARY KEY (holiday_id, starts_on)
);
