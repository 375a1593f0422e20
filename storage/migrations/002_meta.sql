-- Facts about this installation, e.g. the bot's username for invite links.
CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
