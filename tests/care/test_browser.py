"""In Chromium: alice invites bob, bob accepts and looks, alice sees the look and revokes, bob gets nothing."""

from __future__ import annotations

from typing import Any

import pytest

from tests.conftest import PASSWORD, axe_check, make_user, sign_in

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
    page.get_by_role("button", name="Sign out").click()


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
    assert page.get_by_role("link", name="alice").is_visible()
    axe_check(page)
    sign_out(page)

    sign_in(page, "alice")
    page.goto("/care/")
    assert page.locator("#log-heading + table").get_by_text("bob").first.is_visible()
    page.get_by_role("link", name="See what they see").click()
    assert page.get_by_text("Called my sister back").is_visible()
    axe_check(page)
    page.goto("/care/")
    page.get_by_role("button", name="Stop sharing with bob").click()
    assert page.get_by_text("No message was sent").is_visible()
    sign_out(page)

    sign_in_with_code(page, "bob", secret)
    response = page.goto(f"/care/clients/{alice.pk}/")
    assert response is not None and response.status == 404
    page.goto("/care/clients/")
    assert page.get_by_text("Nobody shares with you yet").is_visible()
    axe_check(page)
