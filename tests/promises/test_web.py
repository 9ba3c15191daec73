"""The promise pages: Today's one-tap cards (htmx and plain form), the miss debrief, the Record page, the evidence jar,
the safety-plan offer and the private calendar feed, walked with alice, bob and charlie."""

from __future__ import annotations

import re
from datetime import timedelta
from typing import Any

import icalendar
import pytest
from django.test import Client

from rebond.promises import services
from rebond.promises.models import CheckIn, Promise, Victory
from rebond.safety import plan as safety_plan
from tests.conftest import TODAY, client_for

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("frozen_day")]




def promise_for(user: Any, text: str = "Walk for ten minutes", rule: str = "FREQ=DAILY", days_ago: int = 10,
                **extra: Any) -> Promise:
    promise, _ = services.promise_create(user=user, text=text, rrule=rule, starts_on=TODAY - timedelta(days=days_ago),
                                         **extra)
    return promise


def signed_in(user: Any) -> Any:
    """A browser session; a clinician turns two-step sign-in on first, as the foundation requires."""
    if user.role == "clinician":
        import pyotp

        from rebond.accounts import twofactor

        secret = twofactor.new_secret()
        twofactor.enable(user=user, secret=secret, code=pyotp.TOTP(secret).now())
    return client_for(user)


def html(response: Any) -> str:
    return str(response.content.decode())


def assert_csp_clean(page: str) -> None:
    assert not re.search(r"\sstyle\s*=", page), "CSP forbids style= attributes"
    assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", page), "CSP forbids inline scripts"
    assert "<style" not in page


def test_today_empty_state(alice: Any) -> None:
    page = html(client_for(alice).get("/"))
    assert "Start with one promise small enough that you&#x27;d keep it on a hard day." in page \
        or "Start with one promise small enough that you'd keep it on a hard day." in page
    assert "/promises/new/" in page


def test_today_shows_due_cards_with_htmx_and_plain_forms(alice: Any) -> None:
    promise = promise_for(alice)
    promise_for(alice, text="Call my sister", rule="FREQ=WEEKLY;BYDAY=SU")  # not due on a Monday
    page = html(client_for(alice).get("/"))
    assert "Walk for ten minutes" in page
    assert page.count('class="card promise-card"') >= 1
    action = f"/promises/{promise.pk}/checkins/{TODAY}/"
    assert f'action="{action}"' in page and f'hx-post="{action}"' in page
    assert 'hx-target="closest .promise-card"' in page
    for label in ("Kept", "Partly", "Not this time", "Let it go"):
        assert f">{label}<" in page
    today_section = page.split("Earlier days")[0]
    assert "Call my sister" not in today_section
    assert_csp_clean(page)
    assert "streak" not in page.lower()


def test_one_tap_with_htmx_swaps_the_card(alice: Any) -> None:
    promise = promise_for(alice)
    client = client_for(alice)
    response = client.post(f"/promises/{promise.pk}/checkins/{TODAY}/", {"outcome": "kept", "value": "0.5"},
                           HTTP_HX_REQUEST="true")
    assert response.status_code == 200
    fragment = html(response)
    assert "<html" not in fragment and 'class="card promise-card"' in fragment
    assert "Kept." in fragment and "evidence" in fragment.lower() or "counts" in fragment.lower()
    assert CheckIn.objects.get(promise=promise, on=TODAY).outcome == "kept"
    assert CheckIn.objects.get(promise=promise, on=TODAY).value is None


def test_one_tap_without_javascript_reloads_today(alice: Any) -> None:
    promise = promise_for(alice)
    client = client_for(alice)
    response = client.post(f"/promises/{promise.pk}/checkins/{TODAY}/", {"outcome": "partial", "value": "0.5",
                                                                          "next": "/"})
    assert response.status_code == 302 and response["Location"] == "/"
    row = CheckIn.objects.get(promise=promise, on=TODAY)
    assert row.outcome == "partial" and row.value == 0.5
    page = html(client.get("/"))
    assert "Partly (50%)." in page
    # a second tap changes the day, leaving one row
    client.post(f"/promises/{promise.pk}/checkins/{TODAY}/", {"outcome": "kept"})
    assert CheckIn.objects.filter(promise=promise).count() == 1
    assert CheckIn.objects.get(promise=promise).outcome == "kept"


def test_outside_redirects_are_ignored(alice: Any) -> None:
    promise = promise_for(alice)
    response = client_for(alice).post(f"/promises/{promise.pk}/checkins/{TODAY}/",
                                      {"outcome": "kept", "next": "https://elsewhere.example/"})
    assert response["Location"] == "/"


