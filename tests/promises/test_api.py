"""The promise, check-in, self-trust and victory endpoints of ARCHITECTURE.md, walked with alice, bob and charlie."""

from __future__ import annotations

import threading
from datetime import date, timedelta
from typing import Any

import pytest
import time_machine
from django.db import connection

from rebond.promises.models import CheckIn, Promise
from tests.conftest import NOW, TODAY

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("frozen_day")]




def make(api: Any, **over: Any) -> Any:
    body = {"text": "Walk for ten minutes", "size": "small", "rrule": "FREQ=DAILY",
            "starts_on": (TODAY - timedelta(days=10)).isoformat(), "why": "It helps my mood"}
    body.update(over)
    return api.post("/promises", body)


def locs(response: Any) -> list[list[Any]]:
    return [item["loc"] for item in response.json()["detail"]]


def test_create_list_get_patch_archive(api_as: Any, alice: Any) -> None:
    api = api_as(alice)
    created = make(api)
    assert created.status_code == 201, created.content
    body = created.json()
    assert body["text"] == "Walk for ten minutes" and body["size"] == "small" and body["rrule"] == "FREQ=DAILY"
    assert body["crisis"]["detected"] is False and body["crisis"]["resources"] == []
    assert body["frequency"] == 1.0 and body["schedule"] == "every day"
    pid = body["id"]
    listed = api.get("/promises").json()
    assert listed["count"] == 1 and [p["id"] for p in listed["items"]] == [pid]
    assert api.get(f"/promises/{pid}").json()["why"] == "It helps my mood"
    patched = api.call("patch", f"/promises/{pid}", {"size": "tiny", "text": "Walk for five minutes"})
    assert patched.status_code == 200
    assert patched.json()["size"] == "tiny" and patched.json()["text"] == "Walk for five minutes"
    assert "crisis" in patched.json()
    archived = api.post(f"/promises/{pid}/archive")
    assert archived.status_code == 200 and archived.json()["archived"] is True
    assert api.get("/promises").json()["count"] == 0
    assert api.get("/promises?archived=true").json()["count"] == 1


def test_list_is_paginated(api_as: Any, alice: Any) -> None:
    api = api_as(alice)
    for i in range(5):
        make(api, text=f"Promise {i}")
    page = api.get("/promises?limit=2&offset=2").json()
    assert page["count"] == 5 and [p["text"] for p in page["items"]] == ["Promise 2", "Promise 3"]


def test_one_off_promise(api_as: Any, alice: Any) -> None:
    api = api_as(alice)
    pid = make(api, rrule=None, starts_on=TODAY.isoformat()).json()["id"]
    assert api.put(f"/promises/{pid}/checkins/{TODAY}", {"outcome": "kept"}).status_code == 201
    yesterday = TODAY - timedelta(days=1)
    assert api.put(f"/promises/{pid}/checkins/{yesterday}", {"outcome": "kept"}).status_code == 422


def test_checkin_is_idempotent_per_day(api_as: Any, alice: Any) -> None:
    api = api_as(alice)
    pid = make(api).json()["id"]
    first = api.put(f"/promises/{pid}/checkins/{TODAY}", {"outcome": "missed", "note": "long day"})
    assert first.status_code == 201, first.content
    assert first.json()["crisis"]["detected"] is False
    again = api.put(f"/promises/{pid}/checkins/{TODAY}", {"outcome": "kept"})
    assert again.status_code == 200
    assert again.json()["outcome"] == "kept"
    assert again.json()["history"][0]["outcome"] == "missed", "the earlier outcome stays in the entry's history"
    same = api.put(f"/promises/{pid}/checkins/{TODAY}", {"outcome": "kept"})
    assert same.status_code == 200
    assert CheckIn.objects.filter(promise_id=pid).count() == 1
    assert api.get(f"/promises/{pid}/checkins").json()["count"] == 1
    assert api.get(f"/promises/{pid}/checkins/{TODAY}").json()["note"] == "long day"


