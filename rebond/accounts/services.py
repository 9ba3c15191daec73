"""Account services: the only code that writes accounts, tokens and sign-in attempts."""

from __future__ import annotations

import hashlib
import secrets
from datetime import timedelta
from typing import Any
from zoneinfo import available_timezones

from django.conf import settings
from django.contrib.auth import authenticate
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.db import DataError, IntegrityError, transaction
from django.utils import timezone

from rebond.accounts import keys
from rebond.accounts.models import ApiToken, LoginAttempt, Role, SignupInvite, User
from rebond.core import ownership
from rebond.lib import text as text_check
from rebond.safety.guard import GuardResult, guard_for

TOKEN_PREFIX = "rb_"
# The session key holding who is halfway through two-step sign-in (password right, code still to come).
PENDING_2FA = "pending_two_factor"


class Throttled(Exception):
    """Too many failed sign-ins for this name or address; try again after `minutes`."""

    def __init__(self, minutes: int) -> None:
        super().__init__(f"Too many tries. Please wait {minutes} minutes.")
        self.minutes = minutes


def valid_time_zones() -> set[str]:
    return available_timezones() | {"UTC"}


def user_create(
    *,
    username: str,
    password: str,
    role: str = Role.CLIENT,
    email: str = "",
    time_zone: str = "UTC",
    region: str = "",
) -> User:
    if role not in Role.values:
        raise ValidationError({"role": f"Role must be one of: {', '.join(Role.values)}."})
    user = User(username=username, email=email, role=role, time_zone=time_zone, region=region)
    errors: dict[str, list[str]] = {}
    try:
        user.full_clean(exclude=["password"])
    except ValidationError as exc:
        errors.update(exc.message_dict)
    if time_zone not in valid_time_zones():
        errors.setdefault("time_zone", []).append("Pick a time zone from the list.")
    try:
        validate_password(password, user)
    except ValidationError as exc:
        errors.setdefault("password", []).extend(exc.messages)
    if errors:
        raise ValidationError(errors)
    user.set_password(password)
    with transaction.atomic():
        user.save()
        keys.active_key(user.id)
    return user


def _throttle_window() -> timedelta:
    return timedelta(minutes=settings.LOGIN_THROTTLE_MINUTES)


def signin_throttled(*, username: str, ip: str) -> bool:
    since = timezone.now() - _throttle_window()
    name = username.strip().lower()
    by_name = LoginAttempt.objects.filter(username=name, at__gte=since).count()
    by_ip = LoginAttempt.objects.filter(ip=ip, at__gte=since).count() if ip else 0
    limit = settings.LOGIN_THROTTLE_FAILURES
    return by_name >= limit or by_ip >= limit * 4


def user_authenticate(*, username: str, password: str, ip: str, request: object | None = None) -> User | None:
    """Check a password, counting failures per name and per address. Raises Throttled while locked."""
    if signin_throttled(username=username, ip=ip):
        raise Throttled(settings.LOGIN_THROTTLE_MINUTES)
    user = authenticate(request, username=username, password=password)  # type: ignore[arg-type]
    if user is None:
        record_failed_signin(username=username, ip=ip)
        return None
    LoginAttempt.objects.filter(username=username.strip().lower()).delete()
    stale_rows_prune()
    assert isinstance(user, User)
    return user


def stale_rows_prune() -> tuple[int, int]:
    """Delete sessions past their expiry and failed sign-ins older than the throttle window: neither is used again,
    and a session can hold traces of what someone did (a crisis page still to show). Run at `rebond serve` start
    and on each sign-in, so the tables stay small without a scheduled job. Returns (sessions, attempts) deleted."""
    from django.contrib.sessions.models import Session

    now = timezone.now()
    sessions, _ = Session.objects.filter(expire_date__lte=now).delete()
    attempts, _ = LoginAttempt.objects.filter(at__lt=now - _throttle_window()).delete()
    return sessions, attempts


def sessions_end(*, user: User) -> int:
    """Delete every session of this person, on every device, including one halfway through two-step sign-in.

    Sessions don't record whose they are in a column, so this reads each live one: fine for the one time it runs,
    when an account is deleted. Returns how many were deleted."""
    from django.contrib.auth import SESSION_KEY
    from django.contrib.sessions.models import Session

    stale_rows_prune()
    mine = []
    for session in Session.objects.iterator():
        data = session.get_decoded()
        pending = data.get(PENDING_2FA)
        if str(data.get(SESSION_KEY)) == str(user.pk) or (isinstance(pending, dict) and pending.get("user") == user.pk):
            mine.append(session.pk)
    deleted, _ = Session.objects.filter(pk__in=mine).delete()
    return deleted


