"""The site's URLs plus three routes that fail on purpose, for the error-page tests (never mounted in the app)."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, SuspiciousOperation
from django.http import HttpRequest, HttpResponse
from django.urls import path

from rebond.urls import handler400, handler403, handler404, handler500
from rebond.urls import urlpatterns as site

SECRET = "the-secret-error-text"


def boom(request: HttpRequest) -> HttpResponse:
    raise RuntimeError(SECRET)


def forbidden(request: HttpRequest) -> HttpResponse:
    raise PermissionDenied(SECRET)


def suspicious(request: HttpRequest) -> HttpResponse:
    raise SuspiciousOperation(SECRET)


urlpatterns = [
    path("test-errors/boom/", boom),
    path("test-errors/forbidden/", forbidden),
    path("test-errors/bad/", suspicious),
    path("api/test-errors/boom/", boom),
    *site,
]

__all__ = ["handler400", "handler403", "handler404", "handler500", "urlpatterns"]
