"""Writes for the care circle: invitations, shares, the clinician's pledge, flags seen, encouragement, homework.

The owner alone changes a share; `access.py` turns anyone else's attempt into 403 or 404 before these run.
"""

from __future__ import annotations

import hashlib
import secrets
from datetime import date, datetime, timedelta
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from rebond.care import access
from rebond.care.models import (
    AccessLog,
    CircleRole,
    ClinicianPledge,
    Encouragement,
    FlagSeen,
    Homework,
    HomeworkKind,
    Invitation,
    Share,
)
from rebond.safety.guard import GuardResult, guard_for

CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I/L: easy to read aloud
CODE_LENGTH = 10
INVITE_DAYS_DEFAULT = 7
INVITE_DAYS_MAX = 30
ENCOURAGEMENTS_PER_DAY = 3
ENCOURAGEMENT_LIMIT = 280


def normalize_code(code: str) -> str:
    return "".join(ch for ch in (code or "").upper() if ch.isalnum())


def _digest(code: str) -> str:
    return hashlib.sha256(normalize_code(code).encode("ascii", "ignore")).hexdigest()


def pretty_code(code: str) -> str:
    code = normalize_code(code)
    return f"{code[:5]}-{code[5:]}"


def clean_scopes(role: str, scopes: list[str] | tuple[str, ...] | None, *, field: str = "scopes") -> list[str]:
    if role not in CircleRole.values:
        raise ValidationError({"role": ["Choose clinician or supporter."]})
    chosen = list(dict.fromkeys(scopes or []))
    unknown = [s for s in chosen if s not in access.SCOPES]
    if unknown:
        raise ValidationError({field: [f"These aren't things you can share: {', '.join(unknown)}. "
                                       f"Pick from: {', '.join(access.SCOPES)}."]})
    refused = [s for s in chosen if s not in access.allowed_scopes(role)]
    if refused:
        raise ValidationError({field: ["Safety alerts go only to a clinician. Untick them for a supporter."]})
    return [s for s in access.SCOPES if s in chosen]


# --- invitations -----------------------------------------------------------------------------------------------

def invitation_create(*, user: Any, role: str, scopes: list[str] | None = None,
                      days: int = INVITE_DAYS_DEFAULT) -> tuple[Invitation, str]:
    """A new invitation and its code (shown once; only its digest is stored)."""
    if scopes is None and role in access.DEFAULT_SCOPES:
        scopes = list(access.DEFAULT_SCOPES[role])
    chosen = clean_scopes(role, scopes)
    if not 1 <= days <= INVITE_DAYS_MAX:
        raise ValidationError({"days": [f"An invitation can last from 1 to {INVITE_DAYS_MAX} days."]})
    code = "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))
    invitation = Invitation(owner=user, role=role, scopes=chosen, digest=_digest(code),
                            expires_at=timezone.now() + timedelta(days=days))
    invitation.full_clean()
    invitation.save()
    return invitation, pretty_code(code)


def invitation_find(*, code: str) -> Invitation | None:
    """A usable invitation for this code: not expired and not yet accepted."""
    if len(normalize_code(code)) != CODE_LENGTH:
        return None
    return (Invitation.objects.select_related("owner")
            .filter(digest=_digest(code), accepted_by__isnull=True, expires_at__gt=timezone.now()).first())


def invitation_accept(*, user: Any, code: str) -> Share:
    invitation = invitation_find(code=code)
    if invitation is None or not invitation.owner.is_active:
        raise ValidationError({"code": ["That code doesn't work. It may have expired or been used already — "
                                        "ask the person for a new one."]})
    if invitation.owner_id == user.pk:
        raise ValidationError({"code": ["This is your own invitation. Send it to the person you want to invite."]})
    if invitation.role == CircleRole.CLINICIAN and user.role != CircleRole.CLINICIAN:
        raise ValidationError({"code": ["This invitation is for a clinician. Sign in with a clinician account."]})
    with transaction.atomic():
        locked = Invitation.objects.select_for_update().get(pk=invitation.pk)
        if locked.accepted_by_id is not None:
            raise ValidationError({"code": ["That code was used already. Ask the person for a new one."]})
        if Share.objects.filter(owner_id=locked.owner_id, viewer=user).exists():
            raise ValidationError({"code": ["This person already shares with you. They can change what you see."]})
        share = Share(owner_id=locked.owner_id, viewer=user, role=locked.role, scopes=list(locked.scopes))
        share.full_clean()
        share.save()
        locked.accepted_by = user
        locked.accepted_at = timezone.now()
        locked.save(update_fields=["accepted_by", "accepted_at"])
    return share


