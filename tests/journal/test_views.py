"""Journal pages as alice (owner), bob (clinician) and charlie (stranger): write each kind, read, change, delete,
search and page through, with the crisis check on every save."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

import pytest
import time_machine
from django.test import Client

from rebond.journal import catalogue, services
from rebond.journal.models import JournalEntry, Kind
from tests.conftest import client_for

pytestmark = pytest.mark.django_db

NOW = "2026-06-15 12:00:00+00:00"
TODAY = date(2026, 6, 15)


@pytest.fixture(autouse=True)
def _frozen() -> Any:
    with time_machine.travel(NOW, tick=False):
        yield


def html(response: Any) -> str:
    return str(response.content.decode()).replace("&#x27;", "'").replace("&quot;", '"')


def assert_csp_clean(page: str) -> None:
    assert not re.search(r"\sstyle\s*=", page), "CSP forbids style= attributes"
    assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", page), "CSP forbids inline scripts"
    assert "<style" not in page


def entry(user: Any, body: str = "The bus was on time.", kind: str = "gratitude", **extra: Any) -> JournalEntry:
    made, _ = services.entry_create(user=user, kind=kind, body=body, **extra)
    return made


def test_journal_needs_sign_in() -> None:
    assert Client().get("/journal/").status_code == 302
    assert Client().get("/journal/new/gratitude/").status_code == 302


@pytest.mark.parametrize("kind", Kind.values)
def test_each_kind_has_its_page_with_prompts_and_a_draft_key(alice: Any, kind: str) -> None:
    page = html(client_for(alice).get(f"/journal/new/{kind}/"))
    assert_csp_clean(page)
    assert f'data-draft-key="journal-new-{kind}"' in page
    prompt_set = catalogue.prompt_set(kind)
    assert prompt_set is not None
    assert prompt_set.intro in page
    for prompt in prompt_set.prompts:
        assert prompt in page


def test_unknown_kind_is_404(alice: Any) -> None:
    assert client_for(alice).get("/journal/new/diary/").status_code == 404


def test_write_a_gratitude_entry(alice: Any) -> None:
    client = client_for(alice)
    prompt = "What is one small thing that went okay today?"
    response = client.post("/journal/new/gratitude/", {"body": "Tea with my neighbour.", "prompt": prompt,
                                                       "on": "2026-06-15"})
    saved = JournalEntry.objects.get(user=alice)
    assert response.status_code == 302 and response["Location"] == f"/journal/{saved.pk}/"
    assert saved.body == "Tea with my neighbour." and saved.prompt == prompt and saved.on == TODAY
    page = html(client.get(f"/journal/{saved.pk}/"))
    assert "Tea with my neighbour." in page and prompt in page


def test_an_empty_entry_says_what_to_do_and_keeps_nothing(alice: Any) -> None:
    response = client_for(alice).post("/journal/new/values/", {"body": "  ", "on": "2026-06-15"})
    assert response.status_code == 422
    assert "Write a few words first" in html(response) or "This field is required" in html(response)
    assert not JournalEntry.objects.exists()


def test_a_future_day_is_refused_in_plain_words(alice: Any) -> None:
    response = client_for(alice).post("/journal/new/values/", {"body": "Honesty", "on": "2026-07-01"})
    assert response.status_code == 422
    assert "The date can't be in the future" in html(response)
    assert "Honesty" in html(response), "what was written is kept on an error"


def test_strengths_top_five_and_ideas_to_use_them(alice: Any) -> None:
    client = client_for(alice)
    page = html(client.get("/journal/new/strengths/"))
    assert page.count('name="strengths"') == 24
    six = ["kindness", "honesty", "humor", "curiosity", "perseverance", "creativity"]
    too_many = client.post("/journal/new/strengths/", {"strengths": six, "on": "2026-06-15"})
    assert too_many.status_code == 422 and "Choose up to five" in html(too_many)
    response = client.post("/journal/new/strengths/", {"strengths": six[:5], "on": "2026-06-15"})
    saved = JournalEntry.objects.get(user=alice)
    assert response.status_code == 302 and saved.strengths == six[:5]
    detail = html(client.get(f"/journal/{saved.pk}/"))
    kindness = catalogue.strength("kindness")
    assert kindness is not None
    assert "Your top strengths" in detail and kindness.name in detail
    for idea in kindness.ideas:
        assert idea in detail


def test_affirmations_are_the_persons_own_words_with_how_believable(alice: Any) -> None:
    client = client_for(alice)
    page = html(client.get("/journal/new/affirmations/"))
    prompt_set = catalogue.prompt_set("affirmations")
    assert prompt_set is not None
    for tip in prompt_set.guidance:
        assert tip in page
    assert "I am enough" not in page and "I love myself" not in page, "no stock phrases"
    client.post("/journal/new/affirmations/", {"body": "I'm learning to rest.", "believable": "4", "on": "2026-06-15"})
    saved = JournalEntry.objects.get(user=alice)
    assert saved.believable == 4
    assert "A smaller, truer version might fit better" in html(client.get(f"/journal/{saved.pk}/"))


def test_narrative_story_then_retelling(alice: Any) -> None:
    client = client_for(alice)
    page = html(client.get("/journal/new/narrative-re-authoring/"))
    assert "First, write the story" in page and "Then, tell it again" in page and "never about blame" in page
    client.post("/journal/new/narrative-re-authoring/", {"body": "The year everything changed.", "on": "2026-06-15"})
    saved = JournalEntry.objects.get(user=alice)
    detail = html(client.get(f"/journal/{saved.pk}/"))
    assert "Not written yet" in detail and f"/journal/{saved.pk}/edit/" in detail
    client.post(f"/journal/{saved.pk}/edit/", {"body": saved.body, "retelling": "I kept going to work. I value "
                                               "steadiness.", "on": "2026-06-15"})
    saved.refresh_from_db()
    assert saved.retelling.startswith("I kept going")
    assert "The retelling" in html(client.get(f"/journal/{saved.pk}/"))


def test_crisis_words_are_saved_then_a_calm_page(alice: Any) -> None:
    client = client_for(alice)
    response = client.post("/journal/new/compassionate-letter/", {"body": "Some days I want to die.", "on": "2026-06-15"})
    saved = JournalEntry.objects.get(user=alice)
    page = html(response)
    assert response.status_code == 200
    assert "It sounds like a lot is going on" in page and "Back to my entry" in page
    assert f'href="/journal/{saved.pk}/"' in page
    assert "want to die" not in page, "the matched words are never echoed"


def test_search_opens_own_entries_and_pages(alice: Any, charlie: Any) -> None:
    entry(alice, "Walked by the river with Sam.")
    entry(alice, "A quiet morning.", kind="values")
    entry(charlie, "The river was cold.")
    client = client_for(alice)
    found = html(client.get("/journal/?q=RIVER"))
    assert "1 entry found" in found and "Walked by the river" in found and "was cold" not in found
    assert "2 entries found" not in html(client.get("/journal/?kind=values"))
    assert "1 entry found" in html(client.get("/journal/?kind=values"))
    for i in range(12):
        entry(alice, f"Small thing {i}")
    first, second = html(client.get("/journal/")), html(client.get("/journal/?page=2"))
    assert "Page 1 of 2" in first and "Page 2 of 2" in second


def test_edit_and_delete_are_owner_only(alice: Any, bob: Any, charlie: Any) -> None:
    mine = entry(alice, "Private words.")
    for other in (bob, charlie):
        client = client_for(other)
        for url in (f"/journal/{mine.pk}/", f"/journal/{mine.pk}/edit/"):
            response = client.get(url)
            assert response.status_code in ({404, 302} if other is bob else {404})
            assert "Private words." not in html(response)
        assert client.post(f"/journal/{mine.pk}/edit/", {"body": "x", "on": "2026-06-15"}).status_code in {404, 302}
        assert client.post(f"/journal/{mine.pk}/delete/").status_code in {404, 302}
        listing = client.get("/journal/")
        assert "Private words." not in html(listing)
    charlie_client = client_for(charlie)
    assert charlie_client.get(f"/journal/{mine.pk}/").status_code == 404
    mine.refresh_from_db()
    assert mine.body == "Private words."
    client = client_for(alice)
    assert client.post(f"/journal/{mine.pk}/edit/", {"body": "Changed.", "on": "2026-06-15"}).status_code == 302
    mine.refresh_from_db()
    assert mine.body == "Changed."
    assert client.post(f"/journal/{mine.pk}/delete/").status_code == 302
    assert not JournalEntry.objects.filter(pk=mine.pk).exists()


def test_a_strengths_entry_is_listed_by_its_strengths(alice: Any) -> None:
    services.entry_create(user=alice, kind="strengths", strengths=["hope", "zest"])
    page = html(client_for(alice).get("/journal/"))
    assert "Hope, Zest" in page
