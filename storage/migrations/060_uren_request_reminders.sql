-- Urenverklaring requests cannot be refused (Blik op Werk norm 2.9.4): a request still pending
-- after 5 working days reminds the school, after 10 the klantmanager is told. Each once. The
-- school may add a note, printed on the statement.

ALTER TABLE uren_requests ADD COLUMN school_reminded_at TEXT;
ALTER TABLE uren_requests ADD COLUMN klantmanager_told_at TEXT;
ALTER TABLE uren_requests ADD COLUMN note TEXT;
CREATE INDEX uren_requests_pending ON uren_requests(state, requested_at);
