"""Today's one suggested practice, from the data the installed apps hold, with its reason."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest
from django.apps import apps

from rebond.domain import suggest_practice
from rebond.practice import content, panels, services
from tests.conftest import TODAY, client_for, signed_in

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("frozen_day")]




def today_page(user: Any) -> str:
    response = client_for(user).get("/")
    assert response.status_code == 200
    return str(response.content.decode()).replace("&#x27;", "'")


def test_a_quiet_default_with_its_reason(alice: Any) -> None:
    page = today_page(alice)
    assert "A practice for today" in page
    assert "/practice/paced-breathing/" in page
    assert "Practising on a calm day makes it easier to use on a hard one." in page


def test_own_high_distress_after_a_practice_suggests_grounding(alice: Any) -> None:
    services.session_create(user=alice, exercise="safe-place", distress_before=8, distress_after=9)
    page = today_page(alice)
    assert "/practice/grounding-5-4-3-2-1/" in page and "Grounding can help" in page
    assert suggest_practice.REASONS[suggest_practice.HARD_PRACTICE] in page
    assert "check-in" not in page.split("A practice for today")[1].split("</section>")[0], (
        "the reason says what happened: a practice, not a check-in")


def test_signed_out_and_other_people_get_no_panel_from_alices_data(alice: Any, charlie: Any) -> None:
    services.session_create(user=alice, exercise="safe-place", distress_before=8, distress_after=9)
    assert "/practice/grounding-5-4-3-2-1/" not in today_page(charlie)


needs_measures = pytest.mark.skipif(not apps.is_installed("rebond.measures"), reason="measures app not installed")
needs_promises = pytest.mark.skipif(not apps.is_installed("rebond.promises"), reason="promises app not installed")
needs_boundaries = pytest.mark.skipif(not apps.is_installed("rebond.boundaries"), reason="boundaries app not installed")


@needs_measures
@pytest.mark.parametrize("mood, expected", [(1, True), (2, True), (3, False), (5, False)])
def test_a_low_mood_check_in_suggests_grounding(alice: Any, mood: int, expected: bool) -> None:
    from rebond.measures.models import DailyCheckin

    DailyCheckin.objects.create(user=alice, date=TODAY - timedelta(days=1), mood=mood, safety="safe")
    page = today_page(alice)
    assert ("/practice/grounding-5-4-3-2-1/" in page) == expected
    assert (suggest_practice.REASONS[suggest_practice.HARD_CHECKIN] in page) == expected


@needs_measures
def test_a_low_check_in_and_a_hard_practice_are_both_named(alice: Any) -> None:
    from rebond.measures.models import DailyCheckin

    DailyCheckin.objects.create(user=alice, date=TODAY, mood=1, safety="safe")
    services.session_create(user=alice, exercise="safe-place", distress_before=8, distress_after=8)
    assert panels.suggestion_for(alice, TODAY)["reason"] == suggest_practice.REASONS[suggest_practice.HARD_BOTH]


@needs_measures
def test_an_unsafe_day_shows_no_practice(alice: Any) -> None:
    from rebond.measures.models import DailyCheckin

    DailyCheckin.objects.create(user=alice, date=TODAY, mood=1, safety="not_safe", about="myself")
    assert "A practice for today" not in today_page(alice)


@needs_promises
def test_a_missed_promise_suggests_the_self_compassion_break(alice: Any, charlie: Any) -> None:
    from rebond.promises.models import CheckIn, Promise

    promise = Promise.objects.create(user=alice, text="Walk", rrule="FREQ=DAILY", starts_on=TODAY - timedelta(days=9))
    CheckIn.objects.create(user=alice, promise=promise, on=TODAY - timedelta(days=1), outcome="missed")
    page = today_page(alice)
    assert "/practice/self-compassion-break/" in page and "A promise didn't happen lately" in page
    assert "/practice/self-compassion-break/" not in today_page(charlie)


@needs_promises
def test_an_old_miss_is_not_brought_up_again(alice: Any) -> None:
    from rebond.promises.models import CheckIn, Promise

    promise = Promise.objects.create(user=alice, text="Walk", rrule="FREQ=DAILY", starts_on=TODAY - timedelta(days=30))
    CheckIn.objects.create(user=alice, promise=promise, on=TODAY - timedelta(days=10), outcome="missed")
    assert "/practice/paced-breathing/" in today_page(alice)


def _boundary(user: Any, person: Any = None) -> Any:
    from rebond.boundaries.models import Boundary

    return Boundary.objects.create(user=user, what="No calls after ten at night", person=person)


@needs_boundaries
def test_a_crossed_boundary_suggests_the_script_builder(alice: Any) -> None:
    from rebond.boundaries.models import BoundaryLog

    boundary = _boundary(alice)
    BoundaryLog.objects.create(user=alice, boundary=boundary, on=TODAY - timedelta(days=1), outcome="crossed")
    facts, url = panels.facts_for(alice, TODAY)
    assert facts.boundary_crossed and url
    page = today_page(alice)
    assert "A boundary was crossed lately" in page and f'href="{url}"' in page
    # Follow the link: it must open the script builder for that very boundary, not just any page.
    followed = client_for(alice).get(url)
    assert followed.status_code == 200
    builder = str(followed.content.decode())
    assert "Script builder" in builder and "No calls after ten at night" in builder
    from rebond.boundaries import content as boundary_content

    for part in boundary_content.parts():
        assert f'name="{part["id"]}"' in builder, f"the script builder asks for {part['id']}"


@needs_boundaries
def test_no_script_suggestion_toward_a_person_who_may_have_hurt_you(alice: Any) -> None:
    from rebond.boundaries.models import BoundaryLog
    from rebond.people.models import Person

    for hurt in ("yes", "not_sure"):
        person = Person.objects.create(user=alice, name="J", hurt=hurt)
        BoundaryLog.objects.create(user=alice, boundary=_boundary(alice, person), on=TODAY, outcome="crossed")
    facts, _ = panels.facts_for(alice, TODAY)
    assert not facts.boundary_crossed
    assert "A boundary was crossed lately" not in today_page(alice)


@needs_boundaries
@needs_measures
def test_distress_comes_before_the_boundary(alice: Any) -> None:
    from rebond.boundaries.models import BoundaryLog
    from rebond.measures.models import DailyCheckin

    BoundaryLog.objects.create(user=alice, boundary=_boundary(alice), on=TODAY, outcome="crossed")
    DailyCheckin.objects.create(user=alice, date=TODAY, mood=1, safety="safe")
    assert "/practice/grounding-5-4-3-2-1/" in today_page(alice)


def test_a_broken_source_never_breaks_today(alice: Any, monkeypatch: Any) -> None:
    def broken(user: Any, today: date) -> bool:
        raise RuntimeError("another app is half-built")

    monkeypatch.setattr(panels, "recent_missed_promise", broken)
    monkeypatch.setattr(panels, "recent_crossed_boundary", broken)
    assert "/practice/paced-breathing/" in today_page(alice)


@needs_promises
def test_a_miss_on_a_promise_held_for_the_safety_plan_suggests_nothing(alice: Any) -> None:
    """Its misses are never misses (promises.services.promise_held), so they bring no 'a promise didn't happen'."""
    from rebond.promises.models import CheckIn, Promise

    held = Promise.objects.create(user=alice, text="No more cutting", rrule="FREQ=DAILY", starts_on=TODAY)
    CheckIn.objects.create(user=alice, promise=held, on=TODAY, outcome="missed")
    assert panels.recent_missed_promise(alice, TODAY) is False
    walk = Promise.objects.create(user=alice, text="Walk", rrule="FREQ=DAILY", starts_on=TODAY)
    CheckIn.objects.create(user=alice, promise=walk, on=TODAY, outcome="missed")
    assert panels.recent_missed_promise(alice, TODAY) is True


