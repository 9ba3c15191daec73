"""The care API across the personas: alice owns, bob (clinician) reads only what she shares, charlie is a stranger."""

from __future__ import annotations

from typing import Any

import pytest

from rebond.care.models import AccessLog, Share
from tests.care.conftest import share

pytestmark = pytest.mark.django_db

ALL_SCOPES = ["promises", "victories", "measures", "thoughts", "ledger_summary", "journal", "safety_alerts"]


def test_invite_and_accept_by_code(alice: Any, bob: Any, api_as: Any) -> None:
    made = api_as(alice).post("/care/invitations", {"role": "clinician", "scopes": ["promises", "measures"]})
    assert made.status_code == 201, made.content
    body = made.json()
    assert body["scopes"] == ["promises", "measures"] and len(body["code"]) == 11
    assert "/care/join/" in body["link"]
    accepted = api_as(bob).post("/care/invitations/accept", {"code": body["code"].lower()})
    assert accepted.status_code == 201, accepted.content
    assert accepted.json()["owner"]["id"] == alice.pk and accepted.json()["scopes"] == ["promises", "measures"]
    again = api_as(bob).post("/care/invitations/accept", {"code": body["code"]})
    assert again.status_code == 422 and again.json()["detail"][0]["loc"] == ["body", "code"]


def test_defaults_supporter_sees_wins_only_and_journal_is_off(alice: Any, api_as: Any) -> None:
    supporter = api_as(alice).post("/care/invitations", {"role": "supporter"}).json()
    clinician = api_as(alice).post("/care/invitations", {"role": "clinician"}).json()
    assert supporter["scopes"] == ["victories"]
    assert "journal" not in clinician["scopes"] and "safety_alerts" not in clinician["scopes"]


def test_supporters_never_get_safety_alerts(alice: Any, api_as: Any) -> None:
    r = api_as(alice).post("/care/invitations", {"role": "supporter", "scopes": ["victories", "safety_alerts"]})
    assert r.status_code == 422 and r.json()["detail"][0]["loc"] == ["body", "scopes"]


def test_clinician_invite_needs_a_clinician_account(alice: Any, charlie: Any, api_as: Any) -> None:
    code = api_as(alice).post("/care/invitations", {"role": "clinician"}).json()["code"]
    r = api_as(charlie).post("/care/invitations/accept", {"code": code})
    assert r.status_code == 422 and not Share.objects.exists()


def test_own_invitation_cannot_be_accepted(alice: Any, api_as: Any) -> None:
    code = api_as(alice).post("/care/invitations", {"role": "supporter"}).json()["code"]
    assert api_as(alice).post("/care/invitations/accept", {"code": code}).status_code == 422


def test_expired_code_does_not_work(alice: Any, bob: Any, api_as: Any) -> None:
    from datetime import timedelta

    import time_machine
    from django.utils import timezone

    code = api_as(alice).post("/care/invitations", {"role": "clinician", "days": 1}).json()["code"]
    with time_machine.travel(timezone.now() + timedelta(days=1, minutes=1)):
        assert api_as(bob).post("/care/invitations/accept", {"code": code}).status_code == 422


def test_persona_matrix_reads(alice_data: Any, bob: Any, charlie: Any, api_as: Any) -> None:
    alice = alice_data
    share(alice, bob, ["promises", "measures"])
    owner, clinician, stranger = api_as(alice), api_as(bob), api_as(charlie)
    for scope in ALL_SCOPES:
        if scope == "safety_alerts":
            continue
        assert owner.get(f"/care/clients/{alice.pk}/{scope}").status_code == 200, scope
        assert stranger.get(f"/care/clients/{alice.pk}/{scope}").status_code == 404, scope
        expected = 200 if scope in {"promises", "measures"} else 404
        assert clinician.get(f"/care/clients/{alice.pk}/{scope}").status_code == expected, scope
    promises = clinician.get(f"/care/clients/{alice.pk}/promises").json()
    assert promises["items"][0]["text"] == "Walk ten minutes" and promises["items"][0]["kept"] == 3
    measures = clinician.get(f"/care/clients/{alice.pk}/measures").json()
    assert measures["items"][0]["instrument"] == "phq9"
    assert clinician.get(f"/care/clients/{alice.pk}/nonsense").status_code == 404


