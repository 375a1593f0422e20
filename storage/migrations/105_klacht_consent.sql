-- Consent before a name travels (issue 11 point 8; convenant art. 12.3, 12.7): a klacht that
-- reaches the klantmanager without the participant's having agreed carries no name. Why the
-- participant was last asked whether the klantmanager may know their name ('not_satisfied',
-- 'late', 'no_handler'); NULL when no question is open. klantmanager_consent keeps the answer.
ALTER TABLE klachten ADD COLUMN km_consent_asked TEXT
    CHECK (km_consent_asked IS NULL OR km_consent_asked IN ('not_satisfied', 'late', 'no_handler'));
