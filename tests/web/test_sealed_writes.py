"""Plain text can't reach an encrypted column by a path that skips sealing: QuerySet.update() and bulk_update()
are refused at the database's door, while save(), bulk_create() and copying ciphertext as it is still work."""

from __future__ import annotations

from typing import Any

import pytest
from django.db import connection, transaction

from rebond.core.fields import UnsealedWrite
from rebond.safety import plan as plan_service
from rebond.safety.models import SafetyPlan

pytestmark = pytest.mark.django_db


def _raw_content(user: Any) -> str:
    with connection.cursor() as cursor:
        cursor.execute("SELECT content FROM safety_safetyplan WHERE user_id = %s", [user.pk])
        return str(cursor.fetchone()[0])


def test_update_with_plain_text_is_refused_and_writes_nothing(alice: Any) -> None:
    plan_service.plan_save(user=alice, entries={"reasons": {"text": "my sister", "obstacle": ""}})
    before = _raw_content(alice)
    with pytest.raises(UnsealedWrite, match="SafetyPlan.content"), transaction.atomic():
        SafetyPlan.objects.filter(user=alice).update(content="my sister and the sea")
    assert _raw_content(alice) == before and "sister" not in before


def test_bulk_update_of_opened_text_is_refused(alice: Any) -> None:
    plan_service.plan_save(user=alice, entries={"reasons": {"text": "my sister", "obstacle": ""}})
    plan = SafetyPlan.objects.get(user=alice)
    assert "my sister" in plan.content  # opened: bulk_update would write this plain text as it is
    with pytest.raises(UnsealedWrite), transaction.atomic():
        SafetyPlan.objects.bulk_update([plan], ["content"])
    assert "sister" not in _raw_content(alice)


def test_sealed_paths_still_work(alice: Any, charlie: Any) -> None:
    plan_service.plan_save(user=alice, entries={"reasons": {"text": "my sister", "obstacle": ""}})
    plan = SafetyPlan.objects.get(user=alice)
    plan.save()  # unopened: the same ciphertext goes back
    sealed = _raw_content(alice)
    SafetyPlan.objects.filter(user=alice).update(content=SafetyPlan.objects.get(user=alice).__dict__["content"])
    assert _raw_content(alice) == sealed  # ciphertext as read may be written back as it is
    assert plan_service.plan_get(user=alice)["reasons"]["text"] == "my sister"
    SafetyPlan.objects.bulk_create([SafetyPlan(user=charlie, content='{"reasons": {"text": "the hills"}}')])
    assert _raw_content(charlie).startswith("rb1:") and "hills" not in _raw_content(charlie)
