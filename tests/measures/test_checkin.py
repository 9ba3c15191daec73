"""The daily check-in: three taps, routed as UX.md Safety says, never seen by anyone else."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest

from rebond.measures import selectors, services
from rebond.measures.models import DailyCheckin
from tests.conftest import client_for, html, make_user

pytestmark = pytest.mark.django_db


def test_three_taps_on_today(alice: Any) -> None:
    client = client_for(alice)
    today_page = client.get("/").content.decode()
    assert "How are you feeling today?" in today_page and "Do you feel safe right now?" in today_page
    response = client.post("/measures/checkin/", {"mood": "4", "safety": "safe"})
    assert response.status_code == 302 and response["Location"] == "/"
    saved = DailyCheckin.objects.get(user=alice)
    assert (saved.mood, saved.safety, saved.about, saved.note) == (4, "safe", "", "")
    assert saved.date == selectors.user_today(alice)
    after = client.get("/").content.decode()
    assert "You checked in today: Good" in after and "How are you feeling today?" not in after


def test_saving_again_the_same_day_replaces_it(alice: Any) -> None:
    client = client_for(alice)
    client.post("/measures/checkin/", {"mood": "2", "safety": "safe", "note": "tired"})
    client.post("/measures/checkin/", {"mood": "3", "safety": "safe", "note": "better now"})
    saved = DailyCheckin.objects.get(user=alice)
    assert saved.mood == 3 and saved.note == "better now"


def test_a_safe_answer_missing_its_mood_is_named_and_nothing_lost(alice: Any) -> None:
    response = client_for(alice).post("/measures/checkin/", {"safety": "safe", "note": "keep me"})
    page = html(response)
    assert response.status_code == 422
    assert "Pick how you feel, from 1 (very low) to 5 (very good)." in page
    assert 'value="keep me"' in page
    assert not DailyCheckin.objects.exists()


@pytest.mark.parametrize("safety", ["not_safe", "not_sure"])
def test_an_unsafe_answer_is_never_sent_back(alice: Any, safety: str) -> None:
    """UX.md Safety: with no mood and no "about", the answer is still saved and leads straight to help for both
    kinds, crisis lines first, then domestic-violence help and device tips."""
    client = client_for(alice)
    response = client.post("/measures/checkin/", {"safety": safety, "note": "keep me"})
    assert response.status_code == 302 and response["Location"] == "/measures/checkin/help/"
    saved = DailyCheckin.objects.get(user=alice)
    assert (saved.mood, saved.safety, saved.about, saved.note) == (None, safety, "", "keep me")
    assert selectors.unsafe_today(user=alice, today=selectors.user_today(alice))
    page = html(client.get("/measures/checkin/help/"))
    assert "Your answer is saved" in page and "Pick how you feel" not in page
    assert page.index("116 123") < page.index("0808 2000 247")  # Samaritans before Refuge (alice is in GB)
    assert "location sharing" in page and "Change today's check-in" in page
    assert "Questionnaires and practices can wait" in " ".join(html(client.get("/")).split())


def test_an_unsafe_answer_without_a_mood_still_routes_by_who_it_is_about(alice: Any) -> None:
    client = client_for(alice)
    mine = client.post("/measures/checkin/", {"safety": "not_safe", "about": "myself"})
    assert mine["Location"] == "/help/" and DailyCheckin.objects.get().mood is None
    someone = client.post("/measures/checkin/", {"safety": "not_sure", "about": "someone"})
    assert someone["Location"] == "/measures/checkin/help/"
    page = html(client.get("/measures/checkin/help/"))
    assert "You deserve to be safe" in page and "Your answer is saved" not in page


def test_an_unsafe_answer_says_what_it_could_not_keep(alice: Any) -> None:
    client = client_for(alice)
    response = client.post("/measures/checkin/", {"mood": "9", "safety": "not_safe", "about": "myself"},
                           follow=True)
    assert response.redirect_chain[-1][0] == "/help/"
    assert "Your mood wasn't saved, because it needs to be a number from 1 to 5" in html(response)
    assert DailyCheckin.objects.get().mood is None


def test_a_day_without_a_mood_is_listed_but_not_charted(alice: Any) -> None:
    today = selectors.user_today(alice)
    services.checkin_save(user=alice, on=today - timedelta(days=1), mood=4, safety="safe")
    services.checkin_save(user=alice, on=today, mood=None, safety="not_sure")
    page = html(client_for(alice).get("/measures/mood/"))
    assert "No mood given" in page and "Good (4)" in page
    assert page.count('class="dot"') == 1
    assert f"/measures/checkin/{today.isoformat()}/delete/" in page


def test_not_safe_about_myself_goes_to_crisis_lines(alice: Any) -> None:
    client = client_for(alice)
    for safety in ("not_safe", "not_sure"):
        response = client.post("/measures/checkin/", {"mood": "1", "safety": safety, "about": "myself"})
        assert response.status_code == 302 and response["Location"] == "/help/"


def test_someone_hurting_me_goes_to_dv_help_and_device_tips(alice: Any) -> None:
    client = client_for(alice)
    response = client.post("/measures/checkin/", {"mood": "2", "safety": "not_safe", "about": "someone"})
    assert response["Location"] == "/measures/checkin/help/"
    html = client.get("/measures/checkin/help/").content.decode()
    assert "You deserve to be safe" in html and "Quick exit" in html and "location sharing" in html
    assert "999" in html and "0808 2000 247" in html and "TextLine(" not in html  # alice is in GB


def test_unsafe_day_hides_questionnaires(alice: Any) -> None:
    services.schedule_set(user=alice, instrument_id="phq9", every_days=14)
    client = client_for(alice)
    assert "A questionnaire is ready" in client.get("/").content.decode()
    client.post("/measures/checkin/", {"mood": "1", "safety": "not_sure", "about": "myself"})
    today = selectors.user_today(alice)
    assert selectors.unsafe_today(user=alice, today=today)
    assert not selectors.unsafe_today(user=alice, today=today - timedelta(days=1))
    home = client.get("/").content.decode()
    assert "A questionnaire is ready" not in home and "Questionnaires and practices can wait" in home
    measures = client.get("/measures/").content.decode()
    assert "/measures/phq9/take/" not in measures
    gate = client.get("/measures/phq9/take/").content.decode()
    assert "<fieldset" not in gate and "This can wait" in gate
    client.post("/measures/checkin/", {"mood": "3", "safety": "safe"})
    assert not selectors.unsafe_today(user=alice, today=today)


def test_note_goes_through_the_guard(alice: Any) -> None:
    response = client_for(alice).post("/measures/checkin/",
                                      {"mood": "2", "safety": "safe", "note": "I want to kill myself"})
    assert response.status_code == 200
    assert "It sounds like a lot is going on" in response.content.decode()
    assert DailyCheckin.objects.get(user=alice).note == "I want to kill myself"


def test_note_is_encrypted_at_rest(alice: Any) -> None:
    from django.db import connection

    services.checkin_save(user=alice, on=selectors.user_today(alice), mood=3, safety="safe",
                          note="a quiet walk by the canal")
    with connection.cursor() as cursor:
        cursor.execute("SELECT note FROM measures_dailycheckin")
        (raw,) = cursor.fetchone()
    assert "canal" not in raw


def test_api_checkins(api_as: Any, alice: Any, bob: Any, charlie: Any) -> None:
    api = api_as(alice)
    today = selectors.user_today(alice)
    created = api.post("/checkins", {"mood": 4, "safety": "safe", "note": "ok"})
    assert created.status_code == 201
    body = created.json()
    assert body["date"] == today.isoformat() and body["next"] is None
    assert body["crisis"]["detected"] is False
    again = api.put(f"/checkins/{today.isoformat()}", {"mood": 2, "safety": "not_safe", "about": "myself"})
    assert again.status_code == 200 and again.json()["next"]["kind"] == "crisis_lines"
    dv = api.put(f"/checkins/{(today - timedelta(days=1)).isoformat()}",
                 {"mood": 2, "safety": "not_sure", "about": "someone"})
    assert dv.status_code == 201 and dv.json()["next"]["kind"] == "dv_help"
    assert dv.json()["next"]["device_tips"]
    future = api.put(f"/checkins/{(today + timedelta(days=2)).isoformat()}", {"mood": 3, "safety": "safe"})
    assert future.status_code == 422 and future.json()["detail"][0]["loc"] == ["body", "date"]
    assert api.post("/checkins", {"mood": 6, "safety": "safe"}).status_code == 422
    assert api.post("/checkins", {"mood": 3, "safety": "fine"}).status_code == 422
    assert api.post("/checkins", {"mood": 3, "safety": "safe", "note": "x" * 5001}).status_code == 422
    listed = api.get("/checkins").json()
    assert listed["count"] == 2 and listed["items"][0]["date"] == today.isoformat()
    for other in (bob, charlie):
        other_api = api_as(other)
        assert other_api.get("/checkins").json()["count"] == 0
        assert other_api.get(f"/checkins/{today.isoformat()}").status_code == 404
        assert other_api.delete(f"/checkins/{today.isoformat()}").status_code == 404
    assert api.get(f"/checkins/{today.isoformat()}").json()["safety"] == "not_safe"
    assert api.delete(f"/checkins/{today.isoformat()}").status_code == 204
    assert DailyCheckin.objects.filter(user=alice).count() == 1


def test_api_unsafe_answer_without_mood_or_about_still_saves_with_help(api_as: Any, alice: Any) -> None:
    api = api_as(alice)
    response = api.post("/checkins", {"safety": "not_safe"})
    assert response.status_code == 201, response.content
    body = response.json()
    assert (body["mood"], body["mood_label"], body["about"], body["left_out"]) == (None, None, None, {})
    help_ = body["next"]
    assert help_["kind"] == "crisis_and_dv_help" and help_["url"] == "/measures/checkin/help/"
    assert help_["device_tips"] and help_["emergency_number"] == "999"
    kinds = [line["kind"] for line in help_["resources"]]
    assert kinds.index("crisis") < kinds.index("dv")
    assert DailyCheckin.objects.get(user=alice).safety == "not_safe"


@pytest.mark.parametrize(("sent", "left_out"), [
    ({"mood": 9}, "mood"), ({"mood": "low"}, "mood"), ({"mood": 2, "note": "x" * 5001}, "note"),
    ({"mood": 2, "note": 7}, "note"),
])
def test_api_unsafe_answer_keeps_what_it_can(api_as: Any, alice: Any, sent: dict[str, Any], left_out: str) -> None:
    response = api_as(alice).post("/checkins", {"safety": "not_sure", "about": "myself", **sent})
    assert response.status_code == 201
    body = response.json()
    assert list(body["left_out"]) == [left_out] and "wasn't saved" in body["left_out"][left_out]
    assert body["next"]["kind"] == "crisis_lines"
    saved = DailyCheckin.objects.get(user=alice)
    assert saved.safety == "not_sure" and saved.note == ""
    assert saved.mood == (None if left_out == "mood" else 2)


@pytest.mark.parametrize(("sent", "loc", "words"), [
    ({}, "mood", "Pick how you feel, from 1 (very low) to 5 (very good)."),
    ({"mood": "4"}, "mood", "Pick how you feel, from 1 (very low) to 5 (very good)."),
    ({"mood": 4, "note": "x" * 5001}, "note", "Please keep this to 5,000 characters."),
])
def test_api_safe_answer_problems_are_plain_words(api_as: Any, alice: Any, sent: dict[str, Any], loc: str,
                                                  words: str) -> None:
    response = api_as(alice).post("/checkins", {"safety": "safe", **sent})
    assert response.status_code == 422
    assert response.json()["detail"] == [{"loc": ["body", loc], "msg": words}]
    assert not DailyCheckin.objects.exists()


def test_api_note_crisis_payload(api_as: Any, alice: Any) -> None:
    body = api_as(alice).post("/checkins", {"mood": 1, "safety": "safe", "note": "I want to end my life"}).json()
    assert body["crisis"]["detected"] is True and body["crisis"]["resources"]
    assert "end my life" not in str(body["crisis"])


def test_date_is_the_persons_own_day(db: None) -> None:
    from datetime import UTC, datetime

    import time_machine

    tokyo = make_user("kenji", time_zone="Asia/Tokyo")
    # 20:00 UTC on 1 March is already 2 March in Tokyo.
    with time_machine.travel(datetime(2026, 3, 1, 20, 0, tzinfo=UTC), tick=False):
        client_for(tokyo).post("/measures/checkin/", {"mood": "3", "safety": "safe"})
    assert DailyCheckin.objects.get(user=tokyo).date.isoformat() == "2026-03-02"


def test_measures_due_selector_for_the_calendar(alice: Any, bob: Any) -> None:
    today = selectors.user_today(alice)
    services.schedule_set(user=alice, instrument_id="phq9", every_days=14, starts_on=today)
    services.response_create(user=alice, instrument_id="phq9", answers=[0] * 9)
    due = selectors.measures_due(user=alice, start=today, end=today + timedelta(days=30))
    assert [d.on for d in due] == [today + timedelta(days=14), today + timedelta(days=28)]
    assert due[0].path == "/measures/phq9/take/" and due[0].neutral_title == "Check-in"
    assert selectors.measures_due(user=bob, start=today, end=today + timedelta(days=30)) == []
