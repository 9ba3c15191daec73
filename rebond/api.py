"""The JSON API at /api/v1. One router per app; errors are JSON with a field path and human words."""

from __future__ import annotations

import logging

from django.core.exceptions import ObjectDoesNotExist, PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError
from ninja.errors import ValidationError as NinjaValidationError

from rebond.accounts.services import ImportInvalid, Throttled
from rebond.core.api_base import (
    AUTH,
    SERVER_PROBLEM,
    TextCheckingParser,
    body_problem,
    plain_words,
    validation_detail,
)

logger = logging.getLogger("django.request")

api = NinjaAPI(
    title="rebond API",
    version="1",
    description="Your own record, over HTTP. Send `Authorization: Bearer <token>` (make a token in Settings).",
    auth=AUTH,
    urls_namespace="api",
    openapi_url="/openapi.json",
    docs_url="/docs",
    parser=TextCheckingParser(),
)


@api.exception_handler(NinjaValidationError)
def on_invalid(request: HttpRequest, exc: NinjaValidationError) -> HttpResponse:
    """The one place pydantic's findings become a 422: each names its field and says the fix in plain words."""
    detail = []
    for error in exc.errors:
        loc = [part for part in error.get("loc", []) if part != "payload"]
        detail.append({"loc": loc, "msg": plain_words({**error, "loc": loc})})
    return api.create_response(request, {"detail": detail}, status=422)


@api.exception_handler(ValidationError)
def on_domain_invalid(request: HttpRequest, exc: ValidationError) -> HttpResponse:
    if hasattr(exc, "error_dict"):
        # A field that came from the address (the day of PUT /promises/{id}/checkins/{on}) is named where it is.
        in_path = set(getattr(request.resolver_match, "kwargs", None) or ())
        detail = []
        for field, messages in exc.message_dict.items():
            detail += validation_detail({field: messages}, prefix=("path",) if field in in_path else ("body",))
    else:
        detail = [{"loc": ["body"], "msg": message} for message in exc.messages]
    return api.create_response(request, {"detail": detail}, status=422)


@api.exception_handler(ImportInvalid)
def on_import_invalid(request: HttpRequest, exc: ImportInvalid) -> HttpResponse:
    detail = [{"loc": ["body", *path], "msg": message} for path, message in exc.problems]
    return api.create_response(request, {"detail": detail}, status=422)


@api.exception_handler(HttpError)
def on_http_error(request: HttpRequest, exc: HttpError) -> HttpResponse:
    problem = body_problem(exc)
    if problem is not None:
        return api.create_response(request, {"detail": problem}, status=422)
    return api.create_response(request, {"detail": str(exc)}, status=exc.status_code)


@api.exception_handler(PermissionDenied)
def on_read_only(request: HttpRequest, exc: PermissionDenied) -> HttpResponse:
    """A viewer with a share trying to change what they may only read (docs/care.md)."""
    return api.create_response(request, {"detail": str(exc) or "This share is read-only."}, status=403)


@api.exception_handler(Http404)
def on_not_found(request: HttpRequest, exc: Http404) -> HttpResponse:
    return api.create_response(request, {"detail": "Not found."}, status=404)


@api.exception_handler(Exception)
def on_unexpected(request: HttpRequest, exc: Exception) -> HttpResponse:
    """Anything unforeseen: logged in full for whoever runs the server, and plain JSON (never the error text) out."""
    logger.error("Internal Server Error: %s", request.path, exc_info=exc, extra={"status_code": 500, "request": request})
    return api.create_response(request, {"detail": [{"loc": [], "msg": SERVER_PROBLEM}]}, status=500)


@api.exception_handler(AuthenticationError)
def on_unauthenticated(request: HttpRequest, exc: AuthenticationError) -> HttpResponse:
    return api.create_response(request, {"detail": "Please sign in, or send a valid token."}, status=401)


@api.exception_handler(ObjectDoesNotExist)
def on_missing(request: HttpRequest, exc: ObjectDoesNotExist) -> HttpResponse:
    return api.create_response(request, {"detail": "Not found."}, status=404)


@api.exception_handler(Throttled)
def on_throttled(request: HttpRequest, exc: Throttled) -> HttpResponse:
    response = api.create_response(request, {"detail": str(exc)}, status=429)
    response["Retry-After"] = str(exc.minutes * 60)
    return response


def _add_app_routers() -> None:
    """Every installed rebond app with an `api.py` that defines `router` is mounted at /api/v1/."""
    from importlib import import_module
    from importlib.util import find_spec

    from django.apps import apps

    for config in apps.get_app_configs():
        if not config.name.startswith("rebond."):
            continue
        module_name = f"{config.name}.api"
        if find_spec(module_name) is None:
            continue
        router = getattr(import_module(module_name), "router", None)
        if router is not None:
            api.add_router("/", router)


_add_app_routers()
