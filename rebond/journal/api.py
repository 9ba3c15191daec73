"""/api/v1/journal: the person's own entries. Every write returns "crisis" beside the saved entry."""

from __future__ import annotations

from datetime import date
from typing import Any, Literal

from django.http import HttpRequest, HttpResponse
from ninja import Field, Query, Router, Schema, Status

from rebond.core.api_base import Page, current_user
from rebond.journal import catalogue, selectors, services
from rebond.journal.models import JournalEntry

router = Router(tags=["journal"])

KindName = Literal["gratitude", "compassionate-letter", "strengths", "affirmations", "narrative-re-authoring",
                   "values"]


class CrisisOut(Schema):
    detected: bool
    harmed_by_other: bool = False
    emergency_number: str | None = None
    resources: list[dict[str, Any]] = []


class EntryIn(Schema):
    kind: KindName
    body: str = Field("", max_length=5000)
    retelling: str = Field("", max_length=5000)
    prompt: str = Field("", max_length=400)
    strengths: list[str] = []
    believable: int | None = Field(None, ge=0, le=10)
    on: date | None = None


class EntryPatch(Schema):
    body: str | None = Field(None, max_length=5000)
    retelling: str | None = Field(None, max_length=5000)
    prompt: str | None = Field(None, max_length=400)
    strengths: list[str] | None = None
    believable: int | None = Field(None, ge=0, le=10)
    on: date | None = None


class EntryOut(Schema):
    id: int
    kind: str
    on: date
    prompt: str
    body: str
    retelling: str
    strengths: list[str]
    believable: int | None


class EntryWriteOut(EntryOut):
    crisis: CrisisOut


class StrengthOut(Schema):
    slug: str
    name: str
    virtue: str
    description: str
    ideas: list[str]


class PromptSetOut(Schema):
    slug: str
    title: str
    intro: str
    prompts: list[str]
    guidance: list[str]


def _out(e: JournalEntry) -> dict[str, Any]:
    return {"id": e.pk, "kind": e.kind, "on": e.on, "prompt": e.prompt, "body": e.body, "retelling": e.retelling,
            "strengths": list(e.strengths or []), "believable": e.believable}


class EntryPage(Page[EntryOut]):
    complete: bool = Field(True, description="False when a search (q) left some entries unsearched: it opens "
                                             f"{selectors.SEARCH_SCAN_LIMIT} entries at most, newest first.")
    next_scan_from: int | None = Field(None, description="Pass as scan_from to search the next, older entries.")


@router.get("/journal", response=EntryPage)
def entry_list(request: HttpRequest, q: str = "", kind: str = "", limit: int = Query(20, ge=1, le=200),
               offset: int = Query(0, ge=0), scan_from: int = Query(0, ge=0)) -> dict[str, Any]:
    found = selectors.entry_search(user=current_user(request), q=q, kind=kind, limit=limit, offset=offset,
                                   scan_from=scan_from)
    return {"items": [_out(e) for e in found.items], "count": found.count, "complete": found.complete,
            "next_scan_from": found.next_scan_from}


@router.post("/journal", response={201: EntryWriteOut})
def entry_create(request: HttpRequest, payload: EntryIn) -> Status:
    user = current_user(request)
    entry, result = services.entry_create(user=user, kind=payload.kind, body=payload.body, retelling=payload.retelling,
                                          prompt=payload.prompt, strengths=payload.strengths,
                                          believable=payload.believable, on=payload.on)
    return Status(201, {**_out(entry), "crisis": result.as_payload()})


@router.get("/journal/strengths", response=Page[StrengthOut])
def strength_list(request: HttpRequest) -> dict[str, Any]:
    current_user(request)
    items = [{"slug": s.slug, "name": s.name, "virtue": s.virtue, "description": s.description,
              "ideas": list(s.ideas)} for s in catalogue.strengths()]
    return {"items": items, "count": len(items)}


@router.get("/journal/prompts", response=Page[PromptSetOut])
def prompt_list(request: HttpRequest) -> dict[str, Any]:
    current_user(request)
    items = [{"slug": p.slug, "title": p.title, "intro": p.intro, "prompts": p.prompts, "guidance": list(p.guidance)}
             for p in catalogue.prompt_sets().values()]
    return {"items": items, "count": len(items)}


@router.get("/journal/{entry_id}", response=EntryOut)
def entry_get(request: HttpRequest, entry_id: int) -> dict[str, Any]:
    return _out(selectors.entry_get(user=current_user(request), entry_id=entry_id))


@router.patch("/journal/{entry_id}", response=EntryWriteOut)
def entry_update(request: HttpRequest, entry_id: int, payload: EntryPatch) -> dict[str, Any]:
    user = current_user(request)
    entry = selectors.entry_for_change(user=user, entry_id=entry_id)
    changes = payload.dict(exclude_unset=True)
    entry, result = services.entry_update(user=user, entry=entry, **changes)
    return {**_out(entry), "crisis": result.as_payload()}


@router.put("/journal/{entry_id}", response=EntryWriteOut)
def entry_replace(request: HttpRequest, entry_id: int, payload: EntryPatch) -> dict[str, Any]:
    return entry_update(request, entry_id, payload)


@router.delete("/journal/{entry_id}", response={204: None})
def entry_delete(request: HttpRequest, entry_id: int) -> HttpResponse:
    user = current_user(request)
    services.entry_delete(user=user, entry=selectors.entry_for_change(user=user, entry_id=entry_id))
    return HttpResponse(status=204)
