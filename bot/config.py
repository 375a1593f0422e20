"""Settings from environment variables (issue 2): each documented in the README with its default.

A missing or malformed setting raises ``ConfigError`` whose message is one line naming the setting;
the CLI prints that line and exits, so nobody sees a traceback at start-up.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from storage.engines import is_url


class ConfigError(Exception):
    """A setting is missing or malformed; the message names it."""


def _host_port(name: str, raw: str) -> tuple[str, int]:
    host, sep, port = raw.rpartition(":")
    if not sep or not host or not port.isdigit() or not 0 <= int(port) <= 65535:
        raise ConfigError(f"{name} must be host:port (for example 127.0.0.1:8080), got {raw!r}")
    return host.strip("[]"), int(port)


def _positive_float(name: str, raw: str) -> float:
    try:
        value = float(raw)
    except ValueError:
        raise ConfigError(f"{name} must be a number, got {raw!r}") from None
    if value <= 0:
        raise ConfigError(f"{name} must be greater than 0, got {raw!r}")
    return value


def _positive_int(name: str, raw: str) -> int:
    if not raw.strip().isdigit() or int(raw) <= 0:
        raise ConfigError(f"{name} must be a whole number greater than 0, got {raw!r}")
    return int(raw)


def _klachten_months(name: str, raw: str) -> int:
    from bot.rules.retention import KLACHTEN_MONTHS

    months = _positive_int(name, raw)
    if months not in KLACHTEN_MONTHS:
        raise ConfigError(f"{name} must be {KLACHTEN_MONTHS.start} to {KLACHTEN_MONTHS.stop - 1}"
                          f" months, got {raw!r}")
    return months


def _timezone(name: str, raw: str) -> ZoneInfo:
    try:
        return ZoneInfo(raw)
    except (ZoneInfoNotFoundError, ValueError):
        raise ConfigError(f"{name} must be an IANA time zone such as Europe/Amsterdam, "
                          f"got {raw!r}") from None


def _url(name: str, raw: str) -> str:
    if not raw.startswith(("http://", "https://")):
        raise ConfigError(f"{name} must be an http:// or https:// URL, got {raw!r}")
    return raw


def _webhook_url(name: str, raw: str) -> str:
    if raw and not raw.startswith("https://"):
        raise ConfigError(f"{name} must be an https:// URL (Telegram delivers only there), "
                          f"got {raw!r}")
    return raw


def _webhook_secret(name: str, raw: str) -> str:
    if raw and (len(raw) > 256 or not all(c.isalnum() or c in "_-" for c in raw)):
        raise ConfigError(f"{name} must be 1 to 256 characters of A-Z, a-z, 0-9, _ and -")
    return raw


def _networks(name: str, raw: str) -> tuple:
    from ipaddress import ip_network

    try:
        return tuple(ip_network(part.strip(), strict=False)
                     for part in raw.split(",") if part.strip())
    except ValueError:
        raise ConfigError(f"{name} must be comma-separated networks such as 10.0.0.0/8, "
                          f"got {raw!r}") from None


def _bool(name: str, raw: str) -> bool:
    lowered = raw.strip().lower()
    if lowered in {"1", "true", "yes", "on"}:
        return True
    if lowered in {"0", "false", "no", "off"}:
        return False
    raise ConfigError(f"{name} must be true or false, got {raw!r}")


@dataclass(frozen=True)
class Setting:
    """One environment variable: its name, default (None: required for `run`), parser, meaning."""

    name: str
    default: str | None
    parse: Callable[[str, str], object]
    help: str


SETTINGS: tuple[Setting, ...] = (
    Setting("TELEGRAM_BOT_TOKEN", None, lambda n, v: v,
            "Bot token from @BotFather (not needed for `demo`)."),
    Setting("TELEGRAM_API_URL", "https://api.telegram.org/bot", _url,
            "Bot API base URL, python-telegram-bot's base_url form; point it at any compatible "
            "server."),
    Setting("INBURGERBOT_DB", "./inburgerbot.db", lambda n, v: v if is_url(v) else Path(v),
            "SQLite database file, or a `postgresql://user:password@host/name` URL for "
            "PostgreSQL (several instances may share one)."),
    Setting("INBURGERBOT_HTTP", "127.0.0.1:8080", _host_port,
            "host:port of the bot's HTTP server (school API, /health, /verify)."),
    Setting("INBURGERBOT_TZ", "Europe/Amsterdam", _timezone,
            "Time zone for all dates and times shown."),
    Setting("INBURGERBOT_PUBLIC_URL", "", lambda n, v: v.rstrip("/"),
            "Public base URL of the HTTP server, used in links (calendar feed, /verify); "
            "defaults to http://INBURGERBOT_HTTP."),
    Setting("INBURGERBOT_SWEEP_SECONDS", "60", _positive_float,
            "How often the scheduler sweeps for due deadlines, alerts and reminders."),
    Setting("INBURGERBOT_LINK_CODE_DAYS", "14", _positive_int,
            "Days before a one-time link code expires."),
    Setting("INBURGERBOT_OUTBOX_GLOBAL_RATE", "30", _positive_float,
            "Messages per second the outbox sends overall (Telegram allows about 30)."),
    Setting("INBURGERBOT_OUTBOX_CHAT_RATE", "1", _positive_float,
            "Messages per second the outbox sends to one chat (Telegram allows about 1)."),
    Setting("INBURGERBOT_OUTBOX_GIVE_UP_HOURS", "48", _positive_float,
            "Hours after which an undeliverable notification is given up and the reason recorded."),
    Setting("INBURGERBOT_OUTBOX_RETENTION_DAYS", "30", _positive_float,
            "Days a sent or given-up notification (its text) is kept before it is pruned."),
    Setting("INBURGERBOT_RETENTION_DRAFT_DAYS", "7", _positive_float,
            "Days an unfinished klacht draft is kept after its last change."),
    Setting("INBURGERBOT_RETENTION_LINK_CODE_DAYS", "30", _positive_float,
            "Days a link code is kept after its use or expiry (and wrong tries after they were "
            "made)."),
    Setting("INBURGERBOT_RETENTION_ALERT_DAYS", "180", _positive_float,
            "Days a closed verzuim or uitval alert is kept."),
    Setting("INBURGERBOT_RETENTION_AUDIT_DAYS", "365", _positive_float,
            "Days an entry of the audit trail (who read whose data) is kept."),
    Setting("INBURGERBOT_RETENTION_KLACHTEN_MONTHS", "24", _klachten_months,
            "Months a closed klacht stays in the klachten register, for a school that set no "
            "period of its own (12 to 240)."),
    Setting("INBURGERBOT_RETENTION_ATTENDANCE_YEARS", "5", _positive_float,
            "Years attendance and absence reports are kept after the lesson (the base of an "
            "urenverklaring)."),
    Setting("INBURGERBOT_QUIET_HOURS", "21:00-07:30", lambda n, v: _time_range(n, v),
            "Local window in which participant notifications wait (unless about a lesson within "
            "12 h)."),
    Setting("INBURGERBOT_WORKING_HOURS", "08:00-18:00", lambda n, v: _time_range(n, v),
            "Local window (Mon-Fri, not on Dutch public holidays) for non-urgent staff alerts."),
    Setting("INBURGERBOT_REMINDER_EVENING", "19:00", lambda n, v: _time_of_day(n, v),
            "Local time of the reminder the evening before a lesson, unless the participant "
            "chose another in /instellingen; one in the quiet hours moves to just before them."),
    Setting("INBURGERBOT_DIGEST_TIME", "08:30", lambda n, v: _time_of_day(n, v),
            "Local time of the daily digest of unseen alerts for klantmanagers."),
    Setting("INBURGERBOT_OVERSTAP_REMINDER_DAYS", "5", _positive_int,
            "Working days an overstap step may wait before the one who must act is reminded."),
    Setting("INBURGERBOT_API_RATE", "600", _positive_float,
            "Requests a minute one API key may make (bursts of a tenth of it, at least 10); "
            "more get 429 with Retry-After."),
    Setting("INBURGERBOT_SECRET_KEY", "", lambda n, v: v,
            "The installation's secret key (at least 32 characters): seals the schools' signing "
            "keys and keys the link-code hashes; defaults to the key file's content."),
    Setting("INBURGERBOT_SECRET_KEY_FILE", "", lambda n, v: Path(v) if v else None,
            "File holding the secret key when INBURGERBOT_SECRET_KEY is not set; defaults to "
            "the database path plus .key, created owner-only with a random key."),
    Setting("INBURGERBOT_OLD_SECRET_KEYS", "",
            lambda n, v: tuple(part.strip() for part in v.split(",") if part.strip()),
            "Previous secret keys, comma-separated, still accepted after a rotation."),
    Setting("INBURGERBOT_WEBHOOK_URL", "", _webhook_url,
            "Public https:// URL Telegram delivers updates to, served by the bot's HTTP server at "
            "its path; empty: long polling."),
    Setting("INBURGERBOT_WEBHOOK_SECRET", "", _webhook_secret,
            "Secret token Telegram sends with every webhook request; defaults to one derived "
            "from the bot token."),
    Setting("INBURGERBOT_METRICS_TOKEN", "", lambda n, v: v,
            "Bearer token that opens /metrics from any address; empty: only the allow-list."),
    Setting("INBURGERBOT_METRICS_ALLOW", "127.0.0.1/32,::1/128", _networks,
            "Networks (comma-separated) allowed to read /metrics without the token."),
    Setting("INBURGERBOT_START_TIMEOUT", "300", _positive_float,
            "Seconds `run` keeps retrying an unreachable Bot API at start-up before it exits "
            "with status 3."),
)


def _time_of_day(name: str, raw: str):
    from datetime import time

    try:
        hours, minutes = raw.strip().split(":")
        return time(int(hours), int(minutes))
    except ValueError:
        raise ConfigError(f"{name} must be a time HH:MM, got {raw!r}") from None


def _time_range(name: str, raw: str):
    start, sep, end = raw.partition("-")
    if not sep:
        raise ConfigError(f"{name} must be a range HH:MM-HH:MM, got {raw!r}")
    return _time_of_day(name, start), _time_of_day(name, end)


@dataclass(frozen=True)
class Settings:
    """Parsed settings; build with ``Settings.from_env`` (the CLI) or directly (tests, demo)."""

    token: str | None = None
    api_url: str = "https://api.telegram.org/bot"
    file_api_url: str | None = None
    db_path: Path | str = Path("./inburgerbot.db")
    http: tuple[str, int] = ("127.0.0.1", 8080)
    tz: ZoneInfo = field(default_factory=lambda: ZoneInfo("Europe/Amsterdam"))
    public_url: str = ""
    sweep_seconds: float = 60.0
    link_code_days: int = 14
    outbox_global_rate: float = 30.0
    outbox_chat_rate: float = 1.0
    outbox_give_up_hours: float = 48.0
    outbox_retention_days: float = 30.0
    retention_draft_days: float = 7.0
    retention_link_code_days: float = 30.0
    retention_alert_days: float = 180.0
    retention_audit_days: float = 365.0
    retention_attendance_years: float = 5.0
    retention_klachten_months: int = 24
    quiet_hours: tuple = ()
    working_hours: tuple = ()
    reminder_evening: object = None
    digest_time: object = None
    overstap_reminder_days: int = 5
    # Not an environment setting: the demo's switch that lets notifications ignore quiet and
    # working hours (bot/outbox/policy.py).
    ignore_hours: bool = False
    api_rate_per_minute: float = 600.0
    secret_key: str = ""
    secret_key_file: Path | None = None
    old_secret_keys: tuple[str, ...] = ()
    webhook_url: str = ""
    webhook_secret: str = ""
    metrics_token: str = ""
    metrics_allow: tuple = ()
    start_timeout: float = 300.0

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None, require_token: bool = True) -> Settings:
        """Parse every setting, raising ConfigError naming the first bad one."""
        env = os.environ if env is None else env
        values: dict[str, object] = {}
        for setting in SETTINGS:
            raw = env.get(setting.name)
            if raw is None or raw == "":
                if setting.default is None:
                    if require_token:
                        raise ConfigError(f"{setting.name} is not set: {setting.help}")
                    values[setting.name] = None
                    continue
                raw = setting.default
            values[setting.name] = setting.parse(setting.name, raw)
        token = values["TELEGRAM_BOT_TOKEN"]
        if token is not None and ":" not in str(token):
            raise ConfigError("TELEGRAM_BOT_TOKEN looks malformed: expected the form "
                              "123456:ABC-DEF...")
        return cls(
            token=token,
            api_url=values["TELEGRAM_API_URL"],
            db_path=values["INBURGERBOT_DB"],
            http=values["INBURGERBOT_HTTP"],
            tz=values["INBURGERBOT_TZ"],
            public_url=values["INBURGERBOT_PUBLIC_URL"],
            sweep_seconds=values["INBURGERBOT_SWEEP_SECONDS"],
            link_code_days=values["INBURGERBOT_LINK_CODE_DAYS"],
            outbox_global_rate=values["INBURGERBOT_OUTBOX_GLOBAL_RATE"],
            outbox_chat_rate=values["INBURGERBOT_OUTBOX_CHAT_RATE"],
            outbox_give_up_hours=values["INBURGERBOT_OUTBOX_GIVE_UP_HOURS"],
            outbox_retention_days=values["INBURGERBOT_OUTBOX_RETENTION_DAYS"],
            retention_draft_days=values["INBURGERBOT_RETENTION_DRAFT_DAYS"],
            retention_link_code_days=values["INBURGERBOT_RETENTION_LINK_CODE_DAYS"],
            retention_alert_days=values["INBURGERBOT_RETENTION_ALERT_DAYS"],
            retention_audit_days=values["INBURGERBOT_RETENTION_AUDIT_DAYS"],
            retention_attendance_years=values["INBURGERBOT_RETENTION_ATTENDANCE_YEARS"],
            retention_klachten_months=values["INBURGERBOT_RETENTION_KLACHTEN_MONTHS"],
            quiet_hours=values["INBURGERBOT_QUIET_HOURS"],
            working_hours=values["INBURGERBOT_WORKING_HOURS"],
            reminder_evening=values["INBURGERBOT_REMINDER_EVENING"],
            digest_time=values["INBURGERBOT_DIGEST_TIME"],
            overstap_reminder_days=values["INBURGERBOT_OVERSTAP_REMINDER_DAYS"],
            api_rate_per_minute=values["INBURGERBOT_API_RATE"],
            secret_key=values["INBURGERBOT_SECRET_KEY"],
            secret_key_file=values["INBURGERBOT_SECRET_KEY_FILE"],
            old_secret_keys=values["INBURGERBOT_OLD_SECRET_KEYS"],
            webhook_url=values["INBURGERBOT_WEBHOOK_URL"],
            webhook_secret=values["INBURGERBOT_WEBHOOK_SECRET"],
            metrics_token=values["INBURGERBOT_METRICS_TOKEN"],
            metrics_allow=values["INBURGERBOT_METRICS_ALLOW"],
            start_timeout=values["INBURGERBOT_START_TIMEOUT"],
        )

    @classmethod
    def defaults(cls, **overrides: object) -> Settings:
        """Defaults of every setting (as documented), with overrides; used by demo and tests."""
        base = cls.from_env({}, require_token=False)
        return replace(base, **overrides)

    @property
    def webhook_token(self) -> str:
        """The secret_token Telegram sends with each webhook request: the setting, or one
        derived from the bot token (the same on every instance of one bot)."""
        if self.webhook_secret:
            return self.webhook_secret
        import hashlib
        import hmac

        return hmac.new(str(self.token).encode(), b"inburgerbot webhook",
                        hashlib.sha256).hexdigest()

    @property
    def base_public_url(self) -> str:
        """Where people reach the HTTP server, for links in messages."""
        return self.public_url or f"http://{self.http[0]}:{self.http[1]}"
