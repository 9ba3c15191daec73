"""In Chromium: alice invites bob, bob accepts and looks, alice sees the look and revokes, bob gets nothing."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import expect

from tests.conftest import PASSWORD, at_path, axe_check, make_user, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def sign_in_with_code(page: Any, username: str, secret: str) -> None:
    import pyotp

    from rebond.accounts.models import TwoFactor

    # A code works once; the test signs in twice within one 30-second step, so forget the last step used.
    TwoFactor.objects.filter(user__username=username).update(last_step=0)

    page.goto("/accounts/login/")
    page.get_by_label("Name you sign in with").fill(username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.get_by_label("6-digit code from your authenticator app").fill(pyotp.TOTP(secret).now())
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(lambda url: url.rstrip("/").count("/") == 2)


def sign_out(page: Any) -> None:
    """Sign out and wait for home: a sign-in started while the sign-out is still on its way could be undone by it."""
    page.get_by_role("button", name="Sign out").click()
    page.wait_for_url(at_path("/"))
    expect(page.get_by_role("link", name="Sign in")).to_be_visible()


def test_invite_accept_view_revoke(page: Any) -> None:
    from rebond.accounts import twofactor
    from rebond.promises import services as promises

    alice = make_user("alice", "client", time_zone="Europe/London", region="GB")
    bob = make_user("bob", "clinician")
    import pyotp

    secret = twofactor.new_secret()
    twofactor.enable(user=bob, secret=secret, code=pyotp.TOTP(secret).now())
    promises.victory_create(user=alice, text="Called my sister back")

    sign_in(page, "alice")
    page.get_by_role("link", name="Sharing").click()
    page.wait_for_url("**/care/")
    axe_check(page)
    page.get_by_role("button", name="Make a clinician invitation").click()
    page.wait_for_url("**/care/invite/")
    code = page.locator("#invite-code").inner_text()
    axe_check(page)
    sign_out(page)

    sign_in_with_code(page, "bob", secret)
    page.goto("/care/join/")
    page.get_by_label("The code you were given").fill(code)
    page.get_by_role("button", name="Accept the invitation").click()
    page.wait_for_url(f"**/care/clients/{alice.pk}/")
    assert page.get_by_text("Called my sister back").is_visible()
    axe_check(page)
    page.get_by_role("link", name="Clients").click()
    page.wait_for_url("**/care/clients/")
    expect(page.get_by_role("link", name="alice")).to_be_visible()
    axe_check(page)
    sign_out(page)

    from rebond.care import access

    for _ in range(2):  # two more looks at her wins, so that line has times to open
        access.read_scope(bob, alice.pk, "victories")
    sign_in(page, "alice")
    page.goto("/care/")
    assert page.locator("#log table").get_by_text("bob").first.is_visible()
    every = page.locator("#log details").first
    every.locator("summary").focus()
    page.keyboard.press("Enter")  # a native <details>: the keyboard opens it, a screen reader hears it expand
    expect(every).to_have_attribute("open", "")
    expect(every.locator("time").first).to_be_visible()
    axe_check(page)
    page.get_by_role("link", name="See what they see").click()
    page.wait_for_url("**/care/shares/*/preview/")
    expect(page.get_by_text("Called my sister back")).to_be_visible()
    axe_check(page)
    page.goto("/care/")
    page.get_by_role("link", name="Stop sharing with bob").click()
    page.wait_for_url("**/revoke/")
    axe_check(page)
    page.get_by_role("button", name="Yes, stop sharing with bob").click()
    page.wait_for_url(at_path("/care/"))
    expect(page.get_by_text("No message was sent")).to_be_visible()
    sign_out(page)

    sign_in_with_code(page, "bob", secret)
    response = page.goto(f"/care/clients/{alice.pk}/")
    assert response is not None and response.status == 404
    page.goto("/care/clients/")
    assert page.get_by_text("Nobody shares with you yet").is_visible()
    axe_check(page)


def test_the_summary_the_pledge_and_the_today_panel_pass_axe(page: Any, live_server: Any,
                                                             busy_months: tuple[Any, Any]) -> None:
    """The pages the first test doesn't reach, with real content: the summary's SVG chart and tables (both sides),
    the pledge form (empty, with its errors, then given) and the care panel on Today (homework and a note)."""
    from rebond.care import services
    from tests.care.conftest import share, sign_in_as

    alice, bob = busy_months
    friend = make_user("dave", "supporter")
    share(alice, friend, None, role="supporter")
    services.encouragement_send(sender=friend, owner=alice, text="Thinking of you this week")

    sign_in_as(page, live_server, bob)
    page.goto(f"/care/clients/{alice.pk}/summary/")
    assert page.locator("svg.trust-chart").is_visible() and page.locator("table").count() >= 2
    axe_check(page)
    page.goto("/care/clients/pledge/")
    axe_check(page)
    page.get_by_label("How often you check rebond").fill(" ")  # only a space: the errors sit beside the fields
    page.get_by_label("Where clients turn when it's urgent").fill(" ")
    page.get_by_role("button", name="Save").click()
    expect(page.locator("#check_frequency_error")).to_be_visible()  # the form comes back at the same address
    axe_check(page)

    page.context.clear_cookies()
    sign_in_as(page, live_server, alice)
    page.goto("/care/summary/")
    assert page.locator("svg.trust-chart").is_visible()
    assert page.get_by_role("button", name="Save my choice").is_visible()
    axe_check(page)
    page.goto("/")
    panel = page.locator(".care-today")
    assert panel.get_by_text("Thinking of you this week").is_visible()
    assert panel.get_by_role("button", name="Mark as done").first.is_visible()
    axe_check(page)


def test_on_an_unsafe_day_today_keeps_promises_and_lets_homework_wait(page: Any) -> None:
    """Today showed "2 thought records due" with Start on a "Not safe" day; UX.md: no questionnaires or practices then."""
    from rebond.care import services as care
    from rebond.measures import selectors, services
    from rebond.promises import services as promises
    from tests.conftest import share

    alice = make_user("alice", "client", time_zone="Europe/London", region="GB")
    bob = make_user("bob", "clinician")
    share(alice, bob)
    today = selectors.user_today(alice)
    promises.promise_create(user=alice, text="Drink a glass of water", rrule="FREQ=DAILY", starts_on=today)
    care.homework_assign(clinician=bob, owner=alice, kind="thought_records", count=2, due_on=today, assigned_on=today)
    services.checkin_save(user=alice, on=today, mood=2, safety="not_safe", about="myself")
    sign_in(page, "alice")
    main = page.get_by_role("main")
    assert main.get_by_text("Homework can wait today.").is_visible()
    assert main.get_by_role("heading", name="Drink a glass of water").is_visible()
    assert main.get_by_role("link", name="Start").count() == 0
    assert main.get_by_role("button", name="Mark as done").count() == 0
    axe_check(page)
