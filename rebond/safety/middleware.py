"""Shows a crisis page that an autosave left pending (interstitial.after_draft) on the next page the person opens."""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse

from rebond.safety import interstitial

# Never in the way of help, the safety plan, leaving quickly, signing out, or anything that isn't a page.
_PASS = ("/help/", "/safety-plan/", "/exit/", "/accounts/logout/", "/static/", "/api/", "/healthz")


class PendingCrisisPageMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if (request.method == "GET" and settings.SESSION_COOKIE_NAME in request.COOKIES
                and not getattr(request, "htmx", False) and not request.path.startswith(_PASS)
                and interstitial.PENDING_KEY in request.session and request.user.is_authenticated):
            response = interstitial.pending_page(request)
            if response is not None:
                return response
        return self.get_response(request)
