"""Checking in on the web (issue 3): "how much, or a note" on a card (with and without JavaScript), a day that has
passed offers no "Let it go", the list of every earlier open day, and a new calendar link only after asking."""

from __future__ import annotations

import re
from datetime import date, timedelta
from html import unescape
from typing import Any

import pytest
from django.test import Client

from rebond.promises import services, words
from rebond.promises.models import CheckIn, Promise
from tests.conftest import TODAY, client_for

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("frozen_day")]

YESTERDAY = TODAY - timedelta(days=1)



def daily(user: Any, text: str = "Walk for ten minutes", days_ago: int = 10) -> Promise:
    promise, _ = services.promise_create(user=user, text=text, rrule="FREQ=DAILY",
                                         starts_on=TODAY - timedelta(days=days_ago))
    return promise


def html(response: Any) -> str:
    return str(response.content.decode())


def more(promise: Promise, day: date = TODAY, **fields: str) -> tuple[str, dict[str, str]]:
    return f"/promises/{promise.pk}/checkins/{day}/", {"more": "1", "next": "/", **fields}


def test_each_card_offers_how_much_and_a_note_in_a_plain_form(alice: Any) -> None:
    promise = daily(alice)
    page = html(client_for(alice).get("/"))
    card = page.split(f'id="card-{promise.pk}-{TODAY:%Y%m%d}"')[1].split("</article>")[0]
    details = card.split("<details")[1]
    assert "Add how much, a note, or a rest day" in details
    assert 'name="percent"' in details and 'min="0"' in details and 'max="100"' in details
    assert '<textarea id="note-' in details and 'name="note"' in details
    assert "hx-post" not in details, "a plain post, so the calm page can follow a note that needs it"
    assert re.search(r'<label for="amount-[^"]+">', details) and re.search(r'<label for="note-[^"]+">', details)
    assert not re.search(r"\sstyle\s*=", page)


def test_partly_with_an_amount_and_a_note(alice: Any) -> None:
    promise = daily(alice)
    client = client_for(alice)
    url, data = more(promise, outcome="partial", percent="30", note="Walked to the shop and back")
    response = client.post(url, data)
    assert response.status_code == 302 and response["Location"] == "/"
    row = CheckIn.objects.get(promise=promise, on=TODAY)
    assert row.outcome == "partial" and row.value == pytest.approx(0.3) and row.note == "Walked to the shop and back"
    page = html(client.get("/"))
    assert "Partly (30%)." in page
    assert 'value="30"' in page and "Walked to the shop and back</textarea>" in page, "the card shows what is saved"
    # a one-tap afterwards changes the outcome and keeps the note
    client.post(url, {"outcome": "kept"})
    row.refresh_from_db()
    assert row.outcome == "kept" and row.value is None and row.note == "Walked to the shop and back"


def test_the_one_tap_partly_is_still_half(alice: Any) -> None:
    promise = daily(alice)
    client_for(alice).post(f"/promises/{promise.pk}/checkins/{TODAY}/", {"outcome": "partial", "value": "0.5"},
                           HTTP_HX_REQUEST="true")
    assert CheckIn.objects.get(promise=promise).value == 0.5


@pytest.mark.parametrize("percent", ["150", "-5", "lots"])
def test_a_bad_amount_is_shown_beside_the_field(alice: Any, percent: str) -> None:
    promise = daily(alice)
    url, data = more(promise, outcome="partial", percent=percent, note="tried")
    response = client_for(alice).post(url, data)
    assert response.status_code == 422
    page = html(response)
    key = f"{promise.pk}-{TODAY:%Y%m%d}"
    assert f'id="amount-{key}-error"' in page and "from 0 to 100" in page
    assert f'aria-describedby="amount-{key}-error"' in page
    assert "<details class=\"checkin-more\" open>" in page and "tried</textarea>" in page, "what was typed is kept"
    assert not CheckIn.objects.exists()


def test_a_note_that_is_too_long_is_shown_beside_it(alice: Any) -> None:
    promise = daily(alice)
    url, data = more(promise, outcome="kept", percent="50", note="x" * 5001)
    response = client_for(alice).post(url, data)
    assert response.status_code == 422
    assert f'id="note-{promise.pk}-{TODAY:%Y%m%d}-error"' in html(response)
    assert not CheckIn.objects.exists()


def test_a_note_passes_the_guard_and_the_calm_page_follows(alice: Any) -> None:
    promise = daily(alice)
    url, data = more(promise, outcome="kept", percent="50", note="I want to kill myself")
    response = client_for(alice).post(url, data)
    page = html(response)
    assert response.status_code == 200 and "Back to my entry" in page
    assert "kill myself" not in page, "the matched words are never echoed"
    assert CheckIn.objects.get(promise=promise).note == "I want to kill myself", "the entry is saved first"