def invitation_cancel(*, user: Any, invitation_id: int) -> bool:
    deleted, _ = Invitation.objects.filter(owner=user, pk=invitation_id, accepted_by__isnull=True).delete()
    return deleted > 0


# --- shares ----------------------------------------------------------------------------------------------------

def share_update(*, user: Any, share: Share, scopes: list[str] | None = None,
                 encouragement_muted: bool | None = None) -> Share:
    if share.owner_id != user.pk:  # the access helpers already refused; never trust a caller alone
        raise access.PermissionDenied("Only the person who shared can change this share.")
    fields = ["updated_at"]
    if scopes is not None:
        share.scopes = clean_scopes(share.role, scopes)
        fields.append("scopes")
    if encouragement_muted is not None:
        share.encouragement_muted = encouragement_muted
        fields.append("encouragement_muted")
    share.full_clean()
    share.save(update_fields=fields)
    return share


def share_revoke(*, user: Any, share: Share) -> None:
    """End a share at once. Nothing is sent to the viewer; their next request is simply a 404. The record of when
    they saw safety flags stays, so the person keeps that history."""
    if share.owner_id != user.pk:
        raise access.PermissionDenied("Only the person who shared can end this share.")
    share.delete()  # when flags were seen (FlagSeen) stays: it is the person's history, not the viewer's access


# --- the clinician's pledge and safety flags ---------------------------------------------------------------------

def pledge_set(*, user: Any, check_frequency: str, urgent_contact: str) -> tuple[ClinicianPledge, GuardResult]:
    errors: dict[str, list[str]] = {}
    if user.role != CircleRole.CLINICIAN:
        errors["__all__"] = ["Only clinicians receive safety alerts."]
    check_frequency = (check_frequency or "").strip()
    urgent_contact = (urgent_contact or "").strip()
    if not check_frequency:
        errors["check_frequency"] = ["Say how often you look at rebond, for example \"Tuesday and Friday mornings\"."]
    if not urgent_contact:
        errors["urgent_contact"] = ["Give the line your clients use when it can't wait, for example your "
                                    "practice's number or the local crisis line."]
    if errors:
        raise ValidationError(errors)
    result = guard_for(user, check_frequency, urgent_contact)
    pledge = ClinicianPledge.objects.filter(user=user).first() or ClinicianPledge(user=user)
    pledge.check_frequency = check_frequency[:120]
    pledge.urgent_contact = urgent_contact
    pledge.full_clean()
    pledge.save()
    return pledge, result


def flag_acknowledge(*, viewer: Any, owner: Any, source: str) -> FlagSeen:
    seen, _ = FlagSeen.objects.get_or_create(owner=owner, viewer=viewer, source=source[:40],
                                             defaults={"seen_at": timezone.now()})
    return seen


# --- encouragement ---------------------------------------------------------------------------------------------

def encouragement_send(*, sender: Any, owner: Any, text: str, now: datetime | None = None
                       ) -> tuple[Encouragement, GuardResult]:
    text = (text or "").strip()
    if not text:
        raise ValidationError({"text": ["Write a few words first."]})
    if len(text) > ENCOURAGEMENT_LIMIT:
        raise ValidationError({"text": [f"Keep it short: {ENCOURAGEMENT_LIMIT} characters at most."]})
    now = now or timezone.now()
    result = guard_for(sender, text)  # pure and can take a moment: done before the write lock is taken
    # Count and write as one step: the share row is locked (PostgreSQL) and SQLite's write transactions start
    # IMMEDIATE, so two notes sent at the same instant can't both slip under the limit.
    with transaction.atomic():
        list(Share.objects.select_for_update().filter(owner=owner, viewer=sender).values_list("pk", flat=True))
        if Encouragement.objects.filter(sender=sender, owner=owner, sent_at__gte=now - timedelta(days=1)).count() \
                >= ENCOURAGEMENTS_PER_DAY:
            raise ValidationError({"text": [f"You've sent {ENCOURAGEMENTS_PER_DAY} notes in the last day. "
                                            "Try again tomorrow — a little goes a long way."]})
        note = Encouragement(owner=owner, sender=sender, text=text, sent_at=now)
        note.full_clean()
        note.save()
    return note, result


