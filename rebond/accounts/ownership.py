"""What the accounts app exports and deletes for a person."""

from __future__ import annotations

from typing import Any

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


def import_profile(user: User, data: Any) -> int:
    if not isinstance(data, dict):
        return 0
    changed = 0
    for field in ("display_name", "time_zone", "region"):
        value = data.get(field)
        if isinstance(value, str) and getattr(user, field) != value:
            setattr(user, field, value)
            changed += 1
    if changed:
        user.full_clean(exclude=["password"])
        user.save()
    return changed


ownership.register("profile", exporter=export_profile, deleter=delete_profile, importer=import_profile)
