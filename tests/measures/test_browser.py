"""In a real Chromium: a PHQ-9 with item 9 above zero opens the support panel at once and reaches the
safety page; the daily check-in takes three taps. axe-core checks each page."""

from __future__ import annotations

from typing import Any

import pytest

from rebond.measures.models import DailyCheckin, MeasureDraft, MeasureResponse
from tests.conftest import axe_check, make_user, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def answer(page: Any, number: int, label: str) -> None:
    page.get_by_role("group", name=f"{number}.", exact=False).get_by_label(label, exact=True).check()


def test_phq9_item9_support_panel_and_safety_page(page: Any) -> None:
    make_user("alice", region="GB", time_zone="Europe/London")
    sign_in(page, "alice")
    page.get_by_role("link", name="Measures").click()
    page.wait_for_url("**/measures/")
    axe_check(page)
    page.get_by_role("link", name="Take the PHQ-9").click()
    page.wait_for_url("**/measures/phq9/take/")
    assert page.get_by_text("Nobody is alerted").first.is_visible()
    axe_check(page)
    for number in range(1, 9):
        answer(page, number, "Several days")
    assert not page.locator(".support-panel").count()
    answer(page, 9, "Several days")
    panel = page.locator("#support-9 .support-panel")
    panel.wait_for(state="visible")  # at once, before sending anything
    assert page.get_by_role("heading", name="Help is here if you want it").is_visible()
    page.get_by_text("Your answers so far are saved").wait_for()
    axe_check(page)
    # The draft survives a reload, support panel included.
    page.reload()
    assert page.locator("#support-9 .support-panel").is_visible()
    assert MeasureDraft.objects.get().answers == [1] * 9
    page.get_by_role("button", name="See my result").click()
    page.wait_for_url("**/measures/phq9/*/")
    assert MeasureResponse.objects.get().flags == {"item9": True}
    assert page.locator(".support-panel").is_visible()
    assert page.get_by_text("9 out of 27").is_visible()
    axe_check(page)
    page.locator(".support-panel").get_by_role("link", name="Open my safety plan").click()
    page.wait_for_url("**/safety-plan/")
    axe_check(page)
    page.go_back()
    page.locator(".support-panel").get_by_role("link", name="Get help now").click()
    page.wait_for_url("**/help/")
    assert page.get_by_text("999").first.is_visible()


def test_history_chart_and_checkin_in_three_taps(page: Any) -> None:
    from datetime import timedelta

    from django.utils import timezone

    from rebond.measures import services

    alice = make_user("alice", region="GB", time_zone="Europe/London")
    services.response_create(user=alice, instrument_id="gad7", answers=[2] * 7,
                             taken_at=timezone.now() - timedelta(days=30))
    services.response_create(user=alice, instrument_id="gad7", answers=[1] * 7)
    sign_in(page, "alice")
    axe_check(page)
    page.get_by_label("4 · Good").check()
    page.get_by_label("Safe", exact=True).check()
    page.get_by_role("button", name="Save check-in").click()
    page.wait_for_url("**/")
    assert page.get_by_text("You checked in today: Good").is_visible()
    assert DailyCheckin.objects.get().mood == 4
    axe_check(page)
    page.goto("/measures/gad7/")
    assert page.locator("svg.chart-svg circle").count() == 2
    assert page.get_by_text("went down by 7 points").is_visible()
    axe_check(page)
    page.goto("/measures/mood/")
    axe_check(page)
    page.goto("/measures/checkin/")
    page.get_by_label("2 · Low").check()
    page.get_by_label("Not safe", exact=True).check()
    page.get_by_label("Someone is hurting or scaring me").check()
    axe_check(page)
    page.get_by_role("button", name="Save check-in").click()
    page.wait_for_url("**/measures/checkin/help/")
    axe_check(page)
