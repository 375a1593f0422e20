"""The `inburgerbot` command from outside, as an operator uses it: settings errors, admin
subcommands, `run` stopping cleanly on SIGTERM, and the demo's terminal chat (issue 2)."""

from __future__ import annotations

import asyncio
import json
import os
import signal
import socket
import subprocess
import sys
from pathlib import Path

import httpx
import pytest

from bot.sandbox import SandboxClient

ROOT = Path(__file__).resolve().parent.parent


def cli(*args: str, env: dict | None = None, input: str | None = None, timeout: float = 60):
    full_env = {**os.environ, **(env or {})}
    return subprocess.run([sys.executable, "-m", "bot", *args], capture_output=True, text=True,
                          env=full_env, input=input, timeout=timeout, cwd=ROOT)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.mark.parametrize("name,value", [
    ("INBURGERBOT_HTTP", "localhost"),
    ("INBURGERBOT_TZ", "Mars/Olympus"),
    ("TELEGRAM_API_URL", "ftp://example"),
    ("INBURGERBOT_SWEEP_SECONDS", "-1"),
    ("INBURGERBOT_REMINDER_EVENING", "25:00"),
    ("INBURGERBOT_REMINDER_EVENING", "7 pm"),
])
def test_a_malformed_setting_stops_start_up_with_one_line_naming_it(name, value, tmp_path):
    result = cli("run", env={"TELEGRAM_BOT_TOKEN": "1:x", name: value,
                             "INBURGERBOT_DB": str(tmp_path / "x.db")})
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and name in lines[0], result.stderr
    assert "Traceback" not in result.stderr


def test_run_without_a_token_says_so():
    result = cli("run", env={"TELEGRAM_BOT_TOKEN": ""})
    assert result.returncode == 2
    assert "TELEGRAM_BOT_TOKEN" in result.stderr and "Traceback" not in result.stderr


def test_admin_builds_a_school_world_and_rejects_bad_arguments(tmp_path):
    env = {"INBURGERBOT_DB": str(tmp_path / "admin.db"), "TELEGRAM_BOT_TOKEN": ""}
    gemeente = json.loads(cli("admin", "add-gemeente", "Enschede", "--json", env=env).stdout)
    assert gemeente["api_key"].startswith("gem_")
    school = json.loads(cli("admin", "--json", "add-school", "De Brug", env=env).stdout)
    assert school["api_key"].startswith("sch_")
    km = json.loads(cli("admin", "add-klantmanager", "Petra", "--gemeente",
                        str(gemeente["id"]), "--json", env=env).stdout)
    staff = json.loads(cli("admin", "add-staff", "Joost", "--school", str(school["id"]),
                           "--json", env=env).stdout)
    assert staff["staff_role"] == "klachtbehandelaar"
    participant = json.loads(cli("admin", "add-participant", "Amira", "--school",
                                 str(school["id"]), "--klantmanager", str(km["id"]),
                                 "--regime", "wi2021", "--route", "b1", "--json", env=env).stdout)
    assert participant["route"] == "b1"

    bad = cli("admin", "add-participant", "Yonas", "--school", str(school["id"]),
              "--klantmanager", str(km["id"]), "--regime", "wi2021", env=env)
    assert bad.returncode == 2 and "--route is required" in bad.stderr
    bad = cli("admin", "add-participant", "Yonas", "--school", "99", "--klantmanager",
              str(km["id"]), "--regime", "wi2013", env=env)
    assert bad.returncode == 2 and bad.stderr.strip() == "error: school 99 does not exist"
    bad = cli("admin", "add-staff", "X", "--school", "abc", env=env)
    assert bad.returncode == 2 and len(bad.stderr.strip().splitlines()) == 1
    bad = cli("admin", "invite", str(participant["id"]), env=env)
    assert bad.returncode == 2 and "bot username unknown" in bad.stderr

    listed = json.loads(cli("admin", "people", "--json", env=env).stdout)
    assert [p["name"] for p in listed] == ["Petra", "Joost", "Amira"]
    assert not any(p["linked"] for p in listed)


