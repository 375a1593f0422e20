"""Fictional demo data for `inburgerbot demo` (issue 2): a gemeente, a school, a group with lessons
this week and next, participants speaking Arabic, Tigrinya and Dutch, a klantmanager and a
klachtbehandelaar. Every name is made up."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, time, timedelta

from storage import demo, orgs, partners, people
from storage.database import Database


@dataclass(frozen=True)
class DemoPerson:
    person_id: int
    name: str
    role: str
    language: str  # the Telegram app language of the demo user
    code: str
    user_id: int


# (name, role, Telegram app language, extra columns)
PEOPLE = (
    ("Amira Haddad", "participant", "ar", {"regime": "wi2021", "route": "b1"}),
    ("Yonas Tesfamariam", "participant", "en", {"regime": "wi2021", "route": "z"}),
    ("Sanne Mulder", "participant", "nl", {"regime": "wi2013"}),
    ("Petra Kloosterman", "klantmanager", "nl", {}),
    ("Joost Brinkman", "staff", "nl", {"staff_role": "klachtbehandelaar"}),
    ("Ineke Vos", "staff", "nl", {"staff_role": "coordinator"}),
)

LESSON_DAYS = (0, 2, 3)  # Monday, Wednesday, Thursday
LESSON_START, LESSON_END = time(9, 0), time(12, 0)


async def seed(db: Database, now: datetime, tz, link_code_days: int = 14) -> list[DemoPerson]:
    """Fill an empty database with the demo world; returns the people with fresh link codes."""
    async with db.transaction() as tx:
        gemeente_id, _ = await orgs.add_gemeente(tx, "Gemeente Hengelo (demo)", now)
        school_id, _ = await orgs.add_school(tx, "Taalschool De Brug (demo)", now,
                                             locations="Hengelo, Enschede")
        await partners.add_in(tx, gemeente_id, school_id, now)
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
                          external_id=f"P-{index + 1:03d}")
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
            result.append(DemoPerson(person_id, name, role, language, code, 7001 + index))
    return result
