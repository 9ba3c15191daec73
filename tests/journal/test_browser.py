"""In a real Chromium: a journal entry whose draft survives a reload, then search; strengths; axe on each page."""

from __future__ import annotations

from typing import Any

import pytest

from rebond.journal.models import JournalEntry
from tests.conftest import at_path, axe_check, make_user, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_journal_entry_draft_survives_reload_then_saves_and_is_found(page: Any) -> None:
    make_user("alice", region="GB", time_zone="Europe/London")
    sign_in(page, "alice")
    page.goto("/journal/")
    axe_check(page)
    page.get_by_role("link", name="A kind letter to myself").click()
    page.wait_for_url("**/journal/new/compassionate-letter/")
    axe_check(page)
    page.get_by_label("Your letter").fill("You did your best with what you knew.")
    page.reload()
    assert page.get_by_label("Your letter").input_value() == "You did your best with what you knew."
    page.get_by_role("button", name="Save").click()
    page.wait_for_url("**/journal/*/")
    entry = JournalEntry.objects.get()
    assert entry.body == "You did your best with what you knew." and entry.kind == "compassionate-letter"
    assert page.get_by_text("You did your best with what you knew.").is_visible()
    axe_check(page)
    page.goto("/journal/new/compassionate-letter/")
    assert page.get_by_label("Your letter").input_value() == "", "a sent draft is cleared"
    page.goto("/journal/")
    page.get_by_label("Search your journal").fill("best")
    page.get_by_role("button", name="Search").click()
    page.get_by_text("1 entry found").wait_for()
    axe_check(page)


def test_strengths_page(page: Any) -> None:
    make_user("alice", region="GB", time_zone="Europe/London")
    sign_in(page, "alice")
    page.goto("/journal/new/strengths/")
    axe_check(page)
    for name in ("Kindness", "Hope", "Humor", "Curiosity", "Honesty"):
        page.get_by_label(name, exact=False).first.check()
    page.get_by_role("button", name="Save").click()
    page.wait_for_url("**/journal/*/")
    assert page.get_by_role("heading", name="Your top strengths").is_visible()
    assert len(JournalEntry.objects.get().strengths) == 5
    axe_check(page)


LETTER = "/journal/new/compassionate-letter/"


def draft_keys(page: Any) -> list[str]:
    return list(page.evaluate("() => Object.keys(window.localStorage).filter(k => k.startsWith('rebond-draft:'))"))


def type_letter(page: Any, words: str) -> None:
    page.goto(LETTER)
    page.get_by_label("Your letter").fill(words)
    page.wait_for_function("() => Object.keys(window.localStorage).some(k => k.startsWith('rebond-draft:'))")


def letter_box(page: Any) -> str:
    page.goto(LETTER)
    page.wait_for_load_state("load")  # app.js restores drafts on DOMContentLoaded
    return str(page.get_by_label("Your letter").input_value())


def test_a_draft_never_carries_over_to_the_next_person_on_this_browser(page: Any) -> None:
    make_user("alice", region="GB", time_zone="Europe/London")
    make_user("charlie")
    # Quick exit, then someone else signs in on the same browser.
    sign_in(page, "alice")
    type_letter(page, "Dear me, the hard week is nearly over.")
    keys = draft_keys(page)
    assert len(keys) == 1 and "alice" not in keys[0], keys
    assert letter_box(page) == "Dear me, the hard week is nearly over.", "the person's own draft comes back"
    page.get_by_role("link", name="Quick exit").click()
    page.wait_for_url("**/exit/")
    assert draft_keys(page) == []
    sign_in(page, "charlie")
    assert letter_box(page) == ""
    # Signing out.
    type_letter(page, "Charlie's own words.")
    page.get_by_role("button", name="Sign out").click()
    page.wait_for_url(at_path("/"))  # the sign-out answer's Clear-Site-Data has arrived; the letter page had loaded
    assert draft_keys(page) == []
    sign_in(page, "alice")
    assert letter_box(page) == ""
    # A session that ran out, with nothing pressed: the next person's first page drops the draft unread.
    type_letter(page, "Alice again, before the session ends.")
    page.context.clear_cookies()
    sign_in(page, "charlie")
    assert letter_box(page) == ""
    assert draft_keys(page) == []


def test_the_exit_page_wipes_drafts_even_without_the_button(page: Any) -> None:
    """Going to /exit/ any way at all (typed, bookmarked, no JavaScript ran) still clears: Clear-Site-Data."""
    make_user("alice", region="GB", time_zone="Europe/London")
    sign_in(page, "alice")
    type_letter(page, "Words nobody else should find.")
    page.goto("/exit/")
    assert draft_keys(page) == []


@pytest.mark.parametrize("javascript", [True, False])
def test_deleting_an_entry_asks_first_with_or_without_javascript(browser: Any, live_server: Any,
                                                                 javascript: bool) -> None:
    """With JavaScript the Delete button asks in a dialog; without it, it leads to a page that asks. Either way one
    tap never deletes."""
    from rebond.journal import services

    alice = make_user("alice", region="GB", time_zone="Europe/London")
    entry, _ = services.entry_create(user=alice, kind="gratitude", body="The first warm day.")
    context = browser.new_context(java_script_enabled=javascript,
                                  base_url=live_server.url.replace("127.0.0.1", "localhost"))
    page = context.new_page()
    sign_in(page, "alice")
    if javascript:
        page.goto(f"/journal/{entry.pk}/delete/")  # the question page, as it is reached without JavaScript
        axe_check(page)
    page.goto(f"/journal/{entry.pk}/")
    asked: list[str] = []
    if javascript:
        def answer(dialog: Any) -> None:
            asked.append(dialog.message)
            dialog.dismiss() if len(asked) == 1 else dialog.accept()

        page.on("dialog", answer)
        page.get_by_role("button", name="Delete").click()
        assert asked == ["Delete this entry? It can't be brought back."]
        assert JournalEntry.objects.filter(pk=entry.pk).exists(), "saying no keeps it"
        page.get_by_role("button", name="Delete").click()
    else:
        page.get_by_role("button", name="Delete").click()
        page.wait_for_url(f"**/journal/{entry.pk}/delete/")
        assert page.get_by_role("heading", name="Delete this entry?").is_visible()
        assert JournalEntry.objects.filter(pk=entry.pk).exists(), "one tap deleted nothing"
        page.get_by_role("link", name="Keep it").click()
        page.wait_for_url(f"**/journal/{entry.pk}/")
        page.get_by_role("button", name="Delete").click()
        page.get_by_role("button", name="Delete it").click()
    page.wait_for_url("**/journal/")
    assert not JournalEntry.objects.filter(pk=entry.pk).exists()
    context.close()
