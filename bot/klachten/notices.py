"""How every klacht notification reads, in the recipient's language at send time (issue 5).

Participant messages (``_``) ship in every language; staff and klantmanager messages (``s_``) in
Dutch and English. Each renderer is registered with the outbox at import time; the same functions
render the direct replies, so a message reads the same whichever way it reaches someone.
"""

from __future__ import annotations

from collections import Counter
from datetime import datetime

from babel.numbers import format_currency
from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from bot.i18n import SN_, Translator
from bot.klachten import contacts, phrases
from bot.klachten.topics import OUTCOMES, TOPICS
from bot.outbox import Rendered, loads, renders
from storage import klachten as store
from storage.database import Database

HANDLER_PREFIX = "kh"
PARTICIPANT_PREFIX = "kp"
REGION_PREFIX = "kg"  # raising a signal to the regional coordination (``bot.klachten.region``)

STAFF_DEADLINES = {
    "decide_by": SN_("decide whether to take it into treatment"),
    "handle_by": SN_("handle it"),
}
ATTACHMENT_KINDS = {
    "voice": SN_("voice message"),
    "audio": SN_("audio file"),
    "photo": SN_("photo"),
    "document": SN_("document"),
    "video": SN_("video"),
    "video_note": SN_("video message"),
}


def when(value: str | datetime) -> datetime:
    return datetime.fromisoformat(value) if isinstance(value, str) else value


def topic_label(tr: Translator, code: str) -> str:
    return tr.f_(TOPICS.get(code, TOPICS["other"]))


def outcome_label(tr: Translator, code: str | None) -> str:
    return tr.f_(OUTCOMES.get(code or "", OUTCOMES["resolved"]))



# ---- participant -------------------------------------------------------------------------

def options_text(tr: Translator) -> str:
    """Where to go next: the klachtenlijn and the College van Arbitrage (bijlage 9, §1.8)."""
    return tr._(
        "If your klacht is not solved, you can contact the Blik op Werk klachtenlijn: "
        "phone {phone}, e-mail {email}. After the school's procedure you can also ask the "
        "College van Arbitrage Inburgeren of Blik op Werk (phone {bow_phone}, {site}) to decide. "
        "That costs {amount}; you get it back if you are proven right.",
        phone=contacts.KLACHTENLIJN_PHONE, email=contacts.KLACHTENLIJN_EMAIL,
        bow_phone=contacts.BLIK_OP_WERK_PHONE, site=contacts.BLIK_OP_WERK_SITE,
        amount=format_currency(contacts.ARBITRAGE_CONTRIBUTION_EUR, "EUR", locale=tr.locale))


def safety_lines(tr: Translator, params: dict) -> list[str]:
    """A klacht about safety (issue 14): the school was told at once; who will call."""
    if params.get("anonymous"):
        first = tr._("Because your klacht is about your safety, your school was told at once. "
                     "You stay anonymous, so nobody can call you: send /contact to see how to "
                     "reach your school.")
    elif params.get("caller"):
        first = tr._("Because your klacht is about your safety, {name} of your school was told "
                     "at once and will call you as soon as possible.", name=params["caller"])
    else:
        first = tr._("Because your klacht is about your safety, your school was told at once "
                     "and will call you as soon as possible.")
    return [first, tr._("If you are in danger now, call 112.")]


def klachtenlijn_text(tr: Translator) -> str:
    """One step after "not satisfied": the klachtenlijn listens and advises."""
    return tr._("The Blik op Werk klachtenlijn listens and advises you: phone {phone}, "
                "e-mail {email}.", phone=contacts.KLACHTENLIJN_PHONE,
                email=contacts.KLACHTENLIJN_EMAIL)


