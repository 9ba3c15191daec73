"""The main navigation. Apps add their section in AppConfig.ready(); order decides the position."""

from __future__ import annotations

from dataclasses import dataclass

from django.http import HttpRequest
from django.urls import reverse


@dataclass(frozen=True)
class NavItem:
    label: str
    url_name: str
    order: int
    roles: frozenset[str] | None = None


_items: dict[str, NavItem] = {}


def register(label: str, url_name: str, order: int, roles: set[str] | None = None) -> None:
    _items[url_name] = NavItem(label, url_name, order, frozenset(roles) if roles else None)


def items_for(request: HttpRequest) -> list[dict[str, object]]:
    user = request.user
    out: list[dict[str, object]] = []
    for item in sorted(_items.values(), key=lambda i: i.order):
        if item.roles is not None and getattr(user, "role", None) not in item.roles:
            continue
        url = reverse(item.url_name)
        current = request.path == url if url == "/" else request.path.startswith(url)
        out.append({"label": item.label, "url": url, "current": current})
    return out


register("Today", "core:home", 0)
register("Settings", "accounts:settings", 100)
