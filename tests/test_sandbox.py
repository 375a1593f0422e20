"""The sandbox Bot API server, driven by the real python-telegram-bot Bot/Application."""

from __future__ import annotations

import ast
import asyncio
import datetime as dtm
import json
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import httpx
import pytest
from telegram import (
    Bot,
    BotCommand,
    BotCommandScopeAllPrivateChats,
    BotCommandScopeChat,
    File,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    ReplyKeyboardMarkup,
    ReplyKeyboardRemove,
    Update,
)
from telegram.constants import ParseMode
from telegram.error import BadRequest, Conflict, Forbidden, InvalidToken, RetryAfter
from telegram.ext import (
    Application,
    ApplicationBuilder,
    CallbackQueryHandler,
    CommandHandler,
    ContextTypes,
    MessageHandler,
    filters,
)

from bot.sandbox import SandboxClient, SandboxError, SandboxServer, SandboxUser, SentMessage
from bot.sandbox.botapi import METHODS
from bot.sandbox.control import TINY_PNG

USER_ID = 101
ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(autouse=True)
def _ptb_timedelta(monkeypatch: pytest.MonkeyPatch) -> None:
    # PTB 22.8 warns (an error here) when it builds RetryAfter with int periods.
    monkeypatch.setenv("PTB_TIMEDELTA", "true")


@pytest.fixture
async def server() -> AsyncIterator[SandboxServer]:
    sandbox = SandboxServer()
    await sandbox.start()
    yield sandbox
    await sandbox.stop()


@pytest.fixture
async def client(server: SandboxServer) -> AsyncIterator[SandboxClient]:
    async with SandboxClient(server.url) as sandbox_client:
        yield sandbox_client


@pytest.fixture
async def bot(server: SandboxServer) -> AsyncIterator[Bot]:
    async with _bot(server) as ptb_bot:
        yield ptb_bot


@pytest.fixture
async def http(server: SandboxServer) -> AsyncIterator[httpx.AsyncClient]:
    async with httpx.AsyncClient(base_url=server.url) as raw_client:
        yield raw_client


@pytest.fixture
async def anna(client: SandboxClient) -> SandboxUser:
    """A user who already wrote to the bot, so the private chat exists."""
    user = await client.user(USER_ID, "Anna", language_code="nl", username="anna_nl")
    await user.send("hallo")
    return user


def _bot(server: SandboxServer, token: str | None = None) -> Bot:
    return Bot(
        token or server.token, base_url=server.bot_api_url, base_file_url=server.file_url
    )


