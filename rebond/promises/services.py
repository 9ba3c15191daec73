"""Writes for promises, check-ins, victories and the calendar feed. The only code that changes these rows."""

from __future__ import annotations

import hashlib
import secrets
from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from rebond.core.fields import FREE_TEXT_LIMIT
from rebond.domain import promises as rules
from rebond.promises.models import CalendarFeed, CheckIn, Outcome, Promise, Reason, Size, Victory
from rebond.safety.guard import GuardResult, guard_for

SAFETY_PROMISE_MESSAGE = (
    "This sounds like a promise to keep yourself safe. That matters too much to be something you could miss. "
    "You can put it in your safety plan instead, where it helps on a hard day."
)
MAX_PAUSE_DAYS = 366


class SafetyPromiseError(ValidationError):
    """A promise about staying safe: not stored as a promise; the interface offers the safety plan."""

    def __init__(self, text: str) -> None:
        super().__init__({"text": [SAFETY_PROMISE_MESSAGE]})
        self.text = text


def user_today(user: Any, now: datetime | None = None) -> date:
    """Today's date where the person lives (their time zone), not the server's."""
    moment = now or timezone.now()
    try:
        zone = ZoneInfo(user.time_zone or "UTC")
    except (ZoneInfoNotFoundError, ValueError):
        zone = ZoneInfo("UTC")
    return moment.astimezone(zone).date()


def _clean_text(value: Any, field: str, errors: dict[str, list[str]], *, required: bool) -> str:
    text = "" if value is None else str(value).strip()
    if required and not text:
        errors.setdefault(field, []).append("Write a few words here.")
    if len(text) > FREE_TEXT_LIMIT:
        errors.setdefault(field, []).append(f"Please keep this to {FREE_TEXT_LIMIT:,} characters.")
    return text


def _check_schedule(rule: str, starts_on: date, ends_on: date | None, errors: dict[str, list[str]]) -> str:
    rule = rules.normalise_rule(rule)
    try:
        rules.parse_rule(rule, starts_on)
    except rules.RuleError as exc:
        errors.setdefault("rrule", []).append(exc.message)
    if ends_on is not None and ends_on < starts_on:
        errors.setdefault("ends_on", []).append("The end date can't be before the start date.")
    return rule


def promise_create(
    *,
    user: Any,
    text: str,
    size: str = Size.SMALL,
    starts_on: date,
    rrule: str = "",
    ends_on: date | None = None,
    why: str = "",
) -> tuple[Promise, GuardResult]:
    errors: dict[str, list[str]] = {}
    text = _clean_text(text, "text", errors, required=True)
    why = _clean_text(why, "why", errors, required=False)
    if size not in Size.values:
        errors["size"] = ["Pick tiny, small or stretch."]
    rule = _check_schedule(rrule, starts_on, ends_on, errors)
    if errors:
        raise ValidationError(errors)
    if rules.is_safety_promise(text):
        raise SafetyPromiseError(text)
    result = guard_for(user, text, why)
    promise = Promise(user=user, text=text, why=why, size=size, rrule=rule, starts_on=starts_on, ends_on=ends_on)
    promise.full_clean()
    promise.save()
    return promise, result


def promise_update(*, user: Any, promise: Promise, **changes: Any) -> tuple[Promise, GuardResult]:
    """Change any of text, why, size, rrule, starts_on, ends_on, archived. Only the given keys change."""
    if promise.user_id != user.pk:
        raise Promise.DoesNotExist
    allowed = {"text", "why", "size", "rrule", "starts_on", "ends_on", "archived"}
    unknown = set(changes) - allowed
    if unknown:
        raise ValidationError({name: ["This can't be changed."] for name in sorted(unknown)})
    errors: dict[str, list[str]] = {}
    text = _clean_text(changes.get("text", promise.text), "text", errors, required=True)
    why = _clean_text(changes.get("why", promise.why), "why", errors, required=False)
    size = changes.get("size", promise.size)
    if size not in Size.values:
        errors["size"] = ["Pick tiny, small or stretch."]
    starts_on = changes.get("starts_on", promise.starts_on) or promise.starts_on
    ends_on = changes["ends_on"] if "ends_on" in changes else promise.ends_on
    rule = _check_schedule(changes.get("rrule", promise.rrule) or "", starts_on, ends_on, errors)
    if "starts_on" in changes and starts_on > promise.starts_on:
        first = promise.checkins.filter(on__lt=starts_on).order_by("on").values_list("on", flat=True).first()
        if first is not None:
            errors.setdefault("starts_on", []).append(
                f"There is a check-in on {first:%-d %b %Y}; the start can't move past it."
            )
    if errors:
        raise ValidationError(errors)
    if "text" in changes and rules.is_safety_promise(text):
        raise SafetyPromiseError(text)
    result = guard_for(user, *(v for k, v in (("text", text), ("why", why)) if k in changes))
    promise.size, promise.rrule, promise.starts_on, promise.ends_on = size, rule, starts_on, ends_on
    if "text" in changes:
        promise.text = text
    if "why" in changes:
        promise.why = why
    if "archived" in changes:
        promise.archived = bool(changes["archived"])
    promise.full_clean()
    promise.save()
    return promise, result


