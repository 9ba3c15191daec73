""""Renegotiated" is releasing a promise before it was due (issue 3): today, or a due day up to 30 days ahead.
A day that has passed can't be let go after the fact, since that would quietly take away evidence."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.core.exceptions import ValidationError

from rebond.promises import services
from rebond.promises.models import CheckIn, Promise
from tests.conftest import TODAY, client_for

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("frozen_day")]

YESTERDAY = TODAY - timedelta(days=1)



def daily(user: Any, rule: str = "FREQ=DAILY") -> Promise:
    promise, _ = services.promise_create(user=user, text="Walk", rrule=rule, starts_on=TODAY - timedelta(days=10))
    return promise


def test_today_and_a_coming_day_can_be_let_go(api_as: Any, alice: Any) -> None:
    api = api_as(alice)
    pid = daily(alice).pk
    assert api.put(f"/promises/{pid}/checkins/{TODAY}", {"outcome": "renegotiated"}).status_code == 201
    ahead = TODAY + timedelta(days=services.RENEGOTIATE_DAYS_AHEAD)
    assert api.put(f"/promises/{pid}/checkins/{ahead}", {"outcome": "renegotiated"}).status_code == 201
    too_far = api.put(f"/promises/{pid}/checkins/{ahead + timedelta(days=1)}", {"outcome": "renegotiated"})
    assert too_far.status_code == 422 and too_far.json()["detail"][0]["loc"] == ["path", "on"]
    assert "30 days ahead" in too_far.json()["detail"][0]["msg"]
    # other outcomes are still for today or earlier
    kept_ahead = api.put(f"/promises/{pid}/checkins/{TODAY + timedelta(days=1)}", {"outcome": "kept"})
    assert kept_ahead.status_code == 422 and "future" in kept_ahead.json()["detail"][0]["msg"]


def test_a_coming_day_must_be_due(api_as: Any, alice: Any) -> None:
    pid = daily(alice, "FREQ=WEEKLY;BYDAY=MO").pk
    tuesday = TODAY + timedelta(days=1)
    refused = api_as(alice).put(f"/promises/{pid}/checkins/{tuesday}", {"outcome": "renegotiated"})
    assert refused.status_code == 422 and "isn't due" in refused.json()["detail"][0]["msg"]
    monday = TODAY + timedelta(days=7)
    assert api_as(alice).put(f"/promises/{pid}/checkins/{monday}", {"outcome": "renegotiated"}).status_code == 201


def test_a_past_miss_cant_become_let_go(api_as: Any, alice: Any) -> None:
    api = api_as(alice)
    pid = daily(alice).pk
    assert api.put(f"/promises/{pid}/checkins/{YESTERDAY}", {"outcome": "missed"}).status_code == 201
    refused = api.put(f"/promises/{pid}/checkins/{YESTERDAY}", {"outcome": "renegotiated"})
    assert refused.status_code == 422
    detail = refused.json()["detail"]
    assert detail[0]["loc"] == ["body", "outcome"]
    assert "passed" in detail[0]["msg"] and "kept, partly or not this time" in detail[0]["msg"]
    row = CheckIn.objects.get(promise_id=pid, on=YESTERDAY)
    assert row.outcome == "missed" and row.history == []
    # a past day with nothing recorded can't be let go either
    assert api.put(f"/promises/{pid}/checkins/{TODAY - timedelta(days=2)}", {"outcome": "renegotiated"}).status_code == 422
    assert CheckIn.objects.filter(promise_id=pid).count() == 1


def test_a_day_let_go_in_time_stays_let_go(alice: Any, api_as: Any) -> None:
    """Let go on the day; sending the same answer again later is still the same, idempotent PUT."""
    promise = daily(alice)
    services.checkin_record(user=alice, promise=promise, on=YESTERDAY, outcome="renegotiated", today=YESTERDAY)
    again = api_as(alice).put(f"/promises/{promise.pk}/checkins/{YESTERDAY}", {"outcome": "renegotiated",
                                                                                "note": "it rained"})
    assert again.status_code == 200 and again.json()["note"] == "it rained"
    # and the day can still be changed to what happened
    assert api_as(alice).put(f"/promises/{promise.pk}/checkins/{YESTERDAY}", {"outcome": "kept"}).status_code == 200


def test_the_service_refuses_with_the_field_named(alice: Any) -> None:
    promise = daily(alice)
    with pytest.raises(ValidationError) as info:
        services.checkin_record(user=alice, promise=promise, on=YESTERDAY, outcome="renegotiated")
    assert set(info.value.message_dict) == {"outcome"}
    assert not CheckIn.objects.exists()


def test_let_it_go_on_today_works_on_the_web_and_not_for_a_past_day(alice: Any) -> None:
    promise = daily(alice)
    client = client_for(alice)
    done = client.post(f"/promises/{promise.pk}/checkins/{TODAY}/", {"outcome": "renegotiated", "next": "/"})
    assert done.status_code == 302
    assert CheckIn.objects.get(promise=promise, on=TODAY).outcome == "renegotiated"
    page = client.get("/").content.decode()
    earlier = page.split("Earlier days without a check-in")[1]
    assert "Let it go" not in earlier and ">Kept<" in earlier  # a day that has passed: say how it went
    refused = client.post(f"/promises/{promise.pk}/checkins/{YESTERDAY}/", {"outcome": "renegotiated"})
    assert refused.status_code == 422 and "This day has passed" in refused.content.decode()
    htmx = client.post(f"/promises/{promise.pk}/checkins/{YESTERDAY}/", {"outcome": "renegotiated"},
                       HTTP_HX_REQUEST="true")
    assert htmx.status_code == 200 and "This day has passed" in htmx.content.decode()
    assert not CheckIn.objects.filter(promise=promise, on=YESTERDAY).exists()
