"""Developer tool for the catalogs: extract marked strings from the code, check every shipped
language, and write a domain's .po files from translations (Babel reads and writes the files).

    python -m locales.tool check           # what the test suite checks, as a report
    python -m locales.tool missing LANG    # msgids LANG lacks

Participant text (``_``, ``n_``, ``N_``, ``f_``) must be complete in every shipped language; staff
text (``s_``, ``sn_``, ``SN_``, ``sf_``) in Dutch and English.
"""

from __future__ import annotations

import io
import sys
from dataclasses import dataclass, field
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_file
from babel.messages.pofile import read_po, write_po

from bot.i18n import LANGUAGES, PLURAL_FORMS, STAFF_LANGUAGES, placeholders

ROOT = Path(__file__).resolve().parent.parent
LOCALES = ROOT / "locales"
SOURCE_DIRS = ("bot", "conversations", "storage")
PARTICIPANT_KEYWORDS = {"_": None, "n_": (1, 2), "N_": None, "f_": None}
STAFF_KEYWORDS = {"s_": None, "sn_": (1, 2), "SN_": None, "sf_": None}


@dataclass(frozen=True)
class Message:
    msgid: str
    plural: str | None
    where: str


def extract(keywords: dict) -> dict[str, Message]:
    """Marked strings in the source, by msgid."""
    found: dict[str, Message] = {}
    for folder in SOURCE_DIRS:
        for path in sorted((ROOT / folder).rglob("*.py")):
            if "sandbox" in path.parts:
                continue
            for lineno, message, _comments, _context in extract_from_file(
                    "python", str(path), keywords=keywords):
                if isinstance(message, tuple):
                    msgid, plural = message[0], message[1]
                else:
                    msgid, plural = message, None
                if msgid:
                    found.setdefault(msgid, Message(msgid, plural, f"{path.relative_to(ROOT)}:{lineno}"))
    return found


def load_language(lang: str, conflicts: list[str] | None = None) -> dict[str, object]:
    """Every message of one language across its .po files. The files are merged into one
    catalog at run time, so a msgid translated differently in two files is a conflict."""
    entries: dict[str, object] = {}
    folder = LOCALES / lang / "LC_MESSAGES"
    for path in sorted(folder.glob("*.po")):
        with path.open("rb") as handle:
            catalog = read_po(handle, locale=lang)
        for message in catalog:
            if not message.id:
                continue
            msgid = message.id[0] if isinstance(message.id, tuple) else message.id
            earlier = entries.get(msgid)
            if earlier is not None and earlier[0].string != message.string and conflicts is not None:
                conflicts.append(f"{lang}: {msgid[:50]!r} is translated differently in "
                                 f"{earlier[1]} and {path.name}")
            entries[msgid] = (message, path.name, catalog.num_plurals)
    return entries


@dataclass
class Report:
    problems: list[str] = field(default_factory=list)

    def add(self, text: str) -> None:
        self.problems.append(text)


def check() -> Report:
    """Missing, fuzzy, empty, wrongly-placeholdered or wrongly-pluralised entries per language."""
    report = Report()
    participant = extract(PARTICIPANT_KEYWORDS)
    staff = extract(STAFF_KEYWORDS)
    for lang in LANGUAGES:
        conflicts: list[str] = []
        entries = load_language(lang, conflicts)
        for conflict in conflicts:
            report.add(conflict)
        required = dict(participant)
        if lang in STAFF_LANGUAGES:
            required.update(staff)
        for msgid, source in required.items():
            if msgid not in entries:
                report.add(f"{lang}: missing {msgid!r} ({source.where})")
        for msgid, (message, filename, nplurals) in entries.items():
            where = f"{lang}/{filename}: {msgid[:50]!r}"
            if message.fuzzy:
                report.add(f"{where} is fuzzy")
            expected = placeholders(msgid)
            if isinstance(message.id, tuple):
                expected |= placeholders(message.id[1])
                strings = list(message.string) if isinstance(message.string, tuple) else [message.string]
                if len(strings) != nplurals:
                    report.add(f"{where} has {len(strings)} plural forms, needs {nplurals}")
            else:
                strings = [message.string]
            for text in strings:
                if not text or not text.strip():
                    report.add(f"{where} has an empty translation")
                    continue
                got = placeholders(text)
                # A plural form may leave out {n} (Arabic "one" says the number in words).
                if got != expected and not (isinstance(message.id, tuple) and got == expected - {"n"}):
                    report.add(f"{where} placeholders {sorted(got)} differ from {sorted(expected)}")
    return report


def write_domain(domain: str, entries: list[dict], languages=None) -> None:
    """Write locales/<lang>/LC_MESSAGES/<domain>.po for each language from
    ``entries = [{"id": msgid, "plural": msgid_plural?, "t": {lang: str | [forms]}}]``."""
    for lang in languages or LANGUAGES:
        catalog = Catalog(locale=lang, domain=domain, project="inburgerbot",
                          charset="utf-8", fuzzy=False)
        catalog.mime_headers = [("Plural-Forms", PLURAL_FORMS[lang]),
                                ("Content-Type", "text/plain; charset=utf-8")]
        for entry in entries:
            if lang not in entry["t"]:
                continue
            text = entry["t"][lang]
            msgid = (entry["id"], entry["plural"]) if entry.get("plural") else entry["id"]
            catalog.add(msgid, tuple(text) if isinstance(text, list) else text)
        folder = LOCALES / lang / "LC_MESSAGES"
        folder.mkdir(parents=True, exist_ok=True)
        buffer = io.BytesIO()
        write_po(buffer, catalog, width=100, omit_header=False, sort_output=False)
        (folder / f"{domain}.po").write_bytes(buffer.getvalue())


def main(argv: list[str]) -> int:
    if argv[:1] == ["check"]:
        report = check()
        print("\n".join(report.problems) or "all catalogs complete")
        return 1 if report.problems else 0
    if len(argv) == 2 and argv[0] == "missing":
        entries = load_language(argv[1])
        keywords = dict(PARTICIPANT_KEYWORDS)
        if argv[1] in STAFF_LANGUAGES:
            keywords.update(STAFF_KEYWORDS)
        for msgid, message in extract(keywords).items():
            if msgid not in entries:
                print(f"{message.where}\t{msgid}")
        return 0
    print(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
