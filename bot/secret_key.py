"""The installation's secret key (issue 12): what keeps secrets in the database useless to whoever
only reads the database file.

It comes from ``INBURGERBOT_SECRET_KEY``, or from a key file (``INBURGERBOT_SECRET_KEY_FILE``, by
default the database's path plus ``.key``, created owner-only with a random key on first start).
From it are derived:

- the key that seals (AES-256-GCM) each school's Ed25519 signing key in the database;
- the key of the keyed hash (HMAC-SHA256) under which link codes are stored.

Rotation: set the new key and put the previous one in ``INBURGERBOT_OLD_SECRET_KEYS``; at start-up
every signing key sealed with an old key is sealed again with the new one, and link codes issued
under an old key keep working until they expire. Statements already issued keep verifying, as
verification uses only the schools' public keys.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import logging
import os
import secrets
from dataclasses import dataclass
from pathlib import Path

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from bot.config import ConfigError, Settings
from storage import uren as uren_store
from storage.database import Database, is_url

log = logging.getLogger(__name__)

MIN_SECRET_CHARS = 32


def _derive(secret: str, purpose: bytes) -> bytes:
    root = hashlib.sha256(b"inburgerbot secret key v1\0" + secret.encode("utf-8")).digest()
    return hmac.new(root, purpose, hashlib.sha256).digest()


@dataclass(frozen=True)
class _Key:
    id: str
    seal: bytes
    codes: bytes

    @classmethod
    def from_secret(cls, secret: str) -> _Key:
        seal = _derive(secret, b"seal")
        return cls(hashlib.sha256(seal).hexdigest()[:8], seal, _derive(secret, b"link codes"))


class Keyring:
    """The current key and the previous ones still accepted."""

    def __init__(self, current: str, old: tuple[str, ...] = ()):
        self.current = _Key.from_secret(current)
        self.keys = {key.id: key for key in (_Key.from_secret(s) for s in (*old, current))}

    def seal(self, plain: bytes, context: str) -> str:
        """``keyid:base64(nonce + ciphertext)``, bound to ``context`` (what it belongs to)."""
        nonce = os.urandom(12)
        sealed = AESGCM(self.current.seal).encrypt(nonce, plain, context.encode("utf-8"))
        return f"{self.current.id}:{base64.b64encode(nonce + sealed).decode('ascii')}"

    def unseal(self, sealed: str, context: str) -> bytes:
        key_id, _, body = sealed.partition(":")
        key = self.keys.get(key_id)
        if key is None:
            raise ConfigError("a signing key in the database was sealed with a secret key that is "
                              "not configured (set INBURGERBOT_OLD_SECRET_KEYS)")
        raw = base64.b64decode(body)
        try:
            return AESGCM(key.seal).decrypt(raw[:12], raw[12:], context.encode("utf-8"))
        except InvalidTag:
            raise ConfigError("a sealed signing key does not open with the configured secret "
                              "key") from None

    def is_current(self, sealed: str) -> bool:
        return sealed.partition(":")[0] == self.current.id

    def link_code_hash(self, code: str) -> str:
        """The keyed hash a new link code is stored under."""
        return hmac.new(self.current.codes, code.encode("utf-8"), hashlib.sha256).hexdigest()

    def link_code_candidates(self, code: str) -> list[str]:
        """Every hash an issued, unexpired code may be stored under: the current and old keys,
        and plain SHA-256 (codes issued before the keyed hash; they expire within days)."""
        hashes = [hmac.new(key.codes, code.encode("utf-8"), hashlib.sha256).hexdigest()
                  for key in self.keys.values()]
        return [*hashes, hashlib.sha256(code.encode("utf-8")).hexdigest()]


def key_file(settings: Settings) -> Path:
    if settings.secret_key_file:
        return settings.secret_key_file
    if is_url(settings.db_path):  # several instances: each must be given the same key
        raise ConfigError("with a PostgreSQL database, set INBURGERBOT_SECRET_KEY or "
                          "INBURGERBOT_SECRET_KEY_FILE (the same key for every instance)")
    path = Path(settings.db_path)
    return path.with_name(path.name + ".key")


def load_keyring(settings: Settings) -> Keyring:
    """The configured keyring; creates the key file on first start. Raises ``ConfigError``."""
    secret = settings.secret_key
    if not secret:
        path = key_file(settings)
        try:
            if not path.exists():
                path.parent.mkdir(parents=True, exist_ok=True)
                fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
                with os.fdopen(fd, "w") as out:
                    out.write(secrets.token_urlsafe(48) + "\n")
                log.warning("created a new secret key file %s: back it up with the database",
                            path.name)
            secret = path.read_text("utf-8").strip()
        except OSError as exc:
            raise ConfigError(f"INBURGERBOT_SECRET_KEY_FILE {path}: "
                              f"{exc.strerror or exc}") from None
    if len(secret) < MIN_SECRET_CHARS:
        raise ConfigError(f"INBURGERBOT_SECRET_KEY must be at least {MIN_SECRET_CHARS} characters")
    return Keyring(secret, settings.old_secret_keys)


def signing_context(school_id: int) -> str:
    return f"school-signing-key:{school_id}"


async def seal_signing_keys(db: Database, keyring: Keyring) -> int:
    """Seal plain-text signing keys (from before sealing) and those sealed with an old key;
    returns how many were (re)sealed."""
    count = 0
    async with db.transaction() as tx:
        for school_id, plain, sealed in await uren_store.signing_keys_to_seal(tx):
            if sealed is not None:
                if keyring.is_current(sealed):
                    continue
                plain = keyring.unseal(sealed, signing_context(school_id))
            await uren_store.seal_signing_key(
                tx, school_id, keyring.seal(plain, signing_context(school_id)))
            count += 1
    if count:
        log.info("sealed %d signing key(s) with the current secret key", count)
    return count


async def open_database(settings: Settings) -> Database:
    """The database with the keyring attached and every signing key sealed with it."""
    db = await Database.open(settings.db_path)  # first: a key file only beside a usable database
    try:
        db.keyring = keyring = load_keyring(settings)
        await seal_signing_keys(db, keyring)
    except BaseException:
        await db.close()
        raise
    return db
