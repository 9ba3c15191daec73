"""Account services: the only code that writes accounts, tokens and sign-in attempts."""

from __future__ import annotations

import hashlib
import secrets
from datetime import timedelta
from zoneinfo import available_timezones

from django.conf import settings
from django.contrib.auth import authenticate
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from rebond.accounts import keys
from rebond.accounts.models import ApiToken, LoginAttempt, Role, SignupInvite, User
from rebond.core import ownership

TOKEN_PREFIX = "rb_"


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
    assert isinstance(user, User)
    return user


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
                   discreet_mode: bool) -> User:
    from rebond.domain import helplines

    errors: dict[str, list[str]] = {}
    if time_zone not in valid_time_zones():
        errors["time_zone"] = ["Pick a time zone from the list."]
    if region and region not in {code for code, _ in helplines.regions()}:
        errors["region"] = ["Pick a region from the list, or leave it empty."]
    user.display_name = display_name.strip()
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
        raise ValidationError(errors)
    user.save(update_fields=["display_name", "email", "time_zone", "region", "discreet_mode"])
    return user


def invite_create(*, days: int = 7) -> SignupInvite:
    return SignupInvite.objects.create(
        code=secrets.token_urlsafe(12), expires_at=timezone.now() + timedelta(days=days)
    )


def invite_valid(code: str) -> SignupInvite | None:
    return SignupInvite.objects.filter(code=code.strip(), used_by__isnull=True, expires_at__gt=timezone.now()).first()


def account_delete(*, user: User) -> None:
    """Delete everything the person owns, then destroy their data keys: nothing is left to decrypt."""
    with transaction.atomic():
        for section in reversed(ownership.sections()):
            section.deleter(user)
        keys.destroy_data_keys(user.id)
        LoginAttempt.objects.filter(username=user.username.lower()).delete()
        user.delete()


def account_export(*, user: User) -> dict[str, object]:
    return {
        "format": "rebond-export",
        "version": 1,
        "exported_at": timezone.now().isoformat(),
        "sections": {section.name: section.exporter(user) for section in ownership.sections()},
    }


def account_import(*, user: User, data: dict[str, object]) -> dict[str, int]:
    if not isinstance(data, dict) or data.get("format") != "rebond-export":
        raise ValidationError({"format": "This file is not a rebond export."})
    incoming = data.get("sections")
    if not isinstance(incoming, dict):
        raise ValidationError({"sections": "This export has no sections."})
    counts: dict[str, int] = {}
    with transaction.atomic():
        for section in ownership.sections():
            if section.importer and section.name in incoming:
                counts[section.name] = section.importer(user, incoming[section.name])
    return counts