def arbitrage_text(tr: Translator) -> str:
    """One step after "not satisfied": the College van Arbitrage Inburgeren decides."""
    return tr._(
        "After the school's procedure, the College van Arbitrage Inburgeren of Blik op Werk can "
        "decide (phone {bow_phone}, {site}). It costs {amount}; you get it back if you are "
        "proven right.", bow_phone=contacts.BLIK_OP_WERK_PHONE, site=contacts.BLIK_OP_WERK_SITE,
        amount=format_currency(contacts.ARBITRAGE_CONTRIBUTION_EUR, "EUR", locale=tr.locale))


def acknowledgement(tr: Translator, params: dict) -> str:
    """The ontvangstbevestiging (norm 1.5.2) with the dates the school must keep."""
    if params.get("route") == "klantmanager":
        lines = [tr._("Your message has been saved and sent to your klantmanager. "
                      "Reference: {reference}.", reference=params["reference"]),
                 tr._("Your klantmanager can talk with the school about it.")]
        if params.get("anonymous"):
            lines.append(tr._("You asked to stay anonymous: the school will not get your name."))
        return tr.lines(lines)
    lines = [
        tr._("Your klacht has been received and saved. Reference: {reference}.",
             reference=params["reference"]),
        tr._("By {date} the school must tell you whether it will handle your klacht.",
             date=tr.date(when(params["decide_by"]))),
        tr._("By {date} the school must have handled your klacht.",
             date=tr.date(when(params["handle_by"]))),
    ]
    if params.get("anonymous"):
        lines.append(tr._("You asked to stay anonymous: the school will not get your name."))
    if params.get("safety"):
        lines.extend(safety_lines(tr, params))
    lines.append(tr._("You can see your klachten with /mijnklachten."))
    return tr.lines(lines)


@renders("klacht.ack")
def _ack(tr: Translator, params: dict) -> str:
    return acknowledgement(tr, params)


@renders("klacht.taken")
def _taken(tr: Translator, params: dict) -> str:
    return tr._("The school is now handling your klacht {reference}. "
                "It must be handled by {date}.",
                reference=params["reference"], date=tr.date(when(params["handle_by"])))


def satisfaction_keyboard(tr: Translator, klacht_id: int) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup([
        [InlineKeyboardButton(tr.f_("I am satisfied"),
                              callback_data=f"{PARTICIPANT_PREFIX}:sat:{klacht_id}")],
        [InlineKeyboardButton(tr.f_("I am not satisfied"),
                              callback_data=f"{PARTICIPANT_PREFIX}:unsat:{klacht_id}")],
    ])


def written(tr: Translator, step: str, code: str | None, text: str | None) -> list[str]:
    """What the school wrote with a refusal (``refuse``) or on closing (``close``): the standard
    phrase in the reader's language (issue 14), then the staff member's own words as written."""
    standard = phrases.phrase(code, step)
    if standard is None:  # own words only, as before the standard phrases
        return [tr._("The school's reason: {reason}", reason=text or "-") if step == "refuse"
                else tr._("The school wrote: {text}", text=text or "-")]
    heading = tr._("The school's reason:") if step == "refuse" else tr._("The school wrote:")
    return [heading, tr._(standard), *([tr.isolate(text)] if text else [])]


@renders("klacht.refused")
def _refused(tr: Translator, params: dict) -> Rendered:
    text = tr.lines([
        tr._("The school will not take your klacht {reference} into treatment.",
             reference=params["reference"]),
        *written(tr, "refuse", params.get("reason_phrase"), params.get("reason")),
        "",
        options_text(tr),
    ])
    return Rendered(text, satisfaction_keyboard(tr, params["klacht_id"]))


@renders("klacht.question")
def _question(tr: Translator, params: dict) -> Rendered:
    standard = phrases.phrase(params.get("phrase"))
    text = tr.lines([
        tr._("The school has a question about your klacht {reference}:",
             reference=params["reference"]),
        *([tr._(standard)] if standard else []),
        *([tr.isolate(params["question"])] if params.get("question") else []),
        "",
        tr._("Press the button to answer. Your answer goes through this bot."),
    ])
    buttons = InlineKeyboardMarkup([[InlineKeyboardButton(
        tr.f_("Answer"),
        callback_data=f"{PARTICIPANT_PREFIX}:ans:{params['question_id']}")]])
    return Rendered(text, buttons)


