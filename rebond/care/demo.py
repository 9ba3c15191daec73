"""Demo: a demo clinician with two clients (the demo person and a second one), sharing some of their record.
The second client has the demo person's password; the clinician signs in as `<name>-clinician` with its own
(REBOND_PASSWORD when set, else a random one `rebond demo` prints) and sets up two-step sign-in first.

`create_demo` runs every builder for the second client too; the guard below keeps this builder from running
again inside itself, so the demo person and the clinician are never re-created in a loop.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.utils import timezone

_building = False


def build(user: Any) -> None:
    global _building
    if _building or user.role != "client":
        return
    _building = True
    try:
        _build(user)
    finally:
        _building = False


def clinician_name(username: str) -> str:
    return f"{username}-clinician"[:150]


def _build(user: Any) -> None:
    from rebond.care import services
    from rebond.care.models import DemoCompanion, Homework, HomeworkKind, Share
    from rebond.core import demo

    passwords = demo.passwords()
    second_name = f"{user.username}-client2"[:150]
    for name in (clinician_name(user.username), second_name):
        demo.clear_demo_account(name)
    clinician = demo.create_demo_user(username=clinician_name(user.username), password=passwords.clinician,
                                      role="clinician",
                                      display_name="Dr. Rivera", time_zone=user.time_zone, region=user.region)
    second = demo.create_demo(username=second_name, password=passwords.client, time_zone=user.time_zone,
                              region=user.region)
    second.display_name = "Jordan"
    second.save(update_fields=["display_name"])
    DemoCompanion.objects.create(owner=user, companion=clinician)
    DemoCompanion.objects.create(owner=user, companion=second)
    services.pledge_set(user=clinician, check_frequency="Tuesday and Thursday mornings",
                        urgent_contact="Call the clinic on 555-0100, or your local emergency number.")
    # Safety alerts are shared so the pledge and the empty alerts list can be seen; the demo has no alert to show,
    # because an alert needs crisis content (UX.md: demo data holds none).
    Share.objects.create(owner=user, viewer=clinician, role="clinician",
                         scopes=["promises", "victories", "measures", "thoughts", "ledger_summary", "safety_alerts"])
    Share.objects.create(owner=second, viewer=clinician, role="clinician",
                         scopes=["promises", "victories", "measures"])
    today = timezone.localdate()
    Homework.objects.create(owner=user, clinician=clinician, kind=HomeworkKind.THOUGHT_RECORDS, count=2,
                            assigned_on=today - timedelta(days=3), due_on=today + timedelta(days=4),
                            note="Any moment this week when the old story shows up.")
    Homework.objects.create(owner=user, clinician=clinician, kind=HomeworkKind.GROUNDING, count=1,
                            assigned_on=today - timedelta(days=10), due_on=today - timedelta(days=3),
                            done_at=timezone.now() - timedelta(days=4))
