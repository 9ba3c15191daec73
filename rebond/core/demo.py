"""Demo data: a living account for a newcomer. Apps add their part through `register`. No crisis content."""

from __future__ import annotations

import secrets
from collections.abc import Callable
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any

from django.db import transaction

from rebond.accounts import selectors, services
from rebond.accounts.models import User

_builders: list[tuple[int, Callable[[User], None]]] = []


@dataclass(frozen=True)
class Passwords:
    """The passwords of the demo being built: the clients' (documented, easy to type) and the clinician's."""

    client: str
    clinician: str


_passwords: ContextVar[Passwords | None] = ContextVar("demo_passwords", default=None)


def passwords() -> Passwords:
    """For builders that add companion accounts (a second client, a clinician): the passwords `create_demo` was
    given, or random ones when a builder runs on its own."""
    return _passwords.get() or Passwords(client=random_password(), clinician=random_password())


def random_password() -> str:
    """A clinician account sees other people's records, so the demo never gives it a password anyone could guess."""
    return secrets.token_urlsafe(12)


def register(builder: Callable[[User], None], order: int = 50) -> None:
    _builders.append((order, builder))


class DemoNameTaken(Exception):
    """The demo would replace an account that `rebond demo` didn't make."""


def clear_demo_account(username: str) -> None:
    """Delete an earlier demo account of this name so the demo can be made afresh; a real account is never touched."""
    existing = selectors.user_by_name(username=username)
    if existing is None:
        return
    if not existing.is_demo:
        raise DemoNameTaken(f"There is already an account named {username!r} that isn't a demo, so it was left "
                            "alone. Choose another name with --name.")
    services.account_delete(user=existing)


def create_demo_user(*, username: str, password: str, role: str = "client", display_name: str,
                     time_zone: str = "UTC", region: str = "US") -> User:
    clear_demo_account(username)
    user = services.user_create(username=username, password=password, role=role, time_zone=time_zone, region=region)
    user.display_name = display_name
    user.is_demo = True
    user.save(update_fields=["display_name", "is_demo"])
    return user


def create_demo(*, username: str, password: str, clinician_password: str | None = None, **profile: Any) -> User:
    """The demo person (and, through the builders, their companions). The clinician gets `clinician_password`, or
    a new random one: never the clients' well-known demo password."""
    token = _passwords.set(Passwords(client=password, clinician=clinician_password or random_password()))
    try:
        with transaction.atomic():
            user = create_demo_user(username=username, password=password, display_name="Sam",
                                    time_zone=profile.get("time_zone", "UTC"), region=profile.get("region", "US"))
            for _, builder in sorted(_builders, key=lambda item: item[0]):
                builder(user)
    finally:
        _passwords.reset(token)
    return user
