"""In a real Chromium: make a promise, check it in on Today with one tap, see the Record change, and meet the
gentle debrief after a miss. Every page passes axe."""

from __future__ import annotations

import re
from typing import Any

import pytest
from playwright.sync_api import expect

from tests.conftest import at_path, axe_check, make_user, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def make_promise(page: Any, text: str) -> None:
    page.get_by_role("link", name=re.compile(r"Make (a|another) promise")).first.click()
    page.get_by_label("I promise myself to…").fill(text)
    page.get_by_label("How often").select_option("daily")
    page.get_by_role("button", name="Save my promise").click()
    page.wait_for_url(at_path("/"))  # Today ("**/" matched the form's own address too)


def test_promise_checkin_record_and_debrief(page: Any) -> None:
    make_user("alice", time_zone="Europe/London", region="GB")
    sign_in(page, "alice")
    assert page.get_by_text("Start with one promise small enough that you'd keep it on a hard day.").first.is_visible()
    axe_check(page)

    page.get_by_role("link", name="Make a promise").first.click()
    page.wait_for_url("**/promises/new/")
    axe_check(page)
    page.go_back()
    make_promise(page, "Walk for ten minutes")
    card = page.locator("article.promise-card", has_text="Walk for ten minutes")
    assert card.is_visible()
    axe_check(page)

    page.get_by_role("link", name="Record").click()
    page.wait_for_url("**/record/")
    assert page.get_by_text("About 3 more check-ins will give a first estimate").is_visible()
    axe_check(page)

    page.get_by_role("link", name="Today").click()
    page.wait_for_url(at_path("/"))  # or the mark below lands on the Record page being left
    page.evaluate("window.__stayed = true")  # survives only if htmx swaps the card without a reload
    card = page.locator("article.promise-card", has_text="Walk for ten minutes")
    card.get_by_role("button", name="Kept").click()
    page.locator("article.promise-card .recorded", has_text="Kept.").wait_for()
    assert page.evaluate("window.__stayed === true"), "the card was swapped in place"
    axe_check(page)

    page.get_by_role("link", name="Record").click()
    page.wait_for_url("**/record/")
    assert page.get_by_text("About 2 more check-ins will give a first estimate").is_visible()
    assert page.get_by_text("Kept: Walk for ten minutes").is_visible()
    axe_check(page)

    page.get_by_role("link", name="Today").click()
    page.wait_for_url(at_path("/"))
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
    expect(page.get_by_text("That's useful to know next time.")).to_be_visible()  # Today posts back to Today
    assert at_path("/")(page.url)


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
    expect(page.get_by_text("Kept.").first).to_be_visible()  # Today posts back to Today: wait for the words
    assert at_path("/")(page.url)
    context.close()


@pytest.mark.parametrize("javascript", [True, False])
def test_how_much_and_a_note(browser: Any, live_server: Any, javascript: bool) -> None:
    from rebond.promises import services
    from rebond.promises.models import CheckIn

    user = make_user("sam", time_zone="UTC")
    services.promise_create(user=user, text="Stretch for ten minutes", rrule="FREQ=DAILY",
                            starts_on=services.user_today(user))
    context = browser.new_context(java_script_enabled=javascript,
                                  base_url=live_server.url.replace("127.0.0.1", "localhost"))
    page = context.new_page()
    sign_in(page, "sam")
    card = page.locator("article.promise-card", has_text="Stretch for ten minutes").first
    card.get_by_text("Add how much, a note, or a rest day").click()
    card.get_by_role("radio", name="Partly").check()
    card.get_by_label("If partly: how much did you do?").fill("30")
    card.get_by_label("A note").fill("Five minutes before work")
    if javascript:
        axe_check(page)
    card.get_by_role("button", name=re.compile("^Save")).click()
    expect(page.get_by_text("Partly (30%).").first).to_be_visible()  # swapped in place, or Today posted back to
    assert at_path("/")(page.url)
    row = CheckIn.objects.get(user=user)
    assert row.value == 0.3 and row.note == "Five minutes before work"
    context.close()


def test_earlier_days_and_the_calendar_question_pass_axe(page: Any) -> None:
    from datetime import timedelta

    from rebond.promises import services

    user = make_user("kim", time_zone="UTC")
    for text in ("Walk", "Read", "Stretch"):
        services.promise_create(user=user, text=text, rrule="FREQ=DAILY",
                                starts_on=services.user_today(user) - timedelta(days=10))
    services.calendar_feed_token(user=user)
    sign_in(page, "kim")
    page.get_by_text(re.compile(r"Earlier days without a check-in")).click()
    page.get_by_role("link", name="See all 21 earlier days").click()
    page.wait_for_url("**/promises/earlier/")  # Today has promise cards too
    assert page.locator("article.promise-card").count() == 20
    axe_check(page)
    page.get_by_role("link", name="Record").click()
    page.get_by_role("link", name="Make a new link").click()
    page.wait_for_url("**/record/calendar/")
    assert page.get_by_role("button", name="Yes, make a new link").is_visible()
    axe_check(page)
    page.get_by_role("link", name="Keep my current link").click()
    page.wait_for_url("**/record/*")


