-- Secrets at rest (issue 12). A school's Ed25519 private key is kept sealed (AES-256-GCM) with a
-- key derived from the installation's secret key, outside the database; private_key is emptied
-- at start-up once the key is sealed in sealed_key ("keyid:base64").
ALTER TABLE school_signing_keys ADD COLUMN sealed_key TEXT;
