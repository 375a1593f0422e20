"""The feature layer's one error type: an operation refused for a reason its caller can show.

Services raise ``Refused`` with a short, personal-data-free sentence; the admin CLI prints it as
``error: ...`` and the HTTP API turns it into a 4xx. Keeping it here, below every caller, means no
service imports the CLI or the API to say no.
"""

from __future__ import annotations


class Refused(Exception):
    """A one-line, user-facing reason an operation cannot be done."""


def unknown(what: str, value: object) -> Refused:
    """The one line for an id that names nothing: ``school 99 does not exist``."""
    return Refused(f"{what} {value} does not exist")