@pytest.mark.parametrize("javascript", [True, False])
def test_rest_on_an_older_day_then_remove_it(browser: Any, live_server: Any, javascript: bool) -> None:
    """Further back than Today asks: pick the day on the promise page, rest on it, then remove it (asked first)."""
    from datetime import timedelta

    from rebond.promises import services
    from rebond.promises.models import CheckIn

    user = make_user("lee", time_zone="UTC")
    today = services.user_today(user)
    promise, _ = services.promise_create(user=user, text="Stretch", rrule="FREQ=DAILY",
                                         starts_on=today - timedelta(days=30))
    day = today - timedelta(days=20)
    context = browser.new_context(java_script_enabled=javascript,
                                  base_url=live_server.url.replace("127.0.0.1", "localhost"))
    page = context.new_page()
    sign_in(page, "lee")
    page.goto(f"/promises/{promise.pk}/")
    if javascript:
        axe_check(page)
    page.get_by_label("Which day?").fill(day.isoformat())
    page.get_by_role("button", name="Check in for another day").click()
    card = page.locator("article.promise-card").first
    card.get_by_text("Add how much, a note, or a rest day").click()
    card.get_by_role("radio", name=re.compile("^Resting")).check()
    card.get_by_label("If resting: why?").select_option("illness")
    if javascript:
        axe_check(page)
    card.get_by_role("button", name=re.compile("^Save")).click()
    page.locator("article.promise-card .recorded", has_text="Resting (unwell).").wait_for()
    assert CheckIn.objects.get(user=user).on == day
    page.goto(f"/promises/{promise.pk}/")
    page.get_by_role("link", name=re.compile("^Remove")).click()
    page.wait_for_url("**/remove/")
    assert page.get_by_role("heading", name="Remove this check-in?").is_visible()
    if javascript:
        axe_check(page)
    page.get_by_role("button", name="Remove this check-in").click()
    page.wait_for_url(f"**/promises/{promise.pk}/")
    assert not CheckIn.objects.filter(user=user).exists()
    context.close()


@pytest.mark.parametrize("javascript", [True, False])
def test_a_held_promise_offers_the_safety_plan_and_stops_after_asking(browser: Any, live_server: Any,
                                                                      javascript: bool) -> None:
    """A promise saved before the safety-promise check knew its words: Today shows the calm card instead of check-in
    choices; "Stop tracking it" asks on its own page, then puts it away; "Use my safety plan instead" puts the other
    away and opens the plan at its first empty step, with its words left out of it."""
    from datetime import timedelta

    from rebond.promises import services
    from rebond.promises.models import CheckIn, Promise
    from rebond.safety import plan as safety_plan

    user = make_user("ash", time_zone="UTC", region="GB")
    start = services.user_today(user) - timedelta(days=3)
    cutting = Promise(user=user, text="No more cutting", rrule="FREQ=DAILY", starts_on=start)
    cutting.save()
    tonight = Promise(user=user, text="Stay safe tonight", rrule="FREQ=DAILY", starts_on=start)
    tonight.save()
    CheckIn.objects.create(user=user, promise=cutting, on=start, outcome="missed")
    context = browser.new_context(java_script_enabled=javascript,
                                  base_url=live_server.url.replace("127.0.0.1", "localhost"))
    page = context.new_page()
    sign_in(page, "ash")
    card = page.locator("article.held-card", has_text="No more cutting")
    assert card.get_by_text("rebond won't count it as kept or missed").is_visible()
    assert page.locator("article.promise-card", has_text="No more cutting").get_by_role(
        "button", name=re.compile("^Kept")).count() == 0
    if javascript:
        axe_check(page)
    card.get_by_role("link", name=re.compile("^Stop tracking it")).click()
    page.wait_for_url(at_path(f"/promises/{cutting.pk}/stop/"))
    assert page.get_by_role("heading", name="Stop tracking this promise?").is_visible()
    if javascript:
        axe_check(page)
    page.get_by_role("link", name="Keep it for now").click()
    page.wait_for_url(at_path("/"))  # r"/$" matched the question page's own address
    cutting.refresh_from_db()
    assert not cutting.archived, "asking changed nothing"
    card.get_by_role("link", name=re.compile("^Stop tracking it")).click()
    page.get_by_role("button", name="Stop tracking it").click()
    page.wait_for_url(at_path("/"))
    assert page.get_by_text("You stopped tracking it.").is_visible()
    assert page.locator("article.held-card", has_text="No more cutting").count() == 0
    cutting.refresh_from_db()
    assert cutting.archived and CheckIn.objects.filter(promise=cutting).count() == 1

    page.locator("article.held-card", has_text="Stay safe tonight").get_by_role(
        "button", name=re.compile("^Use my safety plan instead")).click()
    page.wait_for_url("**/safety-plan/?from=promise*")
    assert page.get_by_text("The promise is put away now").is_visible()
    assert page.locator("#start-here").get_by_text("What helps you stay safe?").is_visible()
    if javascript:
        axe_check(page)
    assert "Stay safe tonight" not in str(safety_plan.plan_get(user=user))
    tonight.refresh_from_db()
    assert tonight.archived
    context.close()
