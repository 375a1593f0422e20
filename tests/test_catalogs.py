"""Every shipped language is complete (issue 2, "Languages"): no missing, fuzzy or empty message,
every plural form present, placeholders identical to the English source. The catalogs are in
gettext's own form (issue 10): the templates are what ``pybabel extract`` makes of the code, each
.po holds exactly its template's messages under a real header, and the commands translators run
are the ones the tool runs."""

import re
import shutil
from zoneinfo import ZoneInfo

import pytest

from bot.i18n import LANGUAGES, PLURAL_FORMS, RLM, I18n, placeholders
from locales import tool

AMS = ZoneInfo("Europe/Amsterdam")


def test_every_shipped_language_has_every_message_with_the_same_placeholders():
    problems = tool.check().problems
    assert problems == [], "\n".join(problems[:40])


@pytest.mark.parametrize("domain", tool.DOMAINS, ids=lambda domain: domain.name)
def test_pybabel_extract_reproduces_the_committed_template(domain, tmp_path):
    def text(path):
        # The run's date, and the Babel version that wrote it, are all that may differ.
        return re.sub(r'^"(POT-Creation-Date|Generated-By): .*\n', "", path.read_text("utf-8"),
                      flags=re.MULTILINE)

    fresh = tool.extract_fresh(domain, tmp_path)
    assert text(fresh) == text(domain.template), (
        f"locales/{domain.name}.pot is not what the code marks: run python -m locales.tool extract"
        " and python -m locales.tool update")


def test_the_translators_readme_gives_the_commands_the_tool_runs():
    readme = re.sub(r"\\\n\s*", "", (tool.LOCALES / "README.md").read_text("utf-8"))
    for domain in tool.DOMAINS:
        for args in (domain.extract_args(), domain.update_args(), domain.init_args("LANG")):
            assert tool.command_line(args) in readme, tool.command_line(args)


def copy_catalogs(tmp_path, monkeypatch):
    shutil.copytree(tool.LOCALES, tmp_path / "locales",
                    ignore=shutil.ignore_patterns("*.py", "__pycache__"))
    monkeypatch.setattr(tool, "LOCALES", tmp_path / "locales")
    return tmp_path / "locales"


def test_check_catches_a_translation_with_a_renamed_placeholder(tmp_path, monkeypatch):
    locales = copy_catalogs(tmp_path, monkeypatch)
    path = locales / "ar" / "LC_MESSAGES" / "inburgerbot.po"
    original = path.read_text("utf-8")
    broken = original.replace('msgstr "اللغة: {language}"', 'msgstr "اللغة: {lang}"')
    assert broken != original
    path.write_text(broken, "utf-8")
    (locales / "nl" / "LC_MESSAGES" / "staff.po").unlink()
    problems = tool.check().problems
    assert any("Language: {language}" in p and "placeholders" in p for p in problems)
    assert any(p.startswith("nl: missing") for p in problems)


def test_check_catches_a_catalog_that_differs_from_its_template(tmp_path, monkeypatch):
    locales = copy_catalogs(tmp_path, monkeypatch)
    path = locales / "tr" / "LC_MESSAGES" / "inburgerbot.po"
    text = path.read_text("utf-8")
    text = text.replace('#, python-brace-format\nmsgid "Language: {language}"\n',
                        '#, fuzzy, python-brace-format\nmsgid "Language: {language}"\n')
    text = text.replace('msgid "Choose your language"\nmsgstr "Dilinizi seçin"\n\n', "")
    text += '\n#~ msgid "Gone"\n#~ msgstr "Gitti"\n\nmsgid "Stray"\nmsgstr "Başıboş"\n'
    path.write_text(text, "utf-8")
    problems = tool.check().problems
    assert "tr: missing 'Choose your language' in tr/inburgerbot.po " \
           "(python -m locales.tool update)" in problems
    assert any("tr/inburgerbot.po: 'Language: {language}' is fuzzy" in p for p in problems)
    assert any("obsolete 'Gone'" in p for p in problems)
    assert any("'Stray' is not in the template" in p for p in problems)


def test_check_catches_a_template_the_code_has_moved_away_from(tmp_path, monkeypatch):
    locales = copy_catalogs(tmp_path, monkeypatch)
    path = locales / "staff.pot"
    path.write_text(path.read_text("utf-8").replace('msgid "Confirm and issue"\n',
                                                     'msgid "Confirm and issued"\n'), "utf-8")
    problems = tool.check().problems
    assert any(p.startswith("staff.pot lacks 'Confirm and issue'") for p in problems)
    assert any(p.startswith("staff.pot has 'Confirm and issued'") for p in problems)


