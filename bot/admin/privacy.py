"""``inburgerbot admin privacy ...`` (issue 13; BoW 1.4.3-1.4.5): set a school's or gemeente's
privacy notice, report retention (what was removed per kind, never what it said) and read the
audit trail of who looked at whose data."""

from __future__ import annotations

from pathlib import Path

from bot.admin import count, identifier
from bot.i18n import LANGUAGES, I18n
from bot.privacy import export, requests, retention
from bot.refusal import Refused, unknown
from storage import orgs, people, privacy_requests
from storage import privacy as store

MAX_NOTICE = 3500  # one Telegram message with room for the buttons


async def set_notice(args, ctx) -> dict:
    if (args.school is None) == (args.gemeente is None):
        raise Refused("privacy notice: give exactly one of --school or --gemeente")
    if args.school is not None:
        scope, scope_id = "school", args.school
        if await orgs.get_school(ctx.db, scope_id) is None:
            raise unknown("school", scope_id)
    else:
        scope, scope_id = "gemeente", args.gemeente
        if await orgs.gemeente_name(ctx.db, scope_id) is None:
            raise unknown("gemeente", scope_id)
    if args.lang not in LANGUAGES:
        raise Refused(f"privacy notice: --lang must be one of {', '.join(LANGUAGES)}")
    text = Path(args.file).read_text("utf-8") if args.file else (args.text or "")
    text = text.strip()
    if not text:
        raise Refused("privacy notice: the text is empty (give TEXT or --file)")
    if len(text) > MAX_NOTICE:
        raise Refused(f"privacy notice: at most {MAX_NOTICE} characters, got {len(text)}")
    audience = "staff" if args.staff else "participant"
    version = await store.set_notice(ctx.db, scope, scope_id, audience, args.lang, text,
                                     ctx.clock.now())
    return {"scope": scope, "id": scope_id, "audience": audience, "language": args.lang,
            "version": version, "note": "everyone concerned reads it again once"}


async def report_retention(args, ctx) -> list:
    if args.run:
        await retention.remove_expired(ctx.db, ctx.settings, ctx.clock.now())
    return await retention.report(ctx.db, ctx.settings, args.since)


async def klachten_retention(args, ctx) -> dict:
    if await orgs.get_school(ctx.db, args.school) is None:
        raise Refused(f"school {args.school} does not exist")
    if args.months is None and not args.default:
        return await retention.klachten_period(ctx.db, ctx.settings, args.school)
    return await retention.set_klachten_period(ctx.db, ctx.settings, args.school,
                                               None if args.default else args.months)


async def read_audit(args, ctx) -> list:
    if args.person is not None and await people.get_person(ctx.db, args.person) is None:
        raise unknown("person", args.person)
    entries = await store.audit_entries(ctx.db, subject_id=args.person, limit=args.limit)
    return [{"at": entry.at.isoformat(timespec="seconds"), "who": entry.actor_name or entry.actor,
             "role": entry.actor_role or "-", "participant": entry.subject_id,
             "what": entry.what} for entry in entries]


async def export_person(args, ctx) -> dict:
    """An access request by mail or at the desk: the same PDF and JSON as /mijngegevens."""
    person = await people.get_person(ctx.db, args.person)
    if person is None:
        raise unknown("person", args.person)
    out = Path(args.out)
    if not out.is_dir():
        raise Refused(f"privacy export: {out} is not a folder")
    now = ctx.clock.now()
    data = await export.collect(ctx.db, person, None, now, via="admin")
    language = args.lang or await people.person_language(ctx.db, person.id)
    stem = out / f"gegevens-{person.id}-{now:%Y-%m-%d}"
    stem.with_suffix(".json").write_bytes(export.as_json(data))
    stem.with_suffix(".pdf").write_bytes(export.as_pdf(data, I18n(ctx.settings.tz), language))
    return {"person": person.id, "json": str(stem.with_suffix(".json")),
            "pdf": str(stem.with_suffix(".pdf")),
            "sections": sum(1 for rows in data.values() if rows)}


