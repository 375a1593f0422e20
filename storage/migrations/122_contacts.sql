-- A person to ask (issue 14): how a participant reaches their school and their gemeente, as the
-- school or gemeente set it (API or admin CLI). The gemeente decides how much of the
-- klantmanager a participant sees: 'none', 'name', or 'name_and_contact' (their own phone and
-- e-mail from klantmanager_contacts).
CREATE TABLE contacts (
    owner_kind         TEXT NOT NULL CHECK (owner_kind IN ('school', 'gemeente')),
    owner_id           INTEGER NOT NULL,
    phone              TEXT,
    email              TEXT,
    hours              TEXT,
    address            TEXT,
    klantmanager_shown TEXT NOT NULL DEFAULT 'name'
                       CHECK (klantmanager_shown IN ('none', 'name', 'name_and_contact')),
    updated_at         TEXT NOT NULL,
    PRIMARY KEY (owner_kind, owner_id)
);

CREATE TABLE klantmanager_contacts (
    person_id  INTEGER PRIMARY KEY REFERENCES people(id),
    phone      TEXT,
    email      TEXT,
    updated_at TEXT NOT NULL
);
