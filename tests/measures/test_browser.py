"""In a real Chromium: a PHQ-9 with item 9 above zero opens the support panel at once and reaches the
safety page; the daily check-in takes three taps. axe-core checks each page."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest
from playwright.sync_api import expect

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
    assert not page.locator("#support-9 .support-panel").is_visible()
    answer(page, 9, "Several days")
    panel = page.locator("#support-9 .support-panel")
    panel.wait_for(state="visible")  # at once, before sending anything
    assert page.get_by_role("heading", name="Help is here if you want it").is_visible()
    page.get_by_text("Your answers so far are saved").wait_for()
    # The status line (a live region) says where the help is, for anyone not looking at the screen.
    expect(page.get_by_role("status").filter(has_text="saved")).to_contain_text("just below question 9")
    axe_check(page)
    # The draft survives a reload, support panel included.
    page.reload()
    assert page.locator("#support-9 .support-panel").is_visible()
    assert MeasureDraft.objects.get().answers == [1] * 9
    page.get_by_role("button", name="See my result").click()
    page.wait_for_url(re.compile(r"/measures/phq9/\d+/$"))  # "phq9/*/" matched the take/ page being left
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
    # Today posts back to Today: the URL can't tell the pages apart (and "**/" matched any), the words can.
    expect(page.get_by_text("You checked in today: Good")).to_be_visible()
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


@pytest.fixture
def plain_page(browser: Any, live_server: Any) -> Iterator[Any]:
    """alice, signed in on a 360 px screen in a browser with JavaScript turned off."""
    make_user("alice", region="GB", time_zone="Europe/London")
    context = browser.new_context(base_url=live_server.url.replace("127.0.0.1", "localhost"),
                                  viewport={"width": 360, "height": 800}, java_script_enabled=False)
    try:
        page = context.new_page()
        sign_in(page, "alice")
        yield page
    finally:
        context.close()


def test_item9_support_panel_shows_at_once_without_javascript(plain_page: Any) -> None:
    page = plain_page
    page.goto("/measures/phq9/take/")
    panel = page.locator("#support-9 .support-panel")
    region = page.get_by_role("region", name="Help is here if you want it")
    assert panel.count() == 1 and not panel.is_visible()
    assert region.count() == 0  # hidden panels are not in the accessibility tree
    # A screen reader hears, as it enters question 9, that help shows just below it.
    expect(page.get_by_role("group", name="9.", exact=False)).to_have_accessible_description(
        re.compile("help options show just below this question"))
    answer(page, 9, "Not at all")
    assert not panel.is_visible()
    answer(page, 9, "More than half the days")
    assert panel.is_visible()  # nothing was sent: CSS alone opened it
    assert region.is_visible()  # now in the accessibility tree, as a named region right after the question
    assert page.get_by_role("heading", name="Help is here if you want it").is_visible()
    assert not MeasureDraft.objects.exists()
    answer(page, 9, "Not at all")
    assert not panel.is_visible()
    answer(page, 9, "Nearly every day")
    page.get_by_role("button", name="Save for later").click()  # a plain post keeps the answer
    # It comes back to the same address, so wait for the words only the answer shows, not for the URL.
    expect(page.get_by_text("Saved for later.")).to_be_visible()
    assert page.url.endswith("/measures/phq9/take/")
    assert MeasureDraft.objects.get().answers == [None] * 8 + [3]
    assert panel.is_visible()
    answer(page, 9, "Not at all")  # the live answer wins over the saved one
    assert not panel.is_visible()


def test_not_safe_with_nothing_else_reaches_help_without_javascript(plain_page: Any, page: Any) -> None:
    """UX.md Safety: "Not safe" alone (no mood, no "about") is saved and leads to crisis lines and domestic-violence
    help, in a browser with JavaScript off; axe then checks the same page with it on."""
    plain_page.get_by_label("Not safe", exact=True).check()
    plain_page.get_by_role("button", name="Save check-in").click()
    plain_page.wait_for_url("**/measures/checkin/help/")
    assert plain_page.get_by_role("heading", name="Help is here", exact=True).is_visible()
    assert plain_page.get_by_role("link", name="116 123").first.is_visible()
    assert plain_page.get_by_role("heading", name="If someone is hurting or scaring you").is_visible()
    assert plain_page.get_by_text("location sharing", exact=False).is_visible()
    saved = DailyCheckin.objects.get()
    assert (saved.safety, saved.mood, saved.about) == ("not_safe", None, "")
    sign_in(page, "alice")
    page.goto("/measures/checkin/help/")
    assert page.get_by_role("heading", name="Help is here", exact=True).is_visible()
    axe_check(page)


def test_axe_on_pcl5_and_the_rses_and_who5_histories(page: Any) -> None:
    from datetime import timedelta

    from django.utils import timezone

    from rebond.measures import services

    alice = make_user("alice", region="GB", time_zone="Europe/London")
    for instrument_id, answers in (("rses", [2] * 10), ("who5", [3] * 5)):
        services.response_create(user=alice, instrument_id=instrument_id, answers=answers,
                                 taken_at=timezone.now() - timedelta(days=20))
        services.response_create(user=alice, instrument_id=instrument_id, answers=answers)
    sign_in(page, "alice")
    page.goto("/measures/pcl5/take/")
    assert page.get_by_text("never be asked to describe", exact=False).is_visible()
    axe_check(page)
    for instrument_id in ("rses", "who5"):
        page.goto(f"/measures/{instrument_id}/")
        assert page.locator("svg.chart-svg circle").count() == 2
        axe_check(page)
