"""``GET /verify/{code}``: whether an urenverklaring is genuine (issue 6; C art. 10.7; BoW 2.5).

Anyone holding the PDF (DUO, the gemeente, an employer) opens the code printed on it; the answer
checks the stored payload against the school's Ed25519 signature and shows the signed figures,
without the participant's name or any other personal data. JSON by default, a plain Dutch page
for a browser.
"""

from __future__ import annotations

import html
import json
import logging

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, JSONResponse
from pydantic import BaseModel, Field

from bot.api import ApiRoute, ErrorBody
from bot.http.app import services
from bot.privacy import audit
from bot.services import Services
from bot.uren import signing
from bot.uren.statement import public_summary
from storage import uren as store

log = logging.getLogger(__name__)

router = APIRouter(route_class=ApiRoute, tags=["verify"])


class KindHours(BaseModel):
    kind: str
    classroom_hours: str
    distance_hours: str


class Verification(BaseModel):
    """The signed figures of a genuine urenverklaring; no personal data."""

    genuine: bool
    code: str
    school: str
    regime: str
    route: str | None
    period_start: str | None
    period_end: str | None
    issued_on: str
    lessons: int
    attended_hours: str
    classroom_hours: str
    distance_hours: str
    counted_hours: str = Field(description="NT2, alfabetisering and KNM hours that count")
    ona_counted_hours: str | None = Field(
        None, description="ONA hours that count for the 64-hour statement; absent without ONA")
    by_kind: list[KindHours]


class NotGenuine(BaseModel):
    genuine: bool
    code: str
    detail: str


def wants_html(request: Request) -> bool:
    accept = request.headers.get("accept", "")
    return "text/html" in accept and "application/json" not in accept


def page(title: str, rows: list[tuple[str, str]], ok: bool) -> HTMLResponse:
    """A plain Dutch page for people who open the link from the PDF."""
    body = "".join(f"<tr><th>{html.escape(k)}</th><td>{html.escape(v)}</td></tr>" for k, v in rows)
    colour = "#1b5e20" if ok else "#b71c1c"
    return HTMLResponse(
        f"<!doctype html><html lang='nl'><meta charset='utf-8'><title>{html.escape(title)}</title>"
        f"<body style='font-family:sans-serif;max-width:40em;margin:2em auto'>"
        f"<h1 style='color:{colour}'>{html.escape(title)}</h1><table>{body}</table></body></html>",
        status_code=200 if ok else 404)


@router.get("/verify/{code}", response_model=Verification,
            responses={200: {"content": {"text/html": {}},
                             "description": "Genuine: its figures (JSON, or a page for browsers)"},
                       404: {"model": NotGenuine, "content": {"text/html": {}},
                             "description": "Unknown code or not genuine"},
                       500: {"model": ErrorBody, "description": "Unexpected error"}})
async def verify(code: str, request: Request, svc: Services = Depends(services)):
    """Whether the urenverklaring with this code is genuine, and its signed figures."""
    normal = signing.normalise_code(code[:64])
    statement = await store.statement_by_code(svc.db, normal) if normal else None
    genuine = False
    if statement is not None:
        public = await store.public_key(svc.db, statement.school_id)
        genuine = public is not None and signing.verify(public, statement.payload,
                                                        statement.signature)
        if not genuine:
            log.warning("stored urenverklaring failed its signature check")
    if not genuine:
        if wants_html(request):
            return page("Niet echt of onbekend",
                        [("Code", normal or code[:64]),
                         ("Uitkomst", "Deze code hoort niet bij een urenverklaring van deze "
                                      "dienst, of de verklaring is gewijzigd.")], ok=False)
        return JSONResponse({"genuine": False, "code": normal or code[:64],
                             "detail": "unknown code, or the statement does not verify"},
                            status_code=404)
    await audit.record(svc.db, None, [statement.participant_id], audit.UREN, svc.now(),
                       via=audit.VERIFY)
    summary = public_summary(json.loads(statement.payload))
    if wants_html(request):
        return page("Echte urenverklaring", [
            ("Code", normal), ("Taalschool", summary["school"]),
            ("Periode", f"{summary['period_start']} t/m {summary['period_end']}"),
            ("Datum van afgifte", summary["issued_on"]),
            ("Gevolgde uren", summary["attended_hours"]),
            ("Klassikaal", summary["classroom_hours"]), ("Afstand", summary["distance_hours"]),
            ("Taal- en KNM-uren die meetellen", summary["counted_hours"]),
            *([("ONA-uren die meetellen (64-uursverklaring)", summary["ona_counted_hours"])]
              if summary["ona_counted_hours"] is not None else [])], ok=True)
    return Verification(genuine=True, code=normal, **summary)