def test_check_catches_a_header_left_as_pybabel_init_wrote_it(tmp_path, monkeypatch):
    locales = copy_catalogs(tmp_path, monkeypatch)
    path = locales / "ti" / "LC_MESSAGES" / "inburgerbot.po"
    text = path.read_text("utf-8")
    text = re.sub(r'"Language-Team: .*\\n"', r'"Language-Team: ti <LL@li.org>\\n"', text)
    text = text.replace("nplurals=2; plural=(n > 1);", "nplurals=2; plural=(n != 1);")
    path.write_text(text, "utf-8")
    problems = tool.check().problems
    assert "ti/inburgerbot.po: the header still says 'LL@li.org'" in problems
    assert any(p.startswith("ti/inburgerbot.po: Plural-Forms is") for p in problems)


def test_check_catches_a_message_translated_differently_for_staff(tmp_path, monkeypatch):
    locales = copy_catalogs(tmp_path, monkeypatch)
    path = locales / "nl" / "LC_MESSAGES" / "staff.po"
    text = path.read_text("utf-8")
    changed = re.sub(r'(msgid "yes"\nmsgstr ")[^"]*"', r'\1jazeker"', text)
    assert changed != text
    path.write_text(changed, "utf-8")
    problems = tool.check().problems
    assert "nl: 'yes' is translated differently in inburgerbot.po and staff.po" in problems


def test_every_header_is_real_and_has_the_cldr_plural_forms():
    assert set(PLURAL_FORMS) == set(LANGUAGES)
    for domain in tool.DOMAINS:
        for lang in LANGUAGES:
            path = domain.catalog(lang)
            if lang in domain.required:
                assert path.is_file(), path
            if not path.is_file():
                continue
            catalog = tool.read(path, lang)
            header = path.read_text("utf-8").split("\n\n", 1)[0]
            for placeholder in tool.HEADER_PLACEHOLDERS:
                assert placeholder not in header, (path, placeholder)
            assert catalog.plural_forms == PLURAL_FORMS[lang], path
            assert str(catalog.locale_identifier) == lang
            assert catalog.project == "inburgerbot" and catalog.version == "0.1"
            assert catalog.language_team.endswith(f"<{tool.TEAM_ADDRESS}>")


def test_no_compiled_catalogs_are_committed():
    assert not list(tool.LOCALES.rglob("*.mo"))


def test_every_source_placeholder_is_a_named_field():
    for domain in tool.DOMAINS:
        for message in tool.read(domain.template):
            for text in (message.id if isinstance(message.id, tuple) else (message.id,)):
                assert "{}" not in text and "{0" not in text, f"positional placeholder in {text!r}"
                placeholders(text)  # raises on a malformed format string


def test_plural_rules_at_run_time_count_zero_as_singular_in_tigrinya_and_use_six_arabic_forms():
    i18n = I18n(AMS)
    ti = i18n.get("ti").translations.plural
    assert [ti(n) for n in (0, 1, 2)] == [0, 0, 1]
    ar = i18n.get("ar").translations.plural
    assert [ar(n) for n in (0, 1, 2, 5, 11, 100, 102)] == [0, 1, 2, 3, 4, 5, 5]


def test_staff_text_comes_from_the_staff_catalog_then_the_participant_one_then_english():
    i18n = I18n(AMS)
    nl, ar = i18n.get("nl"), i18n.get("ar")
    assert nl.s_("Confirm and issue") == "Bevestigen en afgeven"
    assert nl._("Confirm and issue") == "Confirm and issue", (
        "staff-only text is not in the participant catalog")
    assert ar.s_("yes") == ar._("yes") != "yes", "a staff message a participant also reads"
    assert ar.s_("Confirm and issue") == RLM + "Confirm and issue"
    assert nl.sn_("{n} open alert", "{n} open alerts", 3) == "3 open meldingen"


def test_rtl_messages_start_right_to_left_and_isolate_latin_values():
    tr = I18n(AMS).get("ar")
    text = tr._("Hello {name}! You are linked as {role}.", name="Amira Haddad", role="x")
    assert text.startswith("\u200f")
    assert "\u2068Amira Haddad\u2069" in text
    nl = I18n(AMS).get("nl")
    assert nl._("Hello {name}! You are linked as {role}.", name="Amira", role="x") == (
        "Hallo Amira! Je bent gekoppeld als x.")


def test_a_fragment_has_no_right_to_left_mark_and_a_message_used_as_a_value_loses_it():
    i18n = I18n(AMS)
    ar, nl = i18n.get("ar"), i18n.get("nl")
    for tr in (ar, nl):
        assert tr.f_("Answer") == tr._("Answer").lstrip(RLM)
        assert tr.sf_("Confirm and issue") == tr.s_("Confirm and issue").lstrip(RLM)
        assert not tr.f_("Language: {language}", language="x").startswith(RLM)
        assert str(tr.safe(tr._("Answer"))) == tr.f_("Answer")
    reason = ar._("Reason: {reason}", reason=ar.safe(ar._("I am ill")))
    assert reason.count(RLM) == 1 and reason.startswith(RLM)


