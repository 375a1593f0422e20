"""Files of the sandbox: what the bot uploads and users send, served back by file_id and file_path.

Each stored file gets a fresh file_id and file_unique_id and a file_path under which getFile and
the /file/bot<token>/ download route find it; the Telegram File, Document and PhotoSize objects are
built from the same record.
"""

from __future__ import annotations

import mimetypes
import secrets
from dataclasses import dataclass
from typing import Any


@dataclass
class StoredFile:
    """A file known to the server (uploaded by the bot or sent by a user)."""

    file_id: str
    file_unique_id: str
    data: bytes
    file_path: str
    file_name: str | None = None
    mime_type: str | None = None

    def as_file(self) -> dict[str, Any]:
        """The Telegram File object (getFile)."""
        return {
            "file_id": self.file_id,
            "file_unique_id": self.file_unique_id,
            "file_size": len(self.data),
            "file_path": self.file_path,
        }

    def as_document(self) -> dict[str, Any]:
        """The Telegram Document object."""
        document = {
            "file_id": self.file_id,
            "file_unique_id": self.file_unique_id,
            "file_size": len(self.data),
        }
        if self.file_name:
            document["file_name"] = self.file_name
        if self.mime_type:
            document["mime_type"] = self.mime_type
        return document

    def as_photo(self, width: int = 800, height: int = 600) -> list[dict[str, Any]]:
        """A one-size Telegram PhotoSize list."""
        return [
            {
                "file_id": self.file_id,
                "file_unique_id": self.file_unique_id,
                "file_size": len(self.data),
                "width": width,
                "height": height,
            }
        ]


class FilesMixin:
    """The file store part of :class:`~bot.sandbox.state.SandboxState`."""

    files: dict[str, StoredFile]
    file_paths: dict[str, str]

    def store_file(
        self, data: bytes, kind: str, file_name: str | None = None, mime_type: str | None = None
    ) -> StoredFile:
        """Keep a file; returns its record with fresh file_id/file_unique_id/file_path."""
        if mime_type in (None, "", "application/octet-stream") and file_name:
            mime_type = mimetypes.guess_type(file_name)[0] or mime_type
        number = len(self.files) + 1
        extension = _extension(file_name, mime_type)
        stored = StoredFile(
            file_id=f"{kind[:2].upper()}AC{secrets.token_urlsafe(24)}",
            file_unique_id=f"AQAD{secrets.token_urlsafe(8)}",
            data=data,
            file_path=f"{kind}/file_{number}{extension}",
            file_name=file_name,
            mime_type=mime_type or None,
        )
        self.files[stored.file_id] = stored
        self.file_paths[stored.file_path] = stored.file_id
        return stored

    def file_by_path(self, file_path: str) -> StoredFile | None:
        """The file served at /file/bot<token>/<file_path>."""
        file_id = self.file_paths.get(file_path)
        return self.files.get(file_id) if file_id else None


def _extension(file_name: str | None, mime_type: str | None) -> str:
    if file_name and "." in file_name:
        suffix = "." + file_name.rsplit(".", 1)[1]
        if suffix[1:].isalnum() and len(suffix) <= 10:
            return suffix.lower()
    return (mimetypes.guess_extension(mime_type) if mime_type else None) or ""
