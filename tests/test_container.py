"""The container (issue 17): the image is not built in CI, but its entry point, health check and
every setting the Dockerfile and the compose file pass are checked against the real CLI and
settings, so a renamed setting or command cannot leave them behind."""

from __future__ import annotations

import json
import re
import shlex
import tomllib
from pathlib import Path

import yaml

from bot.app import BotApp
from bot.cli import COMMANDS
from bot.config import SETTINGS, Settings

ROOT = Path(__file__).resolve().parent.parent
DOCKERFILE = (ROOT / "Dockerfile").read_text("utf-8")
COMPOSE = yaml.safe_load((ROOT / "compose.yaml").read_text("utf-8"))
KNOWN = {setting.name: setting for setting in SETTINGS}


def instruction(name: str) -> str:
    """The last occurrence of a Dockerfile instruction, continuation lines joined."""
    joined = DOCKERFILE.replace("\\\n", " ")
    found = re.findall(rf"^{name}\s+(.+)$", joined, flags=re.MULTILINE)
    assert found, f"no {name} in the Dockerfile"
    return found[-1].strip()


def dockerfile_env() -> dict[str, str]:
    return dict(shlex.split(part)[0].split("=", 1) for part in
                re.findall(r"\S+=\S+", instruction("ENV")))


def bot_services() -> dict[str, dict]:
    return {name: service for name, service in COMPOSE["services"].items()
            if service.get("image") == "inburgerbot"}


def check_settings(env: dict[str, str], where: str) -> None:
    for name, value in env.items():
        if not name.startswith(("INBURGERBOT_", "TELEGRAM_")):
            continue
        assert name in KNOWN, f"{where} sets {name}, which is not a setting"
        if "${" not in str(value):
            KNOWN[name].parse(name, str(value))  # raises ConfigError on a bad value


def test_the_entry_point_is_the_installed_inburgerbot_command_and_runs_the_bot():
    scripts = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]["scripts"]
    assert scripts["inburgerbot"] == "bot.cli:main"
    assert json.loads(instruction("ENTRYPOINT")) == ["inburgerbot"]
    command = json.loads(instruction("CMD"))
    assert command[0] in COMMANDS and command == ["run"]


def test_the_image_runs_as_a_user_other_than_root():
    user = instruction("USER")
    assert user not in ("root", "0") and not user.startswith("0:")


def test_every_setting_in_the_dockerfile_is_a_known_setting_with_a_valid_value():
    env = dockerfile_env()
    check_settings(env, "the Dockerfile")
    assert Settings.from_env(env, require_token=False).http == ("0.0.0.0", 8080)


def test_the_health_check_asks_the_bots_own_health_route_on_its_port():
    check = instruction("HEALTHCHECK")
    url = re.search(r"http://127\.0\.0\.1:(\d+)(/\w+)", check)
    assert url, check
    assert int(url.group(1)) == Settings.from_env(dockerfile_env(), require_token=False).http[1]
    paths = {getattr(route, "path", None) for route in BotApp(Settings.defaults()).http.routes}
    assert url.group(2) in paths
    assert "'status'] == 'ok'" in check  # degraded (Telegram unreachable, database) is unhealthy


def test_compose_runs_two_bot_instances_on_postgresql_with_known_settings():
    bots = bot_services()
    assert len(bots) >= 2
    assert "postgres" in COMPOSE["services"]
    for name, service in bots.items():
        env = service["environment"]
        check_settings(env, f"compose service {name}")
        assert env["INBURGERBOT_DB"].startswith("postgresql://"), name
        # Two instances cannot both poll one token: they take updates through the webhook.
        assert env["INBURGERBOT_WEBHOOK_URL"].startswith("https://"), name
        assert service.get("command") in (None, ["run"])


def test_the_proxy_balances_over_every_bot_instance_on_the_bots_port():
    caddyfile = (ROOT / "deploy" / "Caddyfile").read_text("utf-8")
    upstreams = re.search(r"reverse_proxy\s+([^{]+)\{", caddyfile).group(1).split()
    port = Settings.from_env(dockerfile_env(), require_token=False).http[1]
    assert sorted(upstreams) == sorted(f"{name}:{port}" for name in bot_services())
    for service in bot_services().values():
        webhook = service["environment"]["INBURGERBOT_WEBHOOK_URL"]
        assert webhook.startswith(service["environment"]["INBURGERBOT_PUBLIC_URL"])
