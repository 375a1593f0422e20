-- Klachten not from the bot (issue 11 point 11; Blik op Werk norm 1.5.6, 1.5.8): staff register
-- a klacht received by mail, phone or on paper, with its real date of receipt (received_at), so
-- it joins the register, the deadline timers and the 80% figure. channel 'bot' is /klacht.
ALTER TABLE klachten ADD COLUMN channel TEXT NOT NULL DEFAULT 'bot'
    CHECK (channel IN ('bot', 'mail', 'phone', 'paper'));
ALTER TABLE klachten ADD COLUMN registered_by INTEGER REFERENCES people(id);
