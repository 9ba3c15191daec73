"""In a real Chromium: a journal entry whose draft survives a reload, then search; strengths; axe on each page."""

from __future__ import annotations

from typing import Any

import pytest

from rebond.journal.models import JournalEntry
from tests.conftest import axe_check, make_user, sign_in

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
