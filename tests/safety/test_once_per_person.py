"""The calm crisis page shows at most once per entry and per day for the person, not per browser session: signing
in again (or another device) brings a banner for the same entry that day, never the full page again. A plan or
means always gets the full page."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.test import RequestFactory
from django.urls import reverse
from django.utils import timezone

from rebond.safety import interstitial
from rebond.safety import services as safety
from rebond.safety.guard import guard_for
from rebond.safety.models import CrisisPageShown
from rebond.thoughts import services
from tests.conftest import client_for

pytestmark = pytest.mark.django_db

CRISIS_PAGE = "It sounds like a lot is going on"
HEAVY = "Everyone would be better off without me"
PLAN = "I have saved up pills to end it tonight"


def _save(client: Any, record: Any, text: str) -> str:
    url = reverse("thoughts:step", args=[record.pk, "thoughts"])
    return client.post(url, {"thought-0": text, "hot": "0", "go": "next"}, follow=True).content.decode()


def test_signing_in_again_does_not_bring_the_full_page_back_for_the_same_entry(alice: Any) -> None:
    record = services.record_start(user=alice)
    assert CRISIS_PAGE in _save(client_for(alice), record, HEAVY)
    again = _save(client_for(alice), record, HEAVY)  # a new session: signed in again, or another device
    assert CRISIS_PAGE not in again and interstitial.BANNER.replace("'", "&#x27;") in again
    other = services.record_start(user=alice)
    assert CRISIS_PAGE in _save(client_for(alice), other, HEAVY), "another entry gets its own page"


def test_a_plan_or_means_always_gets_the_full_page(alice: Any) -> None:
    record = services.record_start(user=alice)
    for _ in range(2):
        assert CRISIS_PAGE in _save(client_for(alice), record, PLAN)


def test_the_mark_is_the_persons_own(alice: Any, charlie: Any) -> None:
    safety.crisis_page_mark(user=alice, entry_key="thoughts:7", day=timezone.localdate())
    request = RequestFactory().post("/")
    request.user = charlie
    request.session = client_for(charlie).session
    shown = interstitial.after_save(request, guard_for(charlie, HEAVY), entry_key="thoughts:7", back_url="/")
    assert CRISIS_PAGE in shown.content.decode(), "alice's day says nothing about charlie's"


def test_marks_are_kept_once_a_day_and_old_days_cleared(alice: Any) -> None:
    today = timezone.localdate()
    safety.crisis_page_mark(user=alice, entry_key="thoughts:1", day=today - timedelta(days=5))
    safety.crisis_page_mark(user=alice, entry_key="thoughts:1", day=today)
    safety.crisis_page_mark(user=alice, entry_key="thoughts:1", day=today)
    assert list(CrisisPageShown.objects.filter(user=alice).values_list("day", flat=True)) == [today]
