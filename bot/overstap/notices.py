"""How every overstap message reads, rendered in the recipient's language at send time (issue 7).

Participant messages (``_``) ship in all nine languages; klantmanager and school-staff messages
(``s_``) in Dutch and English. The renderers are registered with the outbox at import time; the
participant's own direct replies use the same functions, so a message reads the same either way.

Callback data: ``ovp:<action>:<request id>`` for the participant, ``ovk:...`` for the klantmanager,
``ovs:...`` for school staff; every press is checked against the request's state and the
presser's rights (bot.overstap.flow).
"""

from __future__ import annotations

from datetime import date, datetime

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from bot.i18n import N_, SN_, Translator
from bot.outbox import Rendered, renders
from bot.overstap import phrases
from bot.overstap.items import ITEMS, REASONS, item_label
from bot.overstap.phrases import written

P_PREFIX, K_PREFIX, S_PREFIX = "ovp", "ovk", "ovs"

STATUS_LABELS = {
    "participating": SN_("participating"),
    "suspended": SN_("suspended"),
    "excluded": SN_("excluded"),
}



def label(tr: Translator, text: str) -> str:
    """A button label: a fragment."""
    return tr.f_(text)


def staff_label(tr: Translator, text: str) -> str:
    return tr.sf_(text)


def button(text: str, data: str) -> InlineKeyboardButton:
    return InlineKeyboardButton(text[:64], callback_data=data)


def as_datetime(value: str | datetime) -> datetime:
    return value if isinstance(value, datetime) else datetime.fromisoformat(value)


def as_date(value: str | date) -> date:
    return value if isinstance(value, date) else date.fromisoformat(value)


def item_names(tr: Translator, codes: list[str], staff: bool = False) -> str:
    """Translated item labels joined by commas (unknown codes shown as they are)."""
    translate = tr.sf_ if staff else tr.f_
    names = [translate(item_label(code)) if item_label(code) else code
             for code in codes]
    return ", ".join(names)


def reason_text(tr: Translator, params: dict, staff: bool = True) -> str:
    reason = REASONS.get(params.get("reason") or "", REASONS["other"])
    text = (tr.sf_ if staff else tr.f_)(reason)
    if params.get("reason_text"):
        text += f" – {params['reason_text']}"
    return text


def when(tr: Translator, at: str | datetime) -> str:
    moment = as_datetime(at)
    return f"{tr.weekday_date(moment)} {tr.time(moment)}"


# ---- participant -------------------------------------------------------------------------

@renders("overstap.p.approved")
def p_approved(tr: Translator, params: dict) -> str:
    return tr.lines([
        tr._("Your klantmanager agrees that you switch to {school}.",
             school=params["new_school"]),
        tr._("{old_school} will invite you for a handover conversation. You will be there too.",
             old_school=params["old_school"]),
    ])


@renders("overstap.p.advised")
def p_advised(tr: Translator, params: dict) -> Rendered:
    request_id = params["request_id"]
    text = tr.lines([
        tr._("Your klantmanager gives you other advice about switching to {school}:",
             school=params["new_school"]),
        *written(tr, "advise", params),
        "",
        tr._("Do you still want to switch?"),
    ])
    buttons = InlineKeyboardMarkup([
        [button(label(tr, N_("Yes, I still want to switch")), f"{P_PREFIX}:cont:{request_id}")],
        [button(label(tr, N_("No, stop my request")), f"{P_PREFIX}:wd:{request_id}")],
    ])
    return Rendered(text, buttons)


@renders("overstap.p.declined")
def p_declined(tr: Translator, params: dict) -> str:
    if params.get("kind") == "slot":
        first = tr._("Your school cannot move you to group {group}.", group=params["to_group"])
    else:
        first = tr._("Your klantmanager does not agree that you switch to {school}.",
                     school=params["new_school"])
    return tr.lines([
        first,
        *([tr._("Reason: {reason}", reason=params.get("note") or "-")]
          if phrases.phrase(params.get("phrase"), "decline") is None
          else [tr._("Reason:"), *written(tr, "decline", params)]),
        tr._("You stay where you are. You can ask your klantmanager about it."),
    ])


