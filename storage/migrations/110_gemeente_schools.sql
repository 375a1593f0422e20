-- Which schools a gemeente works with (issue 12): a school may attach its participants only to
-- klantmanagers of these gemeenten. The gemeente's side sets it (admin CLI or its API key).
CREATE TABLE gemeente_schools (
    gemeente_id INTEGER NOT NULL REFERENCES gemeenten(id),
    school_id   INTEGER NOT NULL REFERENCES schools(id),
    since       TEXT NOT NULL,
    PRIMARY KEY (gemeente_id, school_id)
);
CREATE INDEX gemeente_schools_school ON gemeente_schools(school_id);

-- An installation that already has participants keeps working: every pair of a school and a
-- gemeente that share a participant today works together.
INSERT OR IGNORE INTO gemeente_schools(gemeente_id, school_id, since)
SELECT DISTINCT k.gemeente_id, p.school_id, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
FROM people p JOIN people k ON k.id = p.klantmanager_id
WHERE p.school_id IS NOT NULL AND k.gemeente_id IS NOT NULL;
