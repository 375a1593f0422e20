"""Signing an urenverklaring (issue 6): an Ed25519 key per school, kept by the bot, signs the
canonical JSON of the statement, so a copy with changed figures does not verify.

The verification code printed on the PDF is derived from the signature (80 bits, base32, in
groups of four), so it cannot be guessed and no two statements share one. ``GET /verify/{code}``
looks the statement up, checks the stored signature against the school's public key, and shows
the signed figures for the reader to compare with the paper.
"""

from __future__ import annotations

import base64
import hashlib
import json
from datetime import datetime

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.serialization import (
    Encoding,
    NoEncryption,
    PrivateFormat,
    PublicFormat,
)

from bot.secret_key import signing_context
from storage import uren as store
from storage.database import Tx

CODE_BYTES = 10


def canonical(payload: dict) -> str:
    """The one text form of a payload that is signed and stored."""
    return json.dumps(payload, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


async def school_key(tx: Tx, school_id: int, now: datetime) -> Ed25519PrivateKey:
    """The school's signing key, made on first use; stored only sealed by the secret key
    (bot.secret_key), which the database itself does not hold."""
    keyring = tx.keyring
    if keyring is None:
        raise RuntimeError("no secret key: open the database with bot.secret_key")
    context = signing_context(school_id)
    sealed = await store.sealed_signing_key(tx, school_id)
    if sealed is not None:
        return Ed25519PrivateKey.from_private_bytes(keyring.unseal(sealed, context))
    key = Ed25519PrivateKey.generate()
    private = key.private_bytes(Encoding.Raw, PrivateFormat.Raw, NoEncryption())
    public = key.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
    await store.store_signing_key(tx, school_id, keyring.seal(private, context), public, now)
    return key


def sign(key: Ed25519PrivateKey, text: str) -> bytes:
    return key.sign(text.encode("utf-8"))


def code_for(signature: bytes) -> str:
    """Four dash-separated groups of four base32 characters, from the signature."""
    digest = hashlib.sha256(signature).digest()[:CODE_BYTES]
    raw = base64.b32encode(digest).decode("ascii")
    return "-".join(raw[i:i + 4] for i in range(0, len(raw), 4))


def normalise_code(raw: str) -> str:
    """Accept the code as typed: any case, with or without dashes and spaces."""
    clean = "".join(ch for ch in raw.upper() if ch.isalnum())
    return "-".join(clean[i:i + 4] for i in range(0, len(clean), 4))


def verify(public: bytes, text: str, signature: bytes) -> bool:
    try:
        Ed25519PublicKey.from_public_bytes(public).verify(signature, text.encode("utf-8"))
    except (InvalidSignature, ValueError):
        return False
    return True
