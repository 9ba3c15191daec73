"""In a real Chromium: a whole thought record, step by step, with drafts that survive a reload, a crisis
interstitial whose "Back to my entry" returns to the entry, trap chips with "why this?", and axe on every page."""

from __future__ import annotations

from typing import Any

import pytest

from rebond.thoughts import selectors
from rebond.thoughts.models import ThoughtRecord
from tests.conftest import axe_check, make_user, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def next_step(page: Any, step: str) -> None:
    page.get_by_role("button", name="Next").click()
    page.wait_for_url(f"**/step/{step}/")


def test_full_thought_record_with_a_crisis_interstitial(page: Any) -> None:
    alice = make_user("alice", region="GB", time_zone="Europe/London")
    sign_in(page, "alice")
    page.get_by_role("link", name="Thoughts").click()
    page.wait_for_url("**/thoughts/")
    axe_check(page)
    page.get_by_role("button", name="Start a thought record").click()
    page.wait_for_url("**/step/situation/")
    axe_check(page)

    # Drafts save as the person types, on the server, and survive a reload.
    page.locator("#situation").fill("My friend didn't answer my messages all weekend.")
    page.locator("#draft-status").get_by_text("Saved as you type").wait_for()
    record = ThoughtRecord.objects.get(user=alice)
    assert record.situation == "My friend didn't answer my messages all weekend."
    page.reload()
    assert page.locator("#situation").input_value() == "My friend didn't answer my messages all weekend."
    next_step(page, "thoughts")
    axe_check(page)

    # Words that fire the crisis check: the entry is saved, a calm page, and "Back to my entry" returns to it.
    page.locator("#thought-0").fill("Everyone would be better off without me")
    page.get_by_role("button", name="Next").click()
    page.get_by_role("heading", name="It sounds like a lot is going on").wait_for()
    assert "better off" not in page.content()
    assert page.get_by_role("link", name="Open my safety plan").is_visible()
    axe_check(page)
    # The calm page was shown at the step's own address, so the URL is already "right": wait for the navigation.
    with page.expect_navigation(url="**/step/thoughts/"):
        page.get_by_role("link", name="Back to my entry").click()
    assert page.locator("#thought-0").input_value() == "Everyone would be better off without me"

    # The person carries on with the record, in their own words.
    page.locator("#thought-0").fill("She must be angry with me.")
    page.get_by_role("button", name="Add another thought").click()
    page.locator("#thought-3").fill("I always push people away.")
    page.locator("input[name=hot][value='0']").check()
    next_step(page, "feelings")
    axe_check(page)
    page.locator("#emotion-0-name").fill("Worried")
    page.locator("#emotion-0-before").fill("80")
    next_step(page, "belief")
    assert page.locator(".pinned").get_by_text("She must be angry with me.").is_visible()
    page.locator("#belief_before").fill("85")
    next_step(page, "traps")
    axe_check(page)

    # Suggestions are chips, none chosen; "why this?" shows the reason; an accurate read is always offered.
    assert page.locator("input[name=trap]:checked").count() == 0
    first_chip = page.locator(".chips .chip").first
    first_chip.get_by_text("Why this?").click()
    assert first_chip.locator(".why p").first.is_visible()
    assert page.get_by_label("This may be an accurate read").is_visible()
    page.locator(".more-traps > summary").click()
    page.get_by_label("Mind reading", exact=True).check()
    next_step(page, "evidence")
    assert page.get_by_role("heading", name="Mind reading").is_visible()
    axe_check(page)
    page.get_by_label("What supports the thought?").fill("She usually answers within a day.")
    page.get_by_label("What doesn't fit the thought, or shows another side?").fill("She told me she was going camping.")
    next_step(page, "balance")
    assert page.locator(".pinned").get_by_text("She must be angry with me.").is_visible()
    page.locator("#balanced_thought").fill("She is probably away. I can ask how her weekend was.")
    page.locator("#balanced_belief").fill("70")
    axe_check(page)
    next_step(page, "rerate")
    page.locator("#emotion-0-after").fill("40")
    page.locator("#belief_after").fill("30")
    axe_check(page)
    next_step(page, "review")
    table = page.locator("table.before-after")
    assert "Worried" in table.inner_text() and "80" in table.inner_text() and "40" in table.inner_text()
    axe_check(page)
    page.get_by_role("button", name="Finish").click()
    page.wait_for_url(f"**/thoughts/{record.pk}/")
    page.get_by_text("Your thought record is saved.").wait_for()
    axe_check(page)

    record = selectors.record_get(user=alice, record_id=record.pk)
    assert record.status == "done" and record.traps == ["mind_reading"]
    assert [t.text for t in record.thoughts.all()] == ["She must be angry with me.", "I always push people away."]
    assert (record.belief_before, record.belief_after, record.balanced_belief) == (85, 30, 70)

    page.get_by_role("link", name="All thought records").click()
    page.get_by_label("Search your records").fill("camping")
    page.get_by_role("button", name="Search").click()
    page.get_by_text("1 record found").wait_for()
    axe_check(page)
    page.get_by_role("link", name="Patterns").click()
    page.wait_for_url("**/thoughts/patterns/")
    axe_check(page)
    page.get_by_role("link", name="Thinking traps", exact=True).click()
    page.wait_for_url("**/thoughts/traps/")
    axe_check(page)
    page.get_by_role("link", name="Mind reading").click()
    page.get_by_role("heading", name="Questions to ask yourself").wait_for()
    axe_check(page)