def test_with_htmx_the_calm_page_takes_the_whole_page(alice: Any) -> None:
    promise = daily(alice)
    url, data = more(promise, outcome="kept", note="I want to kill myself")
    response = client_for(alice).post(url, data, HTTP_HX_REQUEST="true")
    assert response["HX-Retarget"] == "body" and "Back to my entry" in html(response)
    calm = client_for(alice).post(url, {**data, "note": "A calm walk"}, HTTP_HX_REQUEST="true")
    assert "HX-Retarget" not in calm and 'class="card promise-card"' in html(calm)


def test_a_miss_with_a_note_goes_on_to_the_debrief(alice: Any) -> None:
    promise = daily(alice)
    url, data = more(promise, outcome="missed", note="Long day")
    response = client_for(alice).post(url, data)
    assert response.status_code == 302 and response["Location"].endswith(f"/checkins/{TODAY}/debrief/")
    assert CheckIn.objects.get(promise=promise).note == "Long day"


def test_a_day_that_has_passed_has_no_let_it_go_choice() -> None:
    class Item:
        def __init__(self, on: date) -> None:
            self.promise, self.on, self.checkin = Promise(pk=1, text="Walk", rrule="FREQ=DAILY", starts_on=TODAY), on, None

    assert "renegotiated" in [c[0] for c in words.card(Item(TODAY), today=TODAY)["choices"]]
    assert "renegotiated" not in [c[0] for c in words.card(Item(YESTERDAY), today=TODAY)["choices"]]


def test_every_earlier_open_day_is_one_link_away(alice: Any) -> None:
    for i in range(3):
        daily(alice, text=f"Promise {i}")  # 3 promises x 7 open days = 21, more than Today shows
    client = client_for(alice)
    today = html(client.get("/"))
    earlier = today.split("Earlier days without a check-in")[1]
    assert "(21)" in earlier and earlier.count('class="card promise-card"') == 10
    assert 'href="/promises/earlier/"' in earlier and "See all 21 earlier days" in earlier
    first = html(client.get("/promises/earlier/"))
    assert first.count('class="card promise-card"') == 20 and "page 1 of 2" in first and "?page=2" in first
    second = html(client.get("/promises/earlier/?page=2"))
    assert second.count('class="card promise-card"') == 1 and "?page=1" in second
    assert html(client.get("/promises/earlier/?page=x")).count('class="card promise-card"') == 20
    # checking in from the list comes back to it
    promise = Promise.objects.filter(user=alice).first()
    assert promise is not None
    back = client.post(f"/promises/{promise.pk}/checkins/{YESTERDAY}/",
                       {"outcome": "kept", "next": "/promises/earlier/?page=2"})
    assert back["Location"] == "/promises/earlier/?page=2"


def test_no_link_when_today_shows_every_earlier_day(alice: Any) -> None:
    daily(alice, days_ago=3)
    page = html(client_for(alice).get("/"))
    assert "Earlier days without a check-in (3)" in page and 'href="/promises/earlier/"' not in page


def test_a_new_calendar_link_is_asked_for_first(alice: Any) -> None:
    daily(alice)
    client = client_for(alice)
    record = html(client.get("/record/"))
    assert "Make my calendar link" in record
    assert client.get("/record/calendar/")["Location"] == "/record/#calendar", "nothing to replace yet"
    client.post("/record/calendar/")
    token = services.calendar_feed_token(user=alice)
    record = html(client.get("/record/"))
    assert 'href="/record/calendar/"' in record and "Make my calendar link" not in record
    asked = client.get("/record/calendar/")
    assert asked.status_code == 200 and "stop working" in html(asked) and 'name="confirm" value="yes"' in html(asked)
    assert 'href="/record/#calendar"' in html(asked), "a way to keep the current link"
    assert client.post("/record/calendar/").status_code == 200, "a post without the confirmation only asks"
    assert services.calendar_feed_token(user=alice) == token
    assert Client().get(f"/calendar/{token}.ics").status_code == 200
    done = client.post("/record/calendar/", {"confirm": "yes"})
    assert done["Location"] == "/record/#calendar"
    assert services.calendar_feed_token(user=alice) != token
    assert Client().get(f"/calendar/{token}.ics").status_code == 404


@pytest.mark.parametrize("days_ago", range(3))  # each day picks a different kept line
def test_a_kept_card_says_kept_once(alice: Any, days_ago: int) -> None:
    promise = daily(alice)
    day = TODAY - timedelta(days=days_ago)
    card = html(client_for(alice).post(f"/promises/{promise.pk}/checkins/{day}/", {"outcome": "kept"},
                                       HTTP_HX_REQUEST="true"))
    said = unescape(re.sub(r"<[^>]+>", "", card.split('role="status"')[1].split("</p>")[0]))
    assert said.count("Kept") == 1 and words.kept_line(day) in said


def test_the_plain_post_message_says_kept_once(alice: Any) -> None:
    promise = daily(alice)
    client = client_for(alice)
    response = client.post(f"/promises/{promise.pk}/checkins/{TODAY}/", {"outcome": "kept", "next": "/"},
                           follow=True)
    line = words.saved_line("kept", TODAY)
    assert line.startswith("Kept. ") and line.count("Kept") == 1 and line in unescape(html(response))
