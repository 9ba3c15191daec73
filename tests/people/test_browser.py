"""In a real Chromium: open People from the menu, log a hard moment, an apology for it and a kept promise, and
watch both panels (Overall and Lately) change after each one. axe on every page."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest

from rebond.people import services
from tests.conftest import axe_check, make_user, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def _patient(page: Any) -> None:
    """The shared test machines are busy; give each step more time than the default."""
    page.set_default_timeout(45_000)


def panels(page: Any) -> tuple[str, str]:
    return page.locator("#overall").inner_text(), page.locator("#lately").inner_text()


def log(page: Any, kind: str, *, repairs: bool = False, note: str = "") -> None:
    page.get_by_role("link", name="Log what happened").click()
    axe_check(page)
    page.get_by_label("What happened").select_option(kind)
    if repairs:
        page.get_by_label("Which moment it repairs").select_option(index=1)
    if note:
        page.get_by_label("What you saw or heard").fill(note)
    page.get_by_role("button", name="Save to my record").click()
    page.wait_for_url("**/people/*/")


def test_breach_apology_and_kept_promise_move_both_panels(page: Any) -> None:
    alice = make_user("alice", "client", time_zone="Europe/London", region="GB")
    person, _ = services.person_create(user=alice, name="Sam", relationship="partner", hurt="no")
    today = services.user_today(alice)
    for days in (70, 63, 56, 49, 42, 35):  # older than four weeks: Lately starts empty
        services.observation_add(user=alice, person=person, on=today - timedelta(days=days), kind="promise_kept")

    sign_in(page, "alice")
    page.get_by_role("link", name="People").click()
    axe_check(page)
    page.get_by_role("link", name="Sam").click()
    axe_check(page)
    start = panels(page)
    assert "Overall" in start[0] and "Estimate:" in start[0]
    assert "0\nkept" in start[1] or "0 kept" in start[1]

    log(page, "promise_broken", note="Didn't come to the school play")
    after_breach = panels(page)
    assert after_breach[0] != start[0] and after_breach[1] != start[1]
    assert page.get_by_text("Didn't come to the school play").is_visible()
    axe_check(page)

    log(page, "apology", repairs=True, note="Said sorry and asked how it went")
    after_apology = panels(page)
    assert after_apology[0] != after_breach[0] and after_apology[1] != after_breach[1]

    log(page, "promise_kept", note="Came to the next one, early")
    after_kept = panels(page)
    assert after_kept[0] != after_apology[0] and after_kept[1] != after_apology[1]
    lately = page.locator("#lately")
    for count, words in (("1", "kept"), ("1", "not kept"), ("1", "apologies or amends")):
        assert lately.locator("li", has_text=words).first.inner_text().startswith(count)
    axe_check(page)

    # The hard moment's repair steps and the ladder are reachable and accessible too.
    page.get_by_role("link", name="Repair steps").first.click()
    axe_check(page)
    page.go_back()
    page.get_by_role("link", name="Trust ladder").click()
    axe_check(page)


def test_safety_first_person_and_boundaries_pages_are_accessible(page: Any) -> None:
    alice = make_user("alice", "client", time_zone="Europe/London", region="GB")
    services.person_create(user=alice, name="K", hurt="not_sure")
    sign_in(page, "alice")
    page.goto("/people/")
    page.get_by_role("link", name="K", exact=True).click()
    assert page.get_by_text("Deciding not to rebuild is also a healthy choice.").is_visible()
    axe_check(page)
    page.goto("/people/new/")
    axe_check(page)
    page.goto("/boundaries/new/")
    assert page.get_by_text("Dialectical Behavior Therapy").is_visible()
    axe_check(page)
    page.get_by_label("My boundary").fill("I leave the room when voices are raised.")
    page.get_by_role("button", name="Save", exact=True).click()
    page.wait_for_url("**/boundaries/*/")
    page.get_by_label("It held").check()
    page.get_by_role("button", name="Save to my log").click()
    assert page.get_by_text("It held. That's evidence you can look after yourself.").is_visible()
    axe_check(page)
    page.goto("/boundaries/")
    axe_check(page)
