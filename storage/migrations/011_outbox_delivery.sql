-- Delivery state of the outbox (issue 3), added to 010 without changing it.
-- eligible_at: when the recipient's window (quiet hours, working hours) first lets the row go; the
--   give-up horizon counts from here, so a Friday-evening staff alert is not given up by Monday.
-- due_at: the next attempt (eligible_at at first, later after a back-off); NULL until the
--   dispatcher has applied the policy to a freshly enqueued row.
-- failed_at: when the row was given up or found undeliverable (sent rows have sent_at).
-- telegram_message_ids doubles as progress of a split message: parts already sent are not resent.
ALTER TABLE outbox ADD COLUMN eligible_at TEXT;
ALTER TABLE outbox ADD COLUMN due_at TEXT;
ALTER TABLE outbox ADD COLUMN failed_at TEXT;
CREATE INDEX outbox_state_due ON outbox(state, due_at);
CREATE INDEX outbox_person ON outbox(person_id, state);
