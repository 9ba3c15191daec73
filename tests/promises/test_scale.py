"""With 10 promises and 3 years of daily check-ins, Today and Record run as many queries as with one week."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext

from rebond.promises.models import CheckIn, Promise
from tests.conftest import client_for, make_user

pytestmark = pytest.mark.django_db

NOW = "2026-06-15 12:00:00+00:00"
TODAY = date(2026, 6, 15)


def history(user: Any, days: int, promises: int = 10) -> None:
    start = TODAY - timedelta(days=days)
    rows = []
    for i in range(promises):
        promise = Promise.objects.create(user=user, text=f"Promise {i}", rrule="FREQ=DAILY", starts_on=start,
                                         size="small")
        for d in range(days):
            outcome = "kept" if (d + i) % 5 else ("missed" if d % 2 else "partial")
            rows.append(CheckIn(user=user, promise=promise, on=start + timedelta(days=d), outcome=outcome,
                                value=0.5 if outcome == "partial" else None))
    CheckIn.objects.bulk_create(rows, batch_size=2000)


def queries(user: Any, url: str) -> int:
    client = client_for(user)
    client.get(url)  # warm caches (data keys, frequency)
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200
    return len(ctx.captured_queries)


@pytest.mark.parametrize("url", ["/", "/record/"])
def test_query_count_does_not_grow_with_history(url: str) -> None:
    small, large = make_user("week"), make_user("years")
    with time_machine.travel(NOW, tick=False):
        history(small, 7)
        history(large, 3 * 365)
        assert CheckIn.objects.filter(user=large).count() == 10 * 3 * 365
        assert queries(small, url) == queries(large, url)
