from __future__ import annotations

import json
from typing import Any

import pytest
from django.apps import apps
from django.test import Client

from rebond.accounts import services
from rebond.accounts.models import User
from rebond.core import demo
from rebond.safety import plan as plan_service
from tests.conftest import PASSWORD, client_for, make_user, token_for

pytestmark = pytest.mark.django_db
# Tables no person owns a row of: Django's own, and invite codes (an invite outlives the account it made).
NOT_OWNED = {"auth.Permission", "auth.Group", "contenttypes.ContentType", "accounts.SignupInvite"}


def row_counts() -> dict[str, int]:
    return {m._meta.label: m.objects.count() for m in apps.get_models()}


def fill_everything(user: Any) -> None:
    """Write something into every section a person can own (apps add theirs through the demo builders)."""
    token_for(user)
    plan_service.plan_save(user=user, entries={"coping": {"text": "music", "obstacle": "tired"}})
    for _, builder in demo._builders:
        builder(user)
    _fill_the_rest(user)


def _fill_the_rest(user: Any) -> None:
    """What the demo doesn't make: the rows that come from someone else looking, or from later choices."""
    import pyotp

    from rebond.accounts import twofactor
    from rebond.care import access
    from rebond.care import services as care
    from rebond.care.models import DemoCompanion, Share
    from rebond.measures import services as measures
    from rebond.people import services as people
    from rebond.people.models import Observation
    from rebond.promises import services as promises
    from rebond.thoughts.models import ThoughtRecord

    secret = twofactor.new_secret()
    twofactor.enable(user=user, secret=secret, code=pyotp.TOTP(secret).now())
    care.invitation_create(user=user, role="supporter")
    _sessions(user)
    clinician_share = Share.objects.filter(owner=user, role="clinician").first()
    assert clinician_share is not None, "the demo gives the person a clinician"
    access.read_scope(clinician_share.viewer, user.id, "promises")
    care.flag_acknowledge(viewer=clinician_share.viewer, owner=user, source="checkin")
    supporter = make_user(f"{user.username}-friend", "supporter")
    DemoCompanion.objects.create(owner=user, companion=supporter)  # goes with the person, like the demo's companions
    _, code = care.invitation_create(user=user, role="supporter")
    care.invitation_accept(user=supporter, code=code)
    care.encouragement_send(sender=supporter, owner=user, text="Thinking of you.")
    done = list(ThoughtRecord.objects.filter(user=user, status="done").values_list("pk", flat=True))
    care.summary_thoughts_set(user=user, record_ids=done[:1], within=done)
    people.observation_annotate(user=user, observation=Observation.objects.filter(user=user).first(),
                                text="Written later: it was a busy week.")
    measures.draft_save(user=user, instrument_id="gad7", answers=[1, 2])
    promises.calendar_feed_regenerate(user=user)


def _sessions(user: Any) -> None:
    """Sessions on two other devices: one signed in with a crisis page still to show, one halfway through two-step
    sign-in. Each names the person, so each must go with the account."""
    from datetime import date

    from rebond.accounts.services import PENDING_2FA
    from rebond.safety import interstitial
    from rebond.safety import services as safety

    phone = client_for(user).session
    phone[interstitial.PENDING_KEY] = {"entry": "thoughts:1", "back": "/thoughts/1/", "harmed": False}
    phone.save()
    safety.crisis_page_mark(user=user, entry_key="thoughts:2", day=date.today())  # the calm page, shown earlier
    laptop = Client().session
    laptop[PENDING_2FA] = {"user": user.pk, "next": "/"}
    laptop.save()
    services.record_failed_signin(username=user.username, ip="203.0.113.9")  # a mistyped password, earlier today


def test_fill_everything_reaches_every_table(charlie: Any) -> None:
    """So the deletion tests below can't pass by leaving an empty table empty: a new model must be filled here."""
    before = row_counts()
    fill_everything(make_user("alice"))
    after = row_counts()
    untouched = sorted(label for label in after if after[label] == before[label] and label not in NOT_OWNED)
    assert not untouched, f"fill_everything writes nothing into {untouched}"


def test_export_has_every_section(alice: Any) -> None:
    fill_everything(alice)
    data = client_for(alice).get("/accounts/export/")
    assert data["Content-Disposition"].startswith("attachment")
    exported = json.loads(data.content)
    assert exported["format"] == "rebond-export"
    assert exported["sections"]["safety_plan"]["coping"]["text"] == "music"
    assert exported["sections"]["profile"]["username"] == "alice"


def test_delete_account_leaves_no_row_behind(charlie: Any) -> None:
    before = row_counts()
    alice = make_user("alice")
    fill_everything(alice)
    assert row_counts() != before
    client = client_for(alice)
    response = client.post("/accounts/delete/", {"password": "wrong", "confirm": "on"})
    assert "Nothing was deleted" in response.content.decode().replace("&#x27;", "'").replace("&quot;", "\"")
    assert User.objects.filter(pk=alice.pk).exists()
    response = client.post("/accounts/delete/", {"password": PASSWORD, "confirm": "on"})
    assert "Your account is deleted" in response.content.decode().replace("&#x27;", "'").replace("&quot;", "\"")
    assert row_counts() == before, "rows were left behind"
    assert client.get("/accounts/settings/").status_code == 302


def test_delete_account_by_api(api_as: Any, charlie: Any) -> None:
    before = row_counts()
    alice = make_user("alice")
    fill_everything(alice)
    api = api_as(alice)
    assert api.delete("/account", {"password": "wrong"}).status_code == 422
    assert api.delete("/account", {"password": PASSWORD}).status_code == 204
    assert row_counts() == before


def test_export_then_import_round_trip(alice: Any, charlie: Any) -> None:
    plan_service.plan_save(user=alice, entries={"reasons": {"text": "the sea", "obstacle": ""}})
    exported = client_for(alice).get("/accounts/export/").content
    response = Client().post("/api/v1/import", data=exported, content_type="application/json",
                             HTTP_AUTHORIZATION=f"Bearer {token_for(charlie)}")
    assert response.status_code == 200
    assert plan_service.plan_get(user=charlie)["reasons"]["text"] == "the sea"
