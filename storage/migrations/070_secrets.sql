-- Secrets at rest (issue 12). A school's Ed25519 private key is kept sealed (AES-256-GCM) with a
-- key derived from the installation's secret key, outside the database; private_key is emptied
-- at start-up once the key is sealed in sealed_key ("keyid:base64").
ALTER TABLE school_signing_keys ADD COLUMN sealed_key TEXT;

-- Free text of klachten no longer travels in outbox rows: it is read from the klacht (or its
-- question) when the message is sent. Rows written before lose their copy; every one of them
-- carries the klacht_id or question_id the text is read from.
UPDATE outbox
   SET params = json_remove(params, '$.description', '$.reason', '$.question', '$.answer',
                            '$.text')
 WHERE message_key IN ('klacht.new', 'klacht.km_signal', 'klacht.refused', 'klacht.closed',
                       'klacht.question', 'klacht.answer');
