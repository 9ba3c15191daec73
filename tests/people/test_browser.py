"""In a real Chromium: open People from the menu, log a hard moment, an apology for it and a kept promise, and
watch both panels (Overall and Lately) change after each one. axe on every page."""

from __future__ import annotations

import re
from datetime import timedelta
from typing import Any

import pytest
from playwright.sync_api import expect

from rebond.people import services
from tests.conftest import at_path, axe_check, make_user, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def _patient(page: Any) -> None:
    """The shared test machines are busy; give each step more time than the default."""
    page.set_default_timeout(45_000)


PERSON_PAGE = re.compile(r"/people/\d+/$")
CHECKING = "Did you learn this by checking their phone, messages or location?"
HURT = "Has this person ever hurt you, threatened you, or made you afraid?"


def panels(page: Any) -> tuple[str, str]:
    return page.locator("#overall").inner_text(), page.locator("#lately").inner_text()


def log(page: Any, kind: str, *, repairs: bool = False, note: str = "") -> None:
    page.get_by_role("link", name="Log what happened").click()
    page.wait_for_url("**/events/new/")
    axe_check(page)
    page.get_by_label("What happened").select_option(kind)
    if repairs:
        page.get_by_label("Which moment it repairs").select_option(index=1)
    if note:
        page.get_by_label("What you saw or heard").fill(note)
    page.get_by_role("group", name=CHECKING).get_by_role("radio", name="No", exact=True).check()
    page.get_by_role("button", name="Save to my record").click()
    page.wait_for_url(PERSON_PAGE)


def test_breach_apology_and_kept_promise_move_both_panels(page: Any) -> None:
    alice = make_user("alice", "client", time_zone="Europe/London", region="GB")
    person, _ = services.person_create(user=alice, name="Sam", relationship="partner", hurt="no")
    today = services.user_today(alice)
    for days in (70, 63, 56, 49, 42, 35):  # older than four weeks: Lately starts empty
        services.observation_add(user=alice, person=person, on=today - timedelta(days=days), kind="promise_kept")

    sign_in(page, "alice")
    page.get_by_role("link", name="People").click()
    page.wait_for_url(at_path("/people/"))
    axe_check(page)
    page.get_by_role("link", name="Sam").click()
    page.wait_for_url(PERSON_PAGE)
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
    for count, words in (("1", "kept"), ("1", "not kept"), ("1", "apology or amends")):
        assert lately.locator("li", has_text=words).first.inner_text().startswith(count)
    axe_check(page)

    # Take an entry back: it stays on the timeline, tagged and crossed through, and readable in both themes.
    moment = page.locator("li.moment", has_text="Came to the next one, early")
    moment.get_by_text("Add a note or take it back").click()
    moment.get_by_role("link", name="Take it back").click()
    page.wait_for_url("**/retract/")
    axe_check(page)
    page.get_by_label("Why you're taking it back").fill("I logged it twice")
    page.get_by_role("button", name="Take it back").click()
    page.wait_for_url(PERSON_PAGE)
    taken = page.locator("li.moment-retracted", has_text="Came to the next one, early")
    assert taken.locator(".tag-taken-back").inner_text() == "Taken back"
    assert "line-through" in taken.locator(".moment-note").evaluate("el => getComputedStyle(el).textDecorationLine")
    axe_check(page)
    page.emulate_media(color_scheme="dark")
    axe_check(page)
    page.emulate_media(color_scheme="light")

    # The hard moment's repair steps and the ladder are reachable and accessible too.
    page.get_by_role("link", name="Repair steps").first.click()
    page.wait_for_url("**/repair/")
    axe_check(page)
    page.go_back()
    page.get_by_role("link", name="Trust ladder").click()
    page.wait_for_url("**/ladder/")
    axe_check(page)