def test_safety_plan_from_get_help_now_to_a_wallet_card(page: Any) -> None:
    make_user("alice", region="GB", time_zone="Europe/London")
    sign_in(page, "alice")
    page.get_by_role("link", name="Get help now").click()
    page.wait_for_url("**/help/")
    page.get_by_role("link", name="Open my safety plan").click()
    page.wait_for_url("**/safety-plan/")
    page.get_by_label("What might get in the way?").first.fill("I forget where I put the list.")
    page.get_by_role("button", name="Save my plan").click()
    page.get_by_text("Your safety plan is saved.").wait_for()
    page.get_by_role("link", name="Print a wallet card").click()
    page.wait_for_url("**/safety-plan/?print=card")
    assert page.get_by_text("My safety plan", exact=True).is_visible()
    axe_check(page)


def test_the_traps_step_after_crisis_words_is_a_calm_note_with_every_trap_still_there(page: Any) -> None:
    from rebond.thoughts import services

    alice = make_user("alice", region="GB", time_zone="Europe/London")
    record, _ = services.record_save(user=alice, changes={"thoughts": [{"text": "I have saved up pills to end it"}]})
    sign_in(page, "alice")
    page.goto(f"/thoughts/{record.pk}/step/traps/")
    page.get_by_role("heading", name="Thinking traps can wait").wait_for()
    assert page.get_by_role("link", name="Open my safety plan").is_visible()
    assert page.locator("text=Suggested, if they fit").count() == 0
    axe_check(page)
    page.locator(".more-traps > summary").click()
    page.get_by_label("Labeling", exact=True).check()
    page.get_by_role("button", name="Next").click()
    page.wait_for_url("**/step/evidence/")
    assert selectors.record_get(user=alice, record_id=record.pk).traps == ["labeling"]


@pytest.mark.parametrize("javascript", [True, False])
def test_enter_in_the_rating_box_means_next_not_an_accurate_read(page_with: Any, javascript: bool) -> None:
    """Enter in "How much do you believe the balanced thought?" pressed the first submit button in the form, "This
    may be an accurate read": the step switched to a plan and hid the balanced thought just typed."""
    from rebond.thoughts import services

    alice = make_user("alice", region="GB", time_zone="Europe/London")
    record, _ = services.record_save(user=alice, changes={
        "situation": "My manager moved our meeting.", "belief_before": 85,
        "thoughts": [{"text": "She thinks I'm useless and I'll be let go.", "hot": True}]})
    page = page_with(javascript=javascript, user="alice")
    page.goto(f"/thoughts/{record.pk}/step/balance/")
    if javascript:
        axe_check(page)
    page.locator("#balanced_thought").fill("One moved meeting is not a verdict on my work.")
    page.locator("#balanced_belief").fill("60")
    page.locator("#balanced_belief").press("Enter")
    page.wait_for_url("**/step/rerate/")
    saved = selectors.record_get(user=alice, record_id=record.pk)
    assert not saved.accurate_read
    assert (saved.balanced_thought, saved.balanced_belief) == ("One moved meeting is not a verdict on my work.", 60)
