"""What the accounts app exports and deletes for a person."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError

from rebond.accounts.models import ApiToken, TwoFactor, User
from rebond.core import ownership


def export_profile(user: User) -> dict[str, Any]:
    return {
        "username": user.username,
        "display_name": user.display_name,
        "email": user.email,
        "role": user.role,
        "time_zone": user.time_zone,
        "region": user.region,
        "discreet_mode": user.discreet_mode,
        "date_joined": user.date_joined.isoformat(),
        "two_step_sign_in": TwoFactor.objects.filter(user=user).exists(),
        "api_tokens": [
            {"name": t.name, "prefix": t.prefix, "created_at": t.created_at.isoformat()}
            for t in ApiToken.objects.filter(user=user).order_by("id")
        ],
    }


def delete_profile(user: User) -> None:
    ApiToken.objects.filter(user=user).delete()
    TwoFactor.objects.filter(user=user).delete()


IMPORTED = {"display_name": str, "time_zone": str, "region": str, "discreet_mode": bool}


def import_profile(user: User, data: Any) -> int:
    """Take the name, time zone, region and discreet mode from the file, checked exactly as Settings checks them."""
    from rebond.accounts import services

    wanted: dict[str, Any] = {field: getattr(user, field) for field in IMPORTED}
    errors: dict[str, list[str]] = {}
    for field, kind in IMPORTED.items():
        value = data.get(field)
        if value is None:
            continue
        if not isinstance(value, kind):
            errors[field] = ["This should be " + ("true or false." if kind is bool else "text.")]
        wanted[field] = value
    if errors:
        raise ValidationError(errors)
    changed = sum(1 for field, value in wanted.items() if getattr(user, field) != value)
    if changed:
        services.profile_update(user=user, email=user.email, **wanted)
    return changed


# Import sets these values; it adds no rows, so importing twice changes nothing.
ownership.register("profile", exporter=export_profile, deleter=delete_profile, importer=import_profile, appends=())
