-- Invoices a school posts for a participant (issue 15; BoW 2.4.1-2.4.3, convenant art. 10.7):
-- the lessons they cover and the hours invoiced. A participant's invoice is approved or disputed
-- by the participant only once its lessons are over; a dispute opens a klacht (klacht_id). An
-- asielstatushouder's invoice goes to the gemeente with lesson days and hours (payer 'gemeente').
CREATE TABLE invoices (
    id            INTEGER PRIMARY KEY,
    school_id     INTEGER NOT NULL REFERENCES schools(id),
    external_id   TEXT NOT NULL,
    person_id     INTEGER NOT NULL REFERENCES people(id),
    payer         TEXT NOT NULL CHECK (payer IN ('participant', 'gemeente')),
    hours         REAL NOT NULL CHECK (hours > 0),
    amount_cents  INTEGER CHECK (amount_cents IS NULL OR amount_cents >= 0),
    lessons_end   TEXT NOT NULL,
    state         TEXT NOT NULL DEFAULT 'open'
                  CHECK (state IN ('open', 'approved', 'disputed')),
    created_at    TEXT NOT NULL,
    answered_at   TEXT,
    klacht_id     INTEGER REFERENCES klachten(id),
    UNIQUE (school_id, external_id)
);
CREATE INDEX invoices_person ON invoices(person_id);
CREATE TABLE invoice_lessons (
    invoice_id INTEGER NOT NULL REFERENCES invoices(id),
    lesson_id  INTEGER NOT NULL REFERENCES lessons(id),
    PRIMARY KEY (invoice_id, lesson_id)
);
