"""Any day on the web (issue 3): one day of rest from a card's "how much, a note, or a rest day" form (with and
without JavaScript), checking in for a day further back than Today asks about, and changing or removing a
check-in from the promise page (removing asks first, on a page of its own). Walked with alice, bob and charlie."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest

from rebond.promises import services
from rebond.promises.models import CheckIn, Promise
from tests.conftest import TODAY, client_for, html

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("frozen_day")]

YESTERDAY = TODAY - timedelta(days=1)
LONG_AGO = TODAY - timedelta(days=20)


def daily(user: Any, days_ago: int = 30, **extra: Any) -> Promise:
    promise, _ = services.promise_create(user=user, text="Walk for ten minutes", rrule="FREQ=DAILY",
                                         starts_on=TODAY - timedelta(days=days_ago), **extra)
    return promise


def card_of(page: str, promise: Promise, day: Any = TODAY) -> str:
    return page.split(f'id="card-{promise.pk}-{day:%Y%m%d}"')[1].split("</article>")[0]


def rest(promise: Promise, day: Any = TODAY, **fields: str) -> tuple[str, dict[str, str]]:
    return (f"/promises/{promise.pk}/checkins/{day}/",
            {"more": "1", "next": "/", "outcome": "excused", "percent": "50", "note": "", **fields})


def test_the_card_offers_one_day_of_rest_with_an_optional_reason(alice: Any) -> None:
    promise = daily(alice)
    details = card_of(html(client_for(alice).get("/")), promise).split("<details")[1]
    assert "Add how much, a note, or a rest day" in details
    assert 'name="outcome" value="excused"' in details and "Resting (unwell, away or a break)" in details
    assert 'name="reason"' in details and '<option value="illness"' in details and "(optional)" in details


def test_resting_for_a_day_without_javascript(alice: Any) -> None:
    promise = daily(alice)
    client = client_for(alice)
    url, data = rest(promise, YESTERDAY, reason="illness")
    response = client.post(url, data)
    assert response.status_code == 302 and response["Location"] == "/"
    row = CheckIn.objects.get(promise=promise, on=YESTERDAY)
    assert (row.outcome, row.reason) == ("excused", "illness")
    assert "Resting. Nothing is lost while you rest." in html(client.get("/"))
    url, data = rest(promise)
    client.post(url, data)
    assert CheckIn.objects.get(promise=promise, on=TODAY).reason == "pause", "no reason given: a pause"


def test_resting_for_a_day_with_htmx(alice: Any) -> None:
    promise = daily(alice)
    url, data = rest(promise, reason="holiday")
    fragment = html(client_for(alice).post(url, data, HTTP_HX_REQUEST="true"))
    assert "Resting (holiday)." in fragment
    assert 'value="excused" checked' in fragment and '<option value="holiday" selected' in fragment
    assert CheckIn.objects.get(promise=promise).outcome == "excused"


def test_a_bad_reason_is_shown_beside_the_field(alice: Any) -> None:
    promise = daily(alice)
    url, data = rest(promise, reason="bored")
    response = client_for(alice).post(url, data)
    assert response.status_code == 422
    key = f"{promise.pk}-{TODAY:%Y%m%d}"
    assert f'id="reason-{key}-error"' in html(response) and "Pick pause, illness or holiday" in html(response)
    assert not CheckIn.objects.exists()


def test_checking_in_for_a_day_further_back_than_a_week(alice: Any) -> None:
    promise = daily(alice)
    client = client_for(alice)
    detail = html(client.get(f"/promises/{promise.pk}/"))
    assert f'action="/promises/{promise.pk}/day/"' in detail and "Check in for another day" in detail
    assert f'min="{promise.starts_on}"' in detail and f'max="{TODAY}"' in detail
    page = html(client.get(f"/promises/{promise.pk}/day/?on={LONG_AGO}"))
    card = card_of(page, promise, LONG_AGO)
    assert "Let it go" not in card, "a day that has passed"
    assert f'name="next" value="/promises/{promise.pk}/day/?on={LONG_AGO}"' in card
    back = client.post(f"/promises/{promise.pk}/checkins/{LONG_AGO}/",
                       {"outcome": "kept", "next": f"/promises/{promise.pk}/day/?on={LONG_AGO}"})
    assert back["Location"] == f"/promises/{promise.pk}/day/?on={LONG_AGO}"
    assert CheckIn.objects.get(promise=promise).on == LONG_AGO
    assert 'aria-pressed="true">Kept' in html(client.get(back["Location"]))


@pytest.mark.parametrize(("days", "words"), [
    (-1, "can't be in the future"), (31, "This promise starts on"), (None, "Enter a valid date")])
def test_a_day_outside_the_promise_is_named_beside_the_picker(alice: Any, days: int | None, words: str) -> None:
    promise = daily(alice)
    on = "not-a-day" if days is None else str(TODAY - timedelta(days=days))
    response = client_for(alice).get(f"/promises/{promise.pk}/day/?on={on}")
    page = html(response)
    assert response.status_code == 422 and 'id="id_on_error"' in page and words in page
    assert "promise-card" not in page


def test_a_day_the_promise_isnt_due_is_named_beside_the_picker(alice: Any) -> None:
    promise, _ = services.promise_create(user=alice, text="Swim", rrule="FREQ=WEEKLY;BYDAY=MO",
                                         starts_on=TODAY - timedelta(days=28))
    response = client_for(alice).get(f"/promises/{promise.pk}/day/?on={YESTERDAY}")
    assert response.status_code == 422 and "isn't due on that day" in html(response)


def test_each_check_in_row_can_be_changed_or_removed(alice: Any) -> None:
    promise = daily(alice)
    services.checkin_record(user=alice, promise=promise, on=LONG_AGO, outcome="missed", note="rain")
    client = client_for(alice)
    detail = html(client.get(f"/promises/{promise.pk}/"))
    assert f'href="/promises/{promise.pk}/day/?on={LONG_AGO}"' in detail
    assert f'href="/promises/{promise.pk}/checkins/{LONG_AGO}/remove/"' in detail
    change = html(client.get(f"/promises/{promise.pk}/day/?on={LONG_AGO}"))
    assert 'aria-pressed="true">Not this time' in card_of(change, promise, LONG_AGO)
    asked = client.get(f"/promises/{promise.pk}/checkins/{LONG_AGO}/remove/")
    assert asked.status_code == 200 and "Remove this check-in?" in html(asked) and "can't be brought back" in html(asked)
    assert CheckIn.objects.filter(promise=promise).exists(), "asking removes nothing"
    removed = client.post(f"/promises/{promise.pk}/checkins/{LONG_AGO}/remove/")
    assert removed["Location"] == f"/promises/{promise.pk}/"
    assert not CheckIn.objects.filter(promise=promise).exists()
    assert client.get(f"/promises/{promise.pk}/checkins/{LONG_AGO}/remove/").status_code == 404


def test_other_people_cant_see_or_change_these_days(alice: Any, bob_shared: Any, charlie: Any) -> None:
    promise = daily(alice)
    services.checkin_record(user=alice, promise=promise, on=LONG_AGO, outcome="kept")
    for other, write_status in ((bob_shared, 403), (charlie, 404)):
        client = client_for(other)
        assert client.get(f"/promises/{promise.pk}/day/?on={LONG_AGO}").status_code == 404
        assert client.get(f"/promises/{promise.pk}/checkins/{LONG_AGO}/remove/").status_code == 404
        assert client.post(f"/promises/{promise.pk}/checkins/{LONG_AGO}/remove/").status_code == write_status
        url, data = rest(promise, YESTERDAY)
        assert client.post(url, data).status_code == write_status
    assert CheckIn.objects.filter(promise=promise).count() == 1
    anonymous = client_for(alice)
    anonymous.logout()
    assert "/accounts/login/" in anonymous.get(f"/promises/{promise.pk}/day/")["Location"]


def test_removing_your_own_win_asks_first(alice: Any) -> None:
    from rebond.promises.models import Victory

    promise = daily(alice)
    services.checkin_record(user=alice, promise=promise, on=TODAY, outcome="kept")
    win, _ = services.victory_create(user=alice, text="Asked for help")
    client = client_for(alice)
    jar = html(client.get("/victories/"))
    assert jar.count("/remove/") == 1 and f'href="/victories/{win.pk}/remove/"' in jar, "only your own wins"
    asked = client.get(f"/victories/{win.pk}/remove/")
    assert asked.status_code == 200 and "Remove this win?" in html(asked) and "Asked for help" in html(asked)
    assert Victory.objects.filter(pk=win.pk).exists(), "asking removes nothing"
    done = client.post(f"/victories/{win.pk}/remove/")
    assert done["Location"] == "/victories/" and not Victory.objects.exists()
    assert client.get(f"/victories/{win.pk}/remove/").status_code == 404


def test_other_people_cant_remove_a_win(alice: Any, bob_shared: Any, charlie: Any) -> None:
    from rebond.promises.models import Victory

    win, _ = services.victory_create(user=alice, text="Asked for help")
    for other, write_status in ((bob_shared, 403), (charlie, 404)):
        client = client_for(other)
        assert client.get(f"/victories/{win.pk}/remove/").status_code == 404
        assert client.post(f"/victories/{win.pk}/remove/").status_code == write_status
    assert Victory.objects.filter(pk=win.pk).exists()


@pytest.mark.parametrize(("fields", "where", "words"), [
    ({"first": str(TODAY), "last": str(TODAY - timedelta(days=2))}, "last", "can't be before the first day"),
    ({"first": str(TODAY - timedelta(days=40)), "last": str(TODAY)}, "first", "This promise starts on"),
    ({"first": "", "last": str(TODAY)}, "first", "Pick the first day of your rest"),
    ({"first": str(TODAY), "last": "soon"}, "last", "Write the day like 2026-06-15"),
])
def test_pause_errors_are_beside_their_field(alice: Any, fields: dict[str, str], where: str, words: str) -> None:
    promise = daily(alice)
    client = client_for(alice)
    response = client.post(f"/promises/{promise.pk}/pause/", {**fields, "reason": "illness"})
    page = html(response)
    assert response.status_code == 422
    error = page.split(f'id="id_{where}_error"')[1].split("</p>")[0]
    assert words in error
    assert '<option value="illness" selected>' in page, "what was chosen stays"
    assert "Change this promise" in page and "Check-ins" in page, "the rest of the page as it was"
    assert words not in html(client.get("/")), "not a page message"
    assert not CheckIn.objects.exists()