@renders("overstap.p.conversation")
def p_conversation(tr: Translator, params: dict) -> Rendered:
    request_id = params["request_id"]
    at = as_datetime(params["at"])
    text = tr.lines([
        tr._("Handover conversation about your switch to {school}:", school=params["new_school"]),
        tr._("{day} at {time}", day=tr.weekday_date(at), time=tr.time(at)),
        tr._("Place: {place}", place=params.get("place") or "-"),
        "",
        tr._("You, {old_school} and {new_school} talk together about your course.",
             old_school=params["old_school"], new_school=params["new_school"]),
        tr._("Can you come?"),
    ])
    buttons = InlineKeyboardMarkup([
        [button(label(tr, N_("Yes, I will come")), f"{P_PREFIX}:acc:{request_id}")],
        [button(label(tr, N_("Another time, please")), f"{P_PREFIX}:resch:{request_id}")],
    ])
    return Rendered(text, buttons)


@renders("overstap.p.consent_reminder")
def p_consent_reminder(tr: Translator, params: dict) -> Rendered:
    text = tr._("Please tell us which information may go to {school}.",
                school=params["new_school"])
    return Rendered(text, InlineKeyboardMarkup([[button(
        label(tr, N_("Answer now")), f"{P_PREFIX}:consent:{params['request_id']}")]]))


@renders("overstap.p.held")
def p_held(tr: Translator, params: dict) -> Rendered:
    """Art. 11.3 then 12.3: after the handover conversation, the consent per item."""
    text = tr.lines([tr._("{old_school} recorded that your handover conversation took place.",
                          old_school=params["old_school"]),
                     p_consent_reminder(tr, params).text])
    return Rendered(text, p_consent_reminder(tr, params).buttons)


@renders("overstap.p.handed_over")
def p_handed_over(tr: Translator, params: dict) -> str:
    items = params.get("items") or []
    if items:
        first = tr._("{old_school} has sent this to {new_school}: {items}.",
                     old_school=params["old_school"], new_school=params["new_school"],
                     items=tr.safe(item_names(tr, items)))
    else:
        first = tr._("{old_school} has sent no information about you to {new_school}, as you "
                     "asked.", old_school=params["old_school"], new_school=params["new_school"])
    return tr.lines([first, tr._("You can always see what was shared with /gedeeld.")])


@renders("overstap.p.completed")
def p_completed(tr: Translator, params: dict) -> str:
    lines = [tr._("Your switch is done. From {day} you go to {school}.",
                  day=tr.weekday_date(as_date(params["start_on"])), school=params["new_school"])]
    if params.get("to_group"):
        lines.append(tr._("Your group: {group}. See your lessons with /rooster.",
                          group=params["to_group"]))
    lines.append(tr._("{old_school} gives you an urenverklaring (your hours) and proof that you "
                      "took part.", old_school=params["old_school"]))
    return tr.lines(lines)


@renders("overstap.p.slot_done")
def p_slot_done(tr: Translator, params: dict) -> str:
    return tr.lines([
        tr._("Your school agrees. From {day} you are in group {group}.",
             day=tr.weekday_date(as_date(params["start_on"])), group=params["to_group"]),
        tr._("See your new lessons with /rooster."),
    ])


@renders("overstap.p.school_status")
def p_school_status(tr: Translator, params: dict) -> Rendered:
    if params.get("status") == "suspended":
        first = tr._("Important: the quality mark (keurmerk) of your school {school} has been "
                     "suspended.", school=params["school"])
    elif params.get("status") == "withdrawn":
        first = tr._("Important: the quality mark (keurmerk) of your school {school} has been "
                     "withdrawn.", school=params["school"])
    else:  # only in messages queued before exclusion stopped advising participants
        first = tr._("Important: your school {school} no longer takes part in the agreement "
                     "(convenant) of the gemeenten.", school=params["school"])
    text = tr.lines([
        first,
        tr._("Your klantmanager advises you to switch to another school. Your hours are not lost."),
        tr._("Press the button to choose a new school."),
    ])
    return Rendered(text, InlineKeyboardMarkup([[button(
        label(tr, N_("Choose another school")), "menu:overstap")]]))


