from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.http import HttpRequest
from ninja import Router, Schema, Status
from pydantic import Field

from rebond.accounts import selectors, services, twofactor
from rebond.accounts.views import client_ip
from rebond.core.api_base import ErrorOut, current_user

router = Router(tags=["account"])


class TokenIn(Schema):
    username: str = Field(min_length=1, max_length=150)
    password: str = Field(min_length=1, max_length=1024)
    name: str = Field(default="API token", max_length=80)
    otp: str | None = Field(default=None, max_length=12)


class TokenOut(Schema):
    token: str


class TokenInfo(Schema):
    id: int
    name: str
    prefix: str
    created_at: datetime
    last_used_at: datetime | None


class TokenList(Schema):
    items: list[TokenInfo]
    count: int


class MeOut(Schema):
    id: int
    username: str
    role: str
    time_zone: str
    region: str


class DeleteIn(Schema):
    password: str = Field(min_length=1, max_length=1024)


@router.post("/auth/token", auth=None, response={200: TokenOut, 401: ErrorOut, 403: ErrorOut, 429: ErrorOut, 422: ErrorOut})
def create_token(request: HttpRequest, payload: TokenIn) -> Status:
    """Trade a name and password for a personal access token (shown once; only its hash is kept)."""
    user = services.user_authenticate(username=payload.username, password=payload.password,
                                      ip=client_ip(request), request=request)
    if user is None:
        return Status(401, {"detail": "That name and password don't match."})
    if twofactor.is_enabled(user):
        if not payload.otp:
            return Status(401, {"detail": "This account uses two-step sign-in: send the 6-digit code as \"otp\"."})
        if not twofactor.verify(user=user, code=payload.otp):
            services.record_failed_signin(username=user.username, ip=client_ip(request))
            return Status(401, {"detail": "That code doesn't match."})
    elif twofactor.is_required(user):
        return Status(403, {"detail": "Clinicians need two-step sign-in on before making tokens. Turn it on in Settings."})
    _, raw = services.token_create(user=user, name=payload.name)
    return Status(200, {"token": raw})


@router.get("/me", response=MeOut)
def me(request: HttpRequest) -> Any:
    return current_user(request)


@router.get("/tokens", response=TokenList)
def list_tokens(request: HttpRequest) -> dict[str, Any]:
    user = current_user(request)
    items = selectors.token_list(user=user)
    return {"items": items, "count": len(items)}


@router.delete("/tokens/{token_id}", response={204: None, 404: ErrorOut})
def revoke_token(request: HttpRequest, token_id: int) -> Status:
    if not services.token_revoke(user=current_user(request), token_id=token_id):
        return Status(404, {"detail": "Not found."})
    return Status(204, None)


@router.get("/export")
def export(request: HttpRequest) -> dict[str, Any]:
    """Everything you own, as JSON."""
    return services.account_export(user=current_user(request))


@router.post("/import", response={200: dict, 422: ErrorOut})
def import_(request: HttpRequest) -> dict[str, Any]:
    """Bring a rebond export (the JSON from GET /export) into this account: all or nothing.

    Refused with 422 when a part is unreadable or of the wrong shape, or when the account already has entries
    the file would copy (import into a new account). `crisis` is the safety check of the file's text; `notes`
    say in words what came in differently from the file (a promise about keeping yourself safe comes in put away).
    """
    user = current_user(request)
    try:
        data = json.loads(request.body or b"null")
    except ValueError as exc:
        raise ValidationError({"__all__": ["The body is not JSON."]}) from exc
    imported = services.account_import(user=user, data=data)
    return {"imported": dict(imported), "notes": imported.notes, "crisis": imported.crisis.as_payload()}


@router.delete("/account", response={204: None, 422: ErrorOut})
def delete_account(request: HttpRequest, payload: DeleteIn) -> Status:
    """Delete the account and everything in it. Needs the password again."""
    user = current_user(request)
    if not user.check_password(payload.password):
        raise ValidationError({"password": ["That password doesn't match. Nothing was deleted."]})
    services.account_delete(user=user)
    return Status(204, None)
