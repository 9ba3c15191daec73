"""Pieces every API router shares: authentication, error shapes, pagination."""

from __future__ import annotations

from typing import Any, Generic, TypeVar

from django.contrib.auth.models import AnonymousUser
from django.http import HttpRequest
from ninja import Schema
from ninja.errors import HttpError
from ninja.security import HttpBearer, SessionAuth

from rebond.accounts.models import User
from rebond.accounts.services import token_user

T = TypeVar("T")


class TokenAuth(HttpBearer):
    def authenticate(self, request: HttpRequest, token: str) -> User | None:
        user = token_user(token)
        if user is not None:
            request.user = user
        return user


class CsrfSessionAuth(SessionAuth):
    """Browser session, with Django's CSRF check (Ninja's SessionAuth enforces it)."""


AUTH = [TokenAuth(), CsrfSessionAuth()]


def current_user(request: HttpRequest) -> User:
    user = getattr(request, "auth", None) or request.user
    if isinstance(user, AnonymousUser) or not isinstance(user, User):
        raise HttpError(401, "Please sign in, or send a valid token.")
    return user


class ErrorItem(Schema):
    loc: list[str | int]
    msg: str


class ErrorOut(Schema):
    detail: list[ErrorItem] | str


class Page(Schema, Generic[T]):
    items: list[T]
    count: int


def validation_detail(message_dict: dict[str, list[str]], prefix: tuple[str, ...] = ("body",)) -> list[dict[str, Any]]:
    out = []
    for field, messages in message_dict.items():
        loc = [*prefix] if field == "__all__" else [*prefix, field]
        for message in messages:
            out.append({"loc": loc, "msg": message})
    return out
