"""Benchmark of issue 6: the verzuim sweep over 50,000 participants with a year of lessons and
attendance, one urenverklaring of 1,000 lessons, and its PDF.

    .venv/bin/python bench/verzuim.py [--participants 50000] [--keep PATH]

Builds a database in a temporary folder (migrations, then bulk inserts): 20 schools, groups of
15 participants with lessons on Monday and Thursday for 52 weeks, 8 weeks of school holidays
(lessons held there are not registered), a few cancelled lessons, attendance with about one
absence in eight (half of them with a reason), and 3% of participants who stop coming in the last
one to six weeks. Then it times one full sweep (the first: it finds and writes every alert), a
second sweep (steady state: nothing new), the computation of an urenverklaring for a participant
with 1,000 attended lessons (query, rule, payload, signature) and the rendering of its PDF.
Targets on this machine: sweep_s < 2, urenverklaring_ms < 50, pdf_ms < 300.
The last line printed is one JSON object.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import random
import sqlite3
import statistics
import sys
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.engine import fresh_target  # noqa: E402
from bot.clock import Clock  # noqa: E402
from bot.config import Settings  # noqa: E402
from bot.i18n import I18n  # noqa: E402
from bot.services import Services  # noqa: E402
from bot.uren import pdf, signing  # noqa: E402
from bot.uren.statement import compute, payload  # noqa: E402
from bot.verzuim import sweep as verzuim_sweep  # noqa: E402
from storage import copy  # noqa: E402
from storage import uren as uren_store  # noqa: E402
from storage import verzuim as verzuim_store  # noqa: E402
from storage.database import Database, to_db  # noqa: E402

AMS = ZoneInfo("Europe/Amsterdam")
FIRST_MONDAY = date(2025, 11, 24)
WEEKS = 52
GROUP_SIZE = 15
SCHOOLS = 20
HOLIDAY_WEEKS = (8, 9, 21, 22, 31, 32, 33, 34)  # Christmas, spring, summer (week numbers)
NOW = datetime.combine(FIRST_MONDAY + timedelta(weeks=WEEKS) - timedelta(days=1),
                       datetime.min.time().replace(hour=20), tzinfo=AMS)
STATUSES = ("absent", "absent_reported", "absent_ill", "absent_other")


class FixedClock(Clock):
    def now(self) -> datetime:
        return NOW.astimezone(UTC)


def utc(moment: datetime) -> str:
    return to_db(moment)


def build(path: Path, participants: int, seed: int = 6) -> dict:
    """Bulk-load the rooster and attendance with plain sqlite3 (the bot's schema, migrated)."""
    rng = random.Random(seed)
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA synchronous=OFF")
    created = utc(datetime(2025, 1, 1, tzinfo=AMS))
    cur = conn.cursor()
    cur.execute("BEGIN")
    cur.execute("INSERT INTO gemeenten(id, name, created_at) VALUES (1, 'Enschede', ?)", (created,))
    cur.executemany("INSERT INTO schools(id, name, created_at) VALUES (?,?,?)",
                    [(s, f"Taalschool {s}", created) for s in range(1, SCHOOLS + 1)])
    klantmanagers = max(1, participants // 1000)
    cur.executemany("INSERT INTO people(id, name, role, gemeente_id, created_at)"
                    " VALUES (?,?,'klantmanager',1,?)",
                    [(k, f"Klantmanager {k}", created) for k in range(1, klantmanagers + 1)])
    first_participant = klantmanagers + 1
    cur.executemany(
        "INSERT INTO people(id, name, role, school_id, klantmanager_id, regime, route,"
        " external_id, created_at) VALUES (?,?,'participant',?,?,'wi2021','b1',?,?)",
        [(first_participant + i, f"Deelnemer {i}", 1 + i % SCHOOLS, 1 + i % klantmanagers,
          f"P{i}", created) for i in range(participants)])
    holidays = []
    for school in range(1, SCHOOLS + 1):
        for block in ((8, 9), (21, 22), (31, 34)):
            first = FIRST_MONDAY + timedelta(weeks=block[0])
            last = FIRST_MONDAY + timedelta(weeks=block[1], days=6)
            holidays.append((school, f"H{block[0]}", "Vakantie", first.isoformat(),
                             last.isoformat(), created))
    cur.executemany("INSERT INTO holidays(school_id, external_id, name, starts_on, ends_on,"
                    " created_at) VALUES (?,?,?,?,?,?)", holidays)

    lesson_id = 0
    group_rows, member_rows, lesson_rows, attendance_rows = [], [], [], []
    groups = (participants + GROUP_SIZE - 1) // GROUP_SIZE
    slots = [(0, 9), (3, 9)]
    for group in range(1, groups + 1):
        members = list(range(first_participant + (group - 1) * GROUP_SIZE,
                             min(first_participant + group * GROUP_SIZE,
                                 first_participant + participants)))
        school = 1 + (members[0] - first_participant) % SCHOOLS
        group_rows.append((group, school, f"G{group}", f"Groep {group}", created, created))
        for person in members:
            member_rows.append((group, person, FIRST_MONDAY.isoformat()))
        # Who drops away, and from which week on.
        stops = {person: WEEKS - rng.randint(1, 6) for person in members if rng.random() < 0.03}
        for week in range(WEEKS):
            for weekday, hour in slots:
                lesson_id += 1
                day = FIRST_MONDAY + timedelta(weeks=week, days=weekday)
                start = datetime(day.year, day.month, day.day, hour, tzinfo=AMS)
                cancelled = rng.random() < 0.01
                lesson_rows.append((lesson_id, school, group, f"L{lesson_id}", "NT2",
                                    utc(start), utc(start + timedelta(hours=3)),
                                    "classroom" if weekday == 0 else "distance", "Docent",
                                    int(cancelled), created, created))
                if cancelled or week in HOLIDAY_WEEKS or start > NOW:
                    continue
                for person in members:
                    if week >= stops.get(person, WEEKS):
                        status = "absent"
                    elif rng.random() < 0.12:
                        status = rng.choice(STATUSES)
                    else:
                        status = "present"
                    attendance_rows.append((lesson_id, person, school, utc(start), status,
                                            created, created))
    cur.executemany("INSERT INTO groups(id, school_id, external_id, name, created_at, updated_at)"
                    " VALUES (?,?,?,?,?,?)", group_rows)
    cur.executemany("INSERT INTO group_members(group_id, person_id, joined_on) VALUES (?,?,?)",
                    member_rows)
    cur.executemany("INSERT INTO lessons(id, school_id, group_id, external_id, kind, starts_at,"
                    " ends_at, mode, teacher, cancelled, created_at, updated_at)"
                    " VALUES (?,?,?,?,?,?,?,?,?,?,?,?)", lesson_rows)
    cur.executemany("INSERT INTO attendance(lesson_id, person_id, school_id, lesson_starts_at,"
                    " status, source, recorded_at, updated_at) VALUES (?,?,?,?,?,'school',?,?)",
                    attendance_rows)
    conn.commit()
    conn.execute("ANALYZE")
    conn.close()
    return {"participants": participants, "lessons": len(lesson_rows),
            "attendance_rows": len(attendance_rows),
            "next_person": first_participant + participants,
            "next_lesson": lesson_id + 1, "groups": groups}


def add_long_participant(path: Path, facts: dict, lessons: int = 1000) -> int:
    """One participant with ``lessons`` attended lessons: NT2, KNM and ONA, in class and online."""
    conn = sqlite3.connect(path)
    created = utc(datetime(2025, 1, 1, tzinfo=AMS))
    person = facts["next_person"]
    group = facts["groups"] + 1
    conn.execute("INSERT INTO people(id, name, role, school_id, klantmanager_id, regime, route,"
                 " external_id, created_at) VALUES (?, 'Şükrü Yılmaz', 'participant', 1, 1,"
                 " 'wi2021', 'b1', 'LONG', ?)", (person, created))
    conn.execute("INSERT INTO groups(id, school_id, external_id, name, created_at, updated_at)"
                 " VALUES (?, 1, 'GLONG', 'Intensief', ?, ?)", (group, created, created))
    conn.execute("INSERT INTO group_members(group_id, person_id, joined_on) VALUES (?,?,?)",
                 (group, person, "2022-01-01"))
    lesson_id = facts["next_lesson"]
    start_day = date(2022, 1, 3)
    kinds = ("NT2", "NT2", "KNM", "ONA", "NT2")
    for number in range(lessons):
        day = start_day + timedelta(days=number + number // 5 * 2)  # weekdays only
        start = datetime(day.year, day.month, day.day, 9, tzinfo=AMS)
        kind = kinds[number % 5]
        mode = "distance" if number % 4 == 3 else "classroom"
        conn.execute("INSERT INTO lessons(id, school_id, group_id, external_id, kind, starts_at,"
                     " ends_at, mode, teacher, created_at, updated_at)"
                     " VALUES (?,1,?,?,?,?,?,?,'Docent Jansen',?,?)",
                     (lesson_id, group, f"LL{number}", kind, utc(start),
                      utc(start + timedelta(hours=2, minutes=30)), mode, created, created))
        conn.execute("INSERT INTO attendance(lesson_id, person_id, school_id, lesson_starts_at,"
                     " status, practice, source, recorded_at, updated_at)"
                     " VALUES (?,?,1,?,'present',?,'school',?,?)",
                     (lesson_id, person, utc(start), int(kind == "ONA" and number % 3 == 0),
                      created, created))
        lesson_id += 1
    conn.commit()
    conn.close()
    return person


async def measure(path: Path, facts: dict, long_person: int) -> dict:
    settings = Settings.defaults(db_path=path, tz=AMS)
    db = await Database.open(path)
    services = Services(settings=settings, db=db, clock=FixedClock(), i18n=I18n(AMS), bot=None,
                        outbox=None, commands=(), menu_commands=frozenset())
    try:
        started = time.perf_counter()
        actions = await verzuim_sweep.sweep(services, services.now())
        sweep_s = time.perf_counter() - started
        started = time.perf_counter()
        repeat_actions = await verzuim_sweep.sweep(services, services.now())
        repeat_s = time.perf_counter() - started
        # Both sweeps run at the same moment, so every alert written is still open.
        alerts = len(await verzuim_store.open_alerts(db))

        from storage import people

        participant = await people.get_person(db, long_person)

        async def one_statement() -> dict:
            rows = await uren_store.registrations(db, participant.id, participant.school_id)
            computed = compute(rows, participant.regime, participant.route, None, None, AMS)
            data = payload(computed, school="Taalschool 1", participant=participant.name,
                           participant_ref=participant.external_id, requested_by="participant",
                           issued_at=services.now(), tz=AMS)
            signing.sign(key, signing.canonical(data))
            return data

        from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

        key = Ed25519PrivateKey.generate()
        data = await one_statement()
        assert len(data["lessons"]) == 1000, len(data["lessons"])
        times = []
        for _ in range(7):
            started = time.perf_counter()
            await one_statement()
            times.append((time.perf_counter() - started) * 1000)
        uren_ms = statistics.median(times)

        tr = services.i18n.get("nl")
        pdf.unicode_font()  # made once per process, at the bot's start-up
        code = "ABCD-EFGH-IJKL-MNOP"
        pdf_times = []
        for _ in range(5):
            started = time.perf_counter()
            content = pdf.render(data, code, f"https://bot.example/verify/{code}", tr)
            pdf_times.append((time.perf_counter() - started) * 1000)
        return {"sweep_s": round(sweep_s, 3), "sweep_repeat_s": round(repeat_s, 3),
                "alerts": alerts, "sweep_actions": actions, "repeat_actions": repeat_actions,
                "urenverklaring_ms": round(uren_ms, 1),
                "pdf_ms": round(statistics.median(pdf_times), 1),
                "pdf_bytes": len(content)}
    finally:
        await db.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--participants", type=int, default=50_000)
    parser.add_argument("--keep", type=Path, help="build the database here and keep it")
    parser.add_argument("--reuse", type=Path, help="time again on a database made with --keep "
                                                   "(its alerts are cleared first)")
    parser.add_argument("--db", metavar="URL", help="time on PostgreSQL: the SQLite database "
                        "built is copied (as admin migrate-db does) into a fresh database there")
    args = parser.parse_args()
    folder = tempfile.TemporaryDirectory()
    started = time.perf_counter()
    if args.reuse:
        path = args.reuse
        facts, long_person = reuse(path)
    else:
        path = args.keep or Path(folder.name) / "bench.db"
        asyncio.run(_migrate(path))
        facts = build(path, args.participants)
        long_person = add_long_participant(path, facts)
    if args.db:
        path = asyncio.run(_copy_to(path, args.db, folder.name))
    build_s = time.perf_counter() - started
    print(f"built {facts['attendance_rows']:,} attendance rows for {facts['participants']:,} "
          f"participants in {build_s:.0f} s", file=sys.stderr)
    result = asyncio.run(measure(path, facts, long_person))
    folder.cleanup()
    print(json.dumps({"participants": facts["participants"],
                      "attendance_rows": facts["attendance_rows"] + 1000,
                      **result, "build_s": round(build_s, 1)}))


def reuse(path: Path) -> tuple[dict, int]:
    conn = sqlite3.connect(path)
    for table in ("verzuim_alerts", "verzuim_digests", "outbox"):
        conn.execute(f"DELETE FROM {table}")
    conn.commit()
    facts = {"participants": conn.execute("SELECT COUNT(*) FROM people WHERE role = 'participant'"
                                          " AND external_id <> 'LONG'").fetchone()[0],
             "attendance_rows":
                 conn.execute("SELECT COUNT(*) FROM attendance").fetchone()[0] - 1000}
    long_person = conn.execute("SELECT id FROM people WHERE external_id = 'LONG'").fetchone()[0]
    conn.close()
    return facts, long_person


async def _copy_to(path: Path, db_url: str, folder: str) -> str:
    target = await fresh_target(db_url, folder)
    source, copied = await Database.open(path), await Database.open(target)
    try:
        await copy.copy_all(source, copied)
    finally:
        await source.close()
        await copied.close()
    return target


async def _migrate(path: Path) -> None:
    db = await Database.open(path)
    await db.close()


if __name__ == "__main__":
    main()