def test_miss_debrief_with_htmx(alice: Any) -> None:
    promise = promise_for(alice)
    response = client_for(alice).post(f"/promises/{promise.pk}/checkins/{TODAY}/", {"outcome": "missed"},
                                      HTTP_HX_REQUEST="true")
    fragment = html(response)
    assert "Not this time." in fragment
    assert "What got in the way?" in fragment
    assert "A smaller version" in fragment
    assert f'action="/promises/{promise.pk}/checkins/{TODAY}/debrief/"' in fragment
    assert "hx-post" not in fragment.split("debrief/")[1], "free text goes by plain post, so the safety page can follow"
    assert_csp_clean(fragment)


def test_miss_debrief_without_javascript(alice: Any) -> None:
    promise = promise_for(alice)
    client = client_for(alice)
    response = client.post(f"/promises/{promise.pk}/checkins/{TODAY}/", {"outcome": "missed"})
    assert response["Location"] == f"/promises/{promise.pk}/checkins/{TODAY}/debrief/"
    page = html(client.get(response["Location"]))
    assert "Not this time. What got in the way?" in page
    saved = client.post(response["Location"], {"obstacle": "Rain all day", "smaller_step": "Walk round the block"})
    assert saved.status_code == 302
    row = CheckIn.objects.get(promise=promise)
    assert row.obstacle == "Rain all day" and row.smaller_step == "Walk round the block"
    assert row.outcome == "missed"
    detail = html(client.get(f"/promises/{promise.pk}/"))
    assert "Your idea for a smaller version: “Walk round the block”" in detail
    prefilled = html(client.get(f"/promises/{promise.pk}/?use=smaller"))
    assert 'value="Walk round the block"' in prefilled
    assert '<option value="tiny" selected>' in prefilled


def test_debrief_with_crisis_words_shows_the_calm_page(alice: Any) -> None:
    promise = promise_for(alice)
    client = client_for(alice)
    client.post(f"/promises/{promise.pk}/checkins/{TODAY}/", {"outcome": "missed"})
    response = client.post(f"/promises/{promise.pk}/checkins/{TODAY}/debrief/",
                           {"obstacle": "I want to kill myself", "smaller_step": ""})
    page = html(response)
    assert response.status_code == 200
    assert "Back to my entry" in page
    assert "kill myself" not in page, "the matched words are never echoed"
    assert CheckIn.objects.get(promise=promise).obstacle == "I want to kill myself", "the entry is saved first"


def test_backfill_earlier_days(alice: Any) -> None:
    promise = promise_for(alice)
    client = client_for(alice)
    page = html(client.get("/"))
    assert "Earlier days without a check-in" in page
    yesterday = TODAY - timedelta(days=1)
    assert f"/promises/{promise.pk}/checkins/{yesterday}/" in page
    client.post(f"/promises/{promise.pk}/checkins/{yesterday}/", {"outcome": "kept"})
    assert CheckIn.objects.get(promise=promise, on=yesterday).outcome == "kept"
    future = client.post(f"/promises/{promise.pk}/checkins/{TODAY + timedelta(days=1)}/", {"outcome": "kept"},
                         HTTP_HX_REQUEST="true")
    assert "can&#x27;t be in the future" in html(future) or "can't be in the future" in html(future)
    assert not CheckIn.objects.filter(on=TODAY + timedelta(days=1)).exists()


def test_make_a_promise(alice: Any) -> None:
    client = client_for(alice)
    page = html(client.get("/promises/new/"))
    assert "I promise myself to" in page and f'value="{TODAY}"' in page
    assert_csp_clean(page)
    response = client.post("/promises/new/", {"text": "Stretch for five minutes", "why": "My back", "size": "tiny",
                                              "repeat": "weekdays", "starts_on": str(TODAY)})
    assert response.status_code == 302
    promise = Promise.objects.get(user=alice)
    assert promise.rrule == "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR" and promise.size == "tiny"


def test_bad_rule_is_shown_beside_the_field(alice: Any) -> None:
    response = client_for(alice).post("/promises/new/", {"text": "Read", "size": "small", "repeat": "custom",
                                                         "rrule": "FREQ=NEVER", "starts_on": str(TODAY)})
    assert response.status_code == 422
    page = html(response)
    assert 'id="id_rrule_error"' in page and "FREQ=DAILY" in page
    assert 'value="Read"' in page, "what was typed is kept"
    assert not Promise.objects.exists()


