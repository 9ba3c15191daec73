"""Practice and Learn pages, walked as alice (owner), bob (clinician) and charlie (stranger), and signed out."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.test import Client

from rebond.practice import content, services
from rebond.practice.models import ExerciseSession
from tests.conftest import TODAY, assert_own_words, client_for, signed_in

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("frozen_day")]




def html(response: Any) -> str:
    return str(response.content.decode()).replace("&#x27;", "'").replace("&quot;", '"')


def assert_csp_clean(page: str) -> None:
    assert not re.search(r"\sstyle\s*=", page), "CSP forbids style= attributes"
    assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", page), "CSP forbids inline scripts"
    assert "<style" not in page


def test_practice_needs_sign_in_but_exercises_and_learn_do_not() -> None:
    anon = Client()
    assert anon.get("/practice/").status_code == 302
    page = anon.get("/practice/grounding-5-4-3-2-1/")
    assert page.status_code == 200
    assert "Sign in" in html(page) and 'name="distress_before"' not in html(page)
    assert anon.get("/learn/").status_code == 200
    assert anon.get("/learn/emdr/").status_code == 200
    posted = anon.post("/practice/grounding-5-4-3-2-1/", {"distress_before": "5"})
    assert posted.status_code == 302 and "/accounts/login/" in posted["Location"]
    assert not ExerciseSession.objects.exists()


@pytest.mark.parametrize("slug", content.exercise_slugs())
def test_every_exercise_works_without_javascript(alice: Any, slug: str) -> None:
    item = content.exercise(slug)
    assert item is not None
    page = html(client_for(alice).get(f"/practice/{slug}/"))
    assert_csp_clean(page)
    assert "Eyes open is fine" in page
    assert "skip" in page.lower() and "stop" in page.lower()
    for step in item.steps:  # every step is on the page as a plain list
        assert step.text in page
    assert page.count('name="distress_before"') == 11 and page.count('name="distress_after"') == 11
    assert "rebond/practice.js" in page and "rebond/practice.css" in page
    if item.pacer:
        assert "pacer-still" in page and "data-phases" in page
        for phase in item.pacer:
            assert f"{phase.label} for {phase.seconds} seconds" in page
        assert "hold" not in " ".join(p.label for p in item.pacer).lower()


def test_unknown_exercise_is_404(alice: Any) -> None:
    assert client_for(alice).get("/practice/no-such-thing/").status_code == 404


def test_a_session_is_logged_with_before_and_after(alice: Any) -> None:
    client = client_for(alice)
    response = client.post("/practice/paced-breathing/", {"distress_before": "6", "distress_after": "3"}, follow=True)
    assert response.status_code == 200
    session = ExerciseSession.objects.get(user=alice)
    assert (session.exercise, session.distress_before, session.distress_after, session.finished) == (
        "paced-breathing", 6, 3, True)
    assert session.on == TODAY
    page = html(response)
    assert "Distress before: 6, after: 3" in page
    assert "Paced breathing" in page


def test_distress_that_rose_is_met_calmly_with_a_steadier_next_step(alice: Any) -> None:
    client = client_for(alice)
    rose = html(client.post("/practice/body-scan/", {"distress_before": "3", "distress_after": "7"}, follow=True))
    assert "Distress before: 3, after: 7. It went up this time. Some practices stir things up" in rose
    assert "5-4-3-2-1 senses with your eyes open" in rose and "Whatever the numbers say" not in rose
    small = html(client.post("/practice/body-scan/", {"distress_before": "3", "distress_after": "5"}, follow=True))
    assert "Whatever the numbers say, you took the time." in small and "It went up" not in small


def test_stopping_early_is_fine_and_after_is_optional(alice: Any) -> None:
    client = client_for(alice)
    client.post("/practice/body-scan/", {"distress_before": "5", "stopped_early": "1"})
    session = ExerciseSession.objects.get(user=alice)
    assert session.distress_after is None and session.finished is False
    page = html(client.get("/practice/"))
    assert "stopped early" in page and "not rated" in page


def test_before_is_needed_and_errors_sit_beside_the_field(alice: Any) -> None:
    client = client_for(alice)
    response = client.post("/practice/safe-place/", {"distress_after": "3"})
    assert response.status_code == 422
    page = html(response)
    assert 'id="distress_before_error"' in page and "Pick a number from 0" in page
    assert 'value="3" checked' in page, "what was chosen is kept"
    assert_own_words(page)
    for bad, words in (({"distress_before": "11"}, "Pick a number from 0 (calm) to 10 (the most distress)."),
                       ({"distress_before": "zzz"}, "Pick a whole number from 0 to 10."),
                       ({"distress_before": "4", "distress_after": "zzz"}, "Pick a whole number from 0 to 10.")):
        response = client.post("/practice/safe-place/", bad)
        assert response.status_code == 422 and words in html(response)
        assert_own_words(html(response))
    assert not ExerciseSession.objects.exists()


@pytest.mark.parametrize("after", [8, 9, 10])
def test_distress_8_or_more_afterwards_offers_help(alice: Any, after: int) -> None:
    client = client_for(alice)
    posted = client.post("/practice/grounding-5-4-3-2-1/", {"distress_before": "7", "distress_after": str(after)})
    session = ExerciseSession.objects.get(user=alice)
    assert posted.status_code == 302 and posted["Location"] == f"/practice/sessions/{session.pk}/help/"
    response = client.get(posted["Location"])
    assert response.status_code == 200
    page = html(response)
    assert "Your practice is saved" in page
    assert "/safety-plan/" in page and "/help/" in page
    assert "tel:" in page, "alice's region (GB) has crisis lines to call"
    assert ExerciseSession.objects.get(user=alice).distress_after == after


def test_reloading_the_help_page_saves_nothing_twice(alice: Any) -> None:
    client = client_for(alice)
    posted = client.post("/practice/safe-place/", {"distress_before": "6", "distress_after": "9"})
    for _ in range(3):  # a reload is a GET of the page it was sent to
        assert "It's still a lot right now" in html(client.get(posted["Location"]))
    assert ExerciseSession.objects.filter(user=alice).count() == 1


def test_the_help_page_is_the_owners_only(alice: Any, bob_shared: Any, charlie: Any) -> None:
    session = services.session_create(user=alice, exercise="safe-place", distress_before=6, distress_after=9)
    url = f"/practice/sessions/{session.pk}/help/"
    assert client_for(alice).get(url).status_code == 200
    for other in (bob_shared, charlie):
        assert signed_in(other).get(url).status_code == 404
    assert client_for(alice).get("/practice/sessions/999999/help/").status_code == 404
    assert Client().get(url).status_code == 302, "signed out: sign in first"
    calm = services.session_create(user=alice, exercise="safe-place", distress_before=6, distress_after=3)
    assert client_for(alice).get(f"/practice/sessions/{calm.pk}/help/")["Location"] == "/practice/"


def test_distress_7_afterwards_goes_back_to_practice(alice: Any) -> None:
    response = client_for(alice).post("/practice/grounding-5-4-3-2-1/", {"distress_before": "9", "distress_after": "7"})
    assert response.status_code == 302 and response["Location"] == "/practice/"


def test_history_and_average_change(alice: Any) -> None:
    for before, after in [(6, 4), (7, 5), (5, 2)]:
        services.session_create(user=alice, exercise="paced-breathing", distress_before=before, distress_after=after)
    page = html(client_for(alice).get("/practice/"))
    assert "Across 3 practices, your distress went down by about 2.3 points on average." in page
    assert page.count("Paced breathing") >= 4  # one card and three rows


def test_history_paginates(alice: Any) -> None:
    for _ in range(25):
        services.session_create(user=alice, exercise="safe-place", distress_before=4, distress_after=3)
    client = client_for(alice)
    assert "Page 1 of 2" in html(client.get("/practice/"))
    assert "Page 2 of 2" in html(client.get("/practice/?page=2"))


def test_first_visit_has_a_calm_empty_state(alice: Any) -> None:
    page = html(client_for(alice).get("/practice/"))
    assert "No practices saved yet" in page
    assert "Rate how you feel before and after" in page


def test_nobody_else_sees_or_deletes_alices_sessions(alice: Any, bob_shared: Any, charlie: Any) -> None:
    """bob_shared is alice's clinician with every scope: sharing never opens her practice pages to him."""
    session = services.session_create(user=alice, exercise="safe-place", distress_before=4, distress_after=2)
    for client in (signed_in(bob_shared), client_for(charlie)):
        listing = client.get("/practice/")
        assert listing.status_code == 200
        assert f"/practice/sessions/{session.pk}/" not in html(listing) and "No practices saved yet" in html(listing)
        assert client.post(f"/practice/sessions/{session.pk}/delete/").status_code == 404
        assert client.get(f"/practice/sessions/{session.pk}/help/").status_code == 404
    assert ExerciseSession.objects.filter(pk=session.pk).exists()
    assert client_for(alice).post(f"/practice/sessions/{session.pk}/delete/").status_code == 302
    assert not ExerciseSession.objects.filter(pk=session.pk).exists()


