"""Secrets at rest (issue 12): whoever reads the database file cannot forge an urenverklaring
(the schools' signing keys are sealed by a secret key the database does not hold), the secret
key can be rotated with every statement still verifying, and link codes are stored under a
keyed hash, with codes issued before still working."""

from __future__ import annotations

import hashlib

from cryptography.hazmat.primitives.serialization import Encoding, NoEncryption, PrivateFormat

from bot.secret_key import signing_context
from bot.uren import signing
from storage import uren as store
from tests.klacht_world import file_klacht, linked, school_with_handlers
from tests.support import World, link, start_bot

PAYLOAD = {"school": "Twente", "regime": "wi2021", "route": "b1", "period_start": "2026-11-01",
           "period_end": "2026-11-30", "first_lesson": None, "last_lesson": None,
           "lessons": [], "attended_seconds": 3600, "classroom_seconds": 3600,
           "distance_seconds": 0, "counted_seconds": 3600, "by_kind": []}
OLD = "the-old-secret-key-of-this-installation-0001"
NEW = "the-new-secret-key-of-this-installation-0002"


async def sign_statement(bot, school_id: int, participant_id: int) -> tuple[str, bytes]:
    """Sign a statement as bot.uren.issue does; returns its code and the raw private key."""
    now = bot.clock.now()
    async with bot.db.transaction() as tx:
        key = await signing.school_key(tx, school_id, now)
        text = signing.canonical(PAYLOAD | {"issued_at": now.isoformat()})
        signature = signing.sign(key, text)
        code = signing.code_for(signature)
        await store.add_statement(tx, code=code, participant_id=participant_id,
                                  school_id=school_id, now=now, payload=text,
                                  signature=signature)
    return code, key.private_bytes(Encoding.Raw, PrivateFormat.Raw, NoEncryption())


def database_bytes(path) -> bytes:
    return b"".join(p.read_bytes() for p in path.parent.iterdir()
                    if p.name.startswith(path.name) and not p.name.endswith(".key"))


async def test_the_signing_key_is_not_in_the_database_and_rotation_keeps_statements_valid(
        sandbox, tmp_path, clock):
    db_path = tmp_path / "keys.db"
    bot = await start_bot(sandbox, db_path, clock, secret_key=OLD)
    try:
        world = World(bot.db, clock)
        school = await world.school()
        amira = await world.person("Amira", "participant", school_id=school,
                                   regime="wi2021", route="b1")
        code, private = await sign_statement(bot, school, amira)
        assert private not in database_bytes(db_path), "the private key is not in the file"
    finally:
        await bot.stop()
    assert private not in database_bytes(db_path)

    # Rotation: the new key, the old one still accepted; the signing key is sealed again.
    bot = await start_bot(sandbox, db_path, clock, secret_key=NEW, old_secret_keys=(OLD,))
    try:
        async with bot.api() as api:
            assert (await api.get(f"/verify/{code}")).json()["genuine"] is True
        sealed = await bot.db.fetchval("SELECT sealed_key FROM school_signing_keys")
        assert bot.db.keyring.is_current(sealed)
        assert bot.db.keyring.unseal(sealed, signing_context(school)) == private
    finally:
        await bot.stop()

    # The old key can go: statements old and new verify, and the school signs with its key.
    bot = await start_bot(sandbox, db_path, clock, secret_key=NEW)
    try:
        clock.advance(days=1)
        second, again = await sign_statement(bot, school, amira)
        assert again == private, "the same school key, now sealed by the new secret"
        async with bot.api() as api:
            for each in (code, second):
                assert (await api.get(f"/verify/{each}")).json()["genuine"] is True
    finally:
        await bot.stop()


async def test_link_codes_are_stored_under_a_keyed_hash_and_older_codes_still_link(
        bot, world, client):
    school = await world.school()
    amira = await world.person("Amira", "participant", school_id=school,
                               regime="wi2021", route="b1")
    code = await world.code(amira)
    stored = await bot.db.fetchval("SELECT code_hash FROM link_codes WHERE person_id = ?",
                                   (amira,))
    assert stored != hashlib.sha256(code.encode()).hexdigest(), "not a plain, unkeyed hash"

    # A code issued before the keyed hash (stored as plain SHA-256) still works until it expires.
    yonas = await world.person("Yonas", "participant", school_id=school,
                               regime="wi2021", route="b1")
    legacy = "ABCD2345EFGH"
    now = bot.clock.now().strftime("%Y-%m-%dT%H:%M:%S.000000Z")
    await bot.db.execute(
        "INSERT INTO link_codes(person_id, code_hash, created_at, expires_at)"
        " VALUES (?, ?, ?, '2099-01-01T00:00:00.000000Z')",
        (yonas, hashlib.sha256(legacy.encode()).hexdigest(), now))
    user = await client.user(771, "Yonas", language_code="en")
    await user.send(f"/start {legacy}")
    picker = await user.wait_for_message()
    await user.press("English", picker)
    await user.wait_for_message()
    notice = await user.wait_for_message()  # the privacy notice comes before the greeting
    await user.press("Go on", notice)
    assert "Yonas" in (await user.wait_for_message()).text
    other = await client.user(772, "Amira", language_code="en")
    await link(world, other, amira, "en")


async def test_klacht_text_reaches_the_handler_but_is_not_copied_into_the_outbox(
        bot, world, client):
    ids = await school_with_handlers(world)
    senait = await linked(world, client, ids, "senait", 781, "en")
    anna = await linked(world, client, ids, "anna", 782, "nl")
    petra = await linked(world, client, ids, "km", 783, "en")
    secret = "The caretaker follows me home every Thursday."
    await file_klacht(bot, senait, "en", topic="Bullying, harassment or my safety", text=secret)
    await file_klacht(bot, senait, "en", topic="The teacher", text=secret + " Signal.",
                      route="klantmanager")
    await bot.services.outbox.drain()
    assert secret in (await anna.wait_for_message("caretaker")).text
    assert secret in (await petra.wait_for_message("caretaker")).text
    rows = await bot.db.fetchall("SELECT params FROM outbox")
    assert rows and not any("caretaker" in row["params"] for row in rows)