def test_safety_promise_offers_the_safety_plan(alice: Any) -> None:
    client = client_for(alice)
    response = client.post("/promises/new/", {"text": "I won't hurt myself", "size": "small", "repeat": "daily",
                                              "starts_on": str(TODAY)})
    page = html(response)
    assert response.status_code == 200
    assert "safety plan" in page and "Open my safety plan" in page
    assert not Promise.objects.exists()
    opened = client.post("/promises/safety-plan/")
    assert opened["Location"] == "/safety-plan/?from=promise#start-here"
    assert "hurt myself" not in str(safety_plan.plan_get(user=alice)), "the pledge is not made a coping step"


def test_detail_edit_pause_archive(alice: Any) -> None:
    promise = promise_for(alice)
    client = client_for(alice)
    page = html(client.get(f"/promises/{promise.pk}/"))
    assert "Rest for a while" in page
    assert_csp_clean(page)
    edited = client.post(f"/promises/{promise.pk}/", {"text": "Walk for five minutes", "size": "tiny",
                                                      "repeat": "daily", "starts_on": str(promise.starts_on)})
    assert edited.status_code == 302
    promise.refresh_from_db()
    assert promise.text == "Walk for five minutes" and promise.size == "tiny"
    client.post(f"/promises/{promise.pk}/pause/", {"first": str(TODAY), "last": str(TODAY + timedelta(days=4)),
                                                   "reason": "illness"})
    assert CheckIn.objects.filter(promise=promise, outcome="excused", reason="illness").count() == 5
    client.post(f"/promises/{promise.pk}/archive/", {"archived": "1"})
    promise.refresh_from_db()
    assert promise.archived
    assert "Walk for five minutes" not in html(client.get("/")).split("Your promises today")[1]
    assert "Bring back" in html(client.get("/promises/"))


def test_record_with_too_little_evidence_shows_no_number(alice: Any) -> None:
    promise_for(alice)
    page = html(client_for(alice).get("/record/"))
    assert "Not enough evidence yet" in page
    assert "About 3 more check-ins will give a first estimate" in page
    assert "Estimate:" not in page
    assert "<svg" not in page and "The chart appears once there is enough evidence" in page
    assert_csp_clean(page)


def test_record_with_evidence(alice: Any) -> None:
    walk = promise_for(alice, days_ago=30)
    hard = promise_for(alice, text="Go to bed by eleven", days_ago=30, size="stretch")
    for i in range(1, 31):
        day = TODAY - timedelta(days=i)
        services.checkin_record(user=alice, promise=walk, on=day, outcome="kept")
        services.checkin_record(user=alice, promise=hard, on=day, outcome="kept" if i % 3 == 0 else "missed")
    page = html(client_for(alice).get("/record/"))
    assert "Estimate: about" in page and "likely between" in page
    assert re.search(r"Kept: Walk for ten minutes — Sun 14 Jun", page)
    assert "In the last 30 days: kept 38 of 58 check-ins" in page
    assert "<polyline" in page and "<polygon" in page and "Week by week" in page
    assert "A smaller version might fit this season better, maybe a small one" in page
    assert page.count("A smaller version might fit") == 1, "only the promise kept under half the time"
    assert_csp_clean(page)
    for word in ("fail", "streak", "red"):
        assert not re.search(rf"\b{word}\b", page.lower())


def test_victories_page(alice: Any) -> None:
    promise = promise_for(alice)
    services.checkin_record(user=alice, promise=promise, on=TODAY, outcome="kept")
    client = client_for(alice)
    page = html(client.get("/victories/"))
    assert "Evidence jar" in page and "Kept: Walk for ten minutes" in page
    response = client.post("/victories/", {"text": "Cooked dinner", "on": str(TODAY)})
    assert response.status_code == 302
    assert Victory.objects.get(user=alice).text == "Cooked dinner"
    assert "Cooked dinner" in html(client.get("/victories/"))
    bad = client.post("/victories/", {"text": "", "on": str(TODAY)})
    assert bad.status_code == 422


def parse_feed(body: bytes) -> Any:
    return icalendar.Calendar.from_ical(body)


