"""The way to a lesson (issue 14): the address the school gave with a map link, or for a
distance lesson the link to join it. The map link is an OpenStreetMap search for the address,
built here without any network call; the phone's map app or browser does the finding."""

from __future__ import annotations

from urllib.parse import quote_plus

from bot.i18n import Translator
from bot.rooster.notices import place_text

OSM_SEARCH = "https://www.openstreetmap.org/search?query="


def map_url(address: str | None) -> str | None:
    """An OpenStreetMap search link for the address; None without an address."""
    address = (address or "").strip()
    return OSM_SEARCH + quote_plus(address) if address else None


def way_lines(tr: Translator, location: str | None, mode: str, join_url: str | None,
              indent: str = "") -> list[str]:
    """"Where: <address>" and "Map: <link>", or "Join the lesson: <link>" for a distance
    lesson, as lines of a message."""
    if mode == "distance":
        if join_url:
            return [indent + tr.f_("Join the lesson: {link}", link=join_url)]
        return [indent + tr.f_("Where: {place}", place=tr.safe(place_text(tr, location, mode)))]
    lines = [indent + tr.f_("Where: {place}", place=location or "–")]
    url = map_url(location)
    if url:
        lines.append(indent + tr.f_("Map: {link}", link=url))
    return lines
