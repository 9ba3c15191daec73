"""Journal pages as alice (owner), bob (clinician) and charlie (stranger): write each kind, read, change, delete,
search and page through, with the crisis check on every save."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

import pytest
from django.test import Client

from rebond.journal import catalogue, services
from rebond.journal.models import JournalEntry, Kind
from tests.conftest import TODAY, assert_own_words, client_for, signed_in

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("frozen_day")]




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
    for body in ("  ", None):
        response = client_for(alice).post("/journal/new/values/", {"on": "2026-06-15"} | (
            {} if body is None else {"body": body}))
        assert response.status_code == 422
        assert "Write a few words first. One line is plenty." in html(response)
        assert_own_words(html(response))
    story = client_for(alice).post("/journal/new/narrative-re-authoring/", {"body": "", "on": "2026-06-15"})
    assert "Write the story first, in your own words." in html(story)
    assert not JournalEntry.objects.exists()


LONG = "a" * 5001


@pytest.mark.parametrize("kind, data, words", [
    ("values", {"body": LONG}, "This has 5,001 characters. Keep it to 5,000 or fewer."),
    ("narrative-re-authoring", {"body": "The story.", "retelling": LONG}, "This has 5,001 characters."),
    ("values", {"body": "Honesty", "on": "someday"}, "That day can't be read. Pick it from the calendar"),
    ("values", {"body": "Honesty", "on": ""}, "Pick the day this is about: today or an earlier day."),
    ("values", {"body": "Honesty", "prompt": "zzz"}, "Pick one of the prompts for this kind of entry"),
    ("affirmations", {"body": "I rest.", "believable": "zzz"}, "Pick a number from 0 to 10, or leave it as Not rated."),
    ("strengths", {"strengths": ["kindness", "zzz"]}, "Pick strengths from the list of 24."),
])
def test_every_field_speaks_in_plain_words(alice: Any, kind: str, data: dict[str, Any], words: str) -> None:
    response = client_for(alice).post(f"/journal/new/{kind}/", {"on": "2026-06-15"} | data)
    page = html(response)
    assert response.status_code == 422 and words in page
    assert_own_words(page)
    assert 'class="error"' in page, "the words stand beside the field"
    assert not JournalEntry.objects.exists()
    if "body" in data and len(data["body"]) > 5000:
        assert LONG in page, "what was written is kept on an error"


def test_changing_an_entry_speaks_in_plain_words_too(alice: Any) -> None:
    mine = entry(alice)
    response = client_for(alice).post(f"/journal/{mine.pk}/edit/", {"body": "", "on": "not a day"})
    assert response.status_code == 422
    assert "That day can't be read." in html(response) and "Write a few words first." in html(response)
    assert_own_words(html(response))


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


def test_edit_and_delete_are_owner_only(alice: Any, bob_shared: Any, charlie: Any) -> None:
    """bob_shared is alice's clinician with every scope (journal too): he reads what she shares on the care pages,
    never through her own journal pages, which answer him 404; a change from him is 403 (a share is read-only)."""
    mine = entry(alice, "Private words.")
    for client, write in ((signed_in(bob_shared), 403), (client_for(charlie), 404)):
        for url in (f"/journal/{mine.pk}/", f"/journal/{mine.pk}/edit/"):
            response = client.get(url)
            assert response.status_code == 404
            assert "Private words." not in html(response)
        assert client.post(f"/journal/{mine.pk}/edit/", {"body": "x", "on": "2026-06-15"}).status_code == write
        assert client.post(f"/journal/{mine.pk}/delete/").status_code == write
        for listing in (client.get("/journal/"), client.get("/journal/?q=private")):
            assert listing.status_code == 200 and "Private words." not in html(listing)
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


def test_a_search_says_when_older_entries_were_not_searched(alice: Any, monkeypatch: Any) -> None:
    from rebond.journal import selectors

    monkeypatch.setattr(selectors, "SEARCH_SCAN_LIMIT", 3)
    for i in range(5):
        entry(alice, f"By the river, day {i}.", on=date(2026, 6, 10 + i))
    client = client_for(alice)
    newest = html(client.get("/journal/?q=river"))
    assert "3 entries found" in newest and "looked at your newest 3 entries" in newest
    assert "day 4" in newest and "day 1" not in newest
    assert 'href="?q=river&amp;kind=&amp;scan=3#entries">Search older entries' in newest
    older = html(client.get("/journal/?q=river&scan=3"))
    assert "2 entries found" in older and "from number 4 on" in older
    assert "day 1" in older and "day 0" in older and "day 4" not in older
    assert "Search older entries" not in older and "Back to your newest entries" in older
    monkeypatch.setattr(selectors, "SEARCH_SCAN_LIMIT", 5000)
    assert "looked at" not in html(client.get("/journal/?q=river")), "no note when every entry was searched"


def test_the_journal_says_only_you_while_nobody_else_can_read_it(alice: Any) -> None:
    client = client_for(alice)
    assert "A private place to be on your own side. Only you can see it." in html(client.get("/journal/"))
    assert "Only you can see your journal. It is kept locked" in html(client.get("/journal/new/gratitude/"))
    saved = client.post("/journal/new/gratitude/", {"body": "Warm tea.", "on": "2026-06-15"}, follow=True)
    assert "Saved to your journal. Only you can see it." in html(saved)


def test_the_journal_names_who_it_is_shared_with(alice: Any, bob_shared: Any, charlie: Any) -> None:
    """bob_shared holds every scope, the journal too, so he can read it on the care pages: the journal must say so
    everywhere it used to say "only you"."""
    from tests.conftest import share

    shared = "You share your journal with bob. They can read it."
    client = client_for(alice)
    entry(alice)
    pages = [html(client.get(url)) for url in ("/journal/", "/journal/new/values/",
                                                f"/journal/{JournalEntry.objects.get().pk}/edit/")]
    pages.append(html(client.post("/journal/new/gratitude/", {"body": "Warm tea.", "on": "2026-06-15"}, follow=True)))
    for page in pages:
        assert shared in page and "Only you" not in page
    share(alice, charlie, scopes=["victories", "journal"], role="supporter")
    assert "You share your journal with bob and charlie. They can read it." in html(client.get("/journal/"))
    assert "Only you can see it." in html(client_for(charlie).get("/journal/")), "charlie's own journal is his alone"


def test_a_share_without_the_journal_is_not_named(alice: Any, bob: Any) -> None:
    from rebond.care import selectors as care_selectors
    from rebond.care.models import Share
    from tests.conftest import share

    share(alice, bob, scopes=["promises", "thoughts"])
    assert care_selectors.journal_viewers(user=alice) == []
    assert "Only you can see it." in html(client_for(alice).get("/journal/"))
    Share.objects.filter(owner=alice).update(scopes=["journal"])
    assert care_selectors.journal_viewers(user=alice) == ["bob"]
    bob.is_active = False  # a closed account reads nothing
    bob.save()
    assert care_selectors.journal_viewers(user=alice) == []


def test_delete_asks_first_on_its_own_page_without_javascript(alice: Any, bob_shared: Any, charlie: Any) -> None:
    mine = entry(alice, "Words to keep.")
    client, url = client_for(alice), f"/journal/{mine.pk}/delete/"
    detail = html(client.get(f"/journal/{mine.pk}/"))
    form = detail.split(f'action="{url}"')[1].split("</form>")[0]
    assert 'data-confirm="Delete this entry? It can\'t be brought back."' in form  # JavaScript asks in a dialog
    assert '<noscript><input type="hidden" name="ask" value="1"></noscript>' in form
    # Without JavaScript the <noscript> field is sent: the button leads to the question, nothing is deleted.
    asked = client.post(url, {"ask": "1"})
    assert asked.status_code == 302 and asked["Location"] == url
    assert JournalEntry.objects.filter(pk=mine.pk).exists()
    page = html(client.get(url))
    assert "Delete this entry?" in page and "It can't be brought back." in page and "Gratitude on Monday 15 June" in page
    assert f'method="post" action="{url}"' in page and 'name="ask"' not in page
    assert f'href="/journal/{mine.pk}/">Keep it' in page
    assert "Words to keep." not in page, "the question doesn't repeat what was written"
    for other, write in ((signed_in(bob_shared), 403), (client_for(charlie), 404)):
        assert other.get(url).status_code == 404, "only the owner is asked"
        assert other.post(url, {"ask": "1"}).status_code == write
    assert client.post(url)["Location"] == "/journal/"
    assert not JournalEntry.objects.filter(pk=mine.pk).exists()
