"""Fictional demo data for `inburgerbot demo` (issue 2, 16): a gemeente, a school, a group with
lessons this week and next, participants speaking Arabic, Tigrinya and Dutch, a klantmanager and a
klachtbehandelaar. Every name is made up."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, time, timedelta

from bot.klachten.filing import KlachtDraft, file_klacht
from storage import demo, klachten, orgs, people
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
)

SCHOOL_NAME = "Taalschool De Brug (demo)"
LESSON_DAYS = (0, 2, 3)  # Monday, Wednesday, Thursday
LESSON_START, LESSON_END = time(9, 0), time(12, 0)


async def open_world(db: Database, now: datetime, tz, link_code_days: int = 14,
                     ) -> list[DemoPerson]:
    """The demo world in ``db``: seeded when the database is empty, otherwise the people already
    there (so what was done in an earlier demo is kept), each with a fresh link code."""
    if await demo.get_value(db, "demo_seeded") is None:
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
    return await demo.get_value(db, "demo_school_key")


async def seed(db: Database, now: datetime, tz, link_code_days: int = 14) -> list[DemoPerson]:
    """Fill an empty database with the demo world; returns the people with fresh link codes."""
    async with db.transaction() as tx:
        gemeente_id, _ = await orgs.add_gemeente(tx, "Gemeente Hengelo (demo)", now)
        school_id, key = await orgs.add_school(tx, SCHOOL_NAME, now,
                                               locations="Hengelo, Enschede")
        await demo.set_value(tx, "demo_school_key", key)
        group_id = await demo.add_group(
            tx, school_id=school_id, external_id="G-B1-OCHTEND", name="NT2 B1 ochtend",
            kind="NT2", level="B1", capacity=14, location="Hengelo", now=now)
        local_today = now.astimezone(tz).date()
        monday = local_today - timedelta(days=local_today.weekday())
        for week in range(2):
            for weekday in LESSON_DAYS:
                day = monday + timedelta(days=7 * week + weekday)
                start = datetime.combine(day, LESSON_START, tzinfo=tz)
                end = datetime.combine(day, LESSON_END, tzinfo=tz)
                kind = "KNM" if weekday == 3 else "NT2"
                await demo.add_lesson(
                    tx, school_id=school_id, group_id=group_id, external_id=f"L-{day.isoformat()}",
                    kind=kind, level="B1", starts_at=start, ends_at=end,
                    location="Hengelo, Marktstraat 12 (lokaal 3)", teacher="Marieke de Boer",
                    now=now)
        klantmanager_id = None
        created = []
        for index, (name, role, language, extra) in enumerate(PEOPLE):
            kw = dict(extra)
            if role == "participant":
                kw.update(school_id=school_id, klantmanager_id=klantmanager_id,
                          external_id=_external_id(index, role))
            elif role == "staff":
                kw.update(school_id=school_id)
            else:
                kw.update(gemeente_id=gemeente_id)
            person_id = await people.add_person(tx, name=name, role=role, now=now, **kw)
            created.append((person_id, name, role, language))
        # the klantmanager is created after the participants in PEOPLE order: wire them up now
        klantmanager_id = next(pid for pid, _, role, _ in created if role == "klantmanager")
        await demo.assign_klantmanager_to_all(tx, klantmanager_id)
        for person_id, _, role, _ in created:
            if role == "participant":
                await demo.add_member(tx, group_id, person_id, monday - timedelta(days=70))
        result = []
        for index, (person_id, name, role, language) in enumerate(created):
            code = await people.issue_link_code(tx, person_id, now, link_code_days)
            result.append(DemoPerson(person_id, name, role, language, code, 7001 + index,
                                     _external_id(index, role)))
        await demo.set_value(tx, "demo_seeded", now.isoformat())
    await seed_klachten(db, result, now, tz)
    return result


# (participant, topic, text, days ago received, days ago taken into treatment or None)
KLACHTEN = (
    ("Amira Haddad", "rooster", "الدروس تتغير كثيرًا ولا أعرف متى أذهب إلى المدرسة.", 19, None),
    ("Yonas Tesfamariam", "group", "ናይ ክፍልና ጉጅለ ብዙሕ ዓብዪ እዩ።", 12, 9),
)


async def seed_klachten(db: Database, demo_people: list[DemoPerson], now: datetime, tz) -> None:
    """Klachten at different stages, filed in the past as participants would have: one just
    received (its decision deadline comes within the next week), one taken into treatment."""
    by_name = {p.name: p for p in demo_people}
    handler = next(p for p in demo_people if p.role == "staff")
    for name, topic, text, received_days, taken_days in KLACHTEN:
        person = by_name[name]
        participant = await people.get_person(db, person.person_id)
        draft = KlachtDraft(participant=participant, topic=topic, text=text, route="school",
                            anonymous=False, language=person.language)
        filed = await file_klacht(db, draft, now=now - timedelta(days=received_days), tz=tz)
        if taken_days is not None:
            async with db.transaction() as tx:
                await klachten.take_into_treatment(tx, filed.klacht.id, handler.person_id,
                                                   now - timedelta(days=taken_days))