def test_delete_asks_first_on_its_own_page_without_javascript(alice: Any, bob_shared: Any, charlie: Any) -> None:
    session = services.session_create(user=alice, exercise="safe-place", distress_before=4, distress_after=2)
    client, url = client_for(alice), f"/practice/sessions/{session.pk}/delete/"
    listing = html(client.get("/practice/"))
    form = listing.split(f'action="{url}"')[1].split("</form>")[0]
    assert 'data-confirm="Delete this entry? It can\'t be brought back."' in form  # JavaScript asks in a dialog
    assert '<noscript><input type="hidden" name="ask" value="1"></noscript>' in form
    asked = client.post(url, {"ask": "1"})
    assert asked.status_code == 302 and asked["Location"] == url
    assert ExerciseSession.objects.filter(pk=session.pk).exists(), "one tap without JavaScript deletes nothing"
    page = html(client.get(url))
    assert "Delete this entry?" in page and "It can't be brought back." in page and "A safe, calm place on Monday 15 June" in page
    assert f'method="post" action="{url}"' in page and 'name="ask"' not in page
    assert 'href="/practice/#history">Keep it' in page
    for other in (signed_in(bob_shared), client_for(charlie)):
        assert other.get(url).status_code == 404 and other.post(url, {"ask": "1"}).status_code == 404
    assert client.post(url)["Location"] == "/practice/"
    assert not ExerciseSession.objects.filter(pk=session.pk).exists()