def encouragement_dismiss(*, user: Any, encouragement_id: int) -> bool:
    return Encouragement.objects.filter(owner=user, pk=encouragement_id, dismissed_at__isnull=True).update(
        dismissed_at=timezone.now()) > 0


# --- homework --------------------------------------------------------------------------------------------------

def homework_assign(*, clinician: Any, owner: Any, kind: str, due_on: date, assigned_on: date, count: int = 1,
                    instrument: str = "", note: str = "") -> tuple[Homework, GuardResult]:
    errors: dict[str, list[str]] = {}
    if kind not in HomeworkKind.values:
        errors["kind"] = ["Pick one of the homework templates."]
    if due_on < assigned_on:
        errors["due_on"] = ["The due date can't be before today — pick today or a later day."]
    if not 1 <= count <= 14:
        errors["count"] = ["Ask for between 1 and 14."]
    if kind == HomeworkKind.QUESTIONNAIRE:
        from rebond.measures.access import enabled_instrument_ids

        if instrument not in enabled_instrument_ids():
            errors["instrument"] = ["Pick which questionnaire."]
    else:
        instrument = ""
    if len(note or "") > 1000:
        errors["note"] = ["Keep the note under 1,000 characters."]
    if errors:
        raise ValidationError(errors)
    result = guard_for(clinician, note)
    homework = Homework(owner=owner, clinician=clinician, kind=kind, count=count, instrument=instrument,
                        note=(note or "").strip(), assigned_on=assigned_on, due_on=due_on)
    homework.full_clean()
    homework.save()
    return homework, result


def homework_mark(*, user: Any, homework_id: int, done: bool) -> Homework:
    homework = Homework.objects.get(owner=user, pk=homework_id)
    homework.done_at = timezone.now() if done else None
    homework.save(update_fields=["done_at"])
    return homework


# --- thought records chosen for session summaries -------------------------------------------------------------

def summary_thoughts_set(*, user: Any, record_ids: list[int], within: list[int]) -> int:
    """Choose which of the records in `within` (those shown to the person) go into summaries. Others stay as they are."""
    from rebond.care.models import SummaryThought
    from rebond.thoughts import selectors as thoughts

    rows, _ = thoughts.record_list(user=user, status="done", limit=10_000)
    own = {r.pk for r in rows}
    shown = set(within) & own
    chosen = set(record_ids) & shown
    with transaction.atomic():
        SummaryThought.objects.filter(owner=user, record_id__in=shown - chosen).delete()
        existing = set(SummaryThought.objects.filter(owner=user, record_id__in=chosen)
                       .values_list("record_id", flat=True))
        SummaryThought.objects.bulk_create([SummaryThought(owner=user, record_id=r) for r in chosen - existing])
    return len(chosen)


def summary_thoughts_replace(*, user: Any, record_ids: list[int]) -> set[int]:
    """Make exactly these finished records the ones summaries may quote (the API's PUT). Unknown ids are a 422."""
    from rebond.thoughts import selectors as thoughts

    rows, _ = thoughts.record_list(user=user, status="done", limit=10_000)
    own = {r.pk for r in rows}
    unknown = sorted(set(record_ids) - own)
    if unknown:
        raise ValidationError({"record_ids": [
            f"These aren't finished thought records of yours: {', '.join(str(i) for i in unknown[:10])}."]})
    summary_thoughts_set(user=user, record_ids=list(record_ids), within=sorted(own))
    return set(record_ids)


# --- data ownership ----------------------------------------------------------------------------------------------

