"""Languages, gettext catalogs and Babel formatting (issue 2).

Source strings are English, in two gettext domains. Participant text (domain ``inburgerbot``) ships
in every language of ``LANGUAGES``; staff text (domain ``staff``) at least in Dutch and English,
and elsewhere falls back to the participant catalog, then to the English source. The catalogs are
``locales/<lang>/LC_MESSAGES/<domain>.po``, made and updated from the templates
``locales/<domain>.pot`` with Babel's commands (locales/README.md); they are compiled in memory at
start-up, so no ``.mo`` file is ever committed.

A ``Translator`` (one per language, from ``I18n.get``) has one call per use of a text:

- ``tr._(msgid, **params)``, ``tr.n_(singular, plural, n, **params)``: a participant *message*,
  sent as it is or as one line of a message;
- ``tr.f_(msgid, **params)``: a participant *fragment*, part of something else: a button label,
  a calendar name, a value inside another message (pass it through ``tr.safe``);
- ``tr.s_``, ``tr.sn_``, ``tr.sf_``: the same for staff text;
- ``tr.safe(value)``: a text already rendered in this language, used as a value of another
  message: it is not isolated again (see below), and a leading RIGHT-TO-LEFT MARK is dropped;
- ``tr.lines(parts)``: one message of several lines; ``tr.paragraphs(parts)`` when each line is
  a fragment that must read right to left on its own.
``N_`` and ``SN_`` mark a string at import time; it is translated later with ``tr._``/``tr.f_``
(or ``tr.s_``/``tr.sf_``). ``pybabel extract`` finds every one of these names (locales/tool.py).

Right-to-left languages are handled here and nowhere else. In Arabic, Persian, Dari and Pashto a
message starts with a RIGHT-TO-LEFT MARK (a fragment does not: it is not a paragraph of its own),
``tr.lines`` gives the joined message exactly one at its start and leaves each line as it is (a
line break starts a new paragraph for the Unicode bidi algorithm, so a line that is a message keeps
its own mark), and each interpolated value is wrapped in Unicode isolates (U+2068 ... U+2069), so
names, places, codes and links keep their own direction inside the text.
"""

from __future__ import annotations

import io
import string
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, time
from decimal import Decimal
from functools import cached_property
from importlib import resources
from zoneinfo import ZoneInfo

from babel import Locale, UnknownLocaleError
from babel import dates as babel_dates
from babel import numbers as babel_numbers
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.support import NullTranslations, Translations

# Shipped languages, each named in its own script, in the order the language picker offers them.
LANGUAGES: dict[str, str] = {
    "nl": "Nederlands",
    "en": "English",
    "ar": "العربية",
    "ti": "ትግርኛ",
    "tr": "Türkçe",
    "fa": "فارسی",
    "fa_AF": "دری",
    "ps": "پښتو",
    "so": "Soomaali",
}
STAFF_LANGUAGES = ("nl", "en")
PARTICIPANT_DOMAIN = "inburgerbot"
STAFF_DOMAIN = "staff"
RTL_LANGUAGES = frozenset({"ar", "fa", "fa_AF", "ps"})
DEFAULT_LANGUAGE = "nl"

RLM = "\u200f"
FSI = "\u2068"
PDI = "\u2069"

# Gettext Plural-Forms per language, following CLDR (CLDR counts 0 as singular in Tigrinya and
# Persian). Written out, not taken from Babel's table: that table has changed between Babel versions
# and `pybabel init` writes its own. Every .po header must say the same (the catalog check).
PLURAL_FORMS: dict[str, str] = {
    "nl": "nplurals=2; plural=(n != 1);",
    "en": "nplurals=2; plural=(n != 1);",
    "ar": "nplurals=6; plural=(n==0 ? 0 : n==1 ? 1 : n==2 ? 2 : n%100>=3 && n%100<=10 ? 3 "
          ": n%100>=11 ? 4 : 5);",
    "ti": "nplurals=2; plural=(n > 1);",
    "tr": "nplurals=2; plural=(n != 1);",
    "fa": "nplurals=2; plural=(n > 1);",
    "fa_AF": "nplurals=2; plural=(n > 1);",
    "ps": "nplurals=2; plural=(n != 1);",
    "so": "nplurals=2; plural=(n != 1);",
}


