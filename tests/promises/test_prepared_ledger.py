"""The Record page asks one ledger many questions, so it is validated and weighed once (trust.prepare) and each
promise's part is cut from it (Prepared.split): the answers are the same as from the raw events (issue 3, speed)."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest
import time_machine
from hypothesis import given, settings
from hypothesis import strategies as st

from rebond.domain import trust
from tests.domain.test_trust_properties import SELF, d, ledgers, numbers, self_ledgers

FAST = settings(max_examples=60, deadline=None)


@FAST
@given(ledgers, st.integers(0, 300), st.booleans())
def test_a_prepared_ledger_gives_the_same_answers(ledger: tuple[Any, list[trust.TrustEvent]], on: int,
                                                  credit: bool) -> None:
    model, events = ledger
    prepared = trust.prepare(events, model, repair_credit=credit)
    assert trust.score(prepared, d(on), model, repair_credit=credit) == trust.score(events, d(on), model,
                                                                                     repair_credit=credit)
    assert trust.event_weights(prepared, d(on), model, repair_credit=credit) == trust.event_weights(
        events, d(on), model, repair_credit=credit)
    assert trust.kind_counts(prepared, d(on), model, days=28) == trust.kind_counts(events, d(on), model, days=28)
    start = d(max(0, on - 20))
    assert trust.series(prepared, start, d(on), model, repair_credit=credit) == trust.series(
        events, start, d(on), model, repair_credit=credit)


@FAST
@given(self_ledgers(max_size=40), st.integers(0, 300), st.integers(1, 4))
def test_a_self_trust_part_equals_that_part_prepared_alone(events: list[trust.TrustEvent], on: int,
                                                           parts: int) -> None:
    def key(event: trust.TrustEvent) -> int:
        return int(event.id[1:]) % parts

    split = trust.prepare(events, SELF).split(key)
    for k, part in split.items():
        alone = [e for e in events if key(e) == k]
        assert trust.score(part, d(on), SELF) == trust.score(alone, d(on), SELF)
    assert sum(len(p.items) for p in split.values()) == len(events)


@FAST
@given(self_ledgers(max_size=40), st.integers(0, 300))
def test_one_point_of_the_series_is_the_days_score(events: list[trust.TrustEvent], on: int) -> None:
    prepared = trust.prepare(events, SELF)
    point = trust.series(prepared, d(on), d(on), SELF)[0]
    assert numbers(point)[-2:] == numbers(trust.score(events, d(on), SELF))[-2:]
    for a, b in zip(numbers(point)[:-2], numbers(trust.score(events, d(on), SELF))[:-2], strict=True):
        assert a == pytest.approx(b, abs=1e-9)


def test_a_ledger_prepared_for_one_model_is_refused_by_another() -> None:
    prepared = trust.prepare([trust.TrustEvent("1", date(2026, 1, 1), "kept")], SELF)
    with pytest.raises(trust.TrustInputError) as info:
        trust.score(prepared, date(2026, 1, 2), "interpersonal_trust")
    assert info.value.field == "events"
    with pytest.raises(trust.TrustInputError):
        trust.score(trust.prepare([], SELF, repair_credit=False), date(2026, 1, 2), SELF)
    with pytest.raises(trust.TrustInputError) as bad_day:
        trust.score(prepared, "2026-01-02", SELF)  # type: ignore[arg-type]
    assert bad_day.value.field == "on"


@FAST
@given(ledgers, st.integers(0, 300), st.booleans())
def test_a_ledger_vouched_for_gives_the_same_answers(ledger: tuple[Any, list[trust.TrustEvent]], on: int,
                                                    credit: bool) -> None:
    """checked=True skips each event's field checks (rows the database constrained); nothing else changes."""
    model, events = ledger
    vouched = trust.prepare(events, model, repair_credit=credit, checked=True)
    assert vouched == trust.prepare(events, model, repair_credit=credit)
    assert trust.score(vouched, d(on), model, repair_credit=credit) == trust.score(events, d(on), model,
                                                                                    repair_credit=credit)


def test_a_ledger_vouched_for_still_keeps_the_ledger_rules() -> None:
    twice = [trust.TrustEvent("1", date(2026, 1, 1), "kept"), trust.TrustEvent("1", date(2026, 1, 2), "kept")]
    with pytest.raises(trust.TrustInputError) as info:
        trust.prepare(twice, SELF, checked=True)
    assert info.value.field == "id"
    stray = [trust.TrustEvent("a", date(2026, 1, 1), "apology", repairs="nothing")]
    with pytest.raises(trust.TrustInputError) as repair:
        trust.prepare(stray, "interpersonal_trust", checked=True)
    assert repair.value.field == "repairs"


@pytest.mark.django_db
def test_the_record_page_weighs_each_event_once_without_checking_it_again(alice: Any, monkeypatch: Any) -> None:
    """The ledger is weighed once per page; its rows were constrained by the database, so their fields aren't
    checked one by one again (that was most of the Record page's time with three years of history)."""
    from rebond.promises import selectors, services
    from rebond.promises.models import CheckIn
    from tests.conftest import client_for

    today = date(2026, 6, 15)
    with time_machine.travel("2026-06-15 12:00:00+00:00", tick=False):
        for n in range(3):
            promise, _ = services.promise_create(user=alice, text=f"Promise {n}", rrule="FREQ=DAILY",
                                                 starts_on=today - timedelta(days=40))
            CheckIn.objects.bulk_create([CheckIn(user=alice, promise=promise, on=today - timedelta(days=i),
                                                 outcome="kept") for i in range(40)])
        selectors._weigh.cache_clear()
        checked = []
        weighed = []
        real_check, real_order = trust._check_event, trust._ledger_order
        monkeypatch.setattr(trust, "_check_event", lambda ev, mp: (checked.append(ev.id), real_check(ev, mp))[1])
        monkeypatch.setattr(trust, "_ledger_order", lambda ev: (weighed.append(ev.id), real_order(ev))[1])
        assert client_for(alice).get("/record/").status_code == 200
        assert client_for(alice).get("/record/").status_code == 200, "the same ledger again: weighed already"
        CheckIn.objects.filter(user=alice, on=today).update(outcome="missed")
        assert client_for(alice).get("/record/").status_code == 200, "a changed ledger is weighed afresh"
    assert checked == []
    assert len(weighed) == 240 and len(set(weighed)) == 120


@pytest.mark.django_db
def test_a_changed_repeat_rule_is_a_new_ledger(alice: Any) -> None:
    """The weighed ledger is kept by its rows and the promises' frequencies: a weekly rule weighs the same
    check-ins differently, so the record follows the change at once."""
    from rebond.promises import selectors, services

    today = date(2026, 6, 15)
    with time_machine.travel("2026-06-15 12:00:00+00:00", tick=False):
        promise, _ = services.promise_create(user=alice, text="Swim", rrule="FREQ=DAILY",
                                             starts_on=today - timedelta(days=70))
        for week in range(10):
            services.checkin_record(user=alice, promise=promise, on=promise.starts_on + timedelta(days=7 * week),
                                    outcome="kept")
        daily = selectors.self_trust(user=alice, on=today)
        services.promise_update(user=alice, promise=promise, rrule="FREQ=WEEKLY")
        weekly = selectors.self_trust(user=alice, on=today)
    assert weekly.estimate > daily.estimate, "a weekly promise's check-ins are remembered longer"
