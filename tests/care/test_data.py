"""Data ownership: care data leaves with the export, and deleting either side leaves no share behind."""

from __future__ import annotations

from typing import Any

import pytest

from rebond.accounts import services as accounts
from rebond.care import services
from rebond.care.models import AccessLog, AccessRead, Encouragement, FlagSeen, Homework, Invitation, Share
from tests.care.conftest import share

pytestmark = pytest.mark.django_db


def test_export_names_shares_and_the_log(alice: Any, bob: Any, api_as: Any) -> None:
    share(alice, bob, ["victories"])
    api_as(bob).get(f"/care/clients/{alice.pk}/victories")
    care = accounts.account_export(user=alice)["sections"]["care"]
    assert care["shares_given"][0]["viewer"] == "bob" and care["shares_given"][0]["scopes"] == ["victories"]
    assert care["access_log"][0]["who"] == "bob"
    assert accounts.account_export(user=bob)["sections"]["care"]["shares_received"][0]["owner"] == "alice"


@pytest.mark.parametrize("leaver", ["owner", "viewer"])
def test_deleting_either_side_removes_the_share(alice: Any, bob: Any, dave: Any, leaver: Any) -> None:
    share(alice, bob, ["victories", "safety_alerts"])
    share(alice, dave, ["victories"], role="supporter")
    services.invitation_create(user=alice, role="supporter")
    services.encouragement_send(sender=dave, owner=alice, text="Thinking of you")
    services.homework_assign(clinician=bob, owner=alice, kind="grounding", due_on=__import__("datetime").date.today(),
                             assigned_on=__import__("datetime").date.today())
    if leaver == "owner":
        accounts.account_delete(user=alice)
        for model in (Share, Invitation, AccessLog, AccessRead, Encouragement, Homework, FlagSeen):
            assert not model.objects.exists(), model
    else:
        accounts.account_delete(user=bob)
        accounts.account_delete(user=dave)
        assert not Share.objects.exists() and not Encouragement.objects.exists()
        assert not Invitation.objects.filter(accepted_by__isnull=False).exists()


def test_import_brings_homework_back_but_never_a_share(alice: Any, bob: Any) -> None:
    from datetime import date

    share(alice, bob, ["victories"])
    services.homework_assign(clinician=bob, owner=alice, kind="thought_records", count=2, due_on=date(2030, 1, 1),
                             assigned_on=date(2029, 12, 1), note="When the old story shows up")
    exported = accounts.account_export(user=alice)
    Homework.objects.all().delete()
    Share.objects.all().delete()
    counts = accounts.account_import(user=alice, data=exported)
    assert counts["care"] == 1 and not Share.objects.exists()
    assert Homework.objects.get().note == "When the old story shows up"


def test_encouragement_and_homework_notes_are_sealed(alice: Any, bob: Any, dave: Any) -> None:
    from datetime import date

    share(alice, dave, None, role="supporter")
    services.encouragement_send(sender=dave, owner=alice, text="Proud of you for today")
    services.homework_assign(clinician=bob, owner=alice, kind="grounding", due_on=date(2030, 1, 1),
                             assigned_on=date(2029, 12, 1), note="Five things you can see")
    raw = list(Encouragement.objects.values_list("text", flat=True)) + list(
        Homework.objects.values_list("note", flat=True))
    assert all("Proud" not in value and "Five things" not in value for value in raw)
    assert Encouragement.objects.get().text == "Proud of you for today"


def test_demo_adds_a_clinician_with_two_clients_and_can_run_twice(db: None) -> None:
    from rebond.accounts.models import User
    from rebond.core import demo

    for _ in range(2):
        demo.create_demo(username="demo", password="demo-password-long")
    clinician = User.objects.get(username="demo-clinician")
    assert clinician.role == "clinician"
    owners = set(Share.objects.filter(viewer=clinician).values_list("owner__username", flat=True))
    assert owners == {"demo", "demo-client2"}
    assert User.objects.filter(username__startswith="demo").count() == 3


def test_rebond_demo_names_the_demo_clinician_and_their_two_step_sign_in(db: None, capsys: Any) -> None:
    from rebond.cli import run

    assert run(["demo", "--name", "demo-care"]) == 0
    said = " ".join(capsys.readouterr().out.split())
    assert "'demo-care-clinician'" in said and "two-step sign-in" in said
    shared = Share.objects.get(owner__username="demo-care", viewer__username="demo-care-clinician")
    assert "safety_alerts" in shared.scopes