def test_missing_apps_add_no_facts(alice: Any, monkeypatch: Any) -> None:
    monkeypatch.setattr(panels, "_installed", lambda name: False)
    assert panels.recent_missed_promise(alice, TODAY) is False
    assert panels.recent_crossed_boundary(alice, TODAY) is None
    assert panels.unsafe_today(alice, TODAY) is False
    assert panels.boundary_script_url(None) is None


@needs_measures
def test_practice_page_puts_help_first_on_an_unsafe_day(alice: Any) -> None:
    from rebond.measures.models import DailyCheckin

    client = client_for(alice)
    services.session_create(user=alice, exercise="safe-place", distress_before=5, distress_after=4)
    calm = client.get("/practice/").content.decode()
    assert "Practices can wait" not in calm and "/practice/body-scan/" in calm
    DailyCheckin.objects.create(user=alice, date=TODAY, mood=2, safety="not_sure", about="myself")
    page = client.get("/practice/").content.decode()
    assert "Practices can wait" in page and "/help/" in page and "/safety-plan/" in page
    assert page.index("/help/\"") < page.index("/practice/grounding-5-4-3-2-1/"), "help first, then grounding"
    others = [e.slug for e in content.exercises() if e.slug != "grounding-5-4-3-2-1"]
    assert not any(f"/practice/{slug}/" in page for slug in others), "UX.md: no practices on an unsafe day"
    assert "Your practice so far" not in page and "/journal/" not in page.split("<main")[1]
    assert 'href="?all=1"' in page
    asked = client.get("/practice/?all=1").content.decode()
    assert "Practices can wait" in asked, "help stays first when the person asks for everything"
    assert all(f"/practice/{slug}/" in asked for slug in others) and "Your practice so far" in asked


