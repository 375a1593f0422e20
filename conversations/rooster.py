"""/rooster: a participant's lessons of one week, with buttons for the weeks before and after,
changed and cancelled lessons marked and holidays shown; the private calendar-feed link; and for
klantmanagers the rooster of any participant in their caseload (issue 4; convenant art. 10.4: a
clear lesrooster, art. 13.2: the klantmanager follows their own participants only).

Callback data: ``rooster:w:<person>:<day>`` opens a week as a new message (from a notification),
``rooster:n:<person>:<day>`` navigates in place, ``rooster:p:<page>`` lists the caseload,
``rooster:feed`` and ``rooster:renew`` give the calendar link, ``rooster:t`` today and the next
lesson with the way there (issue 14). Person 0 means "myself". Every press
is checked against the presser's rights: a participant sees only their own rooster, a klantmanager
only their caseload.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, LinkPreviewOptions, Update
from telegram.ext import Application, CallbackQueryHandler, CommandHandler

from bot.context import BotContext
from bot.i18n import N_, SN_, Translator
from bot.menus import MENU_PREFIX
from bot.names import name_of, told_apart
from bot.rooster import notices  # noqa: F401  (registers the rooster notifications' renderers)
from bot.rooster.feed import feed_url
from bot.rooster.notices import entry_lines, kind_label, place_text
from bot.rooster.way import map_url, way_lines
from bot.rules.localtime import at_local
from bot.services import Command, Services
from storage import attendance as attendance_store
from storage import feed_tokens, people
from storage import holidays as holiday_store
from storage import lessons as lesson_store

COMMANDS = (
    Command("rooster", N_("Your lesson timetable"), frozenset({"participant", "klantmanager"}),
            staff_description=SN_("The lesson timetable of a participant")),
)
MENU = ("rooster",)

PREFIX = "rooster:"
MAX_WEEKS_AWAY = 104
PAGE = 8
NO_PREVIEW = LinkPreviewOptions(is_disabled=True)

CHANGE_WORDS = {
    "moved": N_("new time"),
    "location": N_("new place"),
    "teacher": N_("new teacher"),
}


def monday_of(day: date) -> date:
    return day - timedelta(days=day.weekday())


def _change_marker(tr: Translator, view: lesson_store.LessonView) -> str | None:
    """"Changed: new time (was Monday 30 November 09:00), new place" or None."""
    parts = []
    for kind in view.change_kinds:
        if kind in CHANGE_WORDS:
            part = tr.f_(CHANGE_WORDS[kind])
            if kind == "moved" and view.previous_starts_at is not None:
                old = view.previous_starts_at
                part += " " + tr.f_("(was {old})", old=f"{tr.weekday_date(old)} {tr.time(old)}")
            parts.append(part)
        elif kind == "mode":
            parts.append(tr.f_("online now") if view.lesson.mode == "distance"
                         else tr.f_("in the classroom now"))
    if not parts:
        return None
    return tr.f_("Changed: {what}", what=tr.safe(", ".join(parts)))


def next_lesson(views: list[lesson_store.LessonView], now: datetime
                ) -> lesson_store.LessonView | None:
    """The first lesson that has not started yet and takes place."""
    return next((v for v in views if not v.lesson.cancelled and v.lesson.starts_at > now), None)


def week_text(tr: Translator, monday: date, views: list[lesson_store.LessonView],
              holidays, whose: str | None, now: datetime | None = None,
              reported: frozenset[int] = frozenset()) -> str:
    """The week's lessons day by day, with marks (changed, today, the next lesson, reported
    absent) and the way there; ``whose`` names the participant for a klantmanager."""
    today = tr.local(now).date() if now is not None else None
    coming = next_lesson(views, now) if now is not None else None
    sunday = monday + timedelta(days=6)
    week = tr.number(monday.isocalendar().week)
    if whose is None:
        title = tr.f_("Your lessons, week {week} ({first} – {last})", week=week,
                      first=tr.date(monday, "d MMMM"), last=tr.date(sunday, "d MMMM"))
    else:
        title = tr.sf_("Rooster of {name}, week {week} ({first} – {last})", name=whose, week=week,
                       first=tr.date(monday, "d MMMM"), last=tr.date(sunday, "d MMMM"))
    lines = ["📅 " + title, ""]
    for holiday in holidays:
        lines.extend(entry_lines(tr, {"holiday": holiday.name, "how": "new",
                                      "from": holiday.starts_on.isoformat(),
                                      "to": holiday.ends_on.isoformat()}))
    if holidays:
        lines.append("")
    current_day = None
    for view in views:
        lesson = view.lesson
        day = tr.local(lesson.starts_at).date()
        if day != current_day:
            if current_day is not None:
                lines.append("")
            heading = tr.weekday_date(day)
            heading = heading[:1].upper() + heading[1:]
            if day == today:
                heading = "📍 " + tr.f_("{day} (today)", day=tr.safe(heading))
            lines.append(heading)
            current_day = day
        hours = f"{tr.time(lesson.starts_at)}–{tr.time(lesson.ends_at)}"
        details = [kind_label(tr, lesson.kind), place_text(tr, lesson.location, lesson.mode)]
        if lesson.teacher:
            details.append(lesson.teacher)
        if lesson.cancelled:
            lines.append("❌ " + tr.f_("{time} {lesson}: cancelled", time=hours,
                                      lesson=tr.safe(details[0])))
            continue
        mark = ("👉 " if view is coming else "") + ("⚠️ " if view.change_kinds else
                                                   "" if view is coming else "• ")
        lines.append(mark + hours + " " + " · ".join(details))
        if view is coming:
            lines.append("    " + tr.f_("This is your next lesson."))
        marker = _change_marker(tr, view)
        if marker:
            lines.append("    " + marker)
        if lesson.id in reported:
            lines.append("    🙋 " + (tr.f_("You reported that you will not come.") if whose is None
                                     else tr.sf_("reported absent by the participant")))
        if lesson.mode == "distance" and lesson.join_url:
            lines.extend(way_lines(tr, lesson.location, lesson.mode, lesson.join_url, "    "))
    if not views:
        lines.append(tr.f_("No lessons this week."))
    places = sorted({v.lesson.location for v in views if not v.lesson.cancelled
                     and v.lesson.mode != "distance" and map_url(v.lesson.location)})
    if places:
        lines.append("")
        lines.extend("🗺 " + tr.f_("Map of {place}: {link}", place=place, link=map_url(place))
                     for place in places)
    return tr.paragraphs(lines)[:4096]


def week_keyboard(tr: Translator, person: int, monday: date, today: date, own: bool
                  ) -> InlineKeyboardMarkup:
    previous, following = monday - timedelta(weeks=1), monday + timedelta(weeks=1)
    row = [InlineKeyboardButton("◀ " + tr.f_("Previous week"),
                                callback_data=f"{PREFIX}n:{person}:{previous.isoformat()}"),
           InlineKeyboardButton(tr.f_("Next week") + " ▶",
                                callback_data=f"{PREFIX}n:{person}:{following.isoformat()}")]
    rows = [row]
    if own:
        rows.append([InlineKeyboardButton("📍 " + tr.f_("Today / next lesson"),
                                          callback_data=f"{PREFIX}t")])
    this_week = monday_of(today)
    if monday != this_week:
        rows.append([InlineKeyboardButton(tr.f_("This week"),
                                          callback_data=f"{PREFIX}n:{person}:{this_week}")])
    if own:
        rows.append([InlineKeyboardButton("🗓 " + tr.f_("Calendar link for my phone"),
                                          callback_data=f"{PREFIX}feed")])
    else:
        rows.append([InlineKeyboardButton("👥 " + tr.sf_("Other participant"),
                                          callback_data=f"{PREFIX}p:0")])
    return InlineKeyboardMarkup(rows)


async def render_week(services: Services, tr: Translator, person_id: int, monday: date,
                      whose: str | None) -> str:
    tz = services.settings.tz
    start = at_local(monday, time(0), tz)
    end = at_local(monday + timedelta(days=7), time(0), tz)
    views = await lesson_store.lessons_for_person(services.db, person_id, start, end, tz)
    holidays = await holiday_store.holidays_for_person(services.db, person_id, monday,
                                                       monday + timedelta(days=6))
    reported = await attendance_store.reported_lessons(services.db, person_id,
                                                       [v.lesson.id for v in views])
    return week_text(tr, monday, views, holidays, whose, services.now(), reported)


TODAY_AHEAD = timedelta(days=60)


async def today_text(services: Services, tr: Translator, person_id: int) -> str:
    """Today's lessons and the next lesson, each with the way there."""
    now, tz = services.now(), services.settings.tz
    today = tr.local(now).date()
    start = at_local(today, time(0), tz)
    views = await lesson_store.lessons_for_person(services.db, person_id, start,
                                                  now + TODAY_AHEAD, tz)
    reported = await attendance_store.reported_lessons(services.db, person_id,
                                                       [v.lesson.id for v in views])
    todays = [v for v in views if tr.local(v.lesson.starts_at).date() == today]
    coming = next_lesson(views, now)
    heading = tr.weekday_date(today)
    lines = ["📍 " + tr.f_("Today, {day}", day=tr.safe(heading)), ""]
    if not todays:
        lines.append(tr.f_("No lessons today."))
    shown = list(todays)
    if coming is not None and coming not in todays:
        shown.append(coming)
    for view in shown:
        lesson = view.lesson
        if view is coming and view not in todays:
            lines.extend(["", "👉 " + tr.f_("Your next lesson: {day}",
                                             day=tr.safe(tr.weekday_date(lesson.starts_at)))])
        hours = f"{tr.time(lesson.starts_at)}–{tr.time(lesson.ends_at)}"
        if lesson.cancelled:
            lines.append("❌ " + tr.f_("{time} {lesson}: cancelled", time=hours,
                                      lesson=tr.safe(kind_label(tr, lesson.kind))))
            continue
        lines.append(("👉 " if view is coming else "• ") + hours + " "
                     + kind_label(tr, lesson.kind))
        if lesson.id in reported:
            lines.append("    🙋 " + tr.f_("You reported that you will not come."))
        lines.extend(way_lines(tr, lesson.location, lesson.mode, lesson.join_url, "    "))
    if coming is None:
        lines.extend(["", tr.f_("No lessons planned in the coming weeks.")])
    return tr.paragraphs(lines)[:4096]