@pytest.mark.django_db(transaction=True)
def test_double_submitted_checkin_leaves_one_row(api_as: Any, alice: Any) -> None:
    api = api_as(alice)
    pid = make(api).json()["id"]
    statuses: list[int] = []
    errors: list[BaseException] = []

    def submit() -> None:
        from tests.conftest import Api, token_for

        try:
            with time_machine.travel(NOW, tick=False):
                response = Api(token_for(alice)).put(f"/promises/{pid}/checkins/{TODAY}", {"outcome": "kept"})
                statuses.append(response.status_code)
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=submit) for _ in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors, errors
    assert sorted(statuses)[-1] in {200, 201} and statuses.count(201) <= 1
    assert CheckIn.objects.filter(promise_id=pid, on=TODAY).count() == 1


def test_partial_renegotiated_excused(api_as: Any, alice: Any) -> None:
    api = api_as(alice)
    pid = make(api).json()["id"]
    d = [TODAY - timedelta(days=i) for i in range(4)]
    assert api.put(f"/promises/{pid}/checkins/{d[1]}", {"outcome": "partial", "value": 0.25}).json()["value"] == 0.25
    assert api.put(f"/promises/{pid}/checkins/{d[0]}", {"outcome": "renegotiated"}).status_code == 201
    ex = api.put(f"/promises/{pid}/checkins/{d[2]}", {"outcome": "excused", "reason": "illness"})
    assert ex.json()["reason"] == "illness"
    assert api.put(f"/promises/{pid}/checkins/{d[3]}", {"outcome": "excused"}).json()["reason"] == "pause"


def test_bad_input_names_the_field(api_as: Any, alice: Any) -> None:
    api = api_as(alice)
    bad_rule = make(api, rrule="FREQ=SOMETIMES")
    assert bad_rule.status_code == 422 and ["body", "rrule"] in locs(bad_rule)
    assert make(api, rrule="FREQ=HOURLY").status_code == 422
    assert ["body", "text"] in locs(make(api, text="  "))
    assert ["body", "text"] in locs(make(api, text="x" * 5001))
    assert ["body", "ends_on"] in locs(make(api, ends_on=(TODAY - timedelta(days=20)).isoformat()))
    assert make(api, size="huge").status_code == 422
    pid = make(api).json()["id"]
    before = TODAY - timedelta(days=11)
    too_early = api.put(f"/promises/{pid}/checkins/{before}", {"outcome": "kept"})
    assert too_early.status_code == 422 and locs(too_early) == [["path", "on"]], "the day is in the address"
    future = api.put(f"/promises/{pid}/checkins/{TODAY + timedelta(days=1)}", {"outcome": "kept"})
    assert future.status_code == 422 and locs(future) == [["path", "on"]]
    assert "future" in future.json()["detail"][0]["msg"]
    for value in (1.5, -0.1):
        out = api.put(f"/promises/{pid}/checkins/{TODAY}", {"outcome": "partial", "value": value})
        assert out.status_code == 422 and ["body", "value"] in locs(out)
    missing = api.put(f"/promises/{pid}/checkins/{TODAY}", {"outcome": "partial"})
    assert ["body", "value"] in locs(missing)
    assert api.put(f"/promises/{pid}/checkins/{TODAY}", {"outcome": "maybe"}).status_code == 422
    assert api.put(f"/promises/{pid}/checkins/not-a-day", {"outcome": "kept"}).status_code == 422
    assert CheckIn.objects.count() == 0


def test_not_due_day_is_refused(api_as: Any, alice: Any) -> None:
    api = api_as(alice)
    pid = make(api, rrule="FREQ=WEEKLY;BYDAY=MO").json()["id"]
    sunday = TODAY - timedelta(days=1)
    assert api.put(f"/promises/{pid}/checkins/{sunday}", {"outcome": "kept"}).status_code == 422
    assert api.put(f"/promises/{pid}/checkins/{TODAY}", {"outcome": "kept"}).status_code == 201


def test_safety_promise_is_offered_the_safety_plan(api_as: Any, alice: Any) -> None:
    api = api_as(alice)
    response = make(api, text="I won't hurt myself this week")
    assert response.status_code == 422
    body = response.json()
    assert ["body", "text"] in locs(response)
    assert body["safety_plan"] == "/safety-plan/"
    assert "crisis" in body
    assert Promise.objects.count() == 0


