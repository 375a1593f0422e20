"""Fictional demo data for `inburgerbot demo` (issue 2, 16): a gemeente with two klantmanagers,
two schools, a morning group with four weeks of attended lessons behind it and two ahead, an
evening group at the other school, participants in every shipped language, a klachtbehandelaar,
a coordinator at each school and klachten at three stages. Every name is made up."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, time, timedelta

from bot.klachten.filing import KlachtDraft, file_klacht
from bot.rules.lessons import Lesson
from storage import attendance, contacts, groups, klachten, orgs, participants, partners, people
from storage import lessons as lessons_store
from storage.database import Database


@dataclass(frozen=True)
class DemoPerson:
    person_id: int
    name: str
    role: str
    language: str  # the Telegram app language of the demo user
    code: str
    user_id: int
    external_id: str | None = None  # the school's id of a participant

    def as_dict(self) -> dict:
        return {"name": self.name, "role": self.role, "language": self.language,
                "code": self.code, "user_id": self.user_id, "external_id": self.external_id}


# (name, role, Telegram app language, extra columns)
PEOPLE = (
    ("Amira Haddad", "participant", "ar", {"regime": "wi2021", "route": "b1"}),
    ("Yonas Tesfamariam", "participant", "ti", {"regime": "wi2021", "route": "z"}),
    ("Sanne Mulder", "participant", "nl", {"regime": "wi2013"}),
    ("Petra Kloosterman", "klantmanager", "nl", {}),
    ("Joost Brinkman", "staff", "nl", {"staff_role": "klachtbehandelaar"}),
    ("Ineke Vos", "staff", "nl", {"staff_role": "coordinator"}),
    # the other klantmanager's caseload: a participant in every other shipped language
    ("Ruud Jansen", "klantmanager", "nl", {}),
    ("Grace Okafor", "participant", "en", {"regime": "wi2021", "route": "b1"}),
    ("Emre Yılmaz", "participant", "tr", {"regime": "wi2021", "route": "b1"}),
    ("Shirin Ahmadi", "participant", "fa", {"regime": "wi2021", "route": "onderwijs"}),
    ("Farid Noori", "participant", "fa_AF", {"regime": "wi2021", "route": "b1"}),
    ("Gul Zadran", "participant", "ps", {"regime": "wi2021", "route": "z"}),
    ("Hodan Warsame", "participant", "so", {"regime": "wi2013"}),
    # the coordinator of the other school, who receives a participant switching to it
    ("Hans Smit", "staff", "nl", {"staff_role": "coordinator", "other_school": True}),
)
# Absent at every past lesson of the last two weeks: a verzuim alert for the klantmanager.
ABSENT_LATELY = frozenset({"Sanne Mulder"})
PAST_WEEKS = 4  # weeks of lessons with registered attendance before this one

SCHOOL_NAME = "Taalschool De Brug (demo)"
OTHER_SCHOOL_NAME = "Taalcentrum Twente (demo)"
LESSON_DAYS = (0, 2, 3)  # Monday, Wednesday, Thursday
LESSON_START, LESSON_END = time(9, 0), time(12, 0)


async def open_world(db: Database, now: datetime, tz, link_code_days: int = 14,
                     ) -> list[DemoPerson]:
    """The demo world in ``db``: seeded when the database is empty, otherwise the people already
    there (so what was done in an earlier demo is kept), each with a fresh link code."""
    if await orgs.get_meta(db, "demo_seeded") is None:
        return await seed(db, now, tz, link_code_days)
    by_name = {row["name"]: row["id"] for row in await people.list_people(db)}
    result = []
    async with db.transaction() as tx:
        for index, (name, role, language, _extra) in enumerate(PEOPLE):
            if name not in by_name:
                continue
            code = await people.issue_link_code(tx, by_name[name], now, link_code_days)
            result.append(DemoPerson(by_name[name], name, role, language, code, 7001 + index,
                                     _external_id(index, role)))
    return result


def _external_id(index: int, role: str) -> str | None:
    return f"P-{index + 1:03d}" if role == "participant" else None


async def link_all(db: Database, demo_people: list[DemoPerson], now: datetime) -> None:
    """Link every demo person's chat in their app language, as if each had sent /start CODE and
    picked that language (the page shows them ready; in the terminal one links by hand)."""
    for person in demo_people:
        if await people.person_for_chat(db, person.user_id) is not None:
            continue
        result = await people.link_chat(db, person.user_id, person.code, now)
        if result.outcome == "linked":
            await people.set_chat_language(db, person.user_id, person.language, now)


async def school_key(db: Database) -> str | None:
    """The demo school's API key (the demo keeps it to show the school console)."""
    return await orgs.get_meta(db, "demo_school_key")


