"""In a real Chromium: make a promise, check it in on Today with one tap, see the Record change, and meet the
gentle debrief after a miss. Every page passes axe."""

from __future__ import annotations

import re
from typing import Any

import pytest

from tests.conftest import axe_check, make_user, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def make_promise(page: Any, text: str) -> None:
    page.get_by_role("link", name=re.compile(r"Make (a|another) promise")).first.click()
    page.get_by_label("I promise myself to…").fill(text)
    page.get_by_label("How often").select_option("daily")
    page.get_by_role("button", name="Save my promise").click()
    page.wait_for_url("**/")


def test_promise_checkin_record_and_debrief(page: Any) -> None:
    make_user("alice", time_zone="Europe/London", region="GB")
    sign_in(page, "alice")
    assert page.get_by_text("Start with one promise small enough that you'd keep it on a hard day.").first.is_visible()
    axe_check(page)

    page.get_by_role("link", name="Make a promise").first.click()
    axe_check(page)
    page.go_back()
    make_promise(page, "Walk for ten minutes")
    card = page.locator("article.promise-card", has_text="Walk for ten minutes")
    assert card.is_visible()
    axe_check(page)

    page.get_by_role("link", name="Record").click()
    assert page.get_by_text("About 3 more check-ins will give a first estimate").is_visible()
    axe_check(page)

    page.get_by_role("link", name="Today").click()
    page.evaluate("window.__stayed = true")  # survives only if htmx swaps the card without a reload
    card = page.locator("article.promise-card", has_text="Walk for ten minutes")
    card.get_by_role("button", name="Kept").click()
    page.locator("article.promise-card .recorded", has_text="Kept.").wait_for()
    assert page.evaluate("window.__stayed === true"), "the card was swapped in place"
    axe_check(page)

    page.get_by_role("link", name="Record").click()
    assert page.get_by_text("About 2 more check-ins will give a first estimate").is_visible()
    assert page.get_by_text("Kept: Walk for ten minutes").is_visible()
    axe_check(page)

    page.get_by_role("link", name="Today").click()
    make_promise(page, "Read one page")
    card = page.locator("article.promise-card", has_text="Read one page")
    card.get_by_role("button", name="Not this time").click()
    debrief = page.locator("article.promise-card", has_text="Read one page")
    debrief.get_by_label("What got in the way?").wait_for()
    assert debrief.get_by_text("Not this time.").is_visible()
    axe_check(page)
    debrief.get_by_label("What got in the way?").fill("I was tired")
    debrief.get_by_label("A smaller version you could keep on a day like this").fill("Read one line")
    debrief.get_by_role("button", name="Save").click()
    page.wait_for_url("**/")
    assert page.get_by_text("That's useful to know next time.").is_visible()


def test_one_tap_works_without_javascript(browser: Any, live_server: Any) -> None:
    from rebond.promises import services

    user = make_user("robin", time_zone="UTC")
    services.promise_create(user=user, text="Drink a glass of water", rrule="FREQ=DAILY",
                            starts_on=services.user_today(user))
    context = browser.new_context(java_script_enabled=False, base_url=live_server.url.replace("127.0.0.1", "localhost"))
    page = context.new_page()
    sign_in(page, "robin")
    page.locator("article.promise-card", has_text="Drink a glass of water").first.get_by_role(
        "button", name="Kept").click()
    page.wait_for_url("**/")
    assert page.get_by_text("Kept.").first.is_visible()
    context.close()
