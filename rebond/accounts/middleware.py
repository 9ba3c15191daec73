from __future__ import annotations

import zoneinfo
from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils import timezone


class UserTimezoneMiddleware:
    """Show dates in the person's own time zone."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            try:
                timezone.activate(zoneinfo.ZoneInfo(user.time_zone))
            except (zoneinfo.ZoneInfoNotFoundError, ValueError):
                timezone.deactivate()
        else:
            timezone.deactivate()
        return self.get_response(request)


class ClinicianTwoFactorMiddleware:
    """Clinicians see other people's records, so they set up two-step sign-in before anything else."""

    ALLOWED_PREFIXES = ("/accounts/two-step/", "/accounts/logout/", "/help/", "/exit/", "/static/", "/healthz",
                        "/api/")

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = getattr(request, "user", None)
        if (user is not None and user.is_authenticated and getattr(user, "role", "") == "clinician"
                and not request.path.startswith(self.ALLOWED_PREFIXES)):
            from rebond.accounts import twofactor

            if not twofactor.is_enabled(user):  # type: ignore[arg-type]
                return redirect("accounts:two_factor")
        return self.get_response(request)
