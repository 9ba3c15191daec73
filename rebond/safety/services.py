"""Writes for the safety app's own rows (the safety plan has plan.py)."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from django.db import IntegrityError, transaction

from rebond.safety.models import CrisisPageShown

# Marks older than this are no use for "once per day" and are cleared as new ones come. One day of slack, so a
# person whose time zone changes doesn't meet a page again for a day that is still theirs.
KEEP_DAYS = 1


def crisis_page_mark(*, user: Any, entry_key: str, day: date) -> None:
    """Note that the calm crisis page was shown for this entry on this day (a second mark is a no-op)."""
    row = CrisisPageShown(user=user, entry_key=entry_key, day=day)
    row.full_clean(validate_constraints=False)  # the one-per-day constraint is the database's to keep, races too
    try:
        with transaction.atomic():
            CrisisPageShown.objects.filter(user=user, day__lt=day - timedelta(days=KEEP_DAYS)).delete()
            row.save()
    except IntegrityError:
        pass  # already marked, from another tab or device


def crisis_pages_delete(*, user: Any) -> None:
    """With the account (the data-ownership deleter)."""
    CrisisPageShown.objects.filter(user=user).delete()