def test_every_read_by_someone_else_is_logged_and_shown_to_the_owner(alice_data: Any, bob: Any,
                                                                      api_as: Any) -> None:
    alice = alice_data
    share(alice, bob, ["promises"])
    api_as(alice).get(f"/care/clients/{alice.pk}/promises")  # her own look is not "someone else"
    assert not AccessLog.objects.exists()
    api_as(bob).get(f"/care/clients/{alice.pk}/promises")
    api_as(bob).get(f"/care/clients/{alice.pk}/journal")  # refused: nothing read, nothing logged
    log = api_as(alice).get("/care/access-log").json()
    assert log["count"] == 1 and log["items"][0]["who"] == "bob" and log["items"][0]["scope"] == "promises"
    assert api_as(bob).get("/care/access-log").json()["count"] == 0


def test_revoking_ends_access_at_once(alice_data: Any, bob: Any, api_as: Any) -> None:
    alice = alice_data
    s = share(alice, bob, ["promises"])
    clinician = api_as(bob)
    assert clinician.get(f"/care/clients/{alice.pk}/promises").status_code == 200
    assert api_as(alice).delete(f"/care/shares/{s.pk}").status_code == 204
    assert clinician.get(f"/care/clients/{alice.pk}/promises").status_code == 404
    assert clinician.get(f"/care/shares/{s.pk}").status_code == 404
    assert clinician.get("/care/clients").json()["count"] == 0


def test_changing_scopes_works_on_the_next_read(alice_data: Any, bob: Any, api_as: Any) -> None:
    alice = alice_data
    s = share(alice, bob, ["promises"])
    r = api_as(alice).patch(f"/care/shares/{s.pk}", {"scopes": ["journal"]}) if hasattr(api_as(alice), "patch") \
        else api_as(alice).call("patch", f"/care/shares/{s.pk}", {"scopes": ["journal"]})
    assert r.status_code == 200 and r.json()["scopes"] == ["journal"]
    clinician = api_as(bob)
    assert clinician.get(f"/care/clients/{alice.pk}/promises").status_code == 404
    journal = clinician.get(f"/care/clients/{alice.pk}/journal").json()
    assert journal["items"][0]["body"] == "A private page about the garden"


def test_viewer_writing_is_403_stranger_404(alice: Any, bob: Any, charlie: Any, api_as: Any) -> None:
    s = share(alice, bob, ["promises"])
    clinician, stranger = api_as(bob), api_as(charlie)
    assert clinician.call("patch", f"/care/shares/{s.pk}", {"scopes": ALL_SCOPES}).status_code == 403
    assert clinician.delete(f"/care/shares/{s.pk}").status_code == 403
    assert clinician.post(f"/care/clients/{alice.pk}/promises", {"text": "x"}).status_code == 403
    assert clinician.put(f"/care/clients/{alice.pk}/victories", {}).status_code == 403
    assert stranger.call("patch", f"/care/shares/{s.pk}", {"scopes": ALL_SCOPES}).status_code == 404
    assert stranger.delete(f"/care/shares/{s.pk}").status_code == 404
    assert stranger.post(f"/care/clients/{alice.pk}/promises", {}).status_code == 404
    assert Share.objects.get(pk=s.pk).scopes == ["promises"]


def test_share_lists_each_side(alice: Any, bob: Any, charlie: Any, api_as: Any) -> None:
    s = share(alice, bob, ["victories"])
    assert api_as(alice).get("/care/shares").json()["items"][0]["viewer"]["id"] == bob.pk
    assert api_as(bob).get("/care/clients").json()["items"][0]["owner"]["id"] == alice.pk
    assert api_as(bob).get(f"/care/shares/{s.pk}").status_code == 200
    assert api_as(charlie).get(f"/care/shares/{s.pk}").status_code == 404
    assert api_as(charlie).get("/care/shares").json()["count"] == 0


def test_invitations_list_and_cancel_are_the_owners(alice: Any, charlie: Any, api_as: Any) -> None:
    made = api_as(alice).post("/care/invitations", {"role": "supporter"}).json()
    assert "code" not in api_as(alice).get("/care/invitations").json()["items"][0]
    assert api_as(charlie).delete(f"/care/invitations/{made['id']}").status_code == 404
    assert api_as(alice).delete(f"/care/invitations/{made['id']}").status_code == 204
    assert api_as(alice).get("/care/invitations").json()["count"] == 0


def test_no_token_is_401(api_as: Any, alice: Any) -> None:
    assert api_as(None).get("/care/shares").status_code == 401
    assert api_as(None).get(f"/care/clients/{alice.pk}/victories").status_code == 401
