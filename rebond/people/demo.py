"""Demo people: Jordan, a friend rebuilding after a broken confidence, and Robin, a steady sister. No crisis content."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from rebond.people import services
from rebond.people.models import Kind, Stage


def build(user: Any) -> None:
    today = services.user_today(user)

    def ago(days: int) -> Any:
        return today - timedelta(days=days)

    jordan, _ = services.person_create(user=user, name="Jordan", relationship="Friend from work", hurt="no")
    for days in (80, 76, 72, 69, 65, 62):
        services.observation_add(user=user, person=jordan, on=ago(days), kind=Kind.PROMISE_KEPT,
                                 note="Turned up when they said they would.")
    breach, _ = services.observation_add(
        user=user, person=jordan, on=ago(58), kind=Kind.HONESTY_BREACH, severity=2,
        note="Told others something I had shared in private.")
    services.observation_add(user=user, person=jordan, on=ago(56), kind=Kind.APOLOGY, repairs=breach.pk,
                             note="Said sorry without excuses and asked what would help.")
    services.observation_add(user=user, person=jordan, on=ago(48), kind=Kind.AMENDS, repairs=breach.pk,
                             note="Told the others it was not theirs to share.")
    services.repair_update(user=user, breach=breach, stage=Stage.REBUILD,
                           acknowledge_note="They named what happened in their own words.",
                           understand_note="We talked about why it hurt. I felt heard.",
                           rebuild_note="Small things first: lunch plans, returning my book.")
    for days in (45, 41, 38, 34, 31, 27, 24, 20, 17, 13, 10, 6, 3):
        services.observation_add(user=user, person=jordan, on=ago(days), kind=Kind.PROMISE_KEPT)
    for days in (35, 21, 7):
        services.observation_add(user=user, person=jordan, on=ago(days), kind=Kind.HONESTY_SHOWN,
                                 note="Told me something awkward straight away.")
    services.said_create(user=user, person=jordan, text="Bring back my camping stove", made_on=ago(2),
                         due_on=today + timedelta(days=5))
    for i, (text, before, after, done) in enumerate([
        ("Meet for coffee at a place I choose", 3, 2, 30),
        ("Lend a book I care about", 5, 3, 14),
        ("Share one small worry", 7, None, None),
    ], start=1):
        step, _ = services.ladder_add(user=user, person=jordan, text=text, position=i, anxiety_before=before)
        if done is not None:
            services.ladder_update(user=user, step=step, changes={"anxiety_after": after, "done_on": ago(done)})

    robin, _ = services.person_create(user=user, name="Robin", relationship="Sister", hurt="no")
    for days in (55, 47, 40, 33, 26, 19, 12, 5):
        services.observation_add(user=user, person=robin, on=ago(days), kind=Kind.PROMISE_KEPT)
    services.observation_add(user=user, person=robin, on=ago(30), kind=Kind.EMPATHY_SHOWN,
                             note="Checked in after my interview.")
    services.observation_add(user=user, person=robin, on=ago(22), kind=Kind.PROMISE_BROKEN,
                             note="Forgot to call on Sunday.")
    services.observation_add(user=user, person=robin, on=ago(15), kind=Kind.CONSISTENCY_SHOWN)
    said, _ = services.said_create(user=user, person=robin, text="Help me move the sofa", made_on=ago(9),
                                   due_on=ago(4))
    services.said_resolve(user=user, said=said, outcome="kept", on=ago(4))
    services.said_create(user=user, person=robin, text="Send the photos from the weekend", made_on=ago(1),
                         due_on=today + timedelta(days=3))