@asynccontextmanager
async def running(server: SandboxServer, *handlers: Any) -> AsyncIterator[Application]:
    """A real PTB Application polling the sandbox; fails if any handler raised."""
    app = (
        ApplicationBuilder()
        .token(server.token)
        .base_url(server.bot_api_url)
        .base_file_url(server.file_url)
        .build()
    )
    errors: list[BaseException] = []

    async def on_error(update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
        errors.append(context.error)

    for handler in handlers:
        app.add_handler(handler)
    app.add_error_handler(on_error)
    async with app:
        await app.updater.start_polling()
        await app.start()
        try:
            yield app
        finally:
            await app.updater.stop()
            await app.stop()
    assert errors == []


async def _download(file: File) -> bytes:
    return bytes(await file.download_as_bytearray())


def _keyboard(*rows: list[tuple[str, str]]) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(
        [[InlineKeyboardButton(text, callback_data=data) for text, data in row] for row in rows]
    )


# -- Bot API basics ----------------------------------------------------------------------------


async def test_get_me_describes_the_bot(bot: Bot) -> None:
    me = await bot.get_me()
    assert (me.id, me.is_bot, me.username) == (1000001, True, "inburger_sandbox_bot")
    assert me.first_name
    assert me.can_join_groups is True
    assert me.can_read_all_group_messages is False
    assert me.supports_inline_queries is False


async def test_wrong_token_is_unauthorized(server: SandboxServer, http: httpx.AsyncClient) -> None:
    with pytest.raises(InvalidToken):
        async with _bot(server, token="999:wrong-token"):
            pass
    response = await http.post("/bot999:wrong-token/getMe")
    assert response.status_code == 401
    assert response.json() == {"ok": False, "error_code": 401, "description": "Unauthorized"}


async def test_unknown_method_is_not_found(server: SandboxServer, http: httpx.AsyncClient) -> None:
    response = await http.post(f"/bot{server.token}/sendTelepathy")
    assert response.status_code == 404
    assert response.json() == {"ok": False, "error_code": 404, "description": "Not Found"}


async def test_parameters_from_query_json_and_form(
    server: SandboxServer, http: httpx.AsyncClient, anna: SandboxUser
) -> None:
    base = f"/bot{server.token}"
    markup = json.dumps({"inline_keyboard": [[{"text": "Ja", "callback_data": "yes"}]]})
    by_query = await http.get(f"{base}/sendMessage", params={"chat_id": USER_ID, "text": "query"})
    by_json = await http.post(
        f"{base}/sendMessage",
        json={"chat_id": USER_ID, "text": "json", "reply_markup": json.loads(markup)},
    )
    by_form = await http.post(
        f"{base}/sendmessage", data={"chat_id": str(USER_ID), "text": "123", "reply_markup": markup}
    )
    assert [r.status_code for r in (by_query, by_json, by_form)] == [200, 200, 200]
    assert by_form.json()["result"]["text"] == "123"  # a numeric text stays a string
    messages = await anna.messages()
    assert [m.text for m in messages] == ["query", "json", "123"]
    assert messages[1].buttons == messages[2].buttons == [[("Ja", "yes")]]


@pytest.mark.parametrize(
    "params",
    [
        {},
        {"chat_id": "abc", "text": ""},
        {"chat_id": str(USER_ID), "text": "x", "reply_markup": "{not json"},
        {"chat_id": str(USER_ID), "text": "x", "reply_markup": "[1, 2]"},
        {"chat_id": str(USER_ID), "message_id": "zz", "offset": "x", "limit": "many"},
        {"chat_id": str(USER_ID), "commands": '[{"command": 5}]', "scope": '{"type": 1}'},
        {"chat_id": str(USER_ID), "document": "nope", "photo": "attach://missing"},
        {"callback_query_id": "1", "show_alert": "perhaps", "file_id": "unknown"},
        {"chat_id": str(USER_ID), "reply_parameters": '"x"', "action": "dancing", "text": "t"},
    ],
)
async def test_malformed_parameters_give_4xx_never_500(
    server: SandboxServer, http: httpx.AsyncClient, anna: SandboxUser, params: dict[str, str]
) -> None:
    for name in sorted(METHODS):
        if name == "getupdates":
            params = {**params, "timeout": "0"}
        response = await http.post(f"/bot{server.token}/{name}", data=params)
        assert response.status_code < 500, (name, response.text)
        body = response.json()
        assert body["ok"] is (response.status_code == 200), (name, body)
        if not body["ok"]:
            assert body["error_code"] == response.status_code
            assert body["description"]


@pytest.mark.parametrize(
    "params",
    [
        {"chat_id": {"id": 1}, "text": ["a"], "reply_markup": 5, "offset": 1.5, "limit": True},
        {"chat_id": USER_ID, "text": "x", "reply_markup": {"inline_keyboard": "row"}},
        {"chat_id": USER_ID, "text": "x", "reply_markup": {"inline_keyboard": [[{"text": 1}]]}},
        {"chat_id": USER_ID, "commands": {"a": 1}, "scope": [], "language_code": 12},
        {"chat_id": USER_ID, "message_id": 10**30, "timeout": 10**30, "entities": "x"},
        {"chat_id": 1e400, "callback_query_id": None, "file_id": {"x": 1}, "url": []},
    ],
)
async def test_malformed_json_parameters_give_4xx_never_500(
    server: SandboxServer, http: httpx.AsyncClient, anna: SandboxUser, params: dict[str, Any]
) -> None:
    body = json.dumps({**params, "timeout": 0} if "timeout" not in params else params)
    for name in sorted(METHODS):
        if name == "getupdates" and "timeout" in params:
            continue
        response = await http.post(
            f"/bot{server.token}/{name}", content=body, headers={"content-type": "application/json"}
        )
        assert response.status_code < 500, (name, response.text)
        assert response.json()["ok"] is (response.status_code == 200), name


async def test_malformed_bodies_give_400(server: SandboxServer, http: httpx.AsyncClient) -> None:
    url = f"/bot{server.token}/sendMessage"
    bodies = [
        ({"content-type": "application/json"}, b"{broken"),
        ({"content-type": "application/json"}, b"[1, 2]"),
        ({"content-type": "multipart/form-data; boundary=xyz"}, b"--xyz\r\ngarbage"),
        ({"content-type": "application/x-www-form-urlencoded"}, b"chat_id=%ZZ&text=%"),
    ]
    for headers, body in bodies:
        response = await http.post(url, headers=headers, content=body)
        assert response.status_code == 400, body
        assert response.json()["ok"] is False


# -- conversations through a real Application --------------------------------------------------


async def test_start_command_reaches_command_handler(
    server: SandboxServer, client: SandboxClient
) -> None:
    seen_args: list[list[str]] = []

    async def start(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        seen_args.append(list(context.args or []))
        await update.message.reply_text("hi")

    async with running(server, CommandHandler("start", start)):
        user = await client.user(7, "Bram", language_code="en")
        await user.send("/start")
        reply = await user.wait_for_message("hi")
        await user.send("/start@inburger_sandbox_bot school42")
        await user.wait_for_message("hi")
    assert reply.text == "hi" and reply.edited is False and reply.chat_id == 7
    assert seen_args == [[], ["school42"]]


async def test_inline_button_press_reaches_callback_handler(
    server: SandboxServer, client: SandboxClient
) -> None:
    async def start(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        keyboard = _keyboard(
            [("Nederlands", "lang:nl"), ("English", "lang:en")], [("العربية", "lang:ar")]
        )
        await update.message.reply_text("Kies je taal", reply_markup=keyboard)

    async def choose(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        query = update.callback_query
        await query.answer(f"ok {query.data}", show_alert=query.data == "lang:ar")
        if query.data == "lang:nl":
            await query.edit_message_text("Taal: Nederlands")

    async with running(server, CommandHandler("start", start), CallbackQueryHandler(choose)):
        user = await client.user(8, "Chadia", language_code="ar")
        await user.send("/start")
        menu = await user.wait_for_message("Kies")
        assert menu.button_texts == ["Nederlands", "English", "العربية"]
        await user.press(2, menu)  # by index, row-major
        await user.press("Engl")  # by substring, latest message with buttons
        await user.press("Nederlands", menu)  # exact text
        edited = await user.wait_for_message("Taal")
        for _ in range(50):
            if len(await user.callback_answers()) == 3:
                break
            await asyncio.sleep(0.02)
        stats = await client.stats()
    answers = await user.callback_answers()
    assert [(a["data"], a["text"], a["show_alert"]) for a in answers] == [
        ("lang:ar", "ok lang:ar", True),
        ("lang:en", "ok lang:en", False),
        ("lang:nl", "ok lang:nl", False),
    ]
    assert edited.edited and edited.message_id == menu.message_id
    assert edited.buttons == []  # editMessageText without reply_markup drops the keyboard
    assert stats["unanswered_callback_queries"] == 0


async def test_press_checks_the_buttons(client: SandboxClient, bot: Bot, anna: SandboxUser) -> None:
    await bot.send_message(USER_ID, "Vraag", reply_markup=_keyboard([("Ja", "yes")]))
    message = await anna.wait_for_message("Vraag")
    with pytest.raises(AssertionError, match="no button 'Nee'"):
        await anna.press("Nee", message)
    with pytest.raises(AssertionError):
        await anna.press(1, message)
    with pytest.raises(SandboxError) as refused:
        await client.call(
            "POST",
            f"/users/{USER_ID}/press",
            json={"message_id": message.message_id, "callback_data": "no"},
        )
    assert refused.value.status == 400
    plain = await bot.send_message(USER_ID, "Geen knoppen")
    with pytest.raises(SandboxError):
        await client.call(
            "POST",
            f"/users/{USER_ID}/press",
            json={"message_id": plain.message_id, "callback_data": "yes"},
        )


async def test_callback_query_can_be_answered_once(bot: Bot, anna: SandboxUser) -> None:
    await bot.send_message(USER_ID, "Vraag", reply_markup=_keyboard([("Ja", "yes")]))
    query_id = await anna.press("Ja")
    updates = await bot.get_updates(timeout=0)
    queries = [u.callback_query for u in updates if u.callback_query]
    assert len(queries) == 1
    query = queries[0]
    assert (query.id, query.data, query.from_user.id) == (query_id, "yes", USER_ID)
    assert query.message.text == "Vraag" and query.chat_instance
    assert await query.answer("Dank je") is True
    with pytest.raises(BadRequest, match="Query is too old"):
        await query.answer("again")
    with pytest.raises(BadRequest, match="Query is too old"):
        await bot.answer_callback_query("12345")
    assert [a["text"] for a in await anna.callback_answers()] == ["Dank je"]


async def test_user_media_reaches_the_bot(server: SandboxServer, client: SandboxClient) -> None:
    received: dict[str, bytes | int] = {}

    async def voice(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        received["duration"] = int(update.message.voice.duration.total_seconds())
        received["voice"] = await _download(await update.message.voice.get_file())
        await update.message.reply_text("voice ok")

    async def photo(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        received["photo"] = await _download(await update.message.photo[-1].get_file())
        await update.message.reply_text("photo ok")

    async def document(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        doc = update.message.document
        received["document"] = await _download(await doc.get_file())
        await update.message.reply_text(f"doc ok {doc.file_name} {doc.mime_type}")

    handlers = [
        MessageHandler(filters.VOICE, voice),
        MessageHandler(filters.PHOTO, photo),
        MessageHandler(filters.Document.ALL, document),
    ]
    async with running(server, *handlers):
        user = await client.user(9, "Dirk")
        await user.send_voice(duration=7, content=b"OggS-voice")
        await user.wait_for_message("voice ok")
        await user.send_photo(caption="foto")
        await user.wait_for_message("photo ok")
        await user.send_document("lijst.pdf", b"%PDF-1.4 lijst", mime="application/pdf")
        reply = await user.wait_for_message("doc ok")
    assert received == {
        "duration": 7,
        "voice": b"OggS-voice",
        "photo": TINY_PNG,
        "document": b"%PDF-1.4 lijst",
    }
    assert reply.text == "doc ok lijst.pdf application/pdf"


# -- sending rules -----------------------------------------------------------------------------


async def test_text_length_is_checked(bot: Bot, anna: SandboxUser) -> None:
    await bot.send_message(USER_ID, "x" * 4096)
    with pytest.raises(BadRequest, match="Message is too long"):
        await bot.send_message(USER_ID, "x" * 4097)
    with pytest.raises(BadRequest, match="Message is too long"):
        await bot.send_message(USER_ID, "😀" * 2049)  # 4098 UTF-16 code units
    for empty in ("", "  \n "):
        with pytest.raises(BadRequest, match="Message text is empty"):
            await bot.send_message(USER_ID, empty)
    assert [len(m.text) for m in await anna.messages()] == [4096]


async def test_html_parse_mode(bot: Bot, anna: SandboxUser) -> None:
    sent = await bot.send_message(
        USER_ID, "<b>Hallo</b> &amp; <i>welkom</i> 😀 <a href='https://x.nl'>hier</a>",
        parse_mode=ParseMode.HTML,
    )
    assert sent.text == "Hallo & welkom 😀 hier"
    kinds = [(e.type, e.offset, e.length) for e in sent.entities]
    assert kinds == [("bold", 0, 5), ("italic", 8, 6), ("text_link", 18, 4)]
    assert (await anna.wait_for_message()).text == "Hallo & welkom 😀 hier"
    with pytest.raises(BadRequest, match="(?i)unsupported start tag \"div\""):
        await bot.send_message(USER_ID, "<div>x</div>", parse_mode=ParseMode.HTML)
    with pytest.raises(BadRequest, match="parse entities"):
        await bot.send_message(USER_ID, "<b>open", parse_mode=ParseMode.HTML)
    with pytest.raises(BadRequest, match="Message text is empty"):
        await bot.send_message(USER_ID, "<b> </b>", parse_mode=ParseMode.HTML)


async def test_callback_data_is_1_to_64_bytes(bot: Bot, anna: SandboxUser) -> None:
    await bot.send_message(USER_ID, "ok", reply_markup=_keyboard([("a", "x" * 64)]))
    for data in ("x" * 65, "é" * 33):  # 65 and 66 bytes in UTF-8
        with pytest.raises(BadRequest, match="Button_data_invalid"):
            await bot.send_message(USER_ID, "te lang", reply_markup=_keyboard([("a", data)]))
    with pytest.raises(BadRequest, match="(?i)text buttons are unallowed"):
        await bot.send_message(
            USER_ID, "x", reply_markup=InlineKeyboardMarkup([[InlineKeyboardButton("alleen")]])
        )
    assert [m.text for m in await anna.messages()] == ["ok"]


async def test_reply_keyboards_are_accepted(bot: Bot, anna: SandboxUser) -> None:
    await bot.send_message(USER_ID, "Kies", reply_markup=ReplyKeyboardMarkup([["Ja", "Nee"]]))
    info = await anna.chat_info()
    assert info["reply_keyboard"]["keyboard"] == [[{"text": "Ja"}, {"text": "Nee"}]]
    await bot.send_message(USER_ID, "Klaar", reply_markup=ReplyKeyboardRemove())
    assert (await anna.chat_info())["reply_keyboard"] is None
    assert [m.buttons for m in await anna.messages()] == [[], []]


async def test_unknown_chat_and_blocked_user(bot: Bot, client: SandboxClient) -> None:
    with pytest.raises(BadRequest, match="Chat not found"):
        await bot.send_message(424242, "hallo")
    silent = await client.user(55, "Eva")  # exists, but never wrote to the bot
    with pytest.raises(BadRequest, match="Chat not found"):
        await bot.send_message(silent.chat_id, "hallo")
    await silent.send("/start")
    await silent.block()
    with pytest.raises(Forbidden, match="bot was blocked by the user"):
        await bot.send_message(55, "hallo")
    with pytest.raises(Forbidden):
        await bot.send_chat_action(55, "typing")
    with pytest.raises(SandboxError):
        await silent.send("still here?")
    await silent.unblock()
    await bot.send_message(55, "welkom terug")
    updates = await bot.get_updates(timeout=0)
    statuses = [u.my_chat_member.new_chat_member.status for u in updates if u.my_chat_member]
    assert statuses == ["kicked", "member"]
    assert [m.text for m in await silent.messages()] == ["welkom terug"]


async def test_edit_and_delete(bot: Bot, anna: SandboxUser) -> None:
    sent = await bot.send_message(USER_ID, "Stap 1", reply_markup=_keyboard([("Verder", "next")]))
    with pytest.raises(BadRequest, match="Message is not modified"):
        await bot.edit_message_text(
            "Stap 1", USER_ID, sent.message_id, reply_markup=_keyboard([("Verder", "next")])
        )
    edited = await bot.edit_message_text(
        "Stap 2", USER_ID, sent.message_id, reply_markup=_keyboard([("Terug", "back")])
    )
    assert edited.text == "Stap 2" and edited.edit_date is not None
    marked = await bot.edit_message_reply_markup(USER_ID, sent.message_id, reply_markup=None)
    assert marked.reply_markup is None
    with pytest.raises(BadRequest, match="Message is not modified"):
        await bot.edit_message_reply_markup(USER_ID, sent.message_id)
    with pytest.raises(BadRequest, match="Message to edit not found"):
        await bot.edit_message_text("x", USER_ID, 9999)
    with pytest.raises(BadRequest, match="can't be edited"):
        await bot.edit_message_text("x", USER_ID, 1)  # Anna's own "hallo"
    events = [await anna.wait_for_message(timeout=2) for _ in range(3)]
    assert [(e.text, e.edited, e.buttons) for e in events] == [
        ("Stap 1", False, [[("Verder", "next")]]),
        ("Stap 2", True, [[("Terug", "back")]]),
        ("Stap 2", True, []),
    ]
    assert await bot.delete_message(USER_ID, sent.message_id) is True
    with pytest.raises(BadRequest, match="Message to delete not found"):
        await bot.delete_message(USER_ID, sent.message_id)
    assert await anna.messages() == []


async def test_replies_quote_the_original(bot: Bot, anna: SandboxUser) -> None:
    reply = await bot.send_message(USER_ID, "Antwoord", reply_to_message_id=1)
    assert reply.reply_to_message is not None and reply.reply_to_message.text == "hallo"
    with pytest.raises(BadRequest, match="(?i)message to be replied not found"):
        await bot.send_message(USER_ID, "Antwoord", reply_to_message_id=999)
    loose = await bot.send_message(
        USER_ID, "Los", reply_to_message_id=999, allow_sending_without_reply=True
    )
    assert loose.reply_to_message is None


async def test_documents_and_photos(
    server: SandboxServer, bot: Bot, anna: SandboxUser
) -> None:
    pdf = b"%PDF-1.4 urenverklaring"
    sent = await bot.send_document(USER_ID, pdf, filename="urenverklaring.pdf", caption="Je uren")
    assert sent.document.file_name == "urenverklaring.pdf"
    assert sent.document.mime_type == "application/pdf"
    assert sent.document.file_size == len(pdf)
    seen = await anna.wait_for_message("Je uren")
    assert seen.document is not None and seen.document["file_name"] == "urenverklaring.pdf"
    assert await anna.download(seen) == pdf
    file = await bot.get_file(sent.document.file_id)
    assert bytes(await file.download_as_bytearray()) == pdf
    again = await bot.send_document(USER_ID, sent.document.file_id)
    assert again.document.file_id == sent.document.file_id
    with pytest.raises(BadRequest, match="Message caption is too long"):
        await bot.send_document(USER_ID, pdf, filename="a.pdf", caption="x" * 1025)
    with pytest.raises(BadRequest, match="Wrong file identifier"):
        await bot.send_document(USER_ID, "no-such-file-id")
    with pytest.raises(BadRequest, match="Invalid file_id"):
        await bot.get_file("no-such-file-id")
    photo = await bot.send_photo(USER_ID, TINY_PNG, caption="foto")
    assert photo.photo[-1].file_size == len(TINY_PNG)
    assert await anna.download(await anna.wait_for_message("foto")) == TINY_PNG
    with pytest.raises(BadRequest, match="Image_process_failed"):
        await bot.send_photo(USER_ID, b"not an image")
    async with httpx.AsyncClient() as http:
        missing = await http.get(f"{server.file_url}{server.token}/documents/none.pdf")
    assert missing.status_code == 404


async def test_chat_actions_are_recorded(bot: Bot, anna: SandboxUser) -> None:
    assert await bot.send_chat_action(USER_ID, "upload_document") is True
    with pytest.raises(BadRequest, match="Wrong parameter action"):
        await bot.send_chat_action(USER_ID, "dancing")
    actions = (await anna.chat_info())["chat_actions"]
    assert [a["action"] for a in actions] == ["upload_document"]


# -- commands ----------------------------------------------------------------------------------


async def test_command_menu_resolution(bot: Bot, client: SandboxClient) -> None:
    nl = await client.user(201, "Fenna", language_code="nl")
    en = await client.user(202, "Gary", language_code="en-GB")
    ar = await client.user(203, "Hiba", language_code="ar")
    for user in (nl, en, ar):
        await user.send("hoi")
    assert await nl.commands() == []
    await bot.set_my_commands([BotCommand("help", "Help")])
    await bot.set_my_commands([BotCommand("help", "Hulp")], language_code="nl")
    assert await en.commands() == [("help", "Help")]
    assert await nl.commands() == [("help", "Hulp")]
    await bot.set_my_commands(
        [BotCommand("start", "Begin"), BotCommand("klacht", "Klacht")],
        scope=BotCommandScopeAllPrivateChats(),
        language_code="nl",
    )
    await bot.set_my_commands([BotCommand("ar_only", "عربي")], scope=BotCommandScopeChat(203))
    assert await nl.commands() == [("start", "Begin"), ("klacht", "Klacht")]
    assert await en.commands() == [("help", "Help")]
    assert await ar.commands() == [("ar_only", "عربي")]
    stored = await bot.get_my_commands(scope=BotCommandScopeAllPrivateChats(), language_code="nl")
    assert [c.command for c in stored] == ["start", "klacht"]
    assert await bot.get_my_commands(scope=BotCommandScopeAllPrivateChats()) == ()
    await bot.delete_my_commands(scope=BotCommandScopeChat(203))
    assert await ar.commands() == [("help", "Help")]


@pytest.mark.parametrize(
    ("commands", "language_code", "error"),
    [
        ([("Start", "x")], None, "Bot_command_invalid"),
        ([("a" * 33, "x")], None, "Bot_command_invalid"),
        ([("with-dash", "x")], None, "Bot_command_invalid"),
        ([("start", "")], None, "Bot_command_description_invalid"),
        ([("start", "x" * 257)], None, "Bot_command_description_invalid"),
        ([(f"c{i}", "x") for i in range(101)], None, "Bot_commands_too_much"),
        ([("start", "x")], "nld", "Invalid language code"),
    ],
)
async def test_command_validation(
    bot: Bot, commands: list[tuple[str, str]], language_code: str | None, error: str
) -> None:
    with pytest.raises(BadRequest, match=error):
        await bot.set_my_commands(commands, language_code=language_code)


async def test_command_limits_accept_the_maximum(bot: Bot) -> None:
    commands = [(f"c{i}", "d" * 256) for i in range(99)] + [("x" * 32, "d")]
    assert await bot.set_my_commands(commands, language_code="nl") is True
    assert len(await bot.get_my_commands(language_code="nl")) == 100
    with pytest.raises(BadRequest, match="Chat not found"):
        await bot.set_my_commands([("a", "b")], scope=BotCommandScopeChat(777))


# -- getUpdates --------------------------------------------------------------------------------


async def test_long_poll_returns_when_an_update_arrives(
    bot: Bot, client: SandboxClient
) -> None:
    user = await client.user(301, "Ivo")
    started = time.monotonic()
    poll = asyncio.create_task(bot.get_updates(timeout=10))
    await asyncio.sleep(0.1)
    assert not poll.done()
    await user.send("/start")
    updates = await poll
    assert time.monotonic() - started < 2
    assert [u.message.text for u in updates] == ["/start"]
    entity = updates[0].message.entities[0]
    assert (entity.type, entity.offset, entity.length) == ("bot_command", 0, 6)
    assert await client.pending_updates() != []
    assert await bot.get_updates(offset=updates[-1].update_id + 1, timeout=0) == ()
    assert await client.pending_updates() == []


async def test_get_updates_limit_and_offset(bot: Bot, client: SandboxClient) -> None:
    user = await client.user(302, "Jet")
    for text in ("een", "twee", "drie"):
        await user.send(text)
    first_two = await bot.get_updates(limit=2, timeout=0)
    assert [u.message.text for u in first_two] == ["een", "twee"]
    rest = await bot.get_updates(offset=first_two[-1].update_id + 1, timeout=0)
    assert [u.message.text for u in rest] == ["drie"]
    assert [u.message.text for u in await bot.get_updates(offset=-1, timeout=0)] == ["drie"]


async def test_second_poll_terminates_the_first(server: SandboxServer, bot: Bot) -> None:
    first = asyncio.create_task(bot.get_updates(timeout=5))
    await asyncio.sleep(0.1)
    async with _bot(server) as second_instance:  # e.g. a second bot process, same token
        assert await second_instance.get_updates(timeout=0) == ()
    with pytest.raises(Conflict, match="terminated by other getUpdates request"):
        await first


async def test_webhook_blocks_polling(bot: Bot) -> None:
    with pytest.raises(BadRequest, match="(?i)https url must be provided"):
        await bot.set_webhook("http://example.org/hook")
    await bot.set_webhook("https://example.org/hook")
    assert (await bot.get_webhook_info()).url == "https://example.org/hook"
    with pytest.raises(Conflict, match="webhook is active"):
        await bot.get_updates(timeout=0)
    await bot.delete_webhook()
    assert await bot.get_updates(timeout=0) == ()
    assert await bot.log_out() is True


async def test_stop_ends_pending_long_polls() -> None:
    sandbox = SandboxServer()
    await sandbox.start()
    async with httpx.AsyncClient(base_url=sandbox.url, timeout=30) as http:
        poll = asyncio.create_task(
            http.post(f"/bot{sandbox.token}/getUpdates", data={"timeout": "30"})
        )
        await asyncio.sleep(0.1)
        started = time.monotonic()
        await sandbox.stop()
        response = await poll
    assert time.monotonic() - started < 2
    assert response.json() == {"ok": True, "result": []}


# -- rate limits -------------------------------------------------------------------------------


async def test_limits_are_off_by_default(
    bot: Bot, client: SandboxClient, anna: SandboxUser
) -> None:
    await asyncio.gather(*(bot.send_message(USER_ID, f"m{i}") for i in range(10)))
    stats = await client.stats()
    assert stats["too_many_requests"] == 0 and stats["total_messages"] == 10


async def test_burst_to_one_chat_gets_retry_after(
    bot: Bot, client: SandboxClient, anna: SandboxUser
) -> None:
    await client.set_limits(True)
    results = await asyncio.gather(
        *(bot.send_message(USER_ID, f"m{i}") for i in range(4)), return_exceptions=True
    )
    rejected = [r for r in results if isinstance(r, RetryAfter)]
    assert len(rejected) == 1 and len(results) - len(rejected) == 3
    assert rejected[0].retry_after >= dtm.timedelta(seconds=1)
    stats = await client.stats()
    assert stats["too_many_requests"] == 1
    assert stats["chats"][str(USER_ID)]["messages"] == 3
    assert stats["chats"][str(USER_ID)]["too_many_requests"] == 1
    assert len(await anna.messages()) == 3  # the rejected one was not delivered
    await client.set_limits(False)
    await bot.send_message(USER_ID, "vrij")


async def test_chat_bucket_refills_and_counts_edits(
    bot: Bot, client: SandboxClient, anna: SandboxUser
) -> None:
    await client.set_limits(True, chat_rate=20, chat_burst=1)
    sent = await bot.send_message(USER_ID, "een")
    with pytest.raises(RetryAfter):
        await bot.send_message(USER_ID, "twee")
    with pytest.raises(RetryAfter):
        await bot.edit_message_text("een!", USER_ID, sent.message_id)
    await asyncio.sleep(0.06)
    await bot.edit_message_text("een!", USER_ID, sent.message_id)
    await asyncio.sleep(0.06)
    await bot.send_message(USER_ID, "twee")
    stats = await client.stats()
    assert stats["too_many_requests"] == 2
    times = stats["chats"][str(USER_ID)]["send_times"]
    assert len(times) == 2 and times[1] - times[0] >= 0.1


async def test_global_limit_across_chats() -> None:
    sandbox = SandboxServer(limits=True, global_limit=5)
    await sandbox.start()
    try:
        async with SandboxClient(sandbox.url) as client, _bot(sandbox) as ptb_bot:
            users = [await client.user(400 + i, f"U{i}") for i in range(6)]
            for user in users:
                await user.send("hoi")
            results = await asyncio.gather(
                *(ptb_bot.send_message(u.chat_id, "nieuws") for u in users),
                return_exceptions=True,
            )
            stats = await client.stats()
    finally:
        await sandbox.stop()
    assert sum(isinstance(r, RetryAfter) for r in results) == 1
    assert stats["total_messages"] == 5 and stats["too_many_requests"] == 1


# -- driver ------------------------------------------------------------------------------------


async def test_wait_for_message_consumes_events_in_order(bot: Bot, anna: SandboxUser) -> None:
    for text in ("een", "twee", "drie", "vier"):
        await bot.send_message(USER_ID, text)
    assert (await anna.wait_for_message()).text == "een"
    assert (await anna.wait_for_message("drie")).text == "drie"  # skips (consumes) "twee"
    assert (await anna.wait_for_message()).text == "vier"
    with pytest.raises(AssertionError, match="no bot message within 0.2s"):
        await anna.wait_for_message(timeout=0.2)


async def test_wait_for_message_timeout_lists_what_was_seen(bot: Bot, anna: SandboxUser) -> None:
    await bot.send_message(USER_ID, "Welkom")
    await bot.send_message(USER_ID, "Kies je taal")
    with pytest.raises(AssertionError) as failure:
        await anna.wait_for_message("Tot ziens", timeout=0.3)
    assert "'Welkom'" in str(failure.value) and "'Kies je taal'" in str(failure.value)


async def test_messages_view(bot: Bot, anna: SandboxUser) -> None:
    keyboard = _keyboard([("1", "a1"), ("2", "a2")], [("3", "a3")])
    await bot.send_message(USER_ID, "A", reply_markup=keyboard)
    messages = await anna.messages()
    assert len(messages) == 1 and isinstance(messages[0], SentMessage)
    assert messages[0].buttons == [[("1", "a1"), ("2", "a2")], [("3", "a3")]]
    assert messages[0].button_texts == ["1", "2", "3"]
    assert messages[0].find_button(2) == ("3", "a3")


async def test_reset_forgets_everything_but_counters(
    bot: Bot, client: SandboxClient, anna: SandboxUser
) -> None:
    first = await bot.get_updates(timeout=0)
    await bot.send_message(USER_ID, "voor de reset")
    await client.reset()
    with pytest.raises(BadRequest, match="Chat not found"):
        await bot.send_message(USER_ID, "na de reset")
    assert (await client.stats())["total_messages"] == 0
    again = await client.user(USER_ID, "Anna")
    await again.send("opnieuw")
    second = await bot.get_updates(offset=first[-1].update_id + 1, timeout=0)
    assert [u.message.text for u in second] == ["opnieuw"]
    assert second[0].update_id > first[-1].update_id


async def test_bot_can_relay_a_users_voice_message_by_file_id(
    bot: Bot, client: SandboxClient
) -> None:
    user = await client.user(391, "Voice")
    await user.send_voice(duration=7)
    updates = await bot.get_updates(timeout=0)
    voice = updates[-1].message.voice
    assert voice.duration.total_seconds() == 7
    sent = await bot.send_voice(391, voice.file_id, caption="your message")
    assert sent.voice.file_id == voice.file_id
    with pytest.raises(BadRequest):
        await bot.send_voice(391, "no-such-file")


def _imported_modules(path: Path) -> set[str]:
    """The absolute module names a source file imports (relative imports resolved)."""
    package = ".".join(path.relative_to(ROOT).with_suffix("").parts)
    if path.name != "__init__.py":
        package = package.rpartition(".")[0]
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = package.rsplit(".", node.level - 1)[0] if node.level else ""
            module = ".".join(part for part in (base, node.module or "") if part)
            names.add(module)
            names.update(f"{module}.{alias.name}" for alias in node.names)
    return names


def test_production_never_needs_the_sandbox() -> None:
    """Only the demo imports the sandbox, and the sandbox imports no feature, storage or handler."""
    sandbox_dir = ROOT / "bot" / "sandbox"
    importers = [
        path.relative_to(ROOT).as_posix()
        for top in ("bot", "conversations", "storage")
        for path in sorted((ROOT / top).rglob("*.py"))
        if sandbox_dir not in path.parents
        and any(name.startswith("bot.sandbox") for name in _imported_modules(path))
    ]
    assert set(importers) <= {"bot/cli.py", "bot/demo.py"}, importers
    outside = {
        name
        for path in sandbox_dir.rglob("*.py")
        for name in _imported_modules(path)
        if name.split(".")[0] in ("bot", "conversations", "storage")
        and not name.startswith("bot.sandbox")
    }
    assert outside <= {"bot.serving", "bot.serving.UvicornTask"}, outside


async def test_commands_in_a_bots_text_are_entities_as_telegram_finds_them(
    bot: Bot, anna: SandboxUser
) -> None:
    text = "\u200fأرسل /help أو \u2068/taal\u2069 – /\u2068rooster\u2069 a/b /x_1@SomeBot."
    sent = await bot.send_message(USER_ID, text)
    units = text.encode("utf-16-le")
    found = [units[2 * e.offset:2 * (e.offset + e.length)].decode("utf-16-le")
             for e in sent.entities if e.type == "bot_command"]
    assert found == ["/help", "/taal", "/x_1@SomeBot"], "no command after an isolate or a letter"
