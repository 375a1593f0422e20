-- The period a school keeps its klachten register after a klacht is closed, in months (issue 13;
-- BoW 1.5.6); NULL: the installation's default (INBURGERBOT_RETENTION_KLACHTEN_MONTHS).
ALTER TABLE schools ADD COLUMN klachten_retention_months INTEGER
    CHECK (klachten_retention_months IS NULL OR klachten_retention_months BETWEEN 12 AND 240);