def password_set(*, user: User, password: str) -> None:
    """Give the account a new password (the recovery path when no email can arrive). Its sessions elsewhere stop
    working, since each holds a hash of the old password, and a sign-in lock on the name is lifted."""
    try:
        validate_password(password, user)
    except ValidationError as exc:
        raise ValidationError({"password": exc.messages}) from exc
    user.set_password(password)
    user.save(update_fields=["password"])
    LoginAttempt.objects.filter(username=user.username.lower()).delete()


def two_step_reset(*, user: User) -> bool:
    """Turn two-step sign-in off for someone who lost their phone; True if it was on. A clinician is asked to set it
    up again the next time they sign in (rebond.accounts.middleware)."""
    from rebond.accounts import twofactor

    was_on = twofactor.is_enabled(user)
    twofactor.disable(user=user)
    return was_on


def record_failed_signin(*, username: str, ip: str) -> None:
    LoginAttempt.objects.create(username=username.strip().lower()[:150], ip=ip[:64], at=timezone.now())


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def token_create(*, user: User, name: str) -> tuple[ApiToken, str]:
    name = name.strip() or "API token"
    if len(name) > 80:
        raise ValidationError({"name": "A token name can be at most 80 characters."})
    raw = TOKEN_PREFIX + secrets.token_urlsafe(32)
    token = ApiToken.objects.create(user=user, name=name, prefix=raw[:10], digest=_digest(raw))
    return token, raw


def token_user(raw: str) -> User | None:
    if not raw.startswith(TOKEN_PREFIX):
        return None
    token = ApiToken.objects.select_related("user").filter(digest=_digest(raw)).first()
    if token is None or not token.user.is_active:
        return None
    now = timezone.now()
    if token.last_used_at is None or now - token.last_used_at > timedelta(minutes=5):
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
    return token.user


def token_revoke(*, user: User, token_id: int) -> bool:
    deleted, _ = ApiToken.objects.filter(user=user, pk=token_id).delete()
    return deleted > 0


def profile_update(*, user: User, display_name: str, email: str, time_zone: str, region: str,
                   discreet_mode: bool) -> tuple[User, GuardResult]:
    """Save the profile. The name to call the person by is free text, so a new one passes the safety guard first."""
    from rebond.domain import helplines

    errors: dict[str, list[str]] = {}
    if time_zone not in valid_time_zones():
        errors["time_zone"] = ["Pick a time zone from the list."]
    if region and region not in {code for code, _ in helplines.regions()}:
        errors["region"] = ["Pick a region from the list, or leave it empty."]
    display_name = display_name.strip()  # full_clean below says beside the field if it can't be stored
    renamed = display_name != user.display_name
    user.display_name = display_name
    user.email = email.strip()
    user.time_zone = time_zone
    user.region = region
    user.discreet_mode = discreet_mode
    try:
        user.full_clean(exclude=["password"])
    except ValidationError as exc:
        for field, messages in exc.message_dict.items():
            errors.setdefault(field, []).extend(messages)
    if errors:
        user.refresh_from_db(fields=["display_name", "email", "time_zone", "region", "discreet_mode"])
        raise ValidationError(errors)
    guard = guard_for(user, display_name) if renamed else GuardResult(region=region or None)
    user.save(update_fields=["display_name", "email", "time_zone", "region", "discreet_mode"])
    return user, guard


def invite_create(*, days: int = 7) -> SignupInvite:
    return SignupInvite.objects.create(
        code=secrets.token_urlsafe(12), expires_at=timezone.now() + timedelta(days=days)
    )


INVITE_NOT_VALID = "This invite code is not valid or has expired."


def invite_valid(code: str) -> SignupInvite | None:
    """An invite that can still be used. `used_at` marks it spent for good: deleting the account that used it
    (which clears `used_by`) must not make the code work again."""
    return SignupInvite.objects.filter(code=code.strip(), used_at__isnull=True, expires_at__gt=timezone.now()).first()


def user_create_with_invite(*, code: str, **fields: Any) -> User:
    """Spend an invite and make the account in one transaction, with the invite row locked, so one code makes
    one account even when two sign-ups race."""
    with transaction.atomic():
        invite = (SignupInvite.objects.select_for_update()
                  .filter(code=code.strip(), used_at__isnull=True, expires_at__gt=timezone.now()).first())
        if invite is None:
            raise ValidationError({"invite_code": INVITE_NOT_VALID})
        user = user_create(**fields)
        invite.used_by = user
        invite.used_at = timezone.now()
        invite.save(update_fields=["used_by", "used_at"])
    return user


