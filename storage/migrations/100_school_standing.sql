-- A school's standing as two separate things (convenant art. 4.4, 14, 15; rule
-- bot/rules/standing.py): its part in the convenant (convenant_status: participating or
-- excluded) and its Blik op Werk keurmerk (keurmerk_status: valid, suspended or withdrawn).
-- A school marked 'suspended' before was a suspended keurmerk.
ALTER TABLE schools ADD COLUMN keurmerk_status TEXT NOT NULL DEFAULT 'valid'
    CHECK (keurmerk_status IN ('valid', 'suspended', 'withdrawn'));
UPDATE schools SET keurmerk_status = 'suspended', convenant_status = 'participating'
    WHERE convenant_status = 'suspended';

-- Which standing a recorded change was about.
ALTER TABLE school_status_changes ADD COLUMN standing TEXT NOT NULL DEFAULT 'convenant'
    CHECK (standing IN ('convenant', 'keurmerk'));
UPDATE school_status_changes SET standing = 'keurmerk', new_status = 'suspended'
    WHERE new_status = 'suspended';

-- The advice to switch that a suspension or withdrawal of the keurmerk hands each klantmanager,
-- one row per participant of the school in their caseload (art. 4.4, 15); sent_by and sent_at
-- record who sent it, and when, through the outbox in the same transaction.
CREATE TABLE switch_advice (
    id              INTEGER PRIMARY KEY,
    change_id       INTEGER NOT NULL REFERENCES school_status_changes(id),
    school_id       INTEGER NOT NULL REFERENCES schools(id),
    participant_id  INTEGER NOT NULL REFERENCES people(id),
    klantmanager_id INTEGER NOT NULL REFERENCES people(id),
    created_at      TEXT NOT NULL,
    sent_by         INTEGER REFERENCES people(id),
    sent_at         TEXT,
    UNIQUE (change_id, participant_id)
);
CREATE INDEX switch_advice_klantmanager ON switch_advice(klantmanager_id, change_id);
