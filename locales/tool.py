"""The catalogs' commands and their check. The arguments of every ``pybabel`` command live here
only: locales/README.md shows them (a test compares) and the test suite runs them.

    python -m locales.tool commands   # the pybabel commands, as locales/README.md gives them
    python -m locales.tool extract    # pybabel extract: the templates from the code
    python -m locales.tool update     # pybabel update: every .po from its template
    python -m locales.tool check      # what the test suite checks, as a report

Two gettext domains, each with one template: ``inburgerbot`` (participant text, marked ``_``,
``n_``, ``N_``, ``f_``; complete in every shipped language) and ``staff`` (staff text, marked
``s_``, ``sn_``, ``SN_``, ``sf_``; complete in Dutch and English).
"""

from __future__ import annotations

import contextlib
import functools
import shlex
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.frontend import CommandLineInterface
from babel.messages.pofile import read_po

from bot.i18n import (
    LANGUAGES,
    PARTICIPANT_DOMAIN,
    PLURAL_FORMS,
    STAFF_DOMAIN,
    STAFF_LANGUAGES,
    placeholders,
)
from locales import glossary as words

ROOT = Path(__file__).resolve().parent.parent
LOCALES = ROOT / "locales"
SOURCES = ("bot", "conversations", "storage")
# A project alias for the translators; it is in every header (Report-Msgid-Bugs-To, Language-Team).
TEAM_ADDRESS = "vertalingen@inburgerbot.nl"
# Left by ``pybabel init`` (or Babel's defaults) in a header until someone fills it in.
HEADER_PLACEHOLDERS = ("FULL NAME", "EMAIL@ADDRESS", "YEAR-MO-DA", "LL@li.org", "LANGUAGE <",
                       "PROJECT", "VERSION", "ORGANIZATION", "FIRST AUTHOR")


@dataclass(frozen=True)
class Domain:
    name: str
    keywords: tuple[str, ...]
    readers: str
    required: tuple[str, ...]  # languages that must have every message

    def extract_args(self, output: str | None = None) -> list[str]:
        keywords = [arg for keyword in self.keywords for arg in ("-k", keyword)]
        return ["extract", "-F", "babel.cfg", "--no-default-keywords", *keywords,
                f"--add-comments={words.MARK}",
                "--add-location=file", "--sort-output", "--project=inburgerbot", "--version=0.1",
                f"--msgid-bugs-address={TEAM_ADDRESS}",
                "--header-comment", f"# Translations template for inburgerbot: {self.readers}.",
                "-o", output or f"locales/{self.name}.pot", *SOURCES]

    def update_args(self) -> list[str]:
        # Messages gone from the code are dropped (not kept as #~), and the headers stay as they
        # are, so an update with nothing new changes no file.
        return ["update", "-i", f"locales/{self.name}.pot", "-d", "locales", "-D", self.name,
                "--ignore-obsolete", "--ignore-pot-creation-date"]

    def init_args(self, language: str) -> list[str]:
        return ["init", "-i", f"locales/{self.name}.pot", "-d", "locales", "-D", self.name,
                "-l", language]

    @property
    def template(self) -> Path:
        return LOCALES / f"{self.name}.pot"

    def catalog(self, language: str) -> Path:
        return LOCALES / language / "LC_MESSAGES" / f"{self.name}.po"


PARTICIPANT = Domain(PARTICIPANT_DOMAIN, ("_", "n_:1,2", "N_", "f_"), "what participants read",
                     tuple(LANGUAGES))
STAFF = Domain(STAFF_DOMAIN, ("s_", "sn_:1,2", "SN_", "sf_"),
               "what staff read", STAFF_LANGUAGES)
DOMAINS = (PARTICIPANT, STAFF)


def pybabel(args: list[str]) -> None:
    """Run Babel's own command line, from the top of the repository (paths in the templates are
    relative to it)."""
    with contextlib.chdir(ROOT):
        CommandLineInterface().run(["pybabel", "-q", *args])


def command_line(args: list[str]) -> str:
    return shlex.join(["pybabel", *args])


def extract_fresh(domain: Domain, folder: Path) -> Path:
    """The template ``pybabel extract`` makes from the code now, written into ``folder``."""
    output = folder / f"{domain.name}.pot"
    pybabel(domain.extract_args(str(output)))
    return output