def account_delete(*, user: User) -> None:
    """Delete everything the person owns, then destroy their data keys: nothing is left to decrypt. Their sessions
    go too (on every device), with whatever they held."""
    with transaction.atomic():
        for section in reversed(ownership.sections()):
            section.deleter(user)
        keys.destroy_data_keys(user.id)
        LoginAttempt.objects.filter(username=user.username.lower()).delete()
        sessions_end(user=user)
        user.delete()


def account_export(*, user: User) -> dict[str, object]:
    return {
        "format": "rebond-export",
        "version": 1,
        "exported_at": timezone.now().isoformat(),
        "sections": {section.name: section.exporter(user) for section in ownership.sections()},
    }


class ImportInvalid(ValidationError):
    """Nothing was imported. `problems` are (where in the file, plain words) pairs."""

    def __init__(self, problems: list[tuple[ownership.Path, str]]) -> None:
        self.problems = problems
        grouped: dict[str, list[str]] = {}
        for path, message in problems:
            grouped.setdefault(".".join(str(part) for part in path) or "__all__", []).append(message)
        super().__init__(grouped)


class Imported(dict[str, int]):
    """How many rows each section added; `crisis` is what the safety guard found in the file's text; `notes` are
    the sections' words about what came in differently from the file (ownership.Added)."""

    def __init__(self, counts: dict[str, int], crisis: GuardResult, notes: list[str] | None = None) -> None:
        super().__init__(counts)
        self.crisis = crisis
        self.notes = notes or []


# What an importer raises when a value in the file is not what it expects (a date that isn't one, "abc" as a count).
UNREADABLE = (ValueError, TypeError, LookupError, AttributeError, ArithmeticError, DataError, IntegrityError)


def _unreadable(section: ownership.Section) -> str:
    return f"Part of {section.title} in this file can't be read, so nothing was imported."


def _importer_problems(section: ownership.Section, incoming: dict[str, Any],
                       exc: ValidationError) -> list[tuple[ownership.Path, str]]:
    path: ownership.Path = ("sections", section.name)
    if not hasattr(exc, "error_dict"):
        return [(path, message) for message in exc.messages]
    return [((*path, field) if field in incoming else path, message)
            for field, messages in exc.message_dict.items() for message in messages]


def account_import(*, user: User, data: Any) -> Imported:
    """Bring an export into this account, all or nothing.

    Refused before anything is written: a file that isn't an export, text that can't be stored, a part of the
    wrong shape, or rows the account already has (importing twice would make copies). Every string in the file
    passes the safety guard; what it found comes back as `crisis`.
    """
    if not isinstance(data, dict) or data.get("format") != "rebond-export":
        raise ImportInvalid([(("format",), "This file is not a rebond export.")])
    incoming = data.get("sections")
    if not isinstance(incoming, dict):
        raise ImportInvalid([(("sections",), "This export has no sections.")])
    bad_text = text_check.first_unsaveable(incoming)
    if bad_text is not None:
        raise ImportInvalid([(("sections", *bad_text), text_check.UNSAVEABLE)])
    chosen = [s for s in ownership.sections() if s.importer and s.name in incoming]
    problems: list[tuple[ownership.Path, str]] = []
    for section in chosen:
        current = section.exporter(user)
        shape = ownership.shape_problems(section, current, incoming[section.name])
        problems += [(path, f"This part of {section.title} is not in the shape rebond exports.") for path in shape]
        if not shape and ownership.would_copy(section, current, incoming[section.name]):
            problems.append((("sections", section.name), f"This account already has entries in {section.title}, "
                             "so importing would make copies. Import into a new account, or delete them first."))
    if problems:
        raise ImportInvalid(problems)
    crisis = guard_for(user, *(value for s in chosen for _, value in text_check.strings(incoming[s.name])))
    counts: dict[str, int] = {}
    notes: list[str] = []
    with transaction.atomic():
        for section in chosen:
            assert section.importer is not None
            value = incoming[section.name]
            try:
                added = section.importer(user, value)
                counts[section.name] = int(added)
                notes += getattr(added, "notes", ())
            except ImportInvalid:
                raise
            except ValidationError as exc:
                raise ImportInvalid(_importer_problems(section, value, exc)) from exc
            except UNREADABLE as exc:
                raise ImportInvalid([(("sections", section.name), _unreadable(section))]) from exc
    return Imported(counts, crisis, notes)