def N_(message: str) -> str:
    """Mark a participant-facing string for extraction; translate it later (``tr._``, ``tr.f_``)."""
    return message


def SN_(message: str) -> str:
    """Mark a staff-facing string for extraction; translate it later (``tr.s_``, ``tr.sf_``)."""
    return message


def parse_language(tag: str | None) -> str | None:
    """Map Telegram's IETF language_code (``pt-br``, ``fa-AF``) to a shipped language, if any."""
    if not tag:
        return None
    try:
        locale = Locale.parse(tag.replace("-", "_"))
    except (ValueError, UnknownLocaleError):
        return None
    full = f"{locale.language}_{locale.territory}" if locale.territory else locale.language
    if full in LANGUAGES:
        return full
    if locale.language == "prs":  # ISO 639-3 code for Dari
        return "fa_AF"
    return locale.language if locale.language in LANGUAGES else None


def placeholders(message: str) -> set[str]:
    """The named ``{placeholders}`` of a str.format message."""
    return {field.split(".")[0].split("[")[0]
            for _, field, _, _ in string.Formatter().parse(message) if field}


def locales_root():
    return resources.files("locales")


@dataclass(frozen=True)
class Catalogs:
    """One language's compiled catalogs; ``staff`` falls back to ``participant``."""

    participant: NullTranslations
    staff: NullTranslations


def compile_catalog(entry, language: str, domain: str) -> Translations | None:
    """A ``.po`` file compiled in memory, or None where the language has no such file."""
    if not entry.is_file():
        return None
    with entry.open("rb") as handle:
        catalog = read_po(handle, locale=language, domain=domain)
    buffer = io.BytesIO()
    write_mo(buffer, catalog)
    buffer.seek(0)
    return Translations(fp=buffer, domain=domain)


def load_catalogs() -> dict[str, Catalogs]:
    """Both domains of every shipped language, compiled in memory."""
    catalogs: dict[str, Catalogs] = {}
    root = locales_root()
    for lang in LANGUAGES:
        folder = root / lang / "LC_MESSAGES"
        participant = (compile_catalog(folder / f"{PARTICIPANT_DOMAIN}.po", lang,
                                       PARTICIPANT_DOMAIN) or NullTranslations())
        staff = compile_catalog(folder / f"{STAFF_DOMAIN}.po", lang, STAFF_DOMAIN)
        if staff is not None:
            staff.add_fallback(participant)
        catalogs[lang] = Catalogs(participant, staff or participant)
    return catalogs


class I18n:
    """All catalogs, and a ``Translator`` per language."""

    def __init__(self, tz: ZoneInfo, catalogs: Mapping[str, Catalogs] | None = None):
        self.tz = tz
        self.catalogs = dict(catalogs) if catalogs is not None else load_catalogs()
        self._translators: dict[str, Translator] = {}

    def get(self, language: str | None) -> Translator:
        lang = language if language in LANGUAGES else DEFAULT_LANGUAGE
        if lang not in self._translators:
            catalogs = self.catalogs[lang]
            self._translators[lang] = Translator(lang, catalogs.participant, self.tz,
                                                 staff=catalogs.staff)
        return self._translators[lang]


@dataclass(frozen=True)
class Isolated:
    """A value that is already direction-safe (no further isolates)."""

    text: str

    def __str__(self) -> str:
        return self.text