async def test_run_serves_health_links_through_an_invite_and_stops_cleanly_on_sigterm(
        sandbox, tmp_path):
    port = free_port()
    env = {**os.environ, "TELEGRAM_BOT_TOKEN": sandbox.token,
           "TELEGRAM_API_URL": sandbox.bot_api_url, "INBURGERBOT_DB": str(tmp_path / "run.db"),
           "INBURGERBOT_HTTP": f"127.0.0.1:{port}"}
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bot", "run", env=env, cwd=ROOT,
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE)
    try:
        async with httpx.AsyncClient() as http:
            for _ in range(200):  # /health answers "degraded" until the bot reached Telegram
                try:
                    health = await http.get(f"http://127.0.0.1:{port}/health")
                    if health.json()["status"] == "ok":
                        break
                except httpx.TransportError:
                    pass
                await asyncio.sleep(0.1)
            assert health.status_code == 200 and health.json()["status"] == "ok"
        admin_env = {k: v for k, v in env.items() if k != "TELEGRAM_BOT_TOKEN"}
        gemeente = json.loads(
            cli("admin", "add-gemeente", "Almelo", "--json", env=admin_env).stdout)
        km = json.loads(cli("admin", "add-klantmanager", "Petra", "--gemeente", str(gemeente["id"]),
                            "--json", env=admin_env).stdout)
        invite = json.loads(cli("admin", "invite", str(km["id"]), "--json", env=admin_env).stdout)
        assert invite["link"] == f"https://t.me/inburger_sandbox_bot?start={invite['code']}"
        async with SandboxClient(sandbox.url) as client:
            user = await client.user(601, "Petra", language_code="nl")
            await user.send(f"/start {invite['code']}")
            await user.press("Nederlands", await user.wait_for_message())
            await user.wait_for_message()
            notice = await user.wait_for_message()  # the staff privacy notice comes first
            assert "Privacy" in notice.text
            await user.press("Verder", notice)
            assert "Hallo Petra" in (await user.wait_for_message()).text
        process.send_signal(signal.SIGTERM)
        _, stderr = await asyncio.wait_for(process.communicate(), timeout=30)
    finally:
        if process.returncode is None:
            process.kill()
            await process.wait()
    log = stderr.decode()
    assert "Application.stop() complete" in log, log[-2000:]
    assert "Traceback" not in log
    assert "Petra" not in log, "no personal data in the log"
    assert sandbox.token.split(":")[1] not in log, "the token never reaches the log"


def test_demo_lets_a_person_link_switch_language_and_get_help(tmp_path):
    script = "\n".join([":as 3", ":link", "1", "2", "/taal", "2", "/help", ":quit"])
    result = subprocess.run(
        [sys.executable, "-c", DEMO_DRIVER, str(tmp_path / "demo.db")], input=script,
        capture_output=True, text=True, timeout=120, cwd=ROOT)
    out = result.stdout
    assert result.returncode == 0, result.stderr[-3000:]
    assert "You are now Sanne Mulder" in out
    assert "Kies je taal" in out and "[1] Nederlands" in out
    assert out.index("Privacy: wat deze bot over jou bewaart") < out.index("Hallo Sanne Mulder")
    assert "Hallo Sanne Mulder! Je bent gekoppeld als cursist." in out
    assert "Language: English" in out
    assert out.index("Language: English") < out.rindex("What you can do:")
    assert "demo stopped" in out


# Feeds the demo one line at a time with pauses, like a person typing.
DEMO_DRIVER = """
import asyncio, sys
import bot.demo as demo
lines = sys.stdin.read().splitlines()
async def typed():
    await asyncio.sleep(2.5)
    return lines.pop(0) + "\\n" if lines else None
demo.read_stdin = typed
sys.exit(asyncio.run(demo.run_demo(["--db", sys.argv[1], "--terminal", "--no-browser"])))
"""
