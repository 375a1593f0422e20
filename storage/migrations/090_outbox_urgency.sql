-- Urgency of an outbox row (issue 18; the rule is bot/rules/urgency.py): 'urgent' rows (a lesson
-- within 12 hours changed, uitval, a safety klacht) are sent before 'bulk' rows, 'timed' rows
-- (reminders) at their due time, also before bulk. Existing rows are bulk, as they were.
ALTER TABLE outbox ADD COLUMN urgency TEXT NOT NULL DEFAULT 'bulk'
    CHECK (urgency IN ('urgent', 'timed', 'bulk'));
CREATE INDEX outbox_urgency_due ON outbox(state, urgency, due_at);
