"""Benchmark of the holiday reminder sweep (issue 15; convenant art. 10.6): 20 schools with
N participants in all, half of them in groups, each school with a school-wide holiday and one
group holiday starting in six days, announced long before.

    .venv/bin/python bench/holiday_reminder.py [--participants 50000]

Times the sweep that tells everyone (one transaction per holiday, with the outbox rows), and
the next sweep (steady state: every holiday is marked, nothing is read per participant).
Measured on this machine (2 shared cores): first_s 3.2 for 50,000 participants (50,300 messages,
one transaction per holiday of at most a school's participants), repeat_ms 0.5.
The last line printed is one JSON object.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sqlite3
import sys
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bot.clock import Clock  # noqa: E402
from bot.config import Settings  # noqa: E402
from bot.i18n import I18n  # noqa: E402
from bot.rooster import holiday_reminder  # noqa: E402
from bot.services import Services  # noqa: E402
from storage.database import Database, to_db  # noqa: E402

AMS = ZoneInfo("Europe/Amsterdam")
NOW = datetime(2026, 12, 14, 10, 0, tzinfo=AMS)
SCHOOLS = 20
GROUP_SIZE = 15


class FixedClock(Clock):
    def now(self) -> datetime:
        return NOW.astimezone(UTC)


def build(path: Path, participants: int) -> None:
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA synchronous=OFF")
    created = to_db(datetime(2026, 1, 1, tzinfo=AMS))
    cur = conn.cursor()
    cur.execute("BEGIN")
    cur.executemany("INSERT INTO schools(id, name, created_at) VALUES (?,?,?)",
                    [(s, f"Taalschool {s}", created) for s in range(1, SCHOOLS + 1)])
    cur.executemany(
        "INSERT INTO people(id, name, role, school_id, external_id, created_at)"
        " VALUES (?,?,'participant',?,?,?)",
        [(i + 1, f"Deelnemer {i}", 1 + i % SCHOOLS, f"P{i}", created)
         for i in range(participants)])
    grouped = participants // 2
    groups = (grouped + GROUP_SIZE - 1) // GROUP_SIZE
    cur.executemany("INSERT INTO groups(id, school_id, external_id, name, created_at, updated_at)"
                    " VALUES (?,?,?,?,?,?)",
                    [(g, 1 + (g - 1) % SCHOOLS, f"G{g}", f"Groep {g}", created, created)
                     for g in range(1, groups + 1)])
    members = []
    for g in range(1, groups + 1):
        school = 1 + (g - 1) % SCHOOLS
        people = [p for p in range(school, participants + 1, SCHOOLS)]
        start = ((g - 1) // SCHOOLS) * GROUP_SIZE
        members += [(g, person, "2026-09-01") for person in people[start:start + GROUP_SIZE]]
    cur.executemany("INSERT INTO group_members(group_id, person_id, joined_on) VALUES (?,?,?)",
                    members)
    starts = date(2026, 12, 20)
    ends = starts + timedelta(days=14)
    cur.executemany(
        "INSERT INTO holidays(school_id, group_id, external_id, name, starts_on, ends_on,"
        " created_at) VALUES (?,?,?,?,?,?,?)",
        [(s, None, "KERST", "Kerstvakantie", starts.isoformat(), ends.isoformat(), created)
         for s in range(1, SCHOOLS + 1)]
        + [(s, s, "STUDIE", "Studiedag", starts.isoformat(), starts.isoformat(), created)
           for s in range(1, min(SCHOOLS, groups) + 1)])
    conn.commit()
    conn.close()


async def measure(path: Path) -> dict:
    db = await Database.open(path)
    try:
        services = Services(settings=Settings.defaults(db_path=path, tz=AMS), db=db,
                            clock=FixedClock(), i18n=I18n(AMS), bot=None, outbox=None,
                            commands=(), menu_commands=frozenset())
        started = time.perf_counter()
        told = await holiday_reminder.sweep(services, services.now())
        first_s = time.perf_counter() - started
        started = time.perf_counter()
        again = await holiday_reminder.sweep(services, services.now())
        repeat_ms = (time.perf_counter() - started) * 1000
    finally:
        await db.close()
    return {"told": told, "first_s": round(first_s, 3), "told_again": again,
            "repeat_ms": round(repeat_ms, 2)}


async def _migrate(path: Path) -> None:
    db = await Database.open(path)
    await db.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--participants", type=int, default=50_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "bench.db"
        asyncio.run(_migrate(path))
        build(path, args.participants)
        result = asyncio.run(measure(path))
    print(json.dumps({"participants": args.participants, **result}))


if __name__ == "__main__":
    main()
