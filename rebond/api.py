"""The JSON API at /api/v1. One router per app; errors are JSON with a field path and human words."""

from __future__ import annotations

from django.core.exceptions import ObjectDoesNotExist, ValidationError
from django.http import HttpRequest, HttpResponse
from ninja import NinjaAPI
from ninja.errors import AuthenticationError
from ninja.errors import ValidationError as NinjaValidationError

from rebond.accounts.services import Throttled
from rebond.core.api_base import AUTH, validation_detail

api = NinjaAPI(
    title="rebond API",
    version="1",
    description="Your own record, over HTTP. Send `Authorization: Bearer <token>` (make a token in Settings).",
    auth=AUTH,
    urls_namespace="api",
    openapi_url="/openapi.json",
    docs_url="/docs",
)


@api.exception_handler(NinjaValidationError)
def on_invalid(request: HttpRequest, exc: NinjaValidationError) -> HttpResponse:
    detail = []
    for error in exc.errors:
        loc = [part for part in error.get("loc", []) if part != "payload"]
        msg = str(error.get("msg", "This value is not valid."))
        detail.append({"loc": loc, "msg": msg.removeprefix("Value error, ")})
    return api.create_response(request, {"detail": detail}, status=422)


@api.exception_handler(ValidationError)
def on_domain_invalid(request: HttpRequest, exc: ValidationError) -> HttpResponse:
    if hasattr(exc, "error_dict"):
        detail = validation_detail(exc.message_dict)
    else:
        detail = [{"loc": ["body"], "msg": message} for message in exc.messages]
    return api.create_response(request, {"detail": detail}, status=422)


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
