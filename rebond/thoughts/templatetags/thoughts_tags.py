from __future__ import annotations

from typing import Any

from django import template

register = template.Library()


@register.filter
def get(mapping: Any, key: str) -> Any:
    """`errors|get:"thought-0"`: a dict lookup with a computed key ('' when absent)."""
    try:
        return mapping.get(key, "")
    except AttributeError:
        return ""


@register.simple_tag
def field_name(prefix: str, index: int, suffix: str = "") -> str:
    return f"{prefix}{index}{suffix}"