def test_nav_has_practice_and_learn(alice: Any) -> None:
    page = html(client_for(alice).get("/practice/"))
    nav = page.split('aria-label="Main"')[1].split("</nav>")[0]
    assert 'href="/practice/" aria-current="page">Practice' in nav
    assert 'href="/learn/">Learn' in nav


# --- Learn ---------------------------------------------------------------------------------------------------------

def test_learn_index_lists_every_page_with_its_evidence(alice: Any) -> None:
    page = html(Client().get("/learn/"))
    assert_csp_clean(page)
    for item in content.learn_pages():
        assert f"/learn/{item.slug}/" in page
    assert "How to find a therapist" in page and "After a betrayal" in page
    for label, meaning in content.EVIDENCE_WORDS.values():
        assert label in page and meaning in page


@pytest.mark.parametrize("slug", [p.slug for p in content.learn_pages()])
def test_every_learn_page_renders_clean_for_anyone(slug: str, charlie: Any) -> None:
    item = content.learn_page(slug)
    assert item is not None
    for client in (Client(), client_for(charlie)):
        page = html(client.get(f"/learn/{slug}/"))
        assert_csp_clean(page)
        assert f"<h1>{item.title}</h1>" in page.replace("&amp;", "&")
        if item.kind == "approach":
            assert item.evidence_label in page and item.evidence_meaning in page
            assert 'aria-label="How strong the evidence is"' in page
            sources = page.split("Where this comes from")[1]
            assert all(source in sources for source in item.sources) and item.reviewed is not None
            assert f"Last reviewed {item.reviewed.day} {item.reviewed:%B %Y}." in sources
        else:  # advice, not a treatment: no grade that reads like a claim about a therapy
            assert "How strong the evidence is" not in page and "evidence-box" not in page
            assert not any(label in page for label, _ in content.EVIDENCE_WORDS.values())
        assert "This page is not a substitute for care" in page
        assert "<h2>" in page and "---" not in page.split("<main")[1], "front matter stays out of the page"


def test_learn_markdown_is_sanitised() -> None:
    cleaned = content.render_markdown('Hi <script>alert(1)</script> <a href="javascript:x()" onclick="y()">z</a>\n\n'
                                      '<p style="color:red">s</p>')
    assert "<script" not in cleaned and "onclick" not in cleaned and "javascript:" not in cleaned
    assert "style=" not in cleaned


def test_unknown_learn_page_is_404() -> None:
    assert Client().get("/learn/not-a-page/").status_code == 404