def test_safety_first_person_and_boundaries_pages_are_accessible(page: Any) -> None:
    alice = make_user("alice", "client", time_zone="Europe/London", region="GB")
    services.person_create(user=alice, name="K", hurt="not_sure")
    sign_in(page, "alice")
    page.goto("/people/")
    page.get_by_role("link", name="K", exact=True).click()
    page.wait_for_url(PERSON_PAGE)
    assert page.get_by_text("Deciding not to rebuild is also a healthy choice.").is_visible()
    axe_check(page)
    page.goto("/people/new/")
    axe_check(page)
    page.goto("/boundaries/new/")
    assert page.get_by_text("Dialectical Behavior Therapy").is_visible()
    axe_check(page)
    # Picking someone who may have hurt you hides the script examples and shows help at once.
    examples, help_card = page.locator(".script-example"), page.locator("#boundary-safety")
    assert examples.first.is_visible() and not help_card.is_visible()
    page.get_by_label("Mostly about").select_option(label="K")
    assert examples.count() == 7 and not any(examples.nth(i).is_visible() for i in range(7))
    assert help_card.is_visible()
    axe_check(page)
    page.get_by_label("Mostly about").select_option(label="No one in particular")
    assert examples.first.is_visible() and not help_card.is_visible()
    # The script comes together as it is typed, and one button puts it into "How I'll say it".
    page.locator("#id_describe").fill("When plans change late,")
    page.locator("#id_express").fill("I feel let down.")
    page.locator("#id_negotiate").fill("A call is fine.")
    preview = page.locator("[data-script-text]")
    assert preview.locator("p").all_inner_texts() == ["When plans change late, I feel let down.",
                                                 "What I could offer: A call is fine."]
    url = page.url
    page.get_by_role("button", name="Use this as how I'll say it").click()
    assert page.locator("#id_how").input_value() == "When plans change late, I feel let down.\nWhat I could offer: A call is fine."
    assert page.url == url and page.evaluate("document.activeElement.id") == "id_how"
    axe_check(page)
    page.get_by_label("My boundary").fill("I leave the room when voices are raised.")
    page.get_by_role("button", name="Save", exact=True).click()
    page.wait_for_url(re.compile(r"/boundaries/\d+/$"))  # "boundaries/*/" matched the new/ page being left
    page.get_by_label("It held").check()
    page.get_by_role("button", name="Save to my log").click()
    expect(page.get_by_text("It held. That's evidence you can look after yourself.")).to_be_visible()
    axe_check(page)
    page.goto("/boundaries/")
    axe_check(page)


def test_question_first_remove_step_and_settling_on_another_day(page: Any) -> None:
    alice = make_user("alice", "client", time_zone="Europe/London", region="GB")
    person, _ = services.person_create(user=alice, name="Sam", hurt="")
    services.ladder_add(user=alice, person=person, text="Coffee together")
    today = services.user_today(alice)
    services.said_create(user=alice, person=person, text="Return the ladder", made_on=today - timedelta(days=3),
                         due_on=today)
    sign_in(page, "alice")
    page.goto(f"/people/{person.pk}/ladder/")
    assert page.get_by_role("heading", name="Before you go on").is_visible()
    axe_check(page)
    page.get_by_label("No", exact=True).check()
    with page.expect_navigation(url=at_path(f"/people/{person.pk}/ladder/")):  # back to the same address
        page.get_by_role("button", name="Save my answer").click()
    assert page.get_by_role("heading", name="Before you go on").count() == 0

    page.get_by_text("Update this step").click()
    page.get_by_role("link", name="Remove step").click()
    page.wait_for_url("**/remove/")
    axe_check(page)
    page.get_by_role("button", name="Remove step").click()
    page.wait_for_url(f"**/people/{person.pk}/ladder/")
    assert page.get_by_text("Coffee together").count() == 0

    page.goto(f"/people/{person.pk}/")
    page.get_by_text("It happened on another day").click()
    page.get_by_label("The day it happened").fill(str(today - timedelta(days=1)))
    axe_check(page)
    with page.expect_navigation(url=at_path(f"/people/{person.pk}/")):  # back to the same address
        page.get_by_role("button", name="Kept for “Return the ladder”", exact=True).click()
    assert page.locator("li.moment", has_text="Return the ladder").is_visible()