async def _allowed(context: BotContext, person: int) -> tuple[int, str | None] | None:
    """The participant whose rooster the presser may see, and their name for a klantmanager;
    None when they may not."""
    me = context.person
    if me is None:
        return None
    if me.role == "participant":
        return (me.id, None) if person in (0, me.id) else None
    if me.role == "klantmanager" and person:
        target = await people.get_person(context.services.db, person)
        if target is not None and target.role == "participant" and target.klantmanager_id == me.id:
            return target.id, name_of(target)
    return None


async def show(update: Update, context: BotContext) -> None:
    """/rooster: this week (participant) or the caseload to choose from (klantmanager)."""
    services, tr, me = context.services, context.tr, context.person
    if me is None or me.role not in ("participant", "klantmanager"):
        await update.effective_chat.send_message(
            tr._("Only participants and klantmanagers have a rooster here."))
        return
    if me.role == "klantmanager":
        text, keyboard = await caseload_page(context, 0)
        await update.effective_chat.send_message(text, reply_markup=keyboard)
        return
    today = tr.local(services.now()).date()
    monday = monday_of(today)
    await update.effective_chat.send_message(
        await render_week(services, tr, me.id, monday, None),
        reply_markup=week_keyboard(tr, 0, monday, today, own=True), link_preview_options=NO_PREVIEW)


