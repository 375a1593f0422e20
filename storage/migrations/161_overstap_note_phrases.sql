-- The klantmanager's advice about a switch and the school's reason to decline a move to another
-- group start with a standard phrase (issue 14; the lists are bot/overstap/phrases.py): the
-- participant reads its gist in their own language, then the writer's own words, which may be
-- empty. Earlier notes have no phrase.
ALTER TABLE overstap_requests ADD COLUMN km_phrase TEXT;
ALTER TABLE overstap_requests ADD COLUMN decline_phrase TEXT;