def test_lines_start_right_to_left_once_and_keep_each_line():
    ar, nl = I18n(AMS).get("ar"), I18n(AMS).get("nl")
    first, second = ar._("Answer"), ar._("I am ill")
    assert ar.lines([first, second]) == f"{first}\n{second}"
    assert ar.lines([ar.f_("Answer"), second]) == f"{first}\n{second}"
    assert ar.lines([RLM + first]).count(RLM) == 1
    assert nl.lines(["a", "b"]) == "a\nb" and ar.lines([]) == ""


def test_paragraphs_start_every_line_right_to_left_once():
    ar, nl = I18n(AMS).get("ar"), I18n(AMS).get("nl")
    parts = [ar._("Answer"), "", "09:00 " + ar.f_("I am ill"), "• x\n• y"]
    assert ar.paragraphs(parts).split("\n") == [
        ar._("Answer"), "", RLM + "09:00 " + ar.f_("I am ill"), RLM + "• x", RLM + "• y"]
    assert nl.paragraphs(["a", "", "b"]) == "a\n\nb"


def test_check_catches_a_command_description_the_menu_would_cut(tmp_path, monkeypatch):
    locales = copy_catalogs(tmp_path, monkeypatch)
    path = locales / "tr" / "LC_MESSAGES" / "inburgerbot.po"
    text = path.read_text("utf-8")
    longer = text.replace('msgstr "Urenverklaring alın (ders saatlerinizin belgesi)"',
                          'msgstr "Saat belgesi (urenverklaring) alın: ders saatlerinizin belgesi"')
    assert longer != text
    path.write_text(longer, "utf-8")
    problems = tool.check().problems
    assert any(p.startswith("tr/inburgerbot.po: the command description 'Get an urenverklaring")
               and "62 characters, at most 60" in p for p in problems)


def test_check_catches_a_screen_that_leaves_a_dutch_word_unexplained(tmp_path, monkeypatch):
    locales = copy_catalogs(tmp_path, monkeypatch)
    path = locales / "ar" / "LC_MESSAGES" / "inburgerbot.po"
    text = path.read_text("utf-8")
    bare = text.replace("بيان بساعات الدروس (urenverklaring) يبيّن", "urenverklaring يبيّن")
    assert bare != text
    path.write_text(bare, "utf-8")
    problems = tool.check().problems
    assert any(p.startswith("ar/inburgerbot.po: 'An urenverklaring shows how many")
               and "leaves 'urenverklaring' unexplained" in p for p in problems), problems


def test_check_catches_a_rendering_the_glossary_rules_out(tmp_path, monkeypatch):
    locales = copy_catalogs(tmp_path, monkeypatch)
    for lang, right, wrong in (("ti", "ወግዓዊ ጥርዓን ናብ", "ወግዓዊ ክላኽት ናብ"),
                               ("ps", "یوه خبرتیا", "یو خبرتیا")):
        path = locales / lang / "LC_MESSAGES" / "inburgerbot.po"
        text = path.read_text("utf-8")
        assert right in text
        path.write_text(text.replace(right, wrong), "utf-8")
    problems = tool.check().problems
    assert any(p.startswith("ti/inburgerbot.po:") and "says 'ክላኽት'" in p for p in problems)
    assert any(p.startswith("ps/inburgerbot.po:") and "says 'یو خبرتیا'" in p for p in problems)


def test_a_glossary_word_is_explained_after_or_before_it_and_a_command_is_no_use_of_it():
    from locales import glossary

    words = glossary.Glossary(explanations={"klacht": "complaint", "klantmanager": "advisor"})
    assert glossary.bare_words("Your klacht (complaint) and /klacht", words) == []
    assert glossary.bare_words("A Complaint (klachten) here", words) == []
    assert glossary.bare_words("Send /klacht. Your klacht, (complaint)", words) == ["klacht"]
    assert glossary.bare_words("Ask your klantmanager's office", words) == ["klantmanager"]
    assert glossary.bare_words("mijnklachten and Klantmanager (advisor)", words) == []


def test_check_catches_an_api_path_in_a_text_people_read(tmp_path, monkeypatch):
    locales = copy_catalogs(tmp_path, monkeypatch)
    path = locales / "staff.pot"
    text = path.read_text("utf-8")
    path.write_text(text.replace('msgid "Confirm and issue"\n',
                                 'msgid "Confirm and issue (POST /api/v1/uren)"\n'), "utf-8")
    problems = tool.check().problems
    assert "staff.pot: 'Confirm and issue (POST /api/v1/uren)' shows an API path to its " \
           "readers" in problems
