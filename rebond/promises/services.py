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
from rebond.domain import rfc5545
from rebond.promises.models import CalendarFeed, CheckIn, Outcome, Promise, Reason, Size, Victory
from rebond.safety.guard import GuardResult, guard_for

SAFETY_PROMISE_MESSAGE = (
    "This sounds like a promise to keep yourself safe. That matters too much to be something you could miss. "
    "You can put it in your safety plan instead, where it helps on a hard day."
)
MAX_PAUSE_DAYS = 366
# Dates a promise can have (issue 3): nothing before 1900, a start at most two years ahead, an end at most ten.
EARLIEST_DAY = date(1900, 1, 1)
START_YEARS_AHEAD = 2
END_YEARS_AHEAD = 10
# "Let it go" (renegotiated) releases a promise before it is due: today, or a due day up to this far ahead.
RENEGOTIATE_DAYS_AHEAD = 30


class SafetyPromiseError(ValidationError):
    """A promise about staying safe: not stored as a promise; the interface offers the safety plan. ``result`` is
    the crisis guard's answer on what was written, for the calm page (web), the crisis note (CLI) or the payload."""

    def __init__(self, text: str, result: GuardResult) -> None:
        super().__init__({"text": [SAFETY_PROMISE_MESSAGE]})
        self.text = text
        self.result = result


# What rebond says wherever a promise held for the safety plan used to show (Today, its page, the list, the terminal,
# a refused check-in). The same words everywhere, so the person meets one calm answer.
HELD_WORDS = ("This promise is about keeping yourself safe. rebond won't count it as kept or missed. "
              "It may fit better in your safety plan.")


def promise_held(promise: Promise) -> bool:
    """Is this promise held for the safety plan? True when the current detector (rules.is_safety_promise) calls its
    text a safety promise. New ones are refused at the door; this catches the ones saved before the detector knew
    their words ("No more cutting"), without changing them: nothing in the row is rewritten or deleted.

    A held promise is never due (Today, earlier days, ``rebond checkin``, the calendar feed), a new check-in on it
    is refused (HeldForSafetyPlan), and its check-ins stay on its page but leave the self-trust record
    (selectors.ledger explains why)."""
    return rules.is_safety_promise(str(promise.text))


class HeldForSafetyPlan(ValidationError):
    """A check-in (or a rest) on a promise held for the safety plan: refused, naming ``field``, in HELD_WORDS
    with where the safety plan is. The web shows the offer card instead; the API answers 422."""

    def __init__(self, field: str = "outcome") -> None:
        super().__init__({field: [f"{HELD_WORDS} You can add it there: /safety-plan/."]})


SAFETY_OFFER_CONTEXT = "promises.safety_offer"


def safety_offer_seal(*, user: Any, text: str) -> str:
    """A safety promise's words sealed with the person's own data key, so the offer to put them in the safety plan
    can wait behind the calm page without free text lying open anywhere."""
    from rebond.accounts.keys import seal_text

    return seal_text(user.pk, text, context=f"{SAFETY_OFFER_CONTEXT}:{user.pk}")


def safety_offer_open(*, user: Any, sealed: str) -> str:
    """The words sealed by safety_offer_seal; "" when they can't be opened (another person's, or a destroyed key)."""
    from rebond.accounts.keys import open_text
    from rebond.lib.crypto import CryptoError

    try:
        return open_text(user.pk, sealed, context=f"{SAFETY_OFFER_CONTEXT}:{user.pk}")
    except (CryptoError, ValueError):
        return ""


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


