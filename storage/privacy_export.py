"""Everything stored about one person, for their right of access (AVG art. 15; BoW 1.4.3 g):
each section is the rows of one table that belong to them (by their own id, or through their own
klacht or overstap request), so nothing of another participant is read. Hashes and Telegram's
internal file ids are left out: they say nothing to the person and are no data about them."""

from __future__ import annotations

from typing import Any

from storage.database import Database

# section -> query with one parameter, the person's id.
SECTIONS: dict[str, str] = {
    "person": "SELECT id, name, role, external_id, regime, route, status, created_at"
              " FROM people WHERE id = ?",
    "telegram": "SELECT l.chat_id, l.linked_at, l.unreachable_since, c.language, c.chosen_at"
                " FROM telegram_links l LEFT JOIN chat_languages c ON c.chat_id = l.chat_id"
                " WHERE l.person_id = ?",
    "privacy_notice_read": "SELECT notice_key, read_at FROM privacy_acknowledgements"
                           " WHERE person_id = ?",
    "groups": "SELECT g.name, g.kind, m.joined_on, m.left_on FROM group_members m"
              " JOIN groups g ON g.id = m.group_id WHERE m.person_id = ? ORDER BY m.joined_on",
    "attendance": "SELECT lesson_starts_at, status, supervised, practice, source, recorded_at"
                  " FROM attendance WHERE person_id = ? ORDER BY lesson_starts_at",
    "absence_reports": "SELECT l.starts_at AS lesson_starts_at, r.reason, r.note, r.reported_at"
                       " FROM absence_reports r JOIN lessons l ON l.id = r.lesson_id"
                       " WHERE r.person_id = ? ORDER BY l.starts_at",
    "reminder_settings": "SELECT evening, hour, evening_at, updated_at FROM reminder_settings"
                         " WHERE person_id = ?",
    "own_contact": "SELECT phone, email, updated_at FROM klantmanager_contacts WHERE person_id = ?",
    "status_events": "SELECT * FROM participant_status_events WHERE person_id = ?",
    "verzuim_alerts": "SELECT kind, episode_start, alerted_at, followups, missed, closed_at,"
                      " back_at FROM verzuim_alerts WHERE person_id = ? ORDER BY alerted_at",
    "klachten": "SELECT reference, route, topic, description, language, anonymous, state,"
                " received_at, decide_by, handle_by, decided_at, refusal_phrase, refusal_reason,"
                " outcome, outcome_phrase, outcome_text, handled_at, satisfaction FROM klachten"
                " WHERE participant_id = ? ORDER BY received_at",
    "klacht_files": "SELECT k.reference, a.kind FROM klacht_attachments a"
                    " JOIN klachten k ON k.id = a.klacht_id WHERE k.participant_id = ?",
    "klacht_questions": "SELECT k.reference, q.phrase, q.question, q.asked_at, q.answer,"
                        " q.answered_at"
                        " FROM klacht_questions q JOIN klachten k ON k.id = q.klacht_id"
                        " WHERE k.participant_id = ?",
    "klacht_draft": "SELECT data, updated_at FROM klacht_drafts WHERE person_id = ?",
    "uren_requests": "SELECT * FROM uren_requests WHERE participant_id = ?",
    "uren_statements": "SELECT * FROM uren_statements WHERE participant_id = ?",
    "activities": "SELECT * FROM participation_activities WHERE participant_id = ?",
    "overstap_requests": "SELECT * FROM overstap_requests WHERE participant_id = ?",
    "overstap_consents": "SELECT c.* FROM overstap_consents c JOIN overstap_requests r"
                         " ON r.id = c.request_id WHERE r.participant_id = ?",
    "trajectory": "SELECT kind, details, predicted_end, previous_end, flagged, recorded_at,"
                  " seen_at FROM trajectory_records WHERE person_id = ? ORDER BY recorded_at",
    "gemeente_notes": "SELECT reason, text, recorded_at FROM gemeente_notes WHERE person_id = ?",
    "survey_consent": "SELECT consent, source, asked_at, answered_at FROM survey_consents"
                      " WHERE person_id = ?",
    "invoices": "SELECT external_id, payer, hours, amount_cents, state, created_at, answered_at"
                " FROM invoices WHERE person_id = ? ORDER BY created_at",
    "contact_attempts": "SELECT kind, attempted_on, outcome, note, warning_kind, come_back_by,"
                        " sent_at, recorded_at FROM contact_attempts WHERE person_id = ?"
                        " ORDER BY attempted_on",
    "shared": "SELECT recipient, items, purpose, shared_at FROM sharing_log WHERE person_id = ?"
              " ORDER BY shared_at",
    "who_looked": "SELECT a.at, p.name AS who, p.role, a.what FROM privacy_audit a"
                  " LEFT JOIN people p ON p.id = a.actor_id WHERE a.subject_id = ?"
                  " ORDER BY a.at",
    "notifications": "SELECT message_key, created_at, state, sent_at FROM outbox"
                     " WHERE person_id = ? ORDER BY created_at",
}
# Columns that are secrets or Telegram internals, never exported.
HIDDEN = ("hash", "file_id", "signature", "private_key")


async def everything_about(db: Database, person_id: int) -> dict[str, list[dict[str, Any]]]:
    """Every section, as lists of column -> value."""
    result = {}
    for section, sql in SECTIONS.items():
        rows = await db.fetchall(sql, (person_id,))
        result[section] = [{key: row[key] for key in row.keys()
                            if not any(word in key for word in HIDDEN)} for row in rows]
    return result
