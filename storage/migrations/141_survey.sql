-- The satisfaction survey (issue 15; BoW 2.7.3, 5.2; convenant art. 16).
-- Consent to pass the participant's contact data to the survey bureau (Panteia, for Blik op
-- Werk): asked once in the bot (asked_at), or recorded by the school from the course contract;
-- consent NULL while unanswered; the participant can change it with /enquete.
CREATE TABLE survey_consents (
    person_id   INTEGER PRIMARY KEY REFERENCES people(id),
    consent     INTEGER CHECK (consent IS NULL OR consent IN (0, 1)),
    source      TEXT CHECK (source IS NULL OR source IN ('bot', 'school')),
    asked_at    TEXT,
    answered_at TEXT
);

-- A gemeente's own short survey (art. 16.1): its questions in every shipped language, answered
-- with buttons on a five-point scale; reported only in aggregate, for five or more respondents.
CREATE TABLE gemeente_surveys (
    id          INTEGER PRIMARY KEY,
    gemeente_id INTEGER NOT NULL REFERENCES gemeenten(id),
    external_id TEXT NOT NULL,
    questions   TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    UNIQUE (gemeente_id, external_id)
);
-- person_id only keeps one answer per person and question; no report names anyone.
CREATE TABLE gemeente_survey_answers (
    survey_id   INTEGER NOT NULL REFERENCES gemeente_surveys(id),
    person_id   INTEGER NOT NULL REFERENCES people(id),
    question    INTEGER NOT NULL,
    answer      INTEGER NOT NULL CHECK (answer BETWEEN 1 AND 5),
    answered_at TEXT NOT NULL,
    PRIMARY KEY (survey_id, person_id, question)
);