@renders("overstap.p.reminder")
def p_reminder(tr: Translator, params: dict) -> Rendered:
    """A step that waits on the participant: the same question again, marked as a reminder."""
    state = params.get("state")
    if state == "advised_otherwise":
        inner = p_advised(tr, params)
    elif state == "conversation_proposed":
        inner = p_conversation(tr, params)
    else:
        inner = p_consent_reminder(tr, params)
    return Rendered(tr.lines([tr._("Reminder:"), inner.text]), inner.buttons)


# ---- klantmanager --------------------------------------------------------------------------

def km_buttons(tr: Translator, request_id: int) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup([
        [button(staff_label(tr, SN_("Approve")), f"{K_PREFIX}:ok:{request_id}")],
        [button(staff_label(tr, SN_("Advise otherwise")), f"{K_PREFIX}:adv:{request_id}")],
    ])


@renders("overstap.km.request")
def km_request(tr: Translator, params: dict) -> Rendered:
    text = tr.lines([
        tr.s_("Overstap request #{id}: {participant} wants to switch from {old_school} to "
              "{new_school} (convenant art. 11.1).", id=params["request_id"],
              participant=params["participant"], old_school=params["old_school"],
              new_school=params["new_school"]),
        tr.s_("Reason: {reason}", reason=tr.safe(reason_text(tr, params))),
        tr.s_("Do you approve, or advise otherwise (with a note)? You advise; the participant "
              "and the schools decide (art. 11.1)."),
    ])
    return Rendered(text, km_buttons(tr, params["request_id"]))


@renders("overstap.km.continued")
def km_continued(tr: Translator, params: dict) -> str:
    return tr.s_("Overstap #{id}: {participant} continues the switch to {new_school} after your "
                 "advice. The current school will now plan the handover conversation.",
                 id=params["request_id"], participant=params["participant"],
                 new_school=params["new_school"])


@renders("overstap.km.completed")
def km_completed(tr: Translator, params: dict) -> str:
    return tr.s_("Overstap #{id}: {participant} goes to {new_school} from {day}. {old_school} "
                 "issues the final urenverklaring and settles the finances (art. 10.7, 11.2).",
                 id=params["request_id"], participant=params["participant"],
                 new_school=params["new_school"], old_school=params["old_school"],
                 day=tr.date(as_date(params["start_on"])))


@renders("overstap.km.slot_done")
def km_slot_done(tr: Translator, params: dict) -> str:
    return tr.s_("Rooster change: {participant} moves at {school} from group {from_group} to "
                 "group {to_group} from {day}.", participant=params["participant"],
                 school=params["old_school"], from_group=params.get("from_group") or "-",
                 to_group=params["to_group"], day=tr.date(as_date(params["start_on"])))


@renders("overstap.km.withdrawn")
def km_withdrawn(tr: Translator, params: dict) -> str:
    return tr.s_("Overstap #{id}: {participant} has withdrawn the request to switch to "
                 "{new_school}.", id=params["request_id"], participant=params["participant"],
                 new_school=params["new_school"])


@renders("overstap.km.reminder")
def km_reminder(tr: Translator, params: dict) -> Rendered:
    inner = km_request(tr, params)
    head = tr.s_("Reminder: this request has been waiting for you since {day}.",
                 day=tr.date(as_datetime(params["since"])))
    return Rendered(tr.lines([head, inner.text]), inner.buttons)


@renders("overstap.km.school_status")
def km_school_status(tr: Translator, params: dict) -> str:
    names = params.get("participants") or []
    return tr.lines([
        tr.s_("Urgent: {school} is now {status} in the convenant (art. 4.4, 14, 15).",
              school=params["school"],
              status=tr.safe(staff_label(tr, STATUS_LABELS.get(params.get("status"), "?")))),
        tr.sn_("{n} participant of your caseload follows a course there: {names}.",
               "{n} participants of your caseload follow a course there: {names}.",
               len(names), names=", ".join(names)),
        tr.s_("They were advised in their language to switch, with an /overstap button. Please "
              "advise them urgently to switch to another school."),
    ])


# ---- school staff --------------------------------------------------------------------------