class Translator:
    """Gettext and Babel formatting for one language; obtained from ``I18n.get``."""

    def __init__(self, language: str, translations: NullTranslations, tz: ZoneInfo,
                 staff: NullTranslations | None = None):
        self.language = language
        self.translations = translations
        self.staff_translations = staff if staff is not None else translations
        self.tz = tz
        self.locale = Locale.parse(language)
        self.rtl = language in RTL_LANGUAGES

    # ---- participant text -----------------------------------------------------------------
    def _(self, message: str, **params: object) -> str:
        """Translate a participant-facing message and fill its named placeholders."""
        return self._message(self._fill(self.translations.gettext(message), params))

    def n_(self, singular: str, plural: str, n: int, **params: object) -> str:
        """Translate with the plural form for ``n``; ``{n}`` is formatted for the locale."""
        params.setdefault("n", self.number(n))
        return self._message(self._fill(self.translations.ngettext(singular, plural, n), params))

    def f_(self, message: str, **params: object) -> str:
        """A participant-facing fragment: translated and filled like ``_``, but not marked as a
        right-to-left paragraph (a button label, or a value inside another message)."""
        return self._fill(self.translations.gettext(message), params).lstrip(RLM)

    # ---- staff text: shipped at least in nl and en, extracted into its own domain ---------
    def s_(self, message: str, **params: object) -> str:
        """Translate a staff-facing message (like ``_``, from the staff catalog)."""
        return self._message(self._fill(self.staff_translations.gettext(message), params))

    def sn_(self, singular: str, plural: str, n: int, **params: object) -> str:
        """A staff-facing plural message (like ``n_``)."""
        params.setdefault("n", self.number(n))
        return self._message(self._fill(self.staff_translations.ngettext(singular, plural, n),
                                        params))

    def sf_(self, message: str, **params: object) -> str:
        """A staff-facing fragment (like ``f_``)."""
        return self._fill(self.staff_translations.gettext(message), params).lstrip(RLM)

    # ---- direction ------------------------------------------------------------------------
    def _fill(self, text: str, params: Mapping[str, object]) -> str:
        if params:
            text = text.format_map({key: self.isolate(value) for key, value in params.items()})
        return text

    def _message(self, text: str) -> str:
        return RLM + text if self.rtl and not text.startswith(RLM) else text

    def isolate(self, value: object) -> str:
        """Wrap a value in Unicode isolates in right-to-left languages."""
        if isinstance(value, Isolated):
            return value.text
        text = str(value)
        if not self.rtl or not text:
            return text
        return f"{FSI}{text}{PDI}"

    def safe(self, value: object) -> Isolated:
        """A value already rendered for this language (a fragment, or a message used inside
        another one): not isolated again, and without a leading right-to-left mark."""
        return Isolated(str(value).lstrip(RLM))

    def lines(self, parts: Iterable[str]) -> str:
        """Join rendered messages into one message, one per line. In a right-to-left language
        it starts with exactly one right-to-left mark; each line keeps its own."""
        text = "\n".join(parts)
        if self.rtl and text:
            text = RLM + text.lstrip(RLM)
        return text

    def paragraphs(self, parts: Iterable[str]) -> str:
        """Join lines that are fragments (a timetable's lines start with a time, an emoji or a
        name) into one message: in a right-to-left language every line that is not empty starts
        with exactly one right-to-left mark."""
        text = "\n".join(parts)
        if not self.rtl:
            return text
        return "\n".join(RLM + line.lstrip(RLM) if line else line for line in text.split("\n"))

    # ---- formatting -----------------------------------------------------------------------
    def local(self, moment: datetime) -> datetime:
        return moment.astimezone(self.tz)

    def date(self, value: date | datetime, format: str = "long") -> str:
        if isinstance(value, datetime):
            value = self.local(value).date()
        return babel_dates.format_date(value, format=format, locale=self.locale)

    def weekday_date(self, value: date | datetime) -> str:
        """Weekday with day and month, e.g. "maandag 23 november"."""
        if isinstance(value, datetime):
            value = self.local(value).date()
        return babel_dates.format_date(value, format="EEEE d MMMM", locale=self.locale)

    def time(self, value: datetime | time) -> str:
        if isinstance(value, datetime):
            value = self.local(value).timetz().replace(tzinfo=None)
        return babel_dates.format_time(value, format="short", locale=self.locale)

    def datetime(self, value: datetime) -> str:
        return babel_dates.format_datetime(self.local(value), format="medium", tzinfo=self.tz,
                                           locale=self.locale)

    def number(self, value: int | float | Decimal) -> str:
        return babel_numbers.format_decimal(value, locale=self.locale)

    def euros(self, cents: int) -> str:
        return babel_numbers.format_currency(Decimal(cents) / 100, "EUR", locale=self.locale)

    def hours(self, value: Decimal | float) -> str:
        return babel_numbers.format_decimal(value, format="#,##0.##", locale=self.locale)

    @cached_property
    def language_name(self) -> str:
        return LANGUAGES[self.language]
