"""The printable session summary: only shared scopes, logged, and quick for three months of data."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest

from rebond.care.models import AccessLog
from tests.care.conftest import share, signed_in

pytestmark = pytest.mark.django_db


def test_summary_shows_only_what_is_shared_and_is_logged(alice_data: Any, bob: Any, charlie: Any,
                                                         api_as: Any) -> None:
    alice = alice_data
    share(alice, bob, ["promises"])
    page = signed_in(bob).get(f"/care/clients/{alice.pk}/summary/")
    text = page.content.decode()
    assert page.status_code == 200 and "Promises and self-trust" in text and "3 kept" in text
    assert "sum-measures" not in text and "garden" not in text
    assert set(AccessLog.objects.values_list("scope", flat=True)) == {"promises"}
    assert signed_in(charlie).get(f"/care/clients/{alice.pk}/summary/").status_code == 404
    assert api_as(charlie).get(f"/care/clients/{alice.pk}/summary").status_code == 404
    body = api_as(bob).get(f"/care/clients/{alice.pk}/summary").json()
    assert body["promises"]["kept"] == 3 and "measures" not in body
    mine = api_as(alice).get(f"/care/clients/{alice.pk}/summary").json()
    assert mine["measures"][0]["title"]
    assert signed_in(alice).get("/care/summary/?start=nonsense").status_code == 200


def test_summary_after_revocation_is_404(alice: Any, bob: Any, api_as: Any) -> None:
    s = share(alice, bob, ["promises"])
    api_as(alice).delete(f"/care/shares/{s.pk}")
    assert api_as(bob).get(f"/care/clients/{alice.pk}/summary").status_code == 404


def test_three_months_reads_a_fixed_number_of_queries(alice: Any, django_assert_max_num_queries: Any) -> None:
    """Time is measured by bench/care_summary.py; here the query count must not grow with the days."""
    from rebond.care import summary
    from rebond.promises import services as promises
    from rebond.promises.models import CheckIn
    from rebond.promises.services import user_today

    today = user_today(alice)
    start = today - timedelta(days=90)
    made = [promises.promise_create(user=alice, text=f"Promise {n}", rrule="FREQ=DAILY", starts_on=start)[0]
            for n in range(3)]
    CheckIn.objects.bulk_create([
        CheckIn(user=alice, promise=p, on=start + timedelta(days=d), outcome="kept" if d % 3 else "missed")
        for p in made for d in range(90)
    ])
    with django_assert_max_num_queries(20):
        data = summary.build(owner=alice, start=start, end=today,
                             scopes=frozenset({"promises", "measures", "thoughts"}))
    assert data["promises"]["kept"] + data["promises"]["missed"] == 270


def test_only_chosen_thought_records_reach_the_clinicians_summary(alice: Any, bob: Any) -> None:
    from rebond.thoughts import services as thoughts

    def finished(text: str) -> Any:
        record, _ = thoughts.record_save(user=alice, changes={
            "situation": "At work", "thoughts": [{"text": text, "hot": True}], "balanced_thought": "Maybe not"})
        return thoughts.record_finish(user=alice, record=record)

    keep, private = finished("They think I'm useless"), finished("Nobody would notice")
    share(alice, bob, ["thoughts"])
    mine = signed_in(alice)
    page = mine.get("/care/summary/").content.decode()
    assert "useless" in page and "notice" in page
    mine.post("/care/summary/thoughts/", {"shown": [keep.pk, private.pk], "chosen": [keep.pk]})
    theirs = signed_in(bob).get(f"/care/clients/{alice.pk}/summary/").content.decode()
    assert "2 finished" in theirs and "useless" in theirs and "notice" not in theirs