@renders("overstap.s.slot_request")
def s_slot_request(tr: Translator, params: dict) -> Rendered:
    request_id = params["request_id"]
    text = tr.lines([
        tr.s_("Overstap request #{id}: {participant} asks to move from group {from_group} to group "
              "{to_group} (convenant art. 11.1).", id=request_id,
              participant=params["participant"], from_group=params.get("from_group") or "-",
              to_group=params["to_group"]),
        tr.s_("Reason: {reason}", reason=tr.safe(reason_text(tr, params))),
        tr.s_("Approve from a date, or decline with a reason."),
    ])
    rows = [[button(tr.s_("Approve from {day}", day=tr.date(as_date(day), "medium")),
                    f"{S_PREFIX}:slot:{request_id}:{as_date(day).strftime('%Y%m%d')}")]
            for day in params.get("dates") or []]
    rows.append([button(staff_label(tr, SN_("Decline")), f"{S_PREFIX}:slotno:{request_id}")])
    return Rendered(text, InlineKeyboardMarkup(rows))


def propose_button(tr: Translator, request_id: int) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup([[button(staff_label(tr, SN_("Propose a conversation")),
                                         f"{S_PREFIX}:conv:{request_id}")]])


@renders("overstap.s.approved")
def s_approved(tr: Translator, params: dict) -> Rendered:
    text = tr.lines([
        tr.s_("Overstap #{id}: the klantmanager agrees that {participant} switches to "
              "{new_school}.", id=params["request_id"], participant=params["participant"],
              new_school=params["new_school"]),
        tr.s_("Please propose a handover conversation with {participant} present (convenant art. "
              "11.3) with the button, or from your school's own system.",
              participant=params["participant"]),
    ])
    return Rendered(text, propose_button(tr, params["request_id"]))


@renders("overstap.s.incoming")
def s_incoming(tr: Translator, params: dict) -> str:
    return tr.s_("Overstap #{id}: {participant} wants to switch from {old_school} to your school; "
                 "the klantmanager agrees. {old_school} will propose a handover conversation.",
                 id=params["request_id"], participant=params["participant"],
                 old_school=params["old_school"])


@renders("overstap.s.conversation")
def s_conversation(tr: Translator, params: dict) -> str:
    return tr.s_("Overstap #{id}: handover conversation about {participant} on {when}, place: "
                 "{place}. Proposed by {old_school}; the participant is asked to confirm.",
                 id=params["request_id"], participant=params["participant"],
                 when=when(tr, params["at"]), place=params.get("place") or "-",
                 old_school=params["old_school"])


@renders("overstap.s.accepted")
def s_accepted(tr: Translator, params: dict) -> Rendered | str:
    text = tr.s_("Overstap #{id}: {participant} will come to the handover conversation on "
                 "{when}, place: {place}.", id=params["request_id"],
                 participant=params["participant"], when=when(tr, params["at"]),
                 place=params.get("place") or "-")
    if params.get("for") != "old_school":
        return text
    # Art. 11.3: consent and handover only after the conversation was held.
    return Rendered(tr.lines([text, tr.s_("After the conversation, record that it took place: "
                                          "then the participant is asked for consent.")]),
                    InlineKeyboardMarkup([[button(staff_label(tr, SN_("The conversation took "
                                                                      "place")),
                                                  f"{S_PREFIX}:held:{params['request_id']}")]]))


@renders("overstap.s.held")
def s_held(tr: Translator, params: dict) -> str:
    return tr.s_("Overstap #{id}: the handover conversation with {participant} took place; the "
                 "participant now says what may be passed on.", id=params["request_id"],
                 participant=params["participant"])


@renders("overstap.s.reschedule")
def s_reschedule(tr: Translator, params: dict) -> Rendered | str:
    text = tr.s_("Overstap #{id}: {participant} cannot come on {when} and asks for another time "
                 "for the handover conversation.", id=params["request_id"],
                 participant=params["participant"], when=when(tr, params["at"]))
    if params.get("for") == "old_school":
        return Rendered(text, propose_button(tr, params["request_id"]))
    return text


@renders("overstap.s.consent")
def s_consent(tr: Translator, params: dict) -> str:
    agreed, refused = params.get("agreed") or [], params.get("refused") or []
    lines = [tr.s_("Overstap #{id}: {participant} gave consent (convenant art. 12.3, 12.5).",
                   id=params["request_id"], participant=params["participant"])]
    lines.append(tr.s_("May go to {new_school}: {items}.", new_school=params["new_school"],
                       items=tr.safe(item_names(tr, agreed, staff=True) or "-")))
    if refused:
        lines.append(tr.s_("May NOT be passed on: {items}.",
                           items=tr.safe(item_names(tr, refused, staff=True))))
    lines.append(tr.s_("Your school's own system sends the agreed items to the new school "
                       "(through its link with this bot); nothing else may be sent."))
    return tr.lines(lines)


