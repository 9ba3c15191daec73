"""The session summary prints on one A4 page (issue 7: "one printable page"), for the person and their clinician,
with three busy months behind it: Chromium prints each page to PDF and the pages are counted."""

from __future__ import annotations

import re
from datetime import timedelta
from typing import Any

import pytest

from bench.care_seed import LONG_BALANCED
from rebond.measures.selectors import user_today
from tests.care.conftest import sign_in_as

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def pdf_pages(pdf: bytes) -> int:
    """How many pages a PDF has: its page objects (/Type /Page, not the /Pages tree above them)."""
    return len(re.findall(rb"/Type\s*/Page(?![a-zA-Z])", pdf))


def make_it_heavy(alice: Any) -> None:
    """The most a summary can hold: every questionnaire, and the three newest chosen records as long as a quote
    gets (a longer one is cut short on the page)."""
    from django.utils import timezone

    from rebond.care.models import SummaryThought
    from rebond.measures import services as measures
    from rebond.thoughts import services as thoughts
    from rebond.thoughts.models import ThoughtRecord

    for days, answers in ((60, 1), (5, 2)):
        for instrument, items in (("pcl5", 20), ("scssf", 12), ("rses", 10)):
            measures.response_create(user=alice, instrument_id=instrument, answers=[answers + 1] * items,
                                     taken_at=timezone.now() - timedelta(days=days))
    chosen = SummaryThought.objects.filter(owner=alice).values_list("record_id", flat=True)
    for record in ThoughtRecord.objects.filter(pk__in=list(chosen)).order_by("-created_at")[:3]:
        thoughts.record_save(user=alice, record=record, changes={
            "thoughts": [{"text": "I keep letting everyone down, at work and at home, " * 8, "hot": True}],
            "balanced_thought": LONG_BALANCED * 3})


@pytest.mark.parametrize("heavy", [False, True], ids=["three-months", "a-year-at-its-fullest"])
def test_both_summaries_print_on_one_a4_page(page: Any, live_server: Any, busy_months: tuple[Any, Any],
                                             heavy: bool) -> None:
    alice, bob = busy_months
    period = ""
    if heavy:
        make_it_heavy(alice)
        period = f"?start={(user_today(alice) - timedelta(days=365)).isoformat()}"
    for user, url in ((alice, "/care/summary/"), (bob, f"/care/clients/{alice.pk}/summary/")):
        page.context.clear_cookies()
        sign_in_as(page, live_server, user)
        page.goto(url + period)
        assert page.get_by_role("heading", name="Thought records").is_visible()
        pages = pdf_pages(page.pdf(format="A4"))
        assert pages == 1, f"{user.username}'s summary prints on {pages} pages"
        page.emulate_media(media="print")
        assert page.locator(".quoted").count() == 3 and page.locator(".quoted").first.is_visible()
        page.emulate_media(media=None)


def test_the_page_counter_counts_pages(page: Any) -> None:
    page.set_content("<p>one</p><p style='break-before: page'>two</p><p style='break-before: page'>three</p>")
    assert pdf_pages(page.pdf(format="A4")) == 3