async def seed(db: Database, now: datetime, tz, link_code_days: int = 14) -> list[DemoPerson]:
    """Fill an empty database with the demo world; returns the people with fresh link codes.

    Two schools (the first is the demo's own, with its key kept; the second offers an evening
    group to switch to), a gemeente with two klantmanagers, participants in every shipped
    language with four weeks of registered attendance, and klachten at different stages."""
    local_today = now.astimezone(tz).date()
    monday = local_today - timedelta(days=local_today.weekday())
    async with db.transaction() as tx:
        gemeente_id, _ = await orgs.add_gemeente(tx, "Gemeente Hengelo (demo)", now)
        school_id, key = await orgs.add_school(tx, SCHOOL_NAME, now,
                                               locations="Hengelo, Enschede")
        await orgs.set_meta(tx, "demo_school_key", key)
        await contacts.set_contact(tx, "school", school_id, contacts.Contact(
            phone="074 000 0000", email="info@debrug.example", hours="ma-vr 9:00-16:30",
            address="Hengelo, Marktstraat 12"), now)
        other_id, _ = await orgs.add_school(tx, OTHER_SCHOOL_NAME, now, locations="Enschede")
        # The demo gemeente works with both schools (its klantmanagers may be attached there).
        await partners.add_in(tx, gemeente_id, school_id, now)
        await partners.add_in(tx, gemeente_id, other_id, now)
        group_id = await _group(tx, school_id, ("G-B1-OCHTEND", "NT2 B1 ochtend", "NT2", "B1",
                                                14, "Hengelo"), now)
        lessons = await _lessons(tx, school_id, group_id, monday, range(-PAST_WEEKS, 2),
                                 LESSON_DAYS, (LESSON_START, LESSON_END), "B1", tz, now,
                                 "Hengelo, Marktstraat 12 (lokaal 3)", "Marieke de Boer")
        evening = await _group(tx, other_id, ("G-A2-AVOND", "NT2 A2 avond", "NT2", "A2", 12,
                                              "Enschede"), now)
        await _lessons(tx, other_id, evening, monday, range(0, 2), (1, 3),
                       (time(18, 30), time(21, 0)), "A2", tz, now, "Enschede, Oude Markt 5",
                       "Ahmed Bakir")
        ids: dict[str, int] = {}
        for name, role, _language, extra in PEOPLE:  # staff first, as an admin adds them
            if role == "klantmanager":
                ids[name] = await people.add_person(tx, name=name, role=role, now=now,
                                                    gemeente_id=gemeente_id)
            elif role == "staff":
                kw = dict(extra)
                at = other_id if kw.pop("other_school", False) else school_id
                ids[name] = await people.add_person(tx, name=name, role=role, now=now,
                                                    school_id=at, **kw)
        # participants as a school's push creates them, each with the klantmanager listed last
        # before them in PEOPLE (the first ones: the first klantmanager)
        first_km = next(ids[name] for name, role, *_ in PEOPLE if role == "klantmanager")
        rows, klantmanager = [], None
        for index, (name, role, _language, extra) in enumerate(PEOPLE):
            if role == "klantmanager":
                klantmanager = ids[name]
            elif role == "participant":
                rows.append((_external_id(index, role), name, extra["regime"],
                             extra.get("route"), klantmanager or first_km, gemeente_id,
                             "active"))
        created = await participants.insert_participants(tx, school_id, rows, now)
        ids.update({name: created[ext] for ext, name, *_ in rows})
        await groups.insert_members(tx, [(group_id, ids[row[1]], monday - timedelta(days=70),
                                          None) for row in rows])
        for _ext, name, *_ in rows:
            for lesson in lessons:
                if lesson.ends_at > now:
                    continue
                lately = lesson.starts_at >= now - timedelta(days=14)
                status = "absent" if name in ABSENT_LATELY and lately else "present"
                await attendance.record(tx, lesson=lesson, person_id=ids[name], status=status,
                                        supervised=True, practice=False, now=lesson.ends_at)
        result = []
        for index, (name, role, language, _extra) in enumerate(PEOPLE):
            code = await people.issue_link_code(tx, ids[name], now, link_code_days)
            result.append(DemoPerson(ids[name], name, role, language, code, 7001 + index,
                                     _external_id(index, role)))
        await orgs.set_meta(tx, "demo_seeded", now.isoformat())
    await seed_klachten(db, result, now, tz)
    return result