def _years_after(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def _check_schedule(rule: str, starts_on: date, ends_on: date | None, errors: dict[str, list[str]], *,
                    today: date, changed: frozenset[str] = frozenset({"rrule", "starts_on", "ends_on"})) -> str:
    """Check the repeat rule and the dates; only the ``changed`` ones, so an old promise can still be edited."""
    rule = rules.normalise_rule(rule)
    # A new rule must also be one a calendar app can follow (the feed publishes it as it is).
    unpublishable = rfc5545.problem(rule) if "rrule" in changed and "FREQ=" in rule else None
    if unpublishable:
        errors.setdefault("rrule", []).append(unpublishable)
        return rule
    try:
        rules.parse_rule(rule, starts_on)
    except rules.RuleError as exc:
        errors.setdefault("rrule", []).append(exc.message)
        return rule
    latest_start = _years_after(today, START_YEARS_AHEAD)
    latest_end = _years_after(today, END_YEARS_AHEAD)
    if "starts_on" in changed and starts_on < EARLIEST_DAY:
        errors.setdefault("starts_on", []).append(
            f"The start date can't be before {EARLIEST_DAY:%-d %B %Y}. Pick a later day.")
    elif "starts_on" in changed and starts_on > latest_start:
        errors.setdefault("starts_on", []).append(
            f"The start can be up to {START_YEARS_AHEAD} years from today, so {latest_start:%-d %B %Y} at the "
            "latest. Pick an earlier day.")
    if ends_on is not None and ends_on < starts_on:
        errors.setdefault("ends_on", []).append("The end date can't be before the start date.")
    elif ends_on is not None and "ends_on" in changed and ends_on > latest_end:
        errors.setdefault("ends_on", []).append(
            f"The end can be up to {END_YEARS_AHEAD} years from today, so {latest_end:%-d %B %Y} at the latest. "
            "Pick an earlier day, or leave it empty.")
    if rule and changed and not errors and rules.first_due(rule, starts_on, ends_on) is None:
        where = ("between the start and end dates" if ends_on is not None
                 else f"in the {rules.FIRST_DUE_YEARS} years after the start")
        errors.setdefault("rrule", []).append(
            f"This repeat rule never comes due {where}. Check the days in it (February has no 30th) and that its "
            "UNTIL date is after the start.")
    return rule


def schedule_problems(rule: str, starts_on: date, ends_on: date | None, *, today: date) -> list[str]:
    """What is wrong with a promise's repeat rule and dates, in words (an import checks a file's promises so)."""
    errors: dict[str, list[str]] = {}
    _check_schedule(rule, starts_on, ends_on, errors, today=today)
    return [message for messages in errors.values() for message in messages]


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
    rule = _check_schedule(rrule, starts_on, ends_on, errors, today=user_today(user))
    if errors:
        raise ValidationError(errors)
    result = guard_for(user, text, why)  # first, so a safety promise gets the calm page too
    if rules.is_safety_promise(text):
        raise SafetyPromiseError(text, result)
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
    new_rule = changes.get("rrule", promise.rrule) or ""
    proposed = {"rrule": rules.normalise_rule(new_rule), "starts_on": starts_on, "ends_on": ends_on}
    current = {"rrule": rules.normalise_rule(promise.rrule), "starts_on": promise.starts_on, "ends_on": promise.ends_on}
    changed = frozenset(name for name in proposed if proposed[name] != current[name])
    rule = _check_schedule(new_rule, starts_on, ends_on, errors, today=user_today(user), changed=changed)
    if "starts_on" in changes and starts_on > promise.starts_on:
        first = promise.checkins.filter(on__lt=starts_on).order_by("on").values_list("on", flat=True).first()
        if first is not None:
            errors.setdefault("starts_on", []).append(
                f"There is a check-in on {first:%-d %b %Y}; the start can't move past it."
            )
    if errors:
        raise ValidationError(errors)
    result = guard_for(user, *(v for k, v in (("text", text), ("why", why)) if k in changes))
    if "text" in changes and rules.is_safety_promise(text):
        raise SafetyPromiseError(text, result)
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


RENEGOTIATE_PAST_MESSAGE = (
    "Letting a promise go is something you do before its day. This day has passed, so say how it went: "
    "kept, partly or not this time. If you were resting or unwell, you can mark it as resting."
)


def _check_day(promise: Promise, on: date, today: date, errors: dict[str, list[str]], *,
               outcome: str = "", already: str | None = None) -> None:
    """A check-in is for a due day of the promise, today or earlier; letting it go ("renegotiated", released
    before it was due) is for today or a due day up to RENEGOTIATE_DAYS_AHEAD ahead, never a day that has passed
    (that would quietly take away evidence). ``already`` is the outcome recorded for that day, if any."""
    letting_go = outcome == Outcome.RENEGOTIATED
    if on < promise.starts_on:
        errors.setdefault("on", []).append(
            f"This promise starts on {promise.starts_on:%-d %b %Y}. Pick that day or a later one."
        )
    elif letting_go and on < today and already != Outcome.RENEGOTIATED:
        errors.setdefault("outcome", []).append(RENEGOTIATE_PAST_MESSAGE)
    elif letting_go and (on - today).days > RENEGOTIATE_DAYS_AHEAD:
        errors.setdefault("on", []).append(
            f"You can let a promise go up to {RENEGOTIATE_DAYS_AHEAD} days ahead. Pick an earlier day.")
    elif not letting_go and on > today:
        errors.setdefault("on", []).append("The date can't be in the future. Pick today or an earlier day.")
    elif promise.ends_on is not None and on > promise.ends_on:
        errors.setdefault("on", []).append(f"This promise ended on {promise.ends_on:%-d %b %Y}.")
    elif not rules.is_due(promise.rrule, promise.starts_on, promise.ends_on, on):
        errors.setdefault("on", []).append("This promise isn't due on that day. Pick a day when it is due.")


def checkin_days(*, promise: Promise, today: date) -> tuple[date, date]:
    """The first and last day a check-in can be for: the start, and today or the end if that came first."""
    return promise.starts_on, min(today, promise.ends_on) if promise.ends_on else today


def checkin_day_problems(*, promise: Promise, on: date, today: date) -> dict[str, list[str]]:
    """Why ``on`` can't have a check-in (before the start, after the end, in the future, not a due day), by field;
    empty when it can. The web asks before showing a card for a day the person picked."""
    errors: dict[str, list[str]] = {}
    _check_day(promise, on, today, errors)
    return errors


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
    if promise_held(promise):
        raise HeldForSafetyPlan("outcome")
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
    already = None
    if outcome == Outcome.RENEGOTIATED and on < today:
        already = CheckIn.objects.filter(promise=promise, on=on).values_list("outcome", flat=True).first()
    _check_day(promise, on, today, errors, outcome=outcome, already=already)
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
    if promise_held(checkin.promise):
        raise HeldForSafetyPlan("__all__")  # no "what got in the way" about keeping yourself safe
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
    if promise_held(promise):
        raise HeldForSafetyPlan("__all__")
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