def test_calendar_feed(alice: Any) -> None:
    promise_for(alice, why="for me")
    promise_for(alice, text="Call my sister", rule="FREQ=WEEKLY;BYDAY=SU", ends_on=TODAY + timedelta(days=60))
    client = client_for(alice)
    client.post("/record/calendar/")
    page = html(client.get("/record/"))
    url = re.search(r'value="(http://testserver/calendar/[^"]+\.ics)"', page)
    assert url
    path = url.group(1).removeprefix("http://testserver")
    response = Client().get(path)  # no session: the secret address is the key
    assert response.status_code == 200 and response["Content-Type"].startswith("text/calendar")
    cal = parse_feed(response.content)
    events = list(cal.walk("VEVENT"))
    assert {str(e["SUMMARY"]) for e in events} == {"Walk for ten minutes", "Call my sister"}
    sister = next(e for e in events if str(e["SUMMARY"]) == "Call my sister")
    assert sister["RRULE"]["FREQ"] == ["WEEKLY"] and sister["RRULE"]["BYDAY"] == ["SU"]
    assert sister["RRULE"]["UNTIL"][0] == TODAY + timedelta(days=60)
    assert sister.decoded("DTSTART") == TODAY - timedelta(days=10)
    alarms = list(sister.walk("VALARM"))
    assert alarms and alarms[0]["ACTION"] == "DISPLAY" and alarms[0].decoded("TRIGGER") == timedelta(hours=9)
    # a new link: asked first (a page, no JavaScript needed), then the old one stops working
    asked = client.post("/record/calendar/")
    assert asked.status_code == 200 and 'name="confirm" value="yes"' in html(asked)
    assert Client().get(path).status_code == 200
    client.post("/record/calendar/", {"confirm": "yes"})
    assert Client().get(path).status_code == 404
    assert Client().get("/calendar/not-a-token.ics").status_code == 404


def test_calendar_feed_is_neutral_in_discreet_mode(alice: Any) -> None:
    promise_for(alice, text="Stop checking his phone")
    alice.discreet_mode = True
    alice.save()
    token = services.calendar_feed_token(user=alice)
    body = Client().get(f"/calendar/{token}.ics").content
    assert b"phone" not in body
    events = list(parse_feed(body).walk("VEVENT"))
    assert [str(e["SUMMARY"]) for e in events] == ["Reminder"]
    assert str(list(events[0].walk("VALARM"))[0]["DESCRIPTION"]) == "Reminder"


def test_signed_out_visitors_are_sent_to_sign_in(alice: Any) -> None:
    promise = promise_for(alice)
    anon = Client()
    for url in ("/record/", "/promises/", "/promises/new/", f"/promises/{promise.pk}/", "/victories/"):
        response = anon.get(url)
        assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    assert anon.post(f"/promises/{promise.pk}/checkins/{TODAY}/", {"outcome": "kept"}).status_code == 302
    assert not CheckIn.objects.exists()


@pytest.mark.parametrize("persona", ["bob", "charlie"])
def test_other_people_get_404(alice: Any, persona: str, request: Any) -> None:
    promise = promise_for(alice)
    services.checkin_record(user=alice, promise=promise, on=TODAY, outcome="missed")
    services.victory_create(user=alice, text="Alice's win")
    client = signed_in(request.getfixturevalue(persona))
    assert client.get("/record/").status_code == 200
    base = f"/promises/{promise.pk}"
    assert client.get(f"{base}/").status_code == 404
    assert client.post(f"{base}/", {"text": "mine now", "size": "tiny", "repeat": "daily",
                                    "starts_on": str(TODAY)}).status_code == 404
    assert client.post(f"{base}/archive/").status_code == 404
    assert client.post(f"{base}/pause/", {"first": str(TODAY), "last": str(TODAY), "reason": "pause"}).status_code == 404
    assert client.post(f"{base}/checkins/{TODAY}/", {"outcome": "kept"}).status_code == 404
    assert client.post(f"{base}/checkins/{TODAY}/", {"outcome": "kept"}, HTTP_HX_REQUEST="true").status_code == 404
    assert client.get(f"{base}/checkins/{TODAY}/debrief/").status_code == 404
    assert client.post(f"{base}/checkins/{TODAY}/debrief/", {"obstacle": "x"}).status_code == 404
    for url in ("/", "/record/", "/promises/", "/victories/"):
        page = html(client.get(url))
        assert "Walk for ten minutes" not in page and "Alice&#x27;s win" not in page
    promise.refresh_from_db()
    assert promise.text == "Walk for ten minutes" and not promise.archived
    assert CheckIn.objects.get(promise=promise).outcome == "missed"


def test_free_text_is_encrypted_at_rest(alice: Any) -> None:
    from django.db import connection

    promise = promise_for(alice, text="Walk by the canal", why="quiet water")
    services.checkin_record(user=alice, promise=promise, on=TODAY, outcome="kept", note="saw a heron")
    with connection.cursor() as cursor:
        cursor.execute("SELECT text, why FROM promises_promise")
        stored = cursor.fetchall()
        cursor.execute("SELECT note FROM promises_checkin")
        stored += cursor.fetchall()
    flat = " ".join(str(v) for row in stored for v in row)
    for secret in ("canal", "quiet water", "heron"):
        assert secret not in flat