async def _group(tx, school_id: int, row: tuple, now: datetime) -> int:
    """A group as a planning push stores it; row: (external_id, name, kind, level, capacity,
    location)."""
    await groups.insert_groups(tx, school_id, [row], now)
    return (await groups.group_by_external(tx, school_id, row[0])).id


async def _lessons(tx, school_id: int, group_id: int, monday, weeks, weekdays, hours,
                   level: str, tz, now: datetime, location: str, teacher: str) -> list:
    """Lessons of a group on ``weekdays`` of ``weeks`` (relative to this week's ``monday``),
    stored as a planning push stores them; returns them as attendance reads them."""
    planned = []
    for week in weeks:
        for weekday in weekdays:
            day = monday + timedelta(days=7 * week + weekday)
            planned.append(Lesson(
                external_id=f"L-{group_id}-{day.isoformat()}", group_id=group_id,
                kind="KNM" if weekday == 3 else "NT2", level=level,
                starts_at=datetime.combine(day, hours[0], tzinfo=tz),
                ends_at=datetime.combine(day, hours[1], tzinfo=tz), location=location,
                mode="classroom", teacher=teacher))
    await lessons_store.insert_lessons(tx, school_id, planned, now)
    return [await attendance.school_lesson(tx, school_id, lesson.external_id)
            for lesson in planned]


# (participant, topic, text, days ago received, days ago taken into treatment or None,
#  days ago closed with its outcome or None)
KLACHTEN = (
    ("Amira Haddad", "rooster", "الدروس تتغير كثيرًا ولا أعرف متى أذهب إلى المدرسة.", 19, None,
     None),
    ("Yonas Tesfamariam", "group", "ናይ ክፍልና ጉጅለ ብዙሕ ዓብዪ እዩ።", 12, 9, None),
    ("Emre Yılmaz", "teacher", "Öğretmen derste çok hızlı konuşuyor, anlamıyorum.", 40, 37,
     (6, "resolved", "Samen besproken: de docent spreekt langzamer en schrijft nieuwe woorden op "
                     "het bord.")),
)


async def seed_klachten(db: Database, demo_people: list[DemoPerson], now: datetime, tz) -> None:
    """Klachten at three stages, filed in the past as participants would have: one received
    (its decision deadline 9 days ahead: a week's jump brings the reminder, two the escalation),
    one taken into treatment, one closed with its outcome."""
    by_name = {p.name: p for p in demo_people}
    handler = next(p for p in demo_people if p.role == "staff")
    for name, topic, text, received_days, taken_days, closed in KLACHTEN:
        person = by_name[name]
        participant = await people.get_person(db, person.person_id)
        draft = KlachtDraft(participant=participant, topic=topic, text=text, route="school",
                            anonymous=False, language=person.language)
        filed = await file_klacht(db, draft, now=now - timedelta(days=received_days), tz=tz)
        if taken_days is None:
            continue
        async with db.transaction() as tx:
            await klachten.take_into_treatment(tx, filed.klacht.id, handler.person_id,
                                               now - timedelta(days=taken_days))
            if closed is not None:
                closed_days, outcome, outcome_text = closed
                await klachten.close_klacht(tx, filed.klacht.id, handler.person_id, outcome,
                                            outcome_text, now - timedelta(days=closed_days))