@renders("klacht.closed")
def _closed(tr: Translator, params: dict) -> Rendered:
    text = tr.lines([
        tr._("Your klacht {reference} has been handled.", reference=params["reference"]),
        tr._("Outcome: {outcome}", outcome=tr.safe(outcome_label(tr, params["outcome"]))),
        *written(tr, "close", params.get("text_phrase"), params.get("text")),
        "",
        tr._("Are you satisfied with how your klacht was handled?"),
    ])
    return Rendered(text, satisfaction_keyboard(tr, params["klacht_id"]))


@renders("klacht.late")
def _late(tr: Translator, params: dict) -> str:
    lines = [tr._("The school did not keep the deadline for your klacht {reference}.",
                  reference=params["reference"])]
    lines.append(tr._("We have told the school and your klantmanager."))
    lines += ["", options_text(tr)]
    return tr.lines(lines)


# ---- staff and klantmanager --------------------------------------------------------------

def who(tr: Translator, params: dict) -> str:
    if params.get("anonymous") or not params.get("participant"):
        return tr.s_("anonymous (the participant asked not to give their name)")
    return str(params["participant"])


def unnamed(tr: Translator, name: str | None) -> str:
    """A participant's name, or what stands in for it until they agreed (art. 12.3, 12.7)."""
    return name or tr.s_("(name not given: we asked the participant whether you may know it)")


def attachment_summary(tr: Translator, kinds: list[str]) -> str:
    if not kinds:
        return tr.s_("none")
    counts = Counter(kinds)
    parts = []
    for kind, n in counts.items():
        label = ATTACHMENT_KINDS.get(kind, ATTACHMENT_KINDS["document"])
        parts.append(f"{tr.number(n)} × {tr.s_(label)}")
    return ", ".join(parts)


STAFF_STATE_LABELS = {
    "received": SN_("received, not yet decided"),
    "in_treatment": SN_("in treatment"),
    "refused": SN_("not taken into treatment"),
    "closed": SN_("closed"),
    "signalled": SN_("signal to the klantmanager"),
}


def staff_state_label(tr: Translator, state: str) -> str:
    return tr.s_(STAFF_STATE_LABELS.get(state, STAFF_STATE_LABELS["closed"]))


def handler_keyboard(tr: Translator, klacht_id: int, state: str,
                     has_files: bool) -> InlineKeyboardMarkup:
    """The handler's buttons for the klacht's current state."""
    p = f"{HANDLER_PREFIX}:"
    rows = []
    if state == "received":
        rows += [
            [InlineKeyboardButton(tr.s_("Take into treatment"),
                                  callback_data=f"{p}take:{klacht_id}")],
            [InlineKeyboardButton(tr.s_("Do not take into treatment"),
                                  callback_data=f"{p}refuse:{klacht_id}")],
        ]
    if state in ("received", "in_treatment"):
        rows.append([InlineKeyboardButton(tr.s_("Ask the participant a question"),
                                          callback_data=f"{p}ask:{klacht_id}")])
    if state == "in_treatment":
        rows.append([InlineKeyboardButton(tr.s_("Record outcome and close"),
                                          callback_data=f"{p}close:{klacht_id}")])
    if state == "received":
        rows.append([InlineKeyboardButton(tr.s_("I am involved in this klacht"),
                                          callback_data=f"{p}inv:{klacht_id}")])
    if has_files:
        rows.append([InlineKeyboardButton(tr.s_("Show attachments"),
                                          callback_data=f"{p}files:{klacht_id}")])
    # Every card, in any state, leads back to the list of open klachten.
    rows.append([InlineKeyboardButton(tr.sf_("« Back to the list"), callback_data=f"{p}list")])
    return InlineKeyboardMarkup(rows)


