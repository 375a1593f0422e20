"""A school's onderwijsplan and klachtenregeling (issue 15; convenant art. 10.5, 10.9; BoW 2.11):
uploaded as the PDF file itself (``Content-Type: application/pdf``, or
``application/octet-stream``: the content is checked, not its label), one per kind, replaced by a
new upload; /mijnschool sends them to the school's participants. Not a PDF: 422; over the size
limit: 413.
"""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from fastapi import Depends, HTTPException, Request, Response
from pydantic import BaseModel, Field

from bot import documents
from bot.api import api_router, field_error
from bot.http import auth
from bot.http.app import services
from bot.rules import documents as rules
from bot.services import Services
from storage import school_documents as store

router = api_router(prefix="/api/v1")
Kind = Literal["onderwijsplan", "klachtenregeling"]


class DocumentOut(BaseModel):
    kind: str
    size: int = Field(description="Bytes")
    sha256: str
    uploaded_at: datetime


def _out(info: store.DocumentInfo) -> DocumentOut:
    return DocumentOut(kind=info.kind, size=info.size, sha256=info.sha256,
                       uploaded_at=info.uploaded_at)


@router.put(
    "/documents/{kind}", response_model=DocumentOut, tags=["documents"],
    responses={201: {"model": DocumentOut, "description": "The school had none of this kind"}},
    openapi_extra={"requestBody": {"required": True, "content": {
        "application/pdf": {"schema": {"type": "string", "format": "binary"}},
        "application/octet-stream": {"schema": {"type": "string", "format": "binary"}}}}})
async def put_document(request: Request, response: Response, kind: Kind,
                       school_id: int = Depends(auth.school),
                       svc: Services = Depends(services)) -> DocumentOut:
    """Upload your onderwijsplan or klachtenregeling as a PDF (at most 5 MB); your participants
    get it with /mijnschool. A new upload replaces the old one."""
    data = await request.body()
    if rules.too_large(len(data)):
        raise HTTPException(status_code=413,
                            detail=f"a document is at most {rules.MAX_BYTES} bytes")
    problem = rules.problem(data)
    if problem is not None:
        raise field_error(["body"], problem, "not_pdf")
    if await documents.upload(svc, school_id, kind, data):
        response.status_code = 201
    (info,) = [d for d in await store.documents_of(svc.db, school_id) if d.kind == kind]
    return _out(info)


@router.get("/documents", response_model=list[DocumentOut], tags=["documents"])
async def list_documents(school_id: int = Depends(auth.school),
                         svc: Services = Depends(services)) -> list[DocumentOut]:
    """Your uploaded documents (without their content)."""
    return [_out(d) for d in await store.documents_of(svc.db, school_id)]


@router.delete("/documents/{kind}", status_code=204, response_class=Response,
               tags=["documents"], responses={204: {"description": "Deleted"}})
async def delete_document(kind: Kind, school_id: int = Depends(auth.school),
                          svc: Services = Depends(services)) -> Response:
    """Take a document away; /mijnschool no longer sends it."""
    async with svc.db.transaction() as tx:
        deleted = await store.delete_document(tx, school_id, kind)
    if not deleted:
        raise field_error(["path", "kind"], "your school has no document of this kind",
                          "not_found", 404)
    return Response(status_code=204)