def export_all(user: Any) -> dict[str, Any]:
    """What the person gave (shares, invitations, their access log, notes, homework) and what they receive."""
    from rebond.care.models import SummaryThought

    return {
        "shares_given": [
            {"viewer": s.viewer.username, "role": s.role, "scopes": list(s.scopes),
             "encouragement_muted": s.encouragement_muted, "since": s.created_at.isoformat()}
            for s in Share.objects.filter(owner=user).select_related("viewer")
        ],
        "shares_received": [
            {"owner": s.owner.username, "role": s.role, "scopes": list(s.scopes), "since": s.created_at.isoformat()}
            for s in Share.objects.filter(viewer=user).select_related("owner")
        ],
        "access_log": [
            {"who": row.viewer_name, "scope": row.scope, "via": row.via, "day": row.day.isoformat(),
             "count": row.count, "first_at": row.first_at.isoformat(), "at": row.at.isoformat(),
             "times": [read.at.isoformat() for read in row.reads.all()]}
            for row in AccessLog.objects.filter(owner=user).order_by("at", "id").prefetch_related("reads")
        ],
        "encouragements": [
            {"from": e.sender.username, "text": e.text, "sent_at": e.sent_at.isoformat()}
            for e in Encouragement.objects.filter(owner=user).select_related("sender").order_by("sent_at")
        ],
        "homework": [
            {"kind": h.kind, "count": h.count, "instrument": h.instrument, "note": h.note,
             "assigned_on": h.assigned_on.isoformat(), "due_on": h.due_on.isoformat(),
             "done_at": h.done_at.isoformat() if h.done_at else None}
            for h in Homework.objects.filter(owner=user).order_by("due_on", "id")
        ],
        "pledge": _pledge_export(user),
        "flags_seen": [
            {"by": f.viewer.username, "source": f.source, "seen_at": f.seen_at.isoformat()}
            for f in FlagSeen.objects.filter(owner=user).select_related("viewer").order_by("seen_at", "id")
        ],
        "summary_thought_records": sorted(SummaryThought.objects.filter(owner=user)
                                          .values_list("record_id", flat=True)),
    }


def _pledge_export(user: Any) -> dict[str, str] | None:
    pledge = ClinicianPledge.objects.filter(user=user).first()
    if pledge is None:
        return None
    return {"check_frequency": pledge.check_frequency, "urgent_contact": pledge.urgent_contact}


def delete_all(user: Any) -> None:
    """Either side leaving ends every share between them; the owner's log and notes go with the owner."""
    from rebond.care.models import DemoCompanion, SummaryThought

    with transaction.atomic():
        SummaryThought.objects.filter(owner=user).delete()
        companions = list(DemoCompanion.objects.filter(owner=user).select_related("companion"))
        DemoCompanion.objects.filter(Q(owner=user) | Q(companion=user)).delete()
        if companions:
            from rebond.accounts.services import account_delete

            for row in companions:
                account_delete(user=row.companion)
        FlagSeen.objects.filter(Q(owner=user) | Q(viewer=user)).delete()
        Encouragement.objects.filter(Q(owner=user) | Q(sender=user)).delete()
        Homework.objects.filter(owner=user).delete()
        Share.objects.filter(Q(owner=user) | Q(viewer=user)).delete()
        Invitation.objects.filter(Q(owner=user) | Q(accepted_by=user)).delete()
        AccessLog.objects.filter(owner=user).delete()
        ClinicianPledge.objects.filter(user=user).delete()


def import_all(user: Any, data: Any) -> int:
    """Shares are consent between two accounts and are never re-created from a file; homework comes back."""
    if not isinstance(data, dict):
        return 0
    count = 0
    for row in data.get("homework") or []:
        if not isinstance(row, dict) or row.get("kind") not in HomeworkKind.values:
            continue
        try:
            assigned = date.fromisoformat(str(row.get("assigned_on")))
            due = date.fromisoformat(str(row.get("due_on")))
        except ValueError:
            continue
        note = str(row.get("note") or "")[:1000]
        homework = Homework(owner=user, kind=row["kind"], count=max(1, min(14, int(row.get("count") or 1))),
                            instrument=str(row.get("instrument") or "")[:16], note=note,
                            assigned_on=assigned, due_on=due)
        done_at = row.get("done_at")
        if done_at:
            try:
                homework.done_at = datetime.fromisoformat(str(done_at))
            except ValueError:
                homework.done_at = None
        homework.full_clean()
        homework.save()
        count += 1
    return count

