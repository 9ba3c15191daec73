"""Error pages: the same layout as every page (Get help now, quick exit, the footer), or JSON under /api/.

Django calls these for 400, 403, 404 and 500 when debug is off (rebond.urls names them). The 500 page is drawn
without the request's context or the database, either of which may be what failed.
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.template import loader
from django.views import defaults

from rebond.core.api_base import NOT_JSON, SERVER_PROBLEM

__all__ = ["NOT_JSON", "SERVER_PROBLEM", "bad_request", "page_not_found", "permission_denied", "server_error"]


def _is_api(request: HttpRequest) -> bool:
    return request.path_info.startswith("/api/")


def bad_request(request: HttpRequest, exception: Exception) -> HttpResponse:
    if _is_api(request):
        return JsonResponse({"detail": "This request can't be understood."}, status=400)
    return defaults.bad_request(request, exception)


def permission_denied(request: HttpRequest, exception: Exception) -> HttpResponse:
    if _is_api(request):
        return JsonResponse({"detail": "You don't have permission to do this."}, status=403)
    return defaults.permission_denied(request, exception)


def page_not_found(request: HttpRequest, exception: Exception) -> HttpResponse:
    if _is_api(request):
        return JsonResponse({"detail": "Not found."}, status=404)
    return defaults.page_not_found(request, exception)


def _discreet(request: HttpRequest) -> bool:
    """Discreet mode when the person was already known; when not, the neutral title is the safe guess."""
    user: Any = getattr(request, "user", None)
    loaded = getattr(user, "_wrapped", user)  # the lazy user, only if something already looked it up
    if loaded is None or not hasattr(loaded, "is_authenticated"):
        return True
    return bool(getattr(loaded, "discreet_mode", False))


def server_error(request: HttpRequest) -> HttpResponse:
    if _is_api(request):
        return JsonResponse({"detail": [{"loc": [], "msg": SERVER_PROBLEM}]}, status=500)
    body = loader.get_template("500.html").render({"discreet": _discreet(request)})
    return HttpResponse(body, status=500)
