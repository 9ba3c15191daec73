"""Account reads: the only code the web pages, the API and the CLI use to find accounts and their tokens."""

from __future__ import annotations

from django.db.models import QuerySet

from rebond.accounts.models import ApiToken, User


def users_exist() -> bool:
    """False on a fresh install, when the first visit offers to make the first account."""
    return User.objects.exists()


def user_by_name(*, username: str) -> User | None:
    return User.objects.filter(username=username).first()


def user_by_id(*, user_id: int) -> User | None:
    return User.objects.filter(pk=user_id).first()


def the_only_user() -> User | None:
    """The one account, when there is exactly one (a person running rebond alone); otherwise None."""
    users = list(User.objects.order_by("id")[:2])
    return users[0] if len(users) == 1 else None


def user_list() -> QuerySet[User]:
    return User.objects.order_by("username")


def token_list(*, user: User) -> list[ApiToken]:
    """The person's access tokens, newest first (only their names and prefixes; the hash never leaves the table)."""
    return list(ApiToken.objects.filter(user=user).order_by("-created_at"))