def klacht_card(tr: Translator, params: dict) -> str:
    """The klacht as a handler reads it."""
    lines = []
    if params.get("rerouted"):
        lines += [tr.s_("A colleague is involved in this klacht, so it comes to you "
                        "(norm 1.5.2: an independent person handles it)."), ""]
    lines += [
        tr.s_("Klacht {reference} ({school})", reference=params["reference"],
              school=params["school"]),
        tr.s_("Topic: {topic}", topic=topic_label(tr, params["topic"])),
        tr.s_("From: {who}", who=who(tr, params)),
        tr.s_("Received: {date}", date=tr.datetime(when(params["received_at"]))),
        tr.s_("Decide on treatment by: {date}", date=tr.date(when(params["decide_by"]))),
        tr.s_("Handle by: {date}", date=tr.date(when(params["handle_by"]))),
        "",
        params.get("description") or tr.s_("(no text)"),
        "",
        tr.s_("Attachments: {list}", list=attachment_summary(tr, params.get("attachments", []))),
    ]
    if params.get("anonymous"):
        lines.append(tr.s_("Questions to the participant go through the bot; "
                           "you will not see their name."))
    return tr.lines(lines)


@renders("klacht.new")
def _new(tr: Translator, params: dict) -> Rendered:
    return Rendered(klacht_card(tr, params),
                    handler_keyboard(tr, params["klacht_id"], "received",
                                     bool(params.get("attachments"))))


@renders("klacht.digest")
def _digest(tr: Translator, params: dict) -> str:
    """The daily digest of klachten waiting for this staff member (issue 14)."""
    lines = [tr.s_("Klachten waiting for you:")]
    for item in params["klachten"]:
        state = staff_state_label(tr, item["state"])
        lines.append(tr.s_("{reference}: {state}, by {date}", reference=item["reference"],
                           state=state, date=tr.date(when(item["by"]))) if item["by"] else
                     tr.s_("{reference}: {state}", reference=item["reference"], state=state))
    lines += ["", tr.s_("Send /klachten to see them with their buttons.")]
    return tr.lines(lines)


@renders("klacht.reminder")
def _reminder(tr: Translator, params: dict) -> Rendered:
    what = STAFF_DEADLINES[params["deadline"]]
    text = tr.s_("Reminder: klacht {reference}: you have until {date} to {what}.",
                 reference=params["reference"], date=tr.date(when(params["deadline_at"])),
                 what=tr.s_(what))
    return Rendered(text, handler_keyboard(tr, params["klacht_id"], params["state"],
                                           bool(params.get("has_files"))))


def missed_lines(tr: Translator, missed: list) -> list[str]:
    lines = []
    for name, at in missed:
        what = STAFF_DEADLINES[name]
        lines.append(tr.s_("Missed: {what} (deadline {date})", what=tr.s_(what),
                           date=tr.date(when(at))))
    return lines


@renders("klacht.escalation")
def _escalation(tr: Translator, params: dict) -> str:
    lines = [tr.s_("Escalation: klacht {reference} ({school}) passed a deadline of the "
                   "klachtenprocedure (norm 1.5.2).", reference=params["reference"],
                   school=params["school"])]
    lines += missed_lines(tr, params["missed"])
    lines.append(tr.s_("Handler: {name}", name=params.get("handler") or tr.s_("nobody yet")))
    lines.append(tr.s_("The participant has been told about the Blik op Werk klachtenlijn and "
                       "the College van Arbitrage Inburgeren."))
    return tr.lines(lines)


@renders("klacht.km_late")
def _km_late(tr: Translator, params: dict) -> str:
    lines = [tr.s_("Signal (convenant art. 13.5): {school} passed a deadline on klacht "
                   "{reference} of your participant {name}.", school=params["school"],
                   reference=params["reference"], name=unnamed(tr, params["participant"]))]
    lines += missed_lines(tr, params["missed"])
    return tr.lines(lines)


