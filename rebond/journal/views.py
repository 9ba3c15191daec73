"""Journal pages: the list with search, writing an entry of each kind, reading, changing and deleting one."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods

from rebond.journal import catalogue, forms, selectors, services
from rebond.journal.models import JournalEntry, Kind
from rebond.practice.services import user_today
from rebond.safety import interstitial

PAGE_SIZE = 10


def _entry(request: HttpRequest, entry_id: int) -> JournalEntry:
    try:
        return selectors.entry_get(user=request.user, entry_id=entry_id)
    except JournalEntry.DoesNotExist:
        raise Http404("Not found.") from None


def _entry_to_change(request: HttpRequest, entry_id: int) -> JournalEntry:
    """Like _entry, but someone the owner shares the journal with gets 403 (PermissionDenied): a share is read-only."""
    try:
        return selectors.entry_for_change(user=request.user, entry_id=entry_id)
    except JournalEntry.DoesNotExist:
        raise Http404("Not found.") from None


def _kind(kind: str) -> str:
    if kind not in Kind.values:
        raise Http404("Not found.")
    return kind


def _apply_errors(form: forms.EntryForm, exc: ValidationError) -> None:
    for field, problems in exc.message_dict.items():
        for problem in problems:
            form.add_error(field if field in form.fields else None, problem)


def _who_reads_form(request: HttpRequest) -> str:
    return selectors.who_reads(user=request.user, alone=catalogue.ONLY_YOU_JOURNAL)


def _kinds() -> list[dict[str, Any]]:
    sets = catalogue.prompt_sets()
    return [{"slug": value, "label": label, "intro": sets[value].intro if value in sets else ""}
            for value, label in Kind.choices]


@login_required
@require_GET
def index(request: HttpRequest) -> HttpResponse:
    q = request.GET.get("q", "").strip()[:200]
    kind = request.GET.get("kind", "")
    kind = kind if kind in Kind.values else ""
    number, scan = _number(request, "page", 1), _number(request, "scan", 0)
    found = selectors.entry_search(user=request.user, q=q, kind=kind, limit=PAGE_SIZE,
                                   offset=(number - 1) * PAGE_SIZE, scan_from=scan)
    pages = max(1, -(-found.count // PAGE_SIZE))
    names = {s.slug: s.name for s in catalogue.strengths()}
    entries = [{"e": e, "strengths": ", ".join(names.get(slug, slug) for slug in e.strengths or [])}
               for e in found.items]
    return render(request, "journal/index.html", {
        "entries": entries, "count": found.count, "q": q, "kind": kind, "kinds": _kinds(), "number": number,
        "pages": pages, "searching": bool(q or kind), "found": found, "scan_limit": selectors.SEARCH_SCAN_LIMIT,
        "scan_to": found.scan_from + selectors.SEARCH_SCAN_LIMIT, "who_reads": selectors.who_reads(user=request.user),
    })


def _number(request: HttpRequest, name: str, least: int) -> int:
    try:
        return max(least, int(request.GET.get(name, str(least))))
    except ValueError:
        return least


def _save_response(request: HttpRequest, entry: JournalEntry, result: Any) -> HttpResponse:
    back = reverse("journal:detail", args=[entry.pk])
    return interstitial.after_save(request, result, entry_key=f"journal:{entry.pk}", back_url=back)


@login_required
@require_http_methods(["GET", "POST"])
def entry_new(request: HttpRequest, kind: str) -> HttpResponse:
    kind = _kind(kind)
    user = request.user
    initial = {"on": user_today(user), "prompt": request.GET.get("prompt", "")}
    form = forms.EntryForm(request.POST or None, kind=kind, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            entry, result = services.entry_create(
                user=user, kind=kind, body=data["body"], retelling=data.get("retelling", ""), prompt=data["prompt"],
                strengths=data.get("strengths"), believable=form.believable_value(), on=data["on"],
            )
        except ValidationError as exc:
            _apply_errors(form, exc)
        else:
            messages.success(request, f"Saved to your journal. {selectors.who_reads(user=user)}")
            return _save_response(request, entry, result)
    return render(request, "journal/form.html", {
        "form": form, "kind": kind, "set": catalogue.prompt_set(kind), "title": Kind(kind).label,
        "draft_key": f"journal-new-{kind}", "who_reads": _who_reads_form(request),
    }, status=422 if form.errors else 200)


@login_required
@require_GET
def entry_detail(request: HttpRequest, entry_id: int) -> HttpResponse:
    entry = _entry(request, entry_id)
    chosen = [s for s in (catalogue.strength(slug) for slug in entry.strengths) if s is not None]
    return render(request, "journal/detail.html", {"entry": entry, "chosen": chosen,
                                                   "set": catalogue.prompt_set(entry.kind)})


@login_required
@require_http_methods(["GET", "POST"])
def entry_edit(request: HttpRequest, entry_id: int) -> HttpResponse:
    entry = _entry_to_change(request, entry_id) if request.method == "POST" else _entry(request, entry_id)
    initial = {"on": entry.on, "prompt": entry.prompt, "body": entry.body, "retelling": entry.retelling,
               "strengths": entry.strengths, "believable": "" if entry.believable is None else str(entry.believable)}
    form = forms.EntryForm(request.POST or None, kind=entry.kind, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        changes: dict[str, Any] = {"body": data["body"], "prompt": data["prompt"], "on": data["on"]}
        if "retelling" in form.fields:
            changes["retelling"] = data["retelling"]
        if "strengths" in form.fields:
            changes["strengths"] = data["strengths"]
        if "believable" in form.fields:
            changes["believable"] = form.believable_value()
        try:
            entry, result = services.entry_update(user=request.user, entry=entry, **changes)
        except ValidationError as exc:
            _apply_errors(form, exc)
        else:
            messages.success(request, "Saved.")
            return _save_response(request, entry, result)
    return render(request, "journal/form.html", {
        "form": form, "kind": entry.kind, "set": catalogue.prompt_set(entry.kind), "entry": entry,
        "title": f"Change: {entry.get_kind_display()}", "draft_key": f"journal-{entry.pk}",
        "who_reads": _who_reads_form(request),
    }, status=422 if form.errors else 200)


@login_required
@require_http_methods(["GET", "POST"])
def entry_delete(request: HttpRequest, entry_id: int) -> HttpResponse:
    """GET asks first. The entry page's button asks in a dialog with JavaScript; without it the button sends `ask`
    (from a <noscript> field) and this page asks instead, so nothing is deleted on one tap."""
    if request.method == "GET":
        entry = _entry(request, entry_id)
        return render(request, "confirm_delete.html", {
            "what": f"{entry.get_kind_display()} on {entry.on:%A %-d %B %Y}",
            "action": reverse("journal:delete", args=[entry.pk]), "back_url": reverse("journal:detail", args=[entry.pk]),
        })
    entry = _entry_to_change(request, entry_id)
    if request.POST.get("ask"):
        return redirect("journal:delete", entry_id=entry.pk)
    services.entry_delete(user=request.user, entry=entry)
    messages.success(request, "Deleted.")
    return redirect("journal:index")
