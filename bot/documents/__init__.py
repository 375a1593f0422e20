"""A school's onderwijsplan and klachtenregeling for its participants (issue 15; convenant art.
10.5, 10.9; BoW 2.11): the school uploads each as a PDF; /mijnschool sends them to the school's
participants with the school's name, in their language."""

from __future__ import annotations

import hashlib

from bot.rules import documents as rules
from bot.services import Services
from storage import school_documents as store

KINDS = rules.KINDS


async def upload(services: Services, school_id: int, kind: str, content: bytes) -> bool:
    """Store (or replace) a checked document; True when the school had none of this kind."""
    if kind not in KINDS or rules.too_large(len(content)) or rules.problem(content):
        raise ValueError("not an acceptable document")
    async with services.db.transaction() as tx:
        return await store.put_document(tx, school_id, kind, content,
                                        hashlib.sha256(content).hexdigest(), services.now())
