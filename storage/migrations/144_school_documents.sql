-- A school's onderwijsplan and klachtenregeling (issue 15; convenant art. 10.5, 10.9; BoW 2.11):
-- the PDF the school uploaded, one per kind, replaced by a new upload. /mijnschool sends them to
-- the school's participants.
CREATE TABLE school_documents (
    school_id    INTEGER NOT NULL REFERENCES schools(id),
    kind         TEXT NOT NULL CHECK (kind IN ('onderwijsplan', 'klachtenregeling')),
    content      BLOB NOT NULL,
    size         INTEGER NOT NULL,
    sha256       TEXT NOT NULL,
    uploaded_at  TEXT NOT NULL,
    PRIMARY KEY (school_id, kind)
);
