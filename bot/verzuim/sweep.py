"""The verzuim sweep (C art. 12.4; BoW 4.20): alert the klantmanager once when an absence episode
has lasted more than a week, follow up once a week while it lasts, and send a short "back in
class" note when the participant attends again.

Finding who to look at is set-based SQL (``storage.verzuim.verzuim_candidates``: participants
with a registered absence after their last attended lesson, or with an open episode); deciding is
the pure rule ``bot.rules.verzuim`` per candidate, over only the registrations since that lesson.
Every decision is written with its outbox message in one transaction, and an open episode is a
row (``verzuim_alerts``), so a restart or a second sweep never repeats an alert.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime, tzinfo

from bot.names import marked
from bot.outbox import PRIORITY_HIGH, Notice, enqueue_many
from bot.privacy import shared
from bot.rules import verzuim as rule
from bot.services import Services
from bot.verzuim import notices  # noqa: F401  (registers the renderers)
from storage import people
from storage import privacy as privacy_store
from storage import verzuim as store
from storage.database import from_db, to_db

log = logging.getLogger(__name__)


@dataclass
class Action:
    """What the sweep decided for one participant."""

    kind: str  # alert | followup | back | close | update
    person_id: int
    klantmanager_id: int | None
    episode: rule.Episode | None = None
    alert: dict | None = None
    back_on: datetime | None = None
    lessons: dict | None = None


def rule_inputs(entry: store.EpisodeInputs):
    lessons = [rule.Lesson(str(lesson.id), lesson.starts_at, lesson.ends_at, lesson.cancelled)
               for lesson in entry.lessons]
    holidays = [rule.Holiday(first, last) for first, last in entry.holidays]
    memberships = [rule.Membership(joined, left) for joined, left in entry.memberships]
    return lessons, holidays, memberships


def decide(entry: store.EpisodeInputs, now: datetime, tz: tzinfo) -> list[Action]:
    """The actions for one candidate: pure, so the whole sweep's logic is testable."""
    open_alert = entry.open_alert
    active = entry.status == "active" and entry.klantmanager_id is not None
    moved = open_alert is not None and open_alert["klantmanager_id"] != entry.klantmanager_id
    if open_alert is not None and (not active or moved):
        # Left, dropped out (uitval is its own alert) or moved to another klantmanager: the new
        # one gets their own first alert if the absence goes on.
        actions = [Action("close", entry.person_id, entry.klantmanager_id, alert=open_alert)]
        open_alert = None
    else:
        actions = []
    if not active:
        return actions
    lessons, holidays, memberships = rule_inputs(entry)
    episode = rule.current_episode(lessons, holidays, entry.attendance, memberships, now, tz)
    by_id = {str(lesson.id): lesson for lesson in entry.lessons}
    alerted_at = followup_at = None
    if open_alert is not None:
        alerted_at = from_db(open_alert["alerted_at"])
        followup_at = from_db(open_alert["last_followup_at"])
        if episode is None or episode.start > alerted_at:
            # The episode the klantmanager heard of is over: attended since, or corrected away.
            # Back in class means a lesson attended after the last missed one they were told of.
            since = from_db(open_alert["last_missed_at"] or open_alert["episode_start"])
            previous = rule.Episode(missed=(rule.Lesson("", since, since),),
                                    statuses=(rule.ABSENT,), tz=tz)
            countable = rule.countable_lessons(lessons, holidays, memberships, now, tz)
            back = rule.back_in_class(previous, alerted_at, countable, entry.attendance)
            attended = [lesson.start for lesson in countable if lesson.start > since
                        and entry.attendance.get(lesson.id) == rule.PRESENT]
            back_on = attended[0] if back and attended else None
            actions.append(Action("back" if back else "close", entry.person_id,
                                  entry.klantmanager_id, alert=open_alert, back_on=back_on))
            open_alert = alerted_at = followup_at = None
    decision = rule.alert_decision(episode, now, alerted_at, followup_at)
    if decision == "alert":
        actions.append(Action("alert", entry.person_id, entry.klantmanager_id, episode,
                              lessons=by_id))
    elif decision == "followup":
        actions.append(Action("followup", entry.person_id, entry.klantmanager_id, episode,
                              alert=open_alert, lessons=by_id))
    elif open_alert is not None and episode is not None and (
            to_db(episode.start) != open_alert["episode_start"]
            or to_db(episode.last_missed.start) != open_alert["last_missed_at"]
            or len(episode.missed) != open_alert["missed"]):
        actions.append(Action("update", entry.person_id, entry.klantmanager_id, episode,
                              alert=open_alert))
    return actions


