"""The demo (issue 16): the terminal chat survives any input, the demo world is kept between
starts, the demo honours the INBURGERBOT_* settings, and a port 0 is resolved before any link."""

from __future__ import annotations

import argparse
import asyncio
import time
from pathlib import Path

import httpx

from bot.demo import Terminal, demo_settings, parse_args
from bot.demo_data import open_world, school_key
from storage import people
from storage.database import Database


async def printed(capsys, seen: list[str], text: str, timeout: float = 15.0) -> str:
    """Wait until the terminal has printed `text`; returns everything printed since last time."""
    deadline = time.monotonic() + timeout
    while True:
        seen.append(capsys.readouterr().out)
        out = "".join(seen)
        if text in out:
            seen.clear()
            return out
        assert time.monotonic() < deadline, f"never printed {text!r}; it printed:\n{out}"
        await asyncio.sleep(0.1)


async def test_terminal_answers_stale_button_unknown_command_and_empty_line_and_goes_on(
        bot, client, clock, capsys):
    demo_people = await open_world(bot.db, clock.now(), bot.settings.tz)
    terminal = Terminal(client, demo_people)
    seen: list[str] = []
    await terminal.switch(2)  # Sanne Mulder, Dutch
    await terminal.handle(":link")
    await printed(capsys, seen, "[1] Nederlands")
    await terminal.handle("1")
    await printed(capsys, seen, "[2] Verder")  # the privacy notice comes before the menu
    await terminal.handle("2")
    await printed(capsys, seen, "Hallo Sanne Mulder")
    await terminal.handle("/taal")
    await printed(capsys, seen, "[1] Nederlands")
    question = terminal.last_with_buttons
    await terminal.handle("1")  # the language question is answered and loses its buttons
    await printed(capsys, seen, "bot (edited)")
    await asyncio.sleep(1.0)  # let any follow-up print
    capsys.readouterr()
    # typed before the menu that follows arrived: a number for the question's old buttons
    terminal.last_with_buttons = question
    answers = {
        "1": "That button is gone",
        ":frobnicate": "Unknown command :frobnicate",
        "   ": "empty line",
    }
    for line, expected in answers.items():
        assert await terminal.handle(line) is True, f"{line!r} ended the chat"
        out = capsys.readouterr().out
        assert expected in out, f"after {line!r} the terminal printed {out!r}"
        assert len(out.strip().splitlines()) == 1, f"not one line after {line!r}: {out!r}"
    await terminal.handle("/help")
    await printed(capsys, seen, "/klacht")
    assert await terminal.handle(":quit") is False
    terminal.close()


async def test_demo_world_is_seeded_once_and_kept_between_starts(tmp_path, clock):
    db_path = tmp_path / "demo.db"
    db = await Database.open(db_path)
    first = await open_world(db, clock.now(), clock.now().tzinfo)
    key = await school_key(db)
    sanne = next(p for p in first if p.name == "Sanne Mulder")
    assert (await people.link_chat(db, 7003, sanne.code, clock.now())).outcome == "linked"
    await db.close()

    db = await Database.open(db_path)
    second = await open_world(db, clock.now(), clock.now().tzinfo)
    assert [p.person_id for p in second] == [p.person_id for p in first]
    assert len(await people.list_people(db)) == len(first), "seeded twice"
    assert await people.person_for_chat(db, 7003) is not None, "the link was lost"
    assert await school_key(db) == key and key.startswith("sch_")
    await db.close()


async def test_demo_honours_inburgerbot_settings(sandbox, tmp_path):
    env = {"INBURGERBOT_DB": str(tmp_path / "mine.db"), "INBURGERBOT_HTTP": "127.0.0.1:8765",
           "INBURGERBOT_WORKING_HOURS": "07:00-22:00", "INBURGERBOT_TZ": "Europe/Brussels"}
    settings = demo_settings(parse_args([]), sandbox, env)
    assert settings.db_path == Path(tmp_path / "mine.db")
    assert settings.http == ("127.0.0.1", 8765)
    assert str(settings.tz) == "Europe/Brussels"
    assert settings.working_hours[1].hour == 22
    assert settings.api_url == sandbox.bot_api_url
    defaults = demo_settings(argparse.Namespace(**{**vars(parse_args([])), "db": "x.db"}),
                             sandbox, {})
    assert defaults.db_path == Path("x.db") and defaults.http == ("127.0.0.1", 0)


async def test_a_free_port_is_resolved_before_links_are_made(bot):
    url = bot.settings.base_public_url
    assert not url.endswith(":0") and url == bot.url, url


async def test_the_demo_page_is_not_part_of_the_production_bot(bot):
    async with httpx.AsyncClient(base_url=bot.url) as http:
        for path in ("/demo/", "/demo/state", "/demo/events"):
            assert (await http.get(path)).status_code == 404, path