@renders("klacht.km_signal")
def _km_signal(tr: Translator, params: dict) -> Rendered:
    lines = [
        tr.s_("Signal from your participant {name} (convenant art. 13.4), reference {reference}.",
              name=params["participant"], reference=params["reference"]),
        tr.s_("About: {school}", school=params["school"]),
        tr.s_("Topic: {topic}", topic=topic_label(tr, params["topic"])),
        "",
        params.get("description") or tr.s_("(no text)"),
        "",
        tr.s_("Attachments: {list}", list=attachment_summary(tr, params.get("attachments", []))),
    ]
    if params.get("anonymous"):
        lines.append(tr.s_("The participant asks that the school does not learn their name."))
    rows = [[InlineKeyboardButton(tr.s_("Raise to the regional coordination (art. 13.5)"),
                                  callback_data=f"{REGION_PREFIX}:raise:{params['klacht_id']}")]]
    if params.get("attachments"):
        rows.insert(0, [InlineKeyboardButton(
            tr.s_("Show attachments"),
            callback_data=f"{HANDLER_PREFIX}:files:{params['klacht_id']}")])
    return Rendered(tr.lines(lines), InlineKeyboardMarkup(rows))


@renders("klacht.no_handler")
def _no_handler(tr: Translator, params: dict) -> str:
    return tr.s_("Klacht {reference} of your participant {name} about {school} has no "
                 "independent handler at the school: everyone who could handle it is involved "
                 "in it, or the school has no klachtbehandelaar in this bot.",
                 reference=params["reference"], name=unnamed(tr, params["participant"]),
                 school=params["school"])


@renders("klacht.km_unsatisfied")
def _km_unsatisfied(tr: Translator, params: dict) -> str:
    return tr.s_("Your participant {name} is not satisfied with how {school} handled klacht "
                 "{reference} (outcome: {outcome}). They agreed that you are told.",
                 name=params["participant"], school=params["school"],
                 reference=params["reference"], outcome=outcome_label(tr, params["outcome"]))


@renders("klacht.answer")
def _answer(tr: Translator, params: dict) -> Rendered:
    standard = phrases.phrase(params.get("phrase"))
    asked = " ".join(filter(None, [tr.f_(standard) if standard else "", params["question"]]))
    lines = [tr.s_("Answer about klacht {reference}.", reference=params["reference"]),
             tr.s_("Your question: {question}", question=asked)]
    if params.get("answer"):
        lines.append(tr.s_("Answer: {answer}", answer=params["answer"]))
    buttons = None
    if params.get("answer_kind"):
        kind = ATTACHMENT_KINDS.get(params["answer_kind"], ATTACHMENT_KINDS["document"])
        lines.append(tr.s_("The participant also sent a {kind}.", kind=tr.s_(kind)))
        buttons = InlineKeyboardMarkup([[InlineKeyboardButton(
            tr.s_("Show attachments"),
            callback_data=f"{HANDLER_PREFIX}:afile:{params['question_id']}")]])
    return Rendered(tr.lines(lines), buttons)


# ---- free text, read from the klacht at send time ------------------------------------------
# The outbox row holds ids only: what a participant or handler wrote stays in the klachten
# tables (and their retention), not in outbox.params for the outbox's 90 days.

@loads("klacht.new", "klacht.km_signal", "klacht.refused", "klacht.closed")
async def _klacht_texts(db: Database, params: dict) -> dict:
    klacht = await store.get_klacht(db, params["klacht_id"]) if "klacht_id" in params else None
    if klacht is not None:
        params.setdefault("description", klacht.description)
        params.setdefault("reason", klacht.refusal_reason or "")
        params.setdefault("text", klacht.outcome_text or "")
        params.setdefault("reason_phrase", klacht.refusal_phrase)
        params.setdefault("text_phrase", klacht.outcome_phrase)
    return params


@loads("klacht.question", "klacht.answer")
async def _question_texts(db: Database, params: dict) -> dict:
    texts = await store.question_texts(db, params["question_id"])
    if texts is not None:
        params.setdefault("question", texts[0])
        params.setdefault("answer", texts[1] or "")
        params.setdefault("phrase", texts[2])
    return params
