"""Every shipped language is complete (issue 2, "Languages"): no missing, fuzzy or empty message,
every plural form present, placeholders identical to the English source."""

from babel.messages.pofile import read_po

from zoneinfo import ZoneInfo

from bot.i18n import LANGUAGES, PLURAL_FORMS, RLM, I18n, placeholders
from locales import tool


def test_every_shipped_language_has_every_message_with_the_same_placeholders():
    problems = tool.check().problems
    assert problems == [], "\n".join(problems[:40])


def test_check_catches_a_translation_with_a_renamed_placeholder(tmp_path, monkeypatch):
    folder = tmp_path / "locales" / "ar" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    original = (tool.LOCALES / "ar" / "LC_MESSAGES" / "core.po").read_text("utf-8")
    broken = original.replace('msgstr "اللغة: {language}"', 'msgstr "اللغة: {lang}"')
    assert broken != original
    (folder / "core.po").write_text(broken, "utf-8")
    monkeypatch.setattr(tool, "LOCALES", tmp_path / "locales")
    problems = tool.check().problems
    assert any("Language: {language}" in p and "placeholders" in p for p in problems)
    assert any(p.startswith("nl: missing") for p in problems)


def test_plural_forms_follow_cldr():
    for lang in LANGUAGES:
        path = tool.LOCALES / lang / "LC_MESSAGES" / "core.po"
        with path.open("rb") as handle:
            catalog = read_po(handle, locale=lang)
        assert catalog.plural_forms == PLURAL_FORMS[lang]
    assert catalog is not None


def test_no_compiled_catalogs_are_committed():
    assert not list(tool.LOCALES.rglob("*.mo"))


def test_every_source_placeholder_is_a_named_field():
    for msgid in tool.extract(tool.PARTICIPANT_KEYWORDS) | tool.extract(tool.STAFF_KEYWORDS):
        assert "{}" not in msgid and "{0" not in msgid, f"positional placeholder in {msgid!r}"
        placeholders(msgid)  # raises on a malformed format string


def test_plural_rules_at_run_time_count_zero_as_singular_in_tigrinya_and_use_six_arabic_forms():
    from zoneinfo import ZoneInfo

    i18n = I18n(ZoneInfo("Europe/Amsterdam"))
    ti = i18n.get("ti").translations.plural
    assert [ti(n) for n in (0, 1, 2)] == [0, 0, 1]
    ar = i18n.get("ar").translations.plural
    assert [ar(n) for n in (0, 1, 2, 5, 11, 100, 102)] == [0, 1, 2, 3, 4, 5, 5]


def test_rtl_messages_start_right_to_left_and_isolate_latin_values(tmp_path):
    from zoneinfo import ZoneInfo

    tr = I18n(ZoneInfo("Europe/Amsterdam")).get("ar")
    text = tr._("Hello {name}! You are linked as {role}.", name="Amira Haddad", role="x")
    assert text.startswith("\u200f")
    assert "\u2068Amira Haddad\u2069" in text
    nl = I18n(ZoneInfo("Europe/Amsterdam")).get("nl")
    assert nl._("Hello {name}! You are linked as {role}.", name="Amira", role="x") == (
        "Hallo Amira! Je bent gekoppeld als x.")


AMS = ZoneInfo("Europe/Amsterdam")


def test_a_fragment_has_no_right_to_left_mark_and_a_message_used_as_a_value_loses_it():
    i18n = I18n(AMS)
    ar, nl = i18n.get("ar"), i18n.get("nl")
    for tr in (ar, nl):
        assert tr.f_("Answer") == tr._("Answer").lstrip(RLM)
        assert tr.sf_("Refuse") == tr.s_("Refuse").lstrip(RLM)
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
