"""Demo data: a living account for a newcomer. Apps add their part through `register`. No crisis content."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.db import transaction

from rebond.accounts import services
from rebond.accounts.models import User

_builders: list[tuple[int, Callable[[User], None]]] = []


def register(builder: Callable[[User], None], order: int = 50) -> None:
    _builders.append((order, builder))


def create_demo(*, username: str, password: str, **profile: Any) -> User:
    with transaction.atomic():
        existing = User.objects.filter(username=username).first()
        if existing is not None:
            services.account_delete(user=existing)
        user = services.user_create(username=username, password=password,
                                    time_zone=profile.get("time_zone", "UTC"), region=profile.get("region", "US"))
        user.display_name = "Sam"
        user.save(update_fields=["display_name"])
        for _, builder in sorted(_builders, key=lambda item: item[0]):
            builder(user)
    return user