def test_writing_about_being_hurt_asks_again_and_the_marks_read_well(page: Any) -> None:
    """A note about being hurt: the calm page, then the person's page asks again and offers no ladder; the kept /
    not kept / unknown bar and "the day has passed" pass axe in both themes."""
    alice = make_user("alice", "client", time_zone="Europe/London", region="GB")
    person, _ = services.person_create(user=alice, name="Sam", hurt="no")
    today = services.user_today(alice)
    for days in range(2, 30, 3):
        services.observation_add(user=alice, person=person, on=today - timedelta(days=days), kind="promise_kept")
    services.said_create(user=alice, person=person, text="Fix the gate", made_on=today - timedelta(days=5),
                         due_on=today - timedelta(days=1))
    sign_in(page, "alice")
    page.goto(f"/people/{person.pk}/")
    assert page.locator("#overall .shares-bar").is_visible()
    assert page.locator(".tag-passed", has_text="the day has passed").is_visible()
    for scheme in ("dark", "light"):
        page.emulate_media(color_scheme=scheme)
        axe_check(page)

    page.get_by_role("link", name="Log what happened").click()
    page.get_by_label("What happened").select_option("negative_observation")
    page.get_by_label("What you saw or heard").fill("He hit me when I asked about the gate")
    page.get_by_role("group", name=CHECKING).get_by_role("radio", name="No", exact=True).check()
    page.get_by_role("button", name="Save to my record").click()
    expect(page.get_by_text("It sounds like a lot is going on")).to_be_visible()  # the calm page, shown in place
    page.get_by_role("link", name="Back to my entry").click()
    page.wait_for_url(f"**/people/{person.pk}/")
    question = "You wrote about being hurt. Do you want to look again at your answer about Sam?"
    assert page.get_by_role("heading", name=question).is_visible()
    assert page.get_by_role("link", name="Trust ladder").count() == 0
    axe_check(page)
    page.get_by_label("Not sure", exact=True).check()
    with page.expect_navigation(url=at_path(f"/people/{person.pk}/")):  # back to the same address
        page.get_by_role("button", name="Save my answer").click()
    assert page.get_by_role("heading", name=question).count() == 0
    assert page.get_by_text("Deciding not to rebuild is also a healthy choice.").is_visible()
    axe_check(page)


def test_the_forms_own_questions_are_groups_a_screen_reader_names_and_nothing_is_chosen(page: Any) -> None:
    """A person's hurt question and an observation's checking question were a <label for=""> over 13 px radios, so
    a screen reader said "Yes" or "No" without the question; the observation came with "No" and "Kept a promise"
    already chosen."""
    make_user("alice", "client", time_zone="Europe/London", region="GB")
    sign_in(page, "alice")
    page.goto("/people/new/")
    hurt = page.get_by_role("group", name=HURT)
    assert hurt.get_by_role("radio").count() == 4
    for choice in ("No", "Yes", "Not sure"):
        assert hurt.locator("label", has_text=choice).first.bounding_box()["height"] >= 44
    axe_check(page)
    page.get_by_label("Name or nickname").fill("Robin")
    hurt.get_by_role("radio", name="No", exact=True).check()
    page.get_by_role("button", name="Save").click()
    page.wait_for_url(PERSON_PAGE)  # "people/*/" matched the new/ page being left
    page.get_by_role("link", name="Log what happened").click()
    page.wait_for_url("**/events/new/")  # or the counts below would be read on the person's page
    checking = page.get_by_role("group", name=CHECKING)
    assert checking.get_by_role("radio", checked=True).count() == 0
    assert page.get_by_label("What happened").input_value() == ""
    axe_check(page)
    page.get_by_label("What you saw or heard").fill("Came round at nine as promised")
    page.get_by_role("button", name="Save to my record").click()
    expect(page.get_by_text("Choose what happened from the list.")).to_be_visible()
    assert checking.get_by_text("Choose No or Yes to save this.").is_visible()
    assert page.get_by_label("What you saw or heard").input_value() == "Came round at nine as promised"
    axe_check(page)
    page.get_by_label("What happened").select_option("promise_kept")
    checking.get_by_role("radio", name="No", exact=True).check()
    page.get_by_role("button", name="Save to my record").click()
    page.wait_for_url(PERSON_PAGE)
    assert page.get_by_text("Came round at nine as promised").is_visible()
    assert page.get_by_role("heading", name="Robin").first.is_visible()