@functools.cache
def marked_in_code() -> dict[str, set[str]]:
    """The msgids of each domain the code marks now (the code does not change during a run)."""
    with tempfile.TemporaryDirectory() as folder:
        return {domain.name: {msgid(m) for m in read(extract_fresh(domain, Path(folder))) if m.id}
                for domain in DOMAINS}


def read(path: Path, language: str | None = None) -> Catalog:
    with path.open("rb") as handle:
        return read_po(handle, locale=language)


def msgid(message) -> str:
    return message.id[0] if isinstance(message.id, tuple) else message.id


@dataclass
class Report:
    problems: list[str] = field(default_factory=list)

    def add(self, text: str) -> None:
        self.problems.append(text)


def check() -> Report:
    """Templates that differ from the code; per language: missing, obsolete, fuzzy, empty,
    wrongly-placeholdered or wrongly-pluralised entries, headers with placeholders or another
    Plural-Forms than ``PLURAL_FORMS``, and a msgid translated differently in the two domains."""
    report = Report()
    code = marked_in_code()
    for path in sorted(LOCALES.iterdir()):
        if (path / "LC_MESSAGES").is_dir() and path.name not in LANGUAGES:
            report.add(f"{path.name}: not a shipped language (bot/i18n.py LANGUAGES)")
    for domain in DOMAINS:
        if not domain.template.is_file():
            report.add(f"missing {domain.template.relative_to(LOCALES.parent)}")
            continue
        template = read(domain.template)
        expected = {msgid(m): m for m in template if m.id}
        for text in sorted(code[domain.name] - set(expected)):
            report.add(f"{domain.name}.pot lacks {text!r}, marked in the code "
                       "(python -m locales.tool extract)")
        for text in sorted(set(expected) - code[domain.name]):
            report.add(f"{domain.name}.pot has {text!r}, no longer in the code "
                       "(python -m locales.tool extract)")
        for lang in LANGUAGES:
            path = domain.catalog(lang)
            if path.is_file():
                catalog = read(path, lang)
                check_catalog(report, domain, lang, catalog, expected)
                check_descriptions(report, domain, lang, catalog)
                if domain is PARTICIPANT:
                    check_glossary(report, lang, catalog, expected)
            elif lang in domain.required:
                report.add(f"{lang}: missing {path.relative_to(LOCALES.parent)}")
        # People read buttons, not HTTP: an API path belongs in the schools' docs (/docs).
        for text in expected:
            if "/api/" in text:
                report.add(f"{domain.name}.pot: {text[:50]!r} shows an API path to its readers")
    for lang in LANGUAGES:
        check_agreement(report, lang)
    return report


def check_catalog(report: Report, domain: Domain, lang: str, catalog: Catalog,
                  expected: dict) -> None:
    name = f"{lang}/{domain.name}.po"
    header = "\n".join(f"{key}: {value}" for key, value in catalog.mime_headers)
    header += "\n" + (catalog.header_comment or "")
    for placeholder in HEADER_PLACEHOLDERS:
        if placeholder in header:
            report.add(f"{name}: the header still says {placeholder!r}")
    if catalog.plural_forms != PLURAL_FORMS[lang]:
        report.add(f"{name}: Plural-Forms is {catalog.plural_forms!r}, bot/i18n.py PLURAL_FORMS "
                   f"says {PLURAL_FORMS[lang]!r}")
    if catalog.fuzzy:
        report.add(f"{name}: the header is marked fuzzy")
    if str(catalog.locale_identifier) != lang:
        report.add(f"{name}: Language is {catalog.locale_identifier!r}")
    found = {msgid(m): m for m in catalog if m.id}
    for text in expected:
        if text not in found:
            report.add(f"{lang}: missing {text!r} in {name} (python -m locales.tool update)")
    for text in found:
        if text not in expected:
            report.add(f"{name}: {text[:50]!r} is not in the template "
                       "(python -m locales.tool update)")
    for message in catalog.obsolete.values():
        report.add(f"{name}: obsolete {msgid(message)[:50]!r} (python -m locales.tool update)")
    for text, message in found.items():
        check_message(report, f"{name}: {text[:50]!r}", message, catalog.num_plurals,
                      required=lang in domain.required)