@renders("overstap.s.handover_ready")
def s_handover_ready(tr: Translator, params: dict) -> Rendered:
    request_id = params["request_id"]
    text = tr.lines([
        tr.s_("Overstap #{id}: {old_school} has handed over what {participant} agreed to: "
              "{items}.", id=request_id, old_school=params["old_school"],
              participant=params["participant"],
              items=tr.safe(item_names(tr, params.get("items") or [], staff=True) or "-")),
        tr.s_("Your school's own system fetches it (through its link with this bot); then "
              "confirm the placement with the button."),
    ])
    return Rendered(text, InlineKeyboardMarkup([[button(
        staff_label(tr, SN_("Confirm the placement")), f"{S_PREFIX}:place:{request_id}")]]))


SETTLEMENT_LABELS = {
    "settled": SN_("Settled"),
    "budget_transferred": SN_("Budget transferred"),
    "nothing_due": SN_("Nothing to settle"),
}


def settlement_buttons(tr: Translator, request_id: int) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup([[button(staff_label(tr, text),
                                         f"{S_PREFIX}:settle:{request_id}:{code}")]
                                 for code, text in SETTLEMENT_LABELS.items()])


@renders("overstap.s.completed")
def s_completed(tr: Translator, params: dict) -> Rendered:
    text = tr.lines([
        tr.s_("Overstap #{id}: {participant} goes to {new_school} from {day}.",
              id=params["request_id"], participant=params["participant"],
              new_school=params["new_school"], day=tr.date(as_date(params["start_on"]))),
        tr.s_("The final urenverklaring with proof of participation is issued to the participant "
              "(convenant art. 10.7)."),
        tr.s_("Please record the financial settlement (art. 11.2) with a button."),
    ])
    return Rendered(text, settlement_buttons(tr, params["request_id"]))


@renders("overstap.s.withdrawn")
def s_withdrawn(tr: Translator, params: dict) -> str:
    return tr.s_("Overstap #{id}: {participant} has withdrawn the request. Nothing more to do.",
                 id=params["request_id"], participant=params["participant"])


REMINDER_TASKS = {
    "requested": SN_("approve or decline the move to another group"),
    "approved": SN_("propose the handover conversation"),
    "consent_given": SN_("send the agreed items from your school's system"),
    "handed_over": SN_("confirm the placement"),
    "completed": SN_("record the financial settlement"),
}
NEXT_STEP = SN_("take the next step")


@renders("overstap.s.reminder")
def s_reminder(tr: Translator, params: dict) -> Rendered | str:
    state = params.get("state") or ""
    text = tr.s_("Reminder: overstap #{id} of {participant} has been waiting since {day}. "
                 "Please {task}.", id=params["request_id"], participant=params["participant"],
                 day=tr.date(as_datetime(params["since"])),
                 task=tr.safe(staff_label(tr, REMINDER_TASKS.get(state, NEXT_STEP))))
    request_id = params["request_id"]
    if state == "requested":
        inner = s_slot_request(tr, params)
        return Rendered(tr.lines([text, inner.text]), inner.buttons)
    if state == "approved":
        return Rendered(text, propose_button(tr, request_id))
    if state == "handed_over":
        return Rendered(text, InlineKeyboardMarkup([[button(
            staff_label(tr, SN_("Confirm the placement")), f"{S_PREFIX}:place:{request_id}")]]))
    if state == "completed":
        return Rendered(text, settlement_buttons(tr, request_id))
    return text


@renders("overstap.s.partner_status")
def s_partner_status(tr: Translator, params: dict) -> str:
    return tr.lines([
        tr.s_("{school} is now {status} in the convenant (art. 14, 15).", school=params["school"],
              status=tr.safe(staff_label(tr, STATUS_LABELS.get(params.get("status"), "?")))),
        tr.s_("Please be ready to take over participants of this school."),
    ])


ALL_ITEMS = tuple(ITEMS)