def promise_archive(*, user: Any, promise: Promise, archived: bool = True) -> Promise:
    if promise.user_id != user.pk:
        raise Promise.DoesNotExist
    promise.archived = archived
    promise.save(update_fields=["archived", "updated_at"])
    return promise


def _check_day(promise: Promise, on: date, today: date, errors: dict[str, list[str]], *, future_ok: bool) -> None:
    if on < promise.starts_on:
        errors.setdefault("on", []).append(
            f"This promise starts on {promise.starts_on:%-d %b %Y}. Pick that day or a later one."
        )
    elif not future_ok and on > today:
        errors.setdefault("on", []).append("The date can't be in the future. Pick today or an earlier day.")
    elif promise.ends_on is not None and on > promise.ends_on:
        errors.setdefault("on", []).append(f"This promise ended on {promise.ends_on:%-d %b %Y}.")
    elif not rules.is_due(promise.rrule, promise.starts_on, promise.ends_on, on):
        errors.setdefault("on", []).append("This promise isn't due on that day. Pick a day when it is due.")


def checkin_record(
    *,
    user: Any,
    promise: Promise,
    on: date,
    outcome: str,
    value: float | None = None,
    reason: str = "",
    note: str | None = None,
    today: date | None = None,
) -> tuple[CheckIn, bool, GuardResult]:
    """Record (or replace) the check-in for one occurrence. Returns (check-in, created, guard result).

    Idempotent per day: a second call for the same day changes that row and keeps the earlier outcome in its
    history; two calls racing leave one row (a unique constraint, then update_or_create)."""
    if promise.user_id != user.pk:
        raise Promise.DoesNotExist
    today = today or user_today(user)
    errors: dict[str, list[str]] = {}
    if outcome not in Outcome.values:
        errors["outcome"] = ["Pick one of: kept, partial, missed, renegotiated, excused."]
    if value is not None and (isinstance(value, bool) or not 0.0 <= float(value) <= 1.0):
        errors["value"] = ["Give how much you did as a number from 0 to 1 (0.5 is half)."]
    elif outcome == Outcome.PARTIAL and value is None:
        errors["value"] = ["Say how much you did, from 0 to 1 (0.5 is half)."]
    if outcome == Outcome.EXCUSED:
        reason = reason or Reason.PAUSE
        if reason not in Reason.values:
            errors["reason"] = ["Pick pause, illness or holiday."]
    else:
        reason = ""
    note_text = None if note is None else _clean_text(note, "note", errors, required=False)
    _check_day(promise, on, today, errors, future_ok=False)
    if errors:
        raise ValidationError(errors)
    result = guard_for(user, note_text)
    stored_value = float(value) if outcome == Outcome.PARTIAL and value is not None else None
    return (*_write_checkin(user, promise, on, outcome, stored_value, reason, note_text), result)


def _write_checkin(
    user: Any, promise: Promise, on: date, outcome: str, value: float | None, reason: str, note: str | None
) -> tuple[CheckIn, bool]:
    for attempt in range(2):
        try:
            with transaction.atomic():
                existing = CheckIn.objects.select_for_update().filter(promise=promise, on=on).first()
                history = list(existing.history) if existing else []
                if existing and (existing.outcome, existing.value, existing.reason) != (outcome, value, reason):
                    history.append({"outcome": existing.outcome, "value": existing.value, "reason": existing.reason,
                                    "changed_at": timezone.now().isoformat()})
                candidate = CheckIn(user=user, promise=promise, on=on, outcome=outcome, value=value, reason=reason,
                                    note=note or None, history=history)
                candidate.full_clean(exclude=["promise", "user"], validate_unique=False, validate_constraints=False)
                defaults: dict[str, Any] = {"user": user, "outcome": outcome, "value": value, "reason": reason,
                                            "history": history}
                if note is not None:
                    defaults["note"] = note or None
                checkin, created = CheckIn.objects.update_or_create(promise=promise, on=on, defaults=defaults)
                return checkin, created
        except IntegrityError:
            if attempt:
                raise
    raise AssertionError("unreachable")