def test_crisis_words_are_saved_and_answered(api_as: Any, alice: Any) -> None:
    api = api_as(alice)
    created = make(api, why="some days I want to die")
    assert created.status_code == 201
    assert created.json()["crisis"]["detected"] is True
    assert created.json()["crisis"]["resources"], "crisis lines come back beside the saved promise"
    pid = created.json()["id"]
    note = api.put(f"/promises/{pid}/checkins/{TODAY}", {"outcome": "missed", "note": "I want to kill myself"})
    assert note.status_code == 201 and note.json()["crisis"]["detected"] is True
    win = api.post("/victories", {"text": "Got out of bed"})
    assert win.status_code == 201 and win.json()["crisis"]["detected"] is False


def test_self_trust(api_as: Any, alice: Any) -> None:
    api = api_as(alice)
    empty = api.get("/self-trust").json()
    assert empty["status"] == "not_enough_evidence" and empty["estimate"] == pytest.approx(0.5)
    assert set(empty) >= {"estimate", "uncertainty", "low", "high", "status"}
    pid = make(api, starts_on=(TODAY - timedelta(days=6)).isoformat()).json()["id"]
    for i in range(7):  # S3 of trust-model.md: 7 daily kept
        api.put(f"/promises/{pid}/checkins/{TODAY - timedelta(days=6 - i)}", {"outcome": "kept"})
    got = api.get(f"/self-trust?on={TODAY}").json()
    assert got["estimate"] == pytest.approx(0.883, abs=5e-4)
    assert got["uncertainty"] == pytest.approx(0.234, abs=5e-4)
    assert got["low"] == pytest.approx(0.737, abs=5e-4) and got["high"] == pytest.approx(0.986, abs=5e-4)
    assert got["status"] == "early"
    # excused and renegotiated add no evidence (the model's excused)
    pid2 = make(api, text="Read", starts_on=TODAY.isoformat()).json()["id"]
    api.put(f"/promises/{pid2}/checkins/{TODAY}", {"outcome": "renegotiated"})
    assert api.get(f"/self-trust?on={TODAY}").json()["estimate"] == pytest.approx(got["estimate"])
    earlier = api.get(f"/self-trust?on={TODAY - timedelta(days=6)}").json()
    assert earlier["status"] == "not_enough_evidence"
    assert api.get("/self-trust?on=yesterday").status_code == 422


def test_weekly_promise_uses_frequency_scaling(api_as: Any, alice: Any) -> None:
    """S10a of trust-model.md: a weekly commitment kept 12 times (days 1…78), read on day 85."""
    api = api_as(alice)
    day1 = date(2024, 1, 1)
    with time_machine.travel("2024-03-25 12:00:00+00:00", tick=False):
        pid = make(api, rrule="FREQ=WEEKLY", starts_on=day1.isoformat()).json()["id"]
        for week in range(12):
            assert api.put(f"/promises/{pid}/checkins/{day1 + timedelta(days=7 * week)}",
                           {"outcome": "kept"}).status_code == 201
        got = api.get("/self-trust?on=2024-03-25").json()
    assert got["estimate"] == pytest.approx(0.902, abs=5e-4)
    assert got["uncertainty"] == pytest.approx(0.195, abs=5e-4)


def test_pause_a_range(api_as: Any, alice: Any) -> None:
    api = api_as(alice)
    pid = make(api).json()["id"]
    api.put(f"/promises/{pid}/checkins/{TODAY - timedelta(days=2)}", {"outcome": "kept"})
    paused = api.post(f"/promises/{pid}/pause", {"first": str(TODAY - timedelta(days=3)),
                                                 "last": str(TODAY + timedelta(days=3)), "reason": "holiday"})
    assert paused.status_code == 200 and paused.json() == {"paused": 6}
    rows = CheckIn.objects.filter(promise_id=pid)
    assert rows.filter(outcome="excused", reason="holiday").count() == 6
    assert rows.get(on=TODAY - timedelta(days=2)).outcome == "kept", "a day already checked in keeps its outcome"
    backwards = api.post(f"/promises/{pid}/pause", {"first": str(TODAY), "last": str(TODAY - timedelta(days=1))})
    assert ["body", "last"] in locs(backwards)


