"""Discreet mode outlives the session on this device: signed out, the sign-in page stays plain too."""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse

COOKIE = "rb_plain"
YEAR = 365 * 24 * 3600


def plain_on_this_device(request: HttpRequest) -> bool:
    """Discreet for a signed-in person who chose it; signed out, whatever the last person here chose."""
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        return bool(getattr(user, "discreet_mode", False))
    return request.COOKIES.get(COOKIE) == "1"


class DiscreetCookieMiddleware:
    """Keep a small cookie in step with the signed-in person's discreet-mode choice."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated:
            return response
        wanted = bool(getattr(user, "discreet_mode", False))
        has = request.COOKIES.get(COOKIE) == "1"
        if wanted and not has:
            response.set_cookie(COOKIE, "1", max_age=YEAR, secure=settings.SESSION_COOKIE_SECURE, httponly=True,
                                samesite="Lax")
        elif has and not wanted:
            response.delete_cookie(COOKIE, samesite="Lax")
        return response


class PrivatePagesNotStoredMiddleware:
    """A signed-in person's pages are never kept by the browser or anything in between: after a quick exit or on a
    shared computer, Back must not bring a thought record or a check-in up again from a cache. API answers (signed in
    by a token, which the API checks after this middleware) are never stored either."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        from django.utils.cache import add_never_cache_headers

        response = self.get_response(request)
        user = getattr(request, "user", None)
        signed_in = user is not None and user.is_authenticated
        if (signed_in or request.path.startswith("/api/")) and not response.has_header("Cache-Control"):
            add_never_cache_headers(response)  # no-cache, no-store, must-revalidate, private, and an Expires now
        return response
