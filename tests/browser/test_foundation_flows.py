"""A person's first minutes, in a real Chromium: sign up, find help, leave fast, sign out."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import expect

from tests.conftest import PASSWORD, at_path, axe_check, make_user, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_sign_up_to_home_and_sign_out(page: Any) -> None:
    make_user("someone-else")  # not a first run: the normal sign-up form
    page.goto("/")
    axe_check(page)
    page.get_by_role("link", name="Make an account").click()
    page.wait_for_url("**/accounts/signup/")
    axe_check(page)
    page.get_by_label("Name you sign in with").fill("robin")
    page.get_by_label("Password", exact=True).fill(PASSWORD)
    page.get_by_label("Password again").fill(PASSWORD)
    page.get_by_label("Your time zone").select_option("Europe/Dublin")
    page.get_by_label("Where you live").select_option("IE")
    page.get_by_label("I am 18 or older").check()
    page.get_by_role("button", name="Make my account").click()
    page.wait_for_url(at_path("/"))
    assert page.get_by_role("heading", name="Hello, robin").is_visible()
    assert page.get_by_text("Start with one promise small enough").is_visible()
    axe_check(page)
    page.get_by_role("link", name="Settings").click()
    page.wait_for_url("**/accounts/settings/")
    axe_check(page)
    page.get_by_role("button", name="Sign out").click()
    page.wait_for_url(at_path("/"))
    expect(page.get_by_role("link", name="Sign in")).to_be_visible()
    axe_check(page)


def test_first_run_offers_the_first_account(page: Any) -> None:
    page.goto("/")
    assert "/accounts/setup/" in page.url
    assert page.get_by_role("heading", name="Welcome to rebond").is_visible()
    axe_check(page)


def test_get_help_now_without_signing_in_and_without_js(browser: Any, live_server: Any) -> None:
    context = browser.new_context(java_script_enabled=False, base_url=live_server.url)
    pg = context.new_page()
    pg.goto("/help/?region=US")
    assert pg.get_by_text("988").first.is_visible()
    pg.get_by_label("Region").select_option("AU")
    pg.get_by_role("button", name="Show lines").click()
    pg.wait_for_url("**/help/?region=AU")
    expect(pg.get_by_text("13 11 14").first).to_be_visible()
    context.close()


def test_help_page_is_accessible(page: Any) -> None:
    page.goto("/help/")
    assert page.get_by_text("call your local emergency number").first.is_visible()
    axe_check(page)


# Words only alice's own pages show: her name in the greeting, and a line of her safety plan.
PRIVATE = ("Marigold", "Call my sister Ruth")


def _alice_with_private_words(page: Any) -> None:
    from rebond.accounts import services
    from rebond.safety import plan as plan_service

    alice = make_user("alice")
    services.profile_update(user=alice, display_name=PRIVATE[0], email="", time_zone="UTC", region="GB",
                            discreet_mode=False)
    plan_service.plan_save(user=alice, entries={"people": {"text": PRIVATE[1], "obstacle": ""}})
    sign_in(page, "alice")
    assert PRIVATE[0] in page.content()  # the home page greets her by it
    page.goto("/safety-plan/")
    assert PRIVATE[1] in page.content()


def _back_shows_nothing_private(page: Any, entries: int) -> None:
    """The page left was replaced, not pushed, and Back finds nothing of hers: the session is over."""
    assert page.evaluate("history.length") == entries
    page.go_back()
    page.wait_for_load_state()
    assert "safety-plan" not in page.url
    body = page.content()
    assert not [words for words in PRIVATE if words in body], f"Back showed private words at {page.url}"
    axe_check(page)


def test_quick_exit_button_replaces_history(page: Any) -> None:
    _alice_with_private_words(page)
    entries = page.evaluate("history.length")
    page.get_by_role("link", name="Quick exit").click()
    page.wait_for_url("**/exit/")
    assert page.title() == "Simple tomato soup"
    axe_check(page)
    _back_shows_nothing_private(page, entries)
    page.goto("/accounts/settings/")
    assert "/accounts/login/" in page.url
    axe_check(page)  # the sign-in page too


def test_quick_exit_with_escape_twice(page: Any) -> None:
    _alice_with_private_words(page)
    entries = page.evaluate("history.length")
    page.keyboard.press("Escape")
    page.keyboard.press("Escape")
    page.wait_for_url("**/exit/")
    assert page.title() == "Simple tomato soup"
    assert not [words for words in PRIVATE if words in page.content()]
    axe_check(page)
    _back_shows_nothing_private(page, entries)


def test_safety_plan_page_is_accessible(page: Any) -> None:
    make_user("alice")
    sign_in(page, "alice")
    page.goto("/safety-plan/")
    page.get_by_label("What helps you feel a little calmer").fill("Make tea, step outside")
    page.get_by_role("button", name="Save my plan").click()
    expect(page.get_by_text("Your safety plan is saved.")).to_be_visible()  # posted back to the same address
    axe_check(page)