async def caseload_page(context: BotContext, page: int):
    tr, me = context.tr, context.person
    caseload = await people.caseload(context.services.db, me.id)
    if not caseload:
        return tr.s_("You have no participants in your caseload."), None
    pages = (len(caseload) + PAGE - 1) // PAGE
    page = min(max(page, 0), pages - 1)
    shown = caseload[page * PAGE:(page + 1) * PAGE]
    today = monday_of(tr.local(context.services.now()).date()).isoformat()
    names = told_apart((p.id, p.name, p.external_id) for p in caseload)
    rows = [[InlineKeyboardButton(names[person.id][:60],
                                  callback_data=f"{PREFIX}w:{person.id}:{today}")]
            for person in shown]
    nav = []
    if page > 0:
        nav.append(InlineKeyboardButton("◀", callback_data=f"{PREFIX}p:{page - 1}"))
    if page < pages - 1:
        nav.append(InlineKeyboardButton("▶", callback_data=f"{PREFIX}p:{page + 1}"))
    if nav:
        rows.append(nav)
    return tr.s_("Whose rooster do you want to see?"), InlineKeyboardMarkup(rows)


async def refuse(update: Update, context: BotContext) -> None:
    await update.callback_query.answer(
        context.tr._("This button no longer works. Send /help to start again."), show_alert=True)


