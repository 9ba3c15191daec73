"""Web controls to throw away a questionnaire draft and to delete a check-in: a page asks first (so it works without
JavaScript), only a POST removes anything, and only ever the person's own."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest

from rebond.measures import selectors, services
from rebond.measures.models import DailyCheckin, MeasureDraft
from tests.conftest import client_for, signed_in

pytestmark = pytest.mark.django_db


def test_a_draft_is_thrown_away_only_after_asking(alice: Any) -> None:
    client = client_for(alice)
    assert "start again" not in client.get("/measures/gad7/take/").content.decode()  # nothing saved yet
    services.draft_save(user=alice, instrument_id="gad7", answers=[1, None, 2])
    take = client.get("/measures/gad7/take/").content.decode()
    assert 'href="/measures/gad7/draft/discard/"' in take and "start again" in take
    assert 'href="/measures/gad7/draft/discard/">Throw them away' in client.get("/measures/gad7/").content.decode()
    ask = client.get("/measures/gad7/draft/discard/")
    html = ask.content.decode()
    assert ask.status_code == 200 and "They can&#x27;t be brought back" in html
    assert 'method="post"' in html and 'href="/measures/gad7/take/">Keep it' in html
    assert MeasureDraft.objects.filter(user=alice).exists()  # asking changed nothing
    done = client.post("/measures/gad7/draft/discard/")
    assert done.status_code == 302 and done["Location"] == "/measures/gad7/"
    assert not MeasureDraft.objects.filter(user=alice).exists()
    assert "Your saved answers are gone" in client.get(done["Location"]).content.decode()
    assert client.get("/measures/gad7/draft/discard/").status_code == 404
    assert client.post("/measures/gad7/draft/discard/").status_code == 404
    assert client.get("/measures/nope/draft/discard/").status_code == 404


def test_others_never_touch_alices_draft(alice: Any, bob_shared: Any, charlie: Any) -> None:
    services.draft_save(user=alice, instrument_id="phq9", answers=[2, 2])
    for other in (bob_shared, charlie):
        client = signed_in(other)
        assert client.get("/measures/phq9/draft/discard/").status_code == 404
        assert client.post("/measures/phq9/draft/discard/").status_code == 404
    assert MeasureDraft.objects.get(user=alice).answers == [2, 2]


def test_a_checkin_is_deleted_only_after_asking(alice: Any) -> None:
    today = selectors.user_today(alice)
    earlier = today - timedelta(days=3)
    for day in (today, earlier):
        services.checkin_save(user=alice, on=day, mood=3, safety="safe")
    client = client_for(alice)
    path = f"/measures/checkin/{earlier.isoformat()}/delete/"
    assert f'href="{path}"' in client.get("/measures/mood/").content.decode()
    assert f'href="/measures/checkin/{today.isoformat()}/delete/">Delete today' in \
        client.get("/measures/checkin/").content.decode()
    ask = client.get(path)
    assert ask.status_code == 200 and "It can&#x27;t be brought back" in ask.content.decode()
    assert f"{earlier:%-d %B %Y}" in ask.content.decode()
    assert DailyCheckin.objects.filter(user=alice).count() == 2
    done = client.post(path)
    assert done.status_code == 302 and done["Location"] == "/measures/mood/"
    assert list(DailyCheckin.objects.filter(user=alice).values_list("date", flat=True)) == [today]
    assert client.post(path).status_code == 404
    assert client.get("/measures/checkin/not-a-day/delete/").status_code == 404
    assert client.get("/measures/checkin/2026-02-30/delete/").status_code == 404


def test_others_never_delete_alices_checkin(alice: Any, bob_shared: Any, charlie: Any) -> None:
    today = selectors.user_today(alice)
    services.checkin_save(user=alice, on=today, mood=2, safety="not_safe", about="myself")
    for other in (bob_shared, charlie):
        client = signed_in(other)
        for on in {today, selectors.user_today(other)}:
            assert client.get(f"/measures/checkin/{on.isoformat()}/delete/").status_code == 404
            assert client.post(f"/measures/checkin/{on.isoformat()}/delete/").status_code == 404
    assert DailyCheckin.objects.filter(user=alice).count() == 1


def test_signed_out_is_sent_to_sign_in(client: Any, alice: Any) -> None:
    for path in ("/measures/gad7/draft/discard/", "/measures/checkin/2026-01-01/delete/"):
        response = client.post(path)
        assert response.status_code == 302 and "/accounts/login/" in response["Location"]
