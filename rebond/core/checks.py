"""System checks that refuse to start rebond with settings that would put people's data at risk."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.checks import Error, Tags, register

KNOWN_WEAK_SECRETS = {"", "change-me", "changeme", "secret", "rebond", "dev", "development", "insecure"}


@register(Tags.security, deploy=False)
def check_secret_key(app_configs: Any, **kwargs: Any) -> list[Error]:
    if settings.DEBUG:
        return []
    key = settings.SECRET_KEY
    if key.lower() in KNOWN_WEAK_SECRETS or key.startswith("django-insecure") or len(key) < 32:
        return [
            Error(
                "REBOND_SECRET_KEY is a default or too short while debug is off.",
                hint="Unset REBOND_SECRET_KEY to have one generated in the data directory, or set 50 random characters.",
                id="rebond.E001",
            )
        ]
    return []


@register(Tags.security)
def check_signup_mode(app_configs: Any, **kwargs: Any) -> list[Error]:
    if settings.SIGNUP not in {"open", "invite", "closed"}:
        return [Error("REBOND_SIGNUP must be open, invite or closed.", id="rebond.E002")]
    return []