def check_message(report: Report, where: str, message, nplurals: int, required: bool) -> None:
    if message.fuzzy:
        report.add(f"{where} is fuzzy")
    expected = placeholders(msgid(message))
    plural = isinstance(message.id, tuple)
    if plural:
        expected |= placeholders(message.id[1])
        strings = list(message.string) if isinstance(message.string, tuple) else [message.string]
        if len(strings) != nplurals:
            report.add(f"{where} has {len(strings)} plural forms, needs {nplurals}")
    else:
        strings = [message.string]
    if not required and not any(strings):
        return  # not translated yet: the reader gets the English source
    for text in strings:
        if not text or not text.strip():
            report.add(f"{where} has an empty translation")
            continue
        got = placeholders(text)
        # A plural form may leave out {n} (Arabic "one" says the number in words).
        if got != expected and not (plural and got == expected - {"n"}):
            report.add(f"{where} placeholders {sorted(got)} differ from {sorted(expected)}")


def command_descriptions() -> dict[str, set[str]]:
    """The msgids of every command's description, per domain (the command menus and buttons)."""
    from bot.app import FEATURES  # the whole bot: imported only when the check runs

    found: dict[str, set[str]] = {domain.name: set() for domain in DOMAINS}
    for feature in FEATURES:
        for command in feature.commands:
            domain = STAFF if command.staff_text else PARTICIPANT
            found[domain.name].add(command.description)
            if command.staff_description:
                found[STAFF.name].add(command.staff_description)
    return found


def check_descriptions(report: Report, domain: Domain, lang: str, catalog: Catalog) -> None:
    """A command's description is shown whole: its translation is shortened by the translator,
    never cut by the bot (bot/menus.py DESCRIPTION_LIMIT)."""
    from bot.menus import DESCRIPTION_LIMIT

    descriptions = command_descriptions()[domain.name]
    for message in catalog:
        if message.id in descriptions and len(message.string or "") > DESCRIPTION_LIMIT:
            report.add(f"{lang}/{domain.name}.po: the command description {message.id[:40]!r} "
                       f"is {len(message.string)} characters, at most {DESCRIPTION_LIMIT}")


def check_glossary(report: Report, lang: str, catalog: Catalog, template: dict) -> None:
    """The glossary rule (locales/glossary.py): a screen's first message explains each Dutch
    domain word it uses; no translation uses a rendering the glossary rules out."""
    path = words.path_for(LOCALES, lang)
    if not path.is_file():
        report.add(f"{lang}: missing {path.relative_to(LOCALES.parent)}")
        return
    glossary = words.read_glossary(path)
    for problem in glossary.problems:
        report.add(f"{lang}/glossary.txt: {problem}")
    for message in catalog:
        if not message.id:
            continue
        texts = message.string if isinstance(message.string, tuple) else (message.string,)
        for text in filter(None, texts):
            for wrong in words.never_used(text, glossary):
                report.add(f"{lang}/inburgerbot.po: {msgid(message)[:50]!r} says {wrong!r}; "
                           f"the glossary says: {glossary.never[wrong]}")
            source = template.get(msgid(message))
            if lang == words.NATIVE or source is None or not words.introduces_a_screen(source):
                continue
            for word in words.bare_words(text, glossary):
                report.add(f"{lang}/inburgerbot.po: {msgid(message)[:50]!r} introduces a screen "
                           f"and leaves {word!r} unexplained: write {word} "
                           f"({glossary.explanations[word]}) the first time")


def check_agreement(report: Report, lang: str) -> None:
    """Staff text falls back to the participant catalog, so a message both catalogs of a
    language hold must read the same in both."""
    catalogs = [(domain.name, read(domain.catalog(lang), lang)) for domain in DOMAINS
                if domain.catalog(lang).is_file()]
    seen: dict[str, tuple[str, object]] = {}
    for name, catalog in catalogs:
        for message in catalog:
            if not message.id or not message.string:
                continue
            earlier = seen.setdefault(msgid(message), (name, message.string))
            if earlier[1] != message.string:
                report.add(f"{lang}: {msgid(message)[:50]!r} is translated differently in "
                           f"{earlier[0]}.po and {name}.po")


def main(argv: list[str]) -> int:
    if argv == ["check"]:
        report = check()
        print("\n".join(report.problems) or "all catalogs complete")
        return 1 if report.problems else 0
    if argv == ["commands"]:
        for domain in DOMAINS:
            print(command_line(domain.extract_args()))
            print(command_line(domain.update_args()))
        return 0
    if argv in (["extract"], ["update"]):
        for domain in DOMAINS:
            pybabel(domain.extract_args() if argv == ["extract"] else domain.update_args())
        return 0
    print(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
