"""Benchmark of issue 14: the reminder sweep over a big rooster.

    .venv/bin/python bench/reminders.py [--participants 20000] [--weeks 8]

Builds a database in a temporary folder (migrations, then bulk inserts): groups of 15 linked
participants with a lesson every weekday at 09:00 for the given weeks, a tenth of them with the
evening reminder turned off and one report of absence per group. Then it times the sweep the
scheduler runs every minute: on Sunday at 18:00 (every Monday lesson's evening reminder becomes
an outbox row), again at 18:01 (steady state: every row is there already) and on Monday at 12:00
(nothing due). Target on this machine: every sweep well under one second, so a one-minute sweep
interval leaves the event loop free. The last line printed is one JSON object.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sqlite3
import sys
import tempfile
import time
from datetime import date, datetime, timedelta
from pathlib import Path
from types import SimpleNamespace
from zoneinfo import ZoneInfo

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bot.config import Settings  # noqa: E402
from bot.rooster import reminders  # noqa: E402
from storage.database import Database, to_db  # noqa: E402

AMS = ZoneInfo("Europe/Amsterdam")
FIRST_MONDAY = date(2026, 11, 23)
GROUP_SIZE = 15


def build(path: Path, participants: int, weeks: int) -> int:
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA synchronous=OFF")
    created = to_db(datetime(2026, 1, 1, tzinfo=AMS))
    cur = conn.cursor()
    cur.execute("BEGIN")
    cur.execute("INSERT INTO schools(id, name, created_at) VALUES (1, 'Taalschool', ?)",
                (created,))
    cur.executemany("INSERT INTO people(id, name, role, school_id, created_at)"
                    " VALUES (?,?,'participant',1,?)",
                    [(p, f"Deelnemer {p}", created) for p in range(1, participants + 1)])
    cur.executemany("INSERT INTO telegram_links(person_id, chat_id, linked_at) VALUES (?,?,?)",
                    [(p, 10_000 + p, created) for p in range(1, participants + 1)])
    cur.executemany("INSERT INTO reminder_settings(person_id, evening, hour, updated_at)"
                    " VALUES (?,0,1,?)", [(p, created) for p in range(1, participants + 1, 10)])
    groups = (participants + GROUP_SIZE - 1) // GROUP_SIZE
    lesson_rows, member_rows, reports = [], [], []
    lesson_id = 0
    for group in range(1, groups + 1):
        cur.execute("INSERT INTO groups(id, school_id, external_id, name, created_at, updated_at)"
                    " VALUES (?,1,?,?,?,?)", (group, f"G{group}", f"Groep {group}", created,
                                              created))
        members = range((group - 1) * GROUP_SIZE + 1,
                        min(group * GROUP_SIZE, participants) + 1)
        member_rows += [(group, p, "2026-09-01") for p in members]
        for day in range(weeks * 7):
            when = FIRST_MONDAY + timedelta(days=day)
            if when.weekday() > 4:
                continue
            lesson_id += 1
            start = datetime(when.year, when.month, when.day, 9, tzinfo=AMS)
            lesson_rows.append((lesson_id, group, f"L{lesson_id}", to_db(start),
                                to_db(start + timedelta(hours=3)), created, created))
            if day == 0:
                reports.append((lesson_id, members[0], created))
    cur.executemany("INSERT INTO group_members(group_id, person_id, joined_on) VALUES (?,?,?)",
                    member_rows)
    cur.executemany("INSERT INTO lessons(id, school_id, group_id, external_id, kind, starts_at,"
                    " ends_at, location, mode, teacher, created_at, updated_at)"
                    " VALUES (?,1,?,?,'NT2',?,?,'Hengelo','classroom','Docent',?,?)",
                    lesson_rows)
    cur.executemany("INSERT INTO absence_reports(lesson_id, person_id, school_id, reason,"
                    " reported_at) VALUES (?,?,1,'ill',?)", reports)
    conn.commit()
    conn.close()
    return lesson_id


async def timed(svc, moment: datetime) -> float:
    started = time.perf_counter()
    await reminders.run_sweep(svc, moment)
    return time.perf_counter() - started


async def main(participants: int, weeks: int) -> dict:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "bench.db"
        db = await Database.open(path)
        await db.close()
        lessons = build(path, participants, weeks)
        db = await Database.open(path)
        svc = SimpleNamespace(db=db, settings=Settings.defaults(db_path=path))
        sunday = datetime(2026, 11, 22, 18, 0, tzinfo=AMS)
        first = await timed(svc, sunday)
        rows = await db.fetchval("SELECT COUNT(*) FROM outbox")
        steady = await timed(svc, sunday + timedelta(minutes=1))
        again = await db.fetchval("SELECT COUNT(*) FROM outbox")
        quiet = await timed(svc, datetime(2026, 11, 23, 12, 0, tzinfo=AMS))
        await db.close()
    return {"participants": participants, "lessons": lessons, "reminders_enqueued": rows,
            "duplicates_after_second_sweep": again - rows, "first_sweep_s": round(first, 3),
            "steady_sweep_s": round(steady, 3), "idle_sweep_s": round(quiet, 3)}


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--participants", type=int, default=20000)
    parser.add_argument("--weeks", type=int, default=8)
    args = parser.parse_args()
    print(json.dumps(asyncio.run(main(args.participants, args.weeks))))
