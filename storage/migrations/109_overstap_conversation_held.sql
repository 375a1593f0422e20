-- The handover conversation is recorded as held before consent and handover are possible
-- (issue 11 point 8; convenant art. 11.3, 12.3): a new state 'conversation_held' between
-- 'conversation_accepted' and 'consent_given'. Only the CHECK's list of states grows, which
-- changes nothing stored, so the table's definition is edited in place as SQLite documents for
-- such changes ("Making Other Kinds Of Table Schema Changes", lang_altertable.html) instead of
-- copying the table (which every later column added to it would have to follow).
PRAGMA writable_schema = ON;
UPDATE sqlite_master
   SET sql = replace(sql, '''conversation_accepted'', ''consent_given''',
                     '''conversation_accepted'', ''conversation_held'', ''consent_given''')
 WHERE type = 'table' AND name = 'overstap_requests';
PRAGMA writable_schema = RESET;
