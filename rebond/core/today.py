"""The Today page is put together from panels that apps register (promises due, check-in, homework...)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.http import HttpRequest
from django.utils import timezone


@dataclass(frozen=True)
class Panel:
    name: str
    template: str
    order: int
    context: Callable[[HttpRequest], dict[str, Any] | None]


_panels: dict[str, Panel] = {}


def register(name: str, *, template: str, order: int, context: Callable[[HttpRequest], dict[str, Any] | None]) -> None:
    _panels[name] = Panel(name, template, order, context)


def context(request: HttpRequest) -> dict[str, Any]:
    panels = []
    for panel in sorted(_panels.values(), key=lambda p: p.order):
        data = panel.context(request)
        if data is not None:
            panels.append({"template": panel.template, "data": data, "name": panel.name})
    return {"today": timezone.localdate(), "panels": panels}
