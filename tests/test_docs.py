"""Docs are tested (STYLE 11): every setting, admin subcommand, command and API path is in the
README, and CI runs exactly the README's test command."""

from __future__ import annotations

import re
from pathlib import Path

from bot.app import FEATURES, admin_parser
from bot.config import SETTINGS

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text("utf-8")


def readme_commands() -> list[str]:
    return re.findall(r"```sh\n(.+?)\n```", README)


def test_readme_opens_with_the_demo_and_the_test_command_and_ci_runs_the_latter():
    first, second = readme_commands()[:2]
    assert first.endswith("inburgerbot demo")
    assert "pytest" in second
    ci = (ROOT / ".ci" / "run").read_text("utf-8")
    assert second in ci.splitlines()
    # ... and then the same suite on PostgreSQL, as the README says.
    on_postgres = "INBURGERBOT_TEST_DB=postgres " + second.split(" && ")[-1]
    assert on_postgres in ci.splitlines()
    assert f"`{on_postgres}`" in README


def test_every_setting_is_documented_with_its_default():
    for setting in SETTINGS:
        row = next((line for line in README.splitlines() if f"`{setting.name}`" in line), None)
        assert row is not None, f"{setting.name} is not in the README"
        if setting.default:
            assert setting.default in row or setting.name == "INBURGERBOT_PUBLIC_URL", setting.name


def test_every_admin_subcommand_is_documented():
    parser = admin_parser()
    subcommands = next(a for a in parser._actions if a.dest == "command").choices
    for name in subcommands:
        assert f"`{name}" in README, f"admin subcommand {name} is not in the README"


def test_every_bot_command_is_documented():
    for feature in FEATURES:
        for command in feature.commands:
            assert f"/{command.name}" in README, f"/{command.name} is not in the README"
