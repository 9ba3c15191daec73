from __future__ import annotations

from django.db import connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.cache import never_cache

from rebond.accounts import selectors
from rebond.core import today


def home(request: HttpRequest) -> HttpResponse:
    if not request.user.is_authenticated:
        if not selectors.users_exist():
            return redirect("accounts:setup")
        return render(request, "core/landing.html")
    return render(request, "core/today.html", today.context(request))


@never_cache
def healthz(request: HttpRequest) -> JsonResponse:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception:  # the whole point is to report any database failure as "not ok"
        return JsonResponse({"status": "error", "detail": "The database is not answering."}, status=503)
    return JsonResponse({"status": "ok", "time": timezone.now().isoformat()})
