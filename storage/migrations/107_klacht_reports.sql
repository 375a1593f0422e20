-- No independent handler (issue 11 point 12; Blik op Werk norm 1.5, note 7): "Wanneer er geen
-- onafhankelijke persoon beschikbaar is, stelt u een bondig rapport op waarin de specifieke
-- klachtenprocedure wordt beschreven en waarin staat hoe de klacht is afgehandeld. U kunt aantonen
-- dat de indiener van de klacht de inhoud van het rapport onderschrijft." The school's short
-- report and the participant's answer to it.
CREATE TABLE klacht_reports (
    klacht_id   INTEGER PRIMARY KEY REFERENCES klachten(id),
    text        TEXT NOT NULL,
    written_by  INTEGER NOT NULL REFERENCES people(id),
    written_at  TEXT NOT NULL,
    endorsed    INTEGER,
    answered_at TEXT
);
