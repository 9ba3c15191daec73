"""Reads for the safety app's own rows (the safety plan has plan.py)."""

from __future__ import annotations

from datetime import date
from typing import Any

from rebond.safety.models import CrisisPageShown


def crisis_page_shown(*, user: Any, entry_key: str, day: date) -> bool:
    """Has the calm crisis page been shown for this entry on this day of the person's?"""
    return CrisisPageShown.objects.filter(user=user, entry_key=entry_key, day=day).exists()