async def health_in_chat(args, ctx) -> dict:
    if await orgs.gemeente_name(ctx.db, args.gemeente) is None:
        raise unknown("gemeente", args.gemeente)
    await store.set_health_reason_in_chat(ctx.db, args.gemeente, args.allow)
    return {"gemeente": args.gemeente,
            "alerts in Telegram": "name the reason (ill)" if args.allow
            else "say 'absent, reason reported'"}


async def list_requests(args, ctx) -> list:
    return [{"id": r.id, "person": f"{r.person_name} ({r.person_id})", "kind": r.kind,
             "received": r.received_at.date().isoformat(), "due": r.due_at.date().isoformat(),
             "done": r.done_at.date().isoformat() if r.done_at else "-",
             "details": r.details[:60] or "-"}
            for r in await privacy_requests.listing(ctx.db, open_only=not args.all)]


async def handle_request(args, ctx) -> dict:
    return await requests.carry_out(ctx.db, args.request, (args.answer or "").strip(),
                                    ctx.clock.now())


def add_admin_commands(sub) -> None:
    p = sub.add_parser("privacy", help="privacy: notice texts, retention, audit trail")
    inner = p.add_subparsers(dest="privacy_command", required=True, parser_class=type(p))
    q = inner.add_parser("notice", help="set a school's or gemeente's privacy notice in one "
                                        "language (shown again once to everyone concerned)")
    q.add_argument("text", nargs="?", help="the notice text")
    q.add_argument("--file", help="read the text from this UTF-8 file")
    q.add_argument("--school", type=identifier)
    q.add_argument("--gemeente", type=identifier)
    q.add_argument("--lang", default="nl")
    q.add_argument("--staff", action="store_true", help="the staff and klantmanager version")
    q.set_defaults(fn=set_notice)
    q = inner.add_parser("retention", help="per kind of data: retention, held and removed")
    q.add_argument("--since", help="count removals from this day (YYYY-MM-DD)")
    q.add_argument("--run", action="store_true", help="run the retention sweep first")
    q.set_defaults(fn=report_retention)
    q = inner.add_parser("klachten-retention", help="months a school keeps its klachten "
                                                    "register after closing (shown, or set)")
    q.add_argument("school", type=int)
    months = q.add_mutually_exclusive_group()
    months.add_argument("--months", type=int, help="the school's own period (12 to 240)")
    months.add_argument("--default", action="store_true", help="back to the default")
    q.set_defaults(fn=klachten_retention)
    q = inner.add_parser("audit", help="who read whose data, newest first")
    q.add_argument("--person", type=identifier, help="only about this participant")
    q.add_argument("--limit", type=count, default=200)
    q.set_defaults(fn=read_audit)
    q = inner.add_parser("export", help="everything stored about a person: a PDF and a JSON "
                                        "file (an access request by mail or at the desk)")
    q.add_argument("person", type=identifier)
    q.add_argument("--out", default=".", help="folder to write both files to")
    q.add_argument("--lang", help="language of the PDF (default: the person's)")
    q.set_defaults(fn=export_person)
    q = inner.add_parser("health-in-chat", help="whether verzuim alerts over Telegram to a "
                                                "gemeente's klantmanagers may say 'ill'")
    q.add_argument("gemeente", type=identifier)
    allow = q.add_mutually_exclusive_group(required=True)
    allow.add_argument("--allow", action="store_true")
    allow.add_argument("--deny", action="store_true")
    q.set_defaults(fn=health_in_chat)
    q = inner.add_parser("requests", help="correction and erasure requests with their deadlines")
    q.add_argument("--all", action="store_true", help="also the handled ones")
    q.set_defaults(fn=list_requests)
    q = inner.add_parser("handle", help="carry out an erasure request, or answer a correction")
    q.add_argument("request", type=identifier)
    q.add_argument("--answer", help="for a correction: what was corrected, or why not")
    q.set_defaults(fn=handle_request)
