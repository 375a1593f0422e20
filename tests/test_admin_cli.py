"""The admin CLI as an operator types it (issue 14): ``--json`` on either side of the
subcommand, ``--csv`` with ``--json`` refused, a database path into a missing folder refused,
numbers checked, one line for an unknown id everywhere, no "None" in a table, and ``run --help``
without a token."""

from __future__ import annotations

import json

import pytest

from bot.cli import main


@pytest.fixture
def admin(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("INBURGERBOT_DB", str(tmp_path / "admin.db"))
    monkeypatch.setenv("TELEGRAM_BOT_TOKEN", "")

    def call(*args: str) -> tuple[int, str, str]:
        code = main(["admin", *args])
        out, err = capsys.readouterr()
        return code, out, err

    return call


def test_json_goes_before_or_after_the_subcommand_and_not_with_csv(admin):
    code, out, _ = admin("--json", "add-gemeente", "Enschede")
    assert code == 0 and json.loads(out)["name"] == "Enschede"
    code, out, _ = admin("add-school", "De Brug", "--json")
    assert code == 0 and json.loads(out)["name"] == "De Brug"
    code, out, _ = admin("privacy", "audit", "--json")
    assert code == 0 and json.loads(out) == []
    for args in (("klachten-report", "--csv", "--json"), ("--json", "klachten-report", "--csv")):
        code, out, err = admin(*args)
        assert code == 2 and out == ""
        assert err == "error: --csv and --json cannot be used together: choose one\n"


def test_a_table_shows_a_dash_where_nothing_is_known(admin):
    admin("add-gemeente", "Enschede")
    admin("add-klantmanager", "Petra Kloosterman", "--gemeente", "1")
    code, out, _ = admin("people")
    assert code == 0 and "Petra Kloosterman" in out
    assert "None" not in out and " - " in out
    code, out, _ = admin("klachten-report")
    assert "None" not in out


@pytest.mark.parametrize("args", [
    ("outbox", "--failures", "-1"), ("outbox", "--failures", "0"),
    ("privacy", "audit", "--limit", "-5"), ("privacy", "audit", "--person", "x"),
    ("outbox", "--ping", "²"),
])
def test_numbers_are_checked(admin, args):
    code, out, err = admin(*args)
    assert code == 2 and out == ""
    assert len(err.strip().splitlines()) == 1 and "argument" in err


@pytest.mark.parametrize("args,line", [
    (("invite", "99"), "person 99"), (("outbox", "--ping", "99"), "person 99"),
    (("privacy", "export", "99"), "person 99"), (("privacy", "handle", "99"), "request 99"),
    (("school-status", "99", "--keurmerk", "suspended"), "school 99"),
    (("add-staff", "Anna", "--school", "99"), "school 99"),
    (("add-klantmanager", "Petra", "--gemeente", "99"), "gemeente 99"),
    (("privacy", "health-in-chat", "99", "--allow"), "gemeente 99"),
])
def test_an_unknown_id_gets_the_same_line_everywhere(admin, args, line):
    code, out, err = admin(*args)
    assert (code, out, err) == (2, "", f"error: {line} does not exist\n")


def test_a_database_in_a_missing_folder_is_an_error_not_a_new_database(
        tmp_path, monkeypatch, capsys):
    missing = tmp_path / "typo" / "inburgerbot.db"
    monkeypatch.setenv("INBURGERBOT_DB", str(missing))
    assert main(["admin", "people"]) == 2
    err = capsys.readouterr().err
    assert "does not exist" in err and str(missing.parent) in err
    assert not missing.parent.exists()


def test_run_help_works_without_a_token(monkeypatch, capsys):
    monkeypatch.delenv("TELEGRAM_BOT_TOKEN", raising=False)
    assert main(["run", "--help"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("usage: inburgerbot run") and "INBURGERBOT_DB" in out
