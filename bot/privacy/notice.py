"""The privacy notice (BoW 1.4.3 and 1.4.5; C art. 12.3, 12.7): what a person must read before
the bot keeps anything beyond their link, and again once after the text changed.

A participant reads their school's text, else their gemeente's, else the default; a klantmanager
their gemeente's staff text, a staff member their school's, else the default staff text. A text
set by a school or gemeente is shown in the person's language when it has one, else the default
text in their language; its key (scope, id and version) is what the person went on from.
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.i18n import N_, SN_, Translator
from storage import privacy as store
from storage.database import Database
from storage.people import Person

# Raise when the default texts change in substance: everyone reads them again once.
DEFAULT_VERSION = 1

SHORT = N_(
    "Privacy: what this bot keeps about you\n\n"
    "What: your name, your link with Telegram and your language; your lessons and attendance; "
    "absences you report; your klachten and overstap requests.\n"
    "Why: to show your lessons, to register your hours for the urenverklaring, to handle your "
    "klachten and to keep your klantmanager informed.\n"
    "How long: attendance for 5 years (for your urenverklaring); messages and drafts only a few "
    "weeks.\n"
    "Who sees it: your school and your klantmanager at the gemeente, each only what they need.\n"
    "Your rights: to see your data, to have it corrected or erased, to know with whom it was "
    "shared and who looked at it.\n"
    "Questions: ask the privacy contact of your school or gemeente.")
FULL = N_(
    "Privacy statement\n\n"
    "Your school and your gemeente use this bot for your inburgering course. They are "
    "responsible for your data under the AVG (the European privacy law).\n\n"
    "We keep: your name and the code of your school; your Telegram chat and language; your "
    "lessons, attendance and the absences you report with their reason; klachten you file, "
    "with what you wrote and sent; requests to switch school or group, and what you agreed to "
    "share.\n\n"
    "We use it only to run your course: your lesson schedule, the hours for your "
    "urenverklaring, the handling of your klachten, and alerts to your klantmanager when you "
    "are absent for a long time.\n\n"
    "Your school sees your lessons, attendance and klachten. Your klantmanager sees your "
    "attendance and alerts. A new school only gets what you agreed to. Nobody else gets your "
    "data. Every look at your data is recorded.\n\n"
    "Attendance and urenverklaringen are kept 5 years, because you or DUO may need them. "
    "Klachten are kept as long as your school's klachten rules say. Drafts, sent messages and "
    "link codes are removed after a few weeks.\n\n"
    "You may see all your data, ask to correct it or to erase what no law requires us to keep. "
    "You get an answer within one month. Ask the privacy contact of your school or gemeente. "
    "You may also complain to the Autoriteit Persoonsgegevens.")
STAFF_SHORT = SN_(
    "Privacy: how to handle participants' data\n\n"
    "You see personal data of participants, some of it sensitive (absence because of illness, "
    "learning and social obstacles, klachten). Look only at what you need for your task; every "
    "view of caseloads, attendance, klacht files and reports is recorded and participants can "
    "see who looked. Do not copy data out of the bot. Requests for access, correction or "
    "erasure go to the privacy contact of your organisation, who answers within one month.")
STAFF_FULL = SN_(
    "Privacy regulation for staff\n\n"
    "The bot processes participants' data for the course: rooster, attendance and "
    "urenverklaring, klachten, verzuim and uitval alerts, overstap. Schools and gemeenten are "
    "each responsible for their part under the AVG.\n\n"
    "Access: a school's staff see their own school's participants; a klantmanager only their "
    "own caseload. Every view is written to the audit trail.\n\n"
    "Retention: attendance and urenverklaringen 5 years; klachten as the school's klachten "
    "rules say; drafts, sent messages, alerts and link codes far shorter (see the README).\n\n"
    "Rights: participants may see, correct and have erased their data; such a request is "
    "answered within one month by the privacy contact. Alerts in chat name no health reason "
    "unless the gemeente allowed it.")


@dataclass(frozen=True)
class Notice:
    key: str
    short: str
    full: str


def audience_of(person: Person) -> str:
    return "participant" if person.role == "participant" else "staff"


async def current_notice(db: Database, person: Person, tr: Translator) -> Notice:
    """The notice this person must have read, in their language."""
    audience = audience_of(person)
    gemeente = await store.gemeente_of(db, person.id)
    if person.role == "klantmanager":
        scopes = [("gemeente", gemeente)]
    elif person.role == "staff":
        scopes = [("school", person.school_id)]
    else:
        scopes = [("school", person.school_id), ("gemeente", gemeente)]
    staff = audience == "staff"
    short = tr.s_(STAFF_SHORT) if staff else tr._(SHORT)
    full = tr.s_(STAFF_FULL) if staff else tr._(FULL)
    for scope, scope_id in scopes:
        found = await store.scope_notice(db, scope, scope_id, audience)
        if found is None:
            continue
        own = found.texts.get(tr.language)
        key = f"{scope}:{scope_id}:{found.version}"
        if own is not None:
            return Notice(key, short=own, full=own)
        return Notice(key, short=short, full=full)
    return Notice(f"default:{DEFAULT_VERSION}", short=short, full=full)


async def pending_notice(db: Database, person: Person, tr: Translator) -> Notice | None:
    """The notice this person has not yet gone on from, or None."""
    notice = await current_notice(db, person, tr)
    if await store.acknowledged(db, person.id) == notice.key:
        return None
    return notice