async def pressed(update: Update, context: BotContext) -> None:
    """Every rooster button: parse, check the presser's right, then act."""
    query = update.callback_query
    parts = (query.data or "").split(":")
    action = parts[1] if len(parts) > 1 else ""
    if action in ("w", "n") and len(parts) == 4:
        await _week_pressed(update, context, action, parts[2], parts[3])
    elif action == "p" and len(parts) == 3 and parts[2].isdigit() and context.person is not None \
            and context.person.role == "klantmanager":
        await query.answer()
        text, keyboard = await caseload_page(context, int(parts[2]))
        await query.edit_message_text(text, reply_markup=keyboard)
    elif action == "t" and len(parts) == 2 and context.person is not None \
            and context.person.role == "participant":
        await query.answer()
        await update.effective_chat.send_message(
            await today_text(context.services, context.tr, context.person.id),
            link_preview_options=NO_PREVIEW)
    elif action in ("feed", "renew") and len(parts) == 2 and context.person is not None \
            and context.person.role == "participant":
        await query.answer()
        await _feed(update, context, renew=action == "renew")
    else:
        await refuse(update, context)


async def _week_pressed(update: Update, context: BotContext, action: str, who: str, day: str
                        ) -> None:
    query, tr, services = update.callback_query, context.tr, context.services
    try:
        person, monday = int(who), monday_of(date.fromisoformat(day))
    except ValueError:
        await refuse(update, context)
        return
    today = tr.local(services.now()).date()
    allowed = await _allowed(context, person)
    if allowed is None or abs((monday - today).days) > 7 * MAX_WEEKS_AWAY:
        await refuse(update, context)
        return
    person_id, whose = allowed
    own = whose is None
    text = await render_week(services, tr, person_id, monday, whose)
    keyboard = week_keyboard(tr, 0 if own else person_id, monday, today, own)
    await query.answer()
    if action == "n":
        await query.edit_message_text(text, reply_markup=keyboard, link_preview_options=NO_PREVIEW)
    else:  # from a notification or the caseload list: keep that message, show the week below
        await update.effective_chat.send_message(text, reply_markup=keyboard,
                                                 link_preview_options=NO_PREVIEW)


FEED_HELP = N_("Add this link in your phone's calendar as a subscription (for example "
               "\"Add calendar\" → \"From URL\"). Your lessons then appear there and stay up to "
               "date. Do not share this link: anyone who has it can see your lessons.")


async def _feed(update: Update, context: BotContext, renew: bool) -> None:
    """The private calendar link: made once and shown then; later only renewed, because only
    its hash is kept."""
    services, tr, me = context.services, context.tr, context.person
    made = await feed_tokens.feed_token_made(services.db, me.id)
    if made is not None and not renew:
        await update.effective_chat.send_message(
            tr._("You already have a calendar link, made on {date}. For your safety it is not "
                 "shown again. Do you want a new link? The old link then stops working.",
                 date=tr.date(made)),
            reply_markup=InlineKeyboardMarkup([[InlineKeyboardButton(
                tr.f_("Make a new link"), callback_data=f"{PREFIX}renew")]]))
        return
    token = await feed_tokens.new_feed_token(services.db, me.id, services.now())
    url = feed_url(services.settings.base_public_url, token)
    lines = []
    if made is not None:
        lines.append(tr._("A new link was made. The old link no longer works."))
    lines.extend([tr._(FEED_HELP), "", url])
    await update.effective_chat.send_message(
        "\n".join(lines), link_preview_options=LinkPreviewOptions(is_disabled=True))


async def menu_pressed(update: Update, context: BotContext) -> None:
    await update.callback_query.answer()
    await show(update, context)


def register(app: Application, services: Services) -> None:
    app.add_handler(CommandHandler("rooster", show))
    app.add_handler(CallbackQueryHandler(menu_pressed, pattern=f"^{MENU_PREFIX}rooster$"))
    app.add_handler(CallbackQueryHandler(pressed, pattern=f"^{PREFIX}"))
