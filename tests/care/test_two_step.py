"""Clinicians need two-step sign-in for the API too: a password-only session or an old token gets a clear 403."""

from __future__ import annotations

import json
from datetime import timedelta
from typing import Any

import pytest
from django.utils import timezone

from rebond.care.models import Homework
from tests.care.conftest import share
from tests.conftest import PASSWORD, Api, client_for, token_for, two_step_on

pytestmark = pytest.mark.django_db


def test_a_clinician_signed_in_with_only_a_password_reads_nothing(alice_data: Any, bob: Any) -> None:
    alice = alice_data
    share(alice, bob, ["promises", "thoughts", "ledger_summary"])
    web = client_for(bob)  # a session made with the password only: two-step is not on
    refused = web.get("/api/v1/care/clients")
    assert refused.status_code == 403
    assert "two-step sign-in" in refused.json()["detail"] and "/accounts/two-step/" in refused.json()["detail"]
    for path in (f"/care/clients/{alice.pk}/thoughts", f"/care/clients/{alice.pk}/ledger_summary",
                 f"/care/clients/{alice.pk}/summary", "/me"):
        assert web.get(f"/api/v1{path}").status_code == 403, path
    due = str(timezone.localdate() + timedelta(days=2))
    posted = web.post(f"/api/v1/care/clients/{alice.pk}/homework", data=json.dumps({"kind": "grounding",
                                                                                    "due_on": due}),
                      content_type="application/json")
    assert posted.status_code == 403 and not Homework.objects.exists()
    two_step_on(bob)
    assert web.get("/api/v1/care/clients").status_code == 200
    assert web.get(f"/api/v1/care/clients/{alice.pk}/thoughts").status_code == 200


def test_a_clinicians_token_works_only_with_two_step_on(alice: Any, bob: Any, client: Any) -> None:
    share(alice, bob, ["victories"])
    api = Api(token_for(bob))  # a token from before two-step was required (the endpoint would refuse it now)
    refused = api.get("/care/clients")
    assert refused.status_code == 403 and "two-step" in refused.json()["detail"]
    body = {"username": "bob", "password": PASSWORD}
    made = client.post("/api/v1/auth/token", data=json.dumps(body), content_type="application/json")
    assert made.status_code == 403 and "two-step" in made.json()["detail"]
    two_step_on(bob)
    assert api.get("/care/clients").json()["count"] == 1


def test_people_who_are_not_clinicians_need_no_second_step(alice: Any) -> None:
    assert client_for(alice).get("/api/v1/care/shares").status_code == 200
    assert Api(token_for(alice)).get("/care/shares").status_code == 200