def episode_params(episode: rule.Episode, lessons: dict, person: dict) -> dict:
    return {
        "name": marked(person["name"], person["external_id"], person["id"]),
        "school": person["school"], "since": episode.start.isoformat(),
        "count": len(episode.missed),
        "missed": [[lesson.start.isoformat(), lessons[lesson.id].kind, status]
                   for lesson, status in zip(episode.missed, episode.statuses)],
    }


async def apply(services: Services, actions: list[Action], now: datetime) -> None:
    """Write every decision and its message in one transaction, a statement per kind of change.

    The open episodes are read again inside the transaction, so a concurrent change (an uitval
    report that closed an episode) wins over a stale decision."""
    named = await people.names_with_school(services.db, {a.person_id for a in actions})
    # Issue 13: "ill" reaches the chat only where the gemeente allowed it.
    told_health = await privacy_store.klantmanagers_told_health(
        services.db, {a.klantmanager_id for a in actions})
    async with services.db.transaction() as tx:
        open_ids = await store.open_alerts(tx)
        next_id = await store.next_alert_id(tx)
        closes, updates, inserts, followups, notices = [], [], [], [], []
        told = []  # (participant, klantmanager): what left the school (art. 12.3)
        for action in actions:
            current = open_ids.get(action.person_id)
            expected = action.alert["id"] if action.alert else None
            if (action.kind == "alert") != (current is None) or (
                    action.kind != "alert" and current != expected):
                continue
            person = named[action.person_id]
            episode = action.episode
            if action.kind in ("close", "back"):
                closes.append((expected, action.kind == "back"))
                del open_ids[action.person_id]
                if action.kind == "back":
                    notices.append(Notice(
                        "verzuim.back", {"name": marked(person["name"], person["external_id"],
                                                         person["id"]), "school": person["school"],
                                         "back_on": (action.back_on or now).isoformat()},
                        person_id=action.alert["klantmanager_id"], audience="staff",
                        dedupe_key=f"verzuim:{expected}:back"))
            elif action.kind == "update":
                updates.append((expected, episode.start, episode.last_missed.start,
                                len(episode.missed)))
            elif action.kind == "alert":
                alert_id, next_id = next_id, next_id + 1
                open_ids[action.person_id] = alert_id
                inserts.append((alert_id, action.person_id, action.klantmanager_id, episode.start,
                                episode.last_missed.start, len(episode.missed), now))
                notices.append(Notice(
                    "verzuim.alert", episode_params(episode, action.lessons, person)
                    | {"alert_id": alert_id, "health": action.klantmanager_id in told_health},
                    person_id=action.klantmanager_id, audience="staff",
                    priority=PRIORITY_HIGH, dedupe_key=f"verzuim:{alert_id}:alert"))
                told.append((action.person_id, action.klantmanager_id))
            elif action.kind == "followup":
                number = action.alert["followups"] + 1
                followups.append((expected, episode.start, episode.last_missed.start,
                                  len(episode.missed), now))
                notices.append(Notice(
                    "verzuim.followup", episode_params(episode, action.lessons, person)
                    | {"alert_id": expected, "week": number + 1,
                       "health": action.klantmanager_id in told_health},
                    person_id=action.klantmanager_id, audience="staff",
                    dedupe_key=f"verzuim:{expected}:followup:{number}"))
                told.append((action.person_id, action.klantmanager_id))
        await store.close_alerts(tx, closes, now)
        await store.update_alert_episodes(tx, updates)
        await store.insert_verzuim_alerts(tx, inserts)
        await store.record_followups(tx, followups)
        await enqueue_many(tx, notices, now)
        for person_id, klantmanager_id in told:
            await shared.record(tx, person_id, shared.klantmanager(klantmanager_id),
                                ["name", "missed_lessons"], shared.VERZUIM, now)


async def sweep(services: Services, now: datetime) -> int:
    """One pass over all participants; returns how many actions were written."""
    tz = services.settings.tz
    entries = await store.verzuim_candidates(services.db, now, rule.ALERT_AFTER)
    actions = [action for entry in entries for action in decide(entry, now, tz)]
    if actions:
        await apply(services, actions, now)
        log.info("verzuim sweep: %d candidates, %d actions", len(entries), len(actions))
    return len(actions)
