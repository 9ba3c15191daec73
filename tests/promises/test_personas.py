"""alice's promises, check-ins, self-trust and wins are hers alone, even for her clinician (bob_shared: every scope
shared). Reads of what isn't yours are 404; a viewer with a share trying to change her record is 403, as
docs/care.md says (shares are read-only); a stranger trying is 404, exactly as if nothing were there."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest

from rebond.promises import services
from rebond.promises.models import CheckIn, Promise, Victory
from tests.conftest import TODAY, signed_in

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("frozen_day")]

YESTERDAY = TODAY - timedelta(days=1)



@pytest.fixture
def alices(alice: Any) -> tuple[Promise, Victory]:
    promise, _ = services.promise_create(user=alice, text="Walk by the canal", rrule="FREQ=DAILY",
                                         starts_on=TODAY - timedelta(days=30))
    for i in range(1, 20):
        services.checkin_record(user=alice, promise=promise, on=TODAY - timedelta(days=i), outcome="kept")
    services.checkin_record(user=alice, promise=promise, on=TODAY, outcome="missed", note="alice's note")
    victory, _ = services.victory_create(user=alice, text="Alice asked for help")
    return promise, victory


def untouched(promise: Promise, victory: Victory) -> None:
    promise.refresh_from_db()
    assert promise.text == "Walk by the canal" and not promise.archived
    assert CheckIn.objects.filter(promise=promise).count() == 20
    assert CheckIn.objects.get(promise=promise, on=TODAY).outcome == "missed"
    assert Victory.objects.filter(pk=victory.pk).exists()


@pytest.mark.parametrize(("persona", "write_status"), [("bob_shared", 403), ("charlie", 404)])
def test_api(alices: tuple[Promise, Victory], api_as: Any, request: Any, persona: str, write_status: int) -> None:
    promise, victory = alices
    api = api_as(request.getfixturevalue(persona))
    base = f"/promises/{promise.pk}"
    for path in (base, f"{base}/checkins", f"{base}/checkins/{TODAY}"):
        assert api.get(path).status_code == 404, path
    writes = [
        api.call("patch", base, {"text": "mine now"}),
        api.post(f"{base}/archive"),
        api.put(f"{base}/checkins/{TODAY}", {"outcome": "kept"}),
        api.put(f"{base}/checkins/{TODAY}", {"outcome": "renegotiated"}),
        api.delete(f"{base}/checkins/{YESTERDAY}"),
        api.post(f"{base}/pause", {"first": str(TODAY), "last": str(TODAY)}),
        api.delete(f"/victories/{victory.pk}"),
    ]
    assert [w.status_code for w in writes] == [write_status] * len(writes)
    if write_status == 403:
        assert "read-only" in writes[0].json()["detail"]
    assert api.get("/promises").json()["count"] == 0
    assert api.get("/victories").json()["count"] == 0
    own = api.get("/self-trust").json()
    assert own["status"] == "not_enough_evidence" and own["belief"] == 0, "their own (empty) record, not alice's"
    assert api.get(f"{base}/checkins/{TODAY}").status_code == 404
    untouched(promise, victory)


def test_a_write_to_a_promise_that_does_not_exist_is_404_even_with_a_share(alices: Any, api_as: Any,
                                                                           bob_shared: Any) -> None:
    assert api_as(bob_shared).put(f"/promises/999999/checkins/{TODAY}", {"outcome": "kept"}).status_code == 404


def test_a_share_without_the_promises_scope_is_404(alices: tuple[Promise, Victory], alice: Any, charlie: Any,
                                                   api_as: Any) -> None:
    from tests.conftest import share

    promise, victory = alices
    share(alice, charlie, scopes=["victories"], role="supporter")
    api = api_as(charlie)
    assert api.put(f"/promises/{promise.pk}/checkins/{TODAY}", {"outcome": "kept"}).status_code == 404
    assert api.delete(f"/victories/{victory.pk}").status_code == 403
    untouched(promise, victory)


@pytest.mark.parametrize(("persona", "write_status"), [("bob_shared", 403), ("charlie", 404)])
def test_web(alices: tuple[Promise, Victory], request: Any, persona: str, write_status: int) -> None:
    promise, victory = alices
    client = signed_in(request.getfixturevalue(persona))
    base = f"/promises/{promise.pk}"
    assert client.get(f"{base}/").status_code == 404
    assert client.get(f"{base}/checkins/{TODAY}/debrief/").status_code == 404
    writes = [
        client.post(f"{base}/", {"text": "mine now", "size": "tiny", "repeat": "daily", "starts_on": str(TODAY)}),
        client.post(f"{base}/archive/"),
        client.post(f"{base}/pause/", {"first": str(TODAY), "last": str(TODAY), "reason": "pause"}),
        client.post(f"{base}/checkins/{TODAY}/", {"outcome": "kept"}),
        client.post(f"{base}/checkins/{TODAY}/", {"outcome": "kept"}, HTTP_HX_REQUEST="true"),
        client.post(f"{base}/checkins/{TODAY}/", {"outcome": "partial", "percent": "20", "note": "x", "more": "1"}),
        client.post(f"{base}/checkins/{TODAY}/debrief/", {"obstacle": "x"}),
    ]
    assert [w.status_code for w in writes] == [write_status] * len(writes)
    for url in ("/", "/record/", "/promises/", "/promises/earlier/", "/victories/"):
        response = client.get(url)
        page = response.content.decode()
        assert response.status_code == 200, url
        assert "canal" not in page and "Alice asked" not in page and "alice&#x27;s note" not in page, url
    untouched(promise, victory)