def test_victories(api_as: Any, alice: Any) -> None:
    api = api_as(alice)
    pid = make(api).json()["id"]
    api.put(f"/promises/{pid}/checkins/{TODAY - timedelta(days=1)}", {"outcome": "kept"})
    api.put(f"/promises/{pid}/checkins/{TODAY - timedelta(days=2)}", {"outcome": "missed"})
    own = api.post("/victories", {"text": "Asked for help", "on": str(TODAY)})
    assert own.status_code == 201
    jar = api.get("/victories").json()
    assert jar["count"] == 2
    assert [(v["source"], v["text"]) for v in jar["items"]] == [("own", "Asked for help"),
                                                               ("promise", "Walk for ten minutes")]
    assert api.post("/victories", {"text": "later", "on": str(TODAY + timedelta(days=1))}).status_code == 422
    assert api.delete(f"/victories/{own.json()['id']}").status_code == 204
    assert api.get("/victories").json()["count"] == 1


def test_delete_checkin(api_as: Any, alice: Any) -> None:
    api = api_as(alice)
    pid = make(api).json()["id"]
    api.put(f"/promises/{pid}/checkins/{TODAY}", {"outcome": "kept"})
    assert api.delete(f"/promises/{pid}/checkins/{TODAY}").status_code == 204
    assert api.get(f"/promises/{pid}/checkins/{TODAY}").status_code == 404


def test_no_token_is_401(api_as: Any, alice: Any) -> None:
    anon = api_as(None)
    assert anon.get("/promises").status_code == 401
    assert anon.get("/self-trust").status_code == 401
    assert anon.post("/promises", {"text": "x", "starts_on": str(TODAY)}).status_code == 401


@pytest.mark.parametrize("persona", ["bob", "charlie"])
def test_others_get_404_for_every_endpoint(api_as: Any, alice: Any, persona: str, request: Any) -> None:
    owner = api_as(alice)
    pid = make(owner).json()["id"]
    owner.put(f"/promises/{pid}/checkins/{TODAY}", {"outcome": "kept"})
    win = owner.post("/victories", {"text": "mine"}).json()["id"]
    other = api_as(request.getfixturevalue(persona))
    assert other.get(f"/promises/{pid}").status_code == 404
    assert other.call("patch", f"/promises/{pid}", {"size": "tiny"}).status_code == 404
    assert other.post(f"/promises/{pid}/archive").status_code == 404
    assert other.get(f"/promises/{pid}/checkins").status_code == 404
    assert other.get(f"/promises/{pid}/checkins/{TODAY}").status_code == 404
    assert other.put(f"/promises/{pid}/checkins/{TODAY}", {"outcome": "missed"}).status_code == 404
    assert other.delete(f"/promises/{pid}/checkins/{TODAY}").status_code == 404
    assert other.post(f"/promises/{pid}/pause", {"first": str(TODAY), "last": str(TODAY)}).status_code == 404
    assert other.delete(f"/victories/{win}").status_code == 404
    assert other.get("/promises").json() == {"items": [], "count": 0}
    assert other.get("/victories").json() == {"items": [], "count": 0}
    assert other.get("/self-trust").json()["status"] == "not_enough_evidence"
    assert CheckIn.objects.get(promise_id=pid).outcome == "kept"
    assert Promise.objects.get(pk=pid).size == "small"


def test_calendar_url(api_as: Any, alice: Any) -> None:
    api = api_as(alice)
    first = api.get("/calendar").json()["url"]
    assert first == api.get("/calendar").json()["url"]
    second = api.post("/calendar/regenerate").json()["url"]
    assert second != first and second.endswith(".ics")


def test_openapi_lists_the_contract(api_as: Any, alice: Any) -> None:
    schema = api_as(alice).get("/openapi.json").json()
    for path in ("/api/v1/promises", "/api/v1/promises/{promise_id}/checkins/{on}", "/api/v1/self-trust"):
        assert path in schema["paths"]