def checkin_debrief(*, user: Any, checkin: CheckIn, obstacle: str, smaller_step: str) -> GuardResult:
    """The gentle miss debrief: what got in the way, and a smaller version to try."""
    if checkin.user_id != user.pk:
        raise CheckIn.DoesNotExist
    errors: dict[str, list[str]] = {}
    obstacle = _clean_text(obstacle, "obstacle", errors, required=False)
    smaller_step = _clean_text(smaller_step, "smaller_step", errors, required=False)
    if errors:
        raise ValidationError(errors)
    result = guard_for(user, obstacle, smaller_step)
    checkin.obstacle, checkin.smaller_step = obstacle or None, smaller_step or None
    checkin.full_clean(validate_unique=False, validate_constraints=False)
    checkin.save(update_fields=["obstacle", "smaller_step", "updated_at"])
    return result


def checkin_delete(*, user: Any, checkin: CheckIn) -> None:
    if checkin.user_id != user.pk:
        raise CheckIn.DoesNotExist
    checkin.delete()


def promise_pause(
    *, user: Any, promise: Promise, first: date, last: date, reason: str = Reason.PAUSE, today: date | None = None
) -> int:
    """Mark every due day from ``first`` to ``last`` as excused (a planned rest can reach into the future).
    Days already checked in keep their outcome. Returns how many days were paused."""
    if promise.user_id != user.pk:
        raise Promise.DoesNotExist
    today = today or user_today(user)
    errors: dict[str, list[str]] = {}
    if reason not in Reason.values:
        errors["reason"] = ["Pick pause, illness or holiday."]
    if last < first:
        errors["last"] = ["The last day can't be before the first day."]
    elif (last - first).days >= MAX_PAUSE_DAYS:
        errors["last"] = ["A pause can be up to a year. Pick an earlier last day."]
    if first < promise.starts_on:
        errors["first"] = [f"This promise starts on {promise.starts_on:%-d %b %Y}. Pick that day or a later one."]
    if errors:
        raise ValidationError(errors)
    days = rules.occurrences(promise.rrule, promise.starts_on, promise.ends_on, first, last)
    with transaction.atomic():
        taken = set(CheckIn.objects.filter(promise=promise, on__in=days).values_list("on", flat=True))
        fresh = [CheckIn(user=user, promise=promise, on=day, outcome=Outcome.EXCUSED, reason=reason)
                 for day in days if day not in taken]
        CheckIn.objects.bulk_create(fresh, ignore_conflicts=True)
    return len(fresh)


def victory_create(*, user: Any, text: str, on: date | None = None) -> tuple[Victory, GuardResult]:
    errors: dict[str, list[str]] = {}
    text = _clean_text(text, "text", errors, required=True)
    today = user_today(user)
    on = on or today
    if on > today:
        errors["on"] = ["The date can't be in the future. Pick today or an earlier day."]
    if errors:
        raise ValidationError(errors)
    result = guard_for(user, text)
    victory = Victory(user=user, text=text, on=on)
    victory.full_clean()
    victory.save()
    return victory, result


def victory_delete(*, user: Any, victory: Victory) -> None:
    if victory.user_id != user.pk:
        raise Victory.DoesNotExist
    victory.delete()


def feed_digest(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def calendar_feed_regenerate(*, user: Any) -> str:
    """A new secret address for the person's calendar feed; the old one stops working at once."""
    token = secrets.token_urlsafe(32)
    with transaction.atomic():
        CalendarFeed.objects.filter(user=user).delete()
        feed = CalendarFeed(user=user, digest=feed_digest(token), token=token)
        feed.full_clean()
        feed.save()
    return token


def calendar_feed_token(*, user: Any) -> str:
    """The current secret address token, made on first use."""
    feed = CalendarFeed.objects.filter(user=user).first()
    if feed is None:
        return calendar_feed_regenerate(user=user)
    return str(feed.token)