@needs_measures
def test_the_unsafe_day_practice_page_is_each_persons_own(alice: Any, bob_shared: Any, charlie: Any) -> None:
    from rebond.measures.models import DailyCheckin

    DailyCheckin.objects.create(user=alice, date=TODAY, mood=1, safety="not_safe", about="myself")
    for other in (signed_in(bob_shared), client_for(charlie)):
        response = other.get("/practice/")
        assert response.status_code == 200 and "Practices can wait" not in response.content.decode()


def _fact_sources(user: Any, day: date) -> dict[str, Any]:
    """One of each recent fact on `day`, as the installed apps record them."""
    made: dict[str, Any] = {"hard practice": lambda: services.session_create(
        user=user, exercise="safe-place", distress_before=8, distress_after=9, on=day)}
    if apps.is_installed("rebond.measures"):
        from rebond.measures.models import DailyCheckin

        made["hard check-in"] = lambda: DailyCheckin.objects.create(user=user, date=day, mood=1, safety="safe")
    if apps.is_installed("rebond.promises"):
        from rebond.promises.models import CheckIn, Promise

        def missed() -> Any:
            promise = Promise.objects.create(user=user, text="Walk", rrule="FREQ=DAILY", starts_on=day)
            return CheckIn.objects.create(user=user, promise=promise, on=day, outcome="missed")

        made["missed promise"] = missed
    if apps.is_installed("rebond.boundaries"):
        from rebond.boundaries.models import BoundaryLog

        made["crossed boundary"] = lambda: BoundaryLog.objects.create(
            user=user, boundary=_boundary(user), on=day, outcome="crossed")
    return made


CHECKS = {"hard practice": panels.recent_hard_practice, "hard check-in": panels.recent_hard_checkin,
          "missed promise": panels.recent_missed_promise, "crossed boundary": panels.recent_crossed_boundary}


@pytest.mark.parametrize("days_ago, recent", [(0, True), (2, True), (3, False)])
def test_every_fact_counts_for_the_same_three_days(alice: Any, days_ago: int, recent: bool) -> None:
    """A miss was "lately" for four days while a hard day was for three: one window now, in the pure module."""
    assert suggest_practice.RECENT_DAYS == 3
    day = TODAY - timedelta(days=days_ago)
    sources = _fact_sources(alice, day)
    assert len(sources) == 4, "every app is installed here, so every fact is checked"
    for name, make in sources.items():
        make()
        assert bool(CHECKS[name](alice, TODAY)) is recent, f"{name} {days_ago} days ago"
