"""Today's one suggested practice, from the data the installed apps hold, with its reason."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest
import time_machine
from django.apps import apps

from rebond.practice import panels, services
from tests.conftest import client_for

pytestmark = pytest.mark.django_db

NOW = "2026-06-15 12:00:00+00:00"
TODAY = date(2026, 6, 15)


@pytest.fixture(autouse=True)
def _frozen() -> Any:
    with time_machine.travel(NOW, tick=False):
        yield


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
    assert ("/practice/grounding-5-4-3-2-1/" in today_page(alice)) == expected


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
    assert "Practices can wait" not in client.get("/practice/").content.decode()
    DailyCheckin.objects.create(user=alice, date=TODAY, mood=2, safety="not_sure", about="myself")
    page = client.get("/practice/").content.decode()
    assert "Practices can wait" in page and "/help/" in page and "/safety-plan/" in page
    assert "/journal/" in page
