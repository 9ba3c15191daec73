"""Pieces every API router shares: authentication, error shapes, pagination."""

from __future__ import annotations

import json
from typing import Any, Generic, TypeVar

from django.contrib.auth.models import AnonymousUser
from django.http import HttpRequest
from ninja import Schema
from ninja.errors import HttpError
from ninja.parser import Parser
from ninja.security import HttpBearer, SessionAuth

from rebond.accounts.models import User
from rebond.accounts.services import token_user
from rebond.lib import text

NOT_JSON = "The body is not valid JSON. Check for a missing quote, comma or bracket."
SERVER_PROBLEM = "Something went wrong on our side, so this may not be saved. Please try again in a moment."

T = TypeVar("T")


TWO_STEP_NEEDED = ("Clinicians turn on two-step sign-in before using rebond, to protect the people who share with "
                   "them. Set it up in Settings (/accounts/two-step/), then try again.")


def refuse_without_two_step(user: User) -> None:
    """Clinicians need two-step sign-in for everything, the API included: 403 with words that say how."""
    from rebond.accounts import twofactor

    if twofactor.is_required(user) and not twofactor.is_enabled(user):
        raise HttpError(403, TWO_STEP_NEEDED)


class TokenAuth(HttpBearer):
    def authenticate(self, request: HttpRequest, token: str) -> User | None:
        user = token_user(token)
        if user is not None:
            refuse_without_two_step(user)
            request.user = user
        return user


class CsrfSessionAuth(SessionAuth):
    """Browser session, with Django's CSRF check (Ninja's SessionAuth enforces it). The web's two-step rule for
    clinicians lets /api/ through (it redirects pages), so the API checks it here."""

    def __call__(self, request: HttpRequest) -> Any:
        # With nobody signed in there is no session to protect: step aside before Ninja's CSRF check, so a request
        # with no token or a bad one hears 401 ("sign in"), not 403 "CSRF check Failed".
        if not request.user.is_authenticated:
            return None
        return super().__call__(request)

    def authenticate(self, request: HttpRequest, key: str | None) -> Any:
        user = super().authenticate(request, key)
        if isinstance(user, User):
            refuse_without_two_step(user)
        return user


AUTH = [TokenAuth(), CsrfSessionAuth()]


def current_user(request: HttpRequest) -> User:
    user = getattr(request, "auth", None) or request.user
    if isinstance(user, AnonymousUser) or not isinstance(user, User):
        raise HttpError(401, "Please sign in, or send a valid token.")
    return user


class TextCheckingParser(Parser):
    """JSON bodies, with every string checked once: a character that can't be stored is a 422 naming its field.

    Ninja turns any parse failure into HttpError(400) with this exception as its cause; rebond.api maps both
    that and malformed JSON to 422 in the contract shape.
    """

    def parse_body(self, request: HttpRequest) -> Any:
        return text.check_document(json.loads(request.body))


def body_problem(exc: HttpError) -> list[dict[str, Any]] | None:
    """The 422 detail for a body Ninja could not parse, or None when `exc` is about something else."""
    cause = exc.__cause__
    if isinstance(cause, text.UnsaveableText):
        return [{"loc": ["body", *cause.path], "msg": text.UNSAVEABLE}]
    if exc.status_code == 400 and isinstance(cause, ValueError):  # JSONDecodeError, UnicodeDecodeError
        return [{"loc": ["body"], "msg": NOT_JSON}]
    return None


class ErrorItem(Schema):
    loc: list[str | int]
    msg: str


class ErrorOut(Schema):
    detail: list[ErrorItem] | str


class Page(Schema, Generic[T]):
    items: list[T]
    count: int


# Plain words for what pydantic found, by its error type: the fix, never pydantic's own wording ("Field required",
# "Input should be a valid integer"). `{name}`s come from the error's context (the limit that was crossed).
_FIXES = {
    "missing": "this is needed.",
    "int_type": "use a whole number, like 3.",
    "int_parsing": "use a whole number, like 3.",
    "int_from_float": "use a whole number, like 3 (not 2.5).",
    "float_type": "use a number, like 0.5.",
    "float_parsing": "use a number, like 0.5.",
    "bool_type": "use true or false.",
    "bool_parsing": "use true or false.",
    "string_type": "use text, in quotes.",
    "string_too_long": "keep this to {max_length:,} characters or fewer.",
    "too_short": "give at least {min_length} of these.",
    "too_long": "give no more than {max_length} of these.",
    "greater_than_equal": "pick {ge} or more.",
    "greater_than": "pick a number above {gt}.",
    "less_than_equal": "pick {le} or less.",
    "less_than": "pick a number below {lt}.",
    "date_type": "use a date like 2025-03-30.",
    "date_parsing": "use a date like 2025-03-30.",
    "date_from_datetime_parsing": "use a date like 2025-03-30.",
    "date_from_datetime_inexact": "use a date like 2025-03-30, with no time.",
    "datetime_type": "use a date and time like 2025-03-30T09:00:00Z.",
    "datetime_parsing": "use a date and time like 2025-03-30T09:00:00Z.",
    "datetime_from_date_parsing": "use a date and time like 2025-03-30T09:00:00Z.",
    "time_type": "use a time like 09:30.",
    "time_parsing": "use a time like 09:30.",
    "literal_error": "pick one of {expected}.",
    "enum": "pick one of {expected}.",
    "list_type": "use a list, like [1, 2].",
    "dict_type": "use an object with named parts, like {{\"name\": \"...\"}}.",
    "model_type": "use an object with named parts, like {{\"name\": \"...\"}}.",
    "model_attributes_type": "use an object with named parts, like {{\"name\": \"...\"}}.",
    "extra_forbidden": "rebond doesn't know this one. Leave it out.",
    "json_invalid": NOT_JSON,
}
_CHECK_IT = "this isn't in a form rebond can use. Check its type and format."
# A validator of our own raised these: its words are already ours, after pydantic's prefix.
_OUR_OWN = {"value_error": "Value error, ", "assertion_error": "Assertion failed, "}


def plain_words(error: dict[str, Any]) -> str:
    """One pydantic error as words a person can act on, naming the field first ("mood: pick 5 or less.")."""
    kind = str(error.get("type", ""))
    if kind in _OUR_OWN:
        return str(error.get("msg", "")).removeprefix(_OUR_OWN[kind]) or _CHECK_IT.capitalize()
    context = error.get("ctx") or {}
    if kind == "string_too_short":
        least = context.get("min_length", 1)
        fix = "write something here. It can't be empty." if least <= 1 else f"use at least {least} characters."
    else:
        try:
            fix = _FIXES.get(kind, _CHECK_IT).format(**context)
        except (KeyError, ValueError, IndexError):
            fix = _CHECK_IT
    field = ".".join(str(part) for part in error.get("loc", ())[1:])
    return f"{field}: {fix}" if field else fix[:1].upper() + fix[1:]


def validation_detail(message_dict: dict[str, list[str]], prefix: tuple[str, ...] = ("body",)) -> list[dict[str, Any]]:
    out = []
    for field, messages in message_dict.items():
        loc = [*prefix] if field == "__all__" else [*prefix, field]
        for message in messages:
            out.append({"loc": loc, "msg": message})
    return out
