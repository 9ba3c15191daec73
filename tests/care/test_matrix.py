"""Every care page and every care endpoint, for each persona, with the status each must get.

alice owns the record; bob is her clinician (every scope, two-step on, pledge given); dave her supporter (wins and
promises); charlie a stranger; "revoked" is bob after alice stopped sharing with him. The rule (docs/care.md): what
isn't yours is a 404, as if it didn't exist; a viewer who can see a thing but tries to change it gets 403. Another
app's endpoints serve only their owner, so a viewer gets 404 there too.
"""

from __future__ import annotations

from datetime import timedelta
from types import SimpleNamespace
from typing import Any

import pytest

from rebond.care import services
from rebond.care.models import Share
from tests.care.conftest import make_user, share, signed_in
from tests.conftest import Api, token_for, two_step_on
from tests.persona_matrix import Case, check, check_coverage

pytestmark = pytest.mark.django_db

PERSONAS = ("owner", "clinician", "supporter", "stranger", "revoked")
SCOPES = ("promises", "victories", "measures", "thoughts", "ledger_summary", "journal", "safety_alerts")


def every(status: int) -> dict[str, int]:
    return dict.fromkeys(PERSONAS, status)


def only(owner: int, clinician: int = 404, supporter: int = 404) -> dict[str, int]:
    return {"owner": owner, "clinician": clinician, "supporter": supporter, "stranger": 404, "revoked": 404}


def viewers(owner: int, clinician: int, supporter: int) -> dict[str, int]:
    return {"owner": owner, "clinician": clinician, "supporter": supporter, "stranger": 404, "revoked": 404}


DUE = {"kind": "grounding", "due_on": "2099-01-01"}
CASES = [
    # --- web: the owner's side
    Case("web", "index", "get", "/care/", every(200)),
    Case("web", "invite", "post", "/care/invite/", every(200), {"role": "supporter", "scopes": ["victories"], "days": "7"}),
    Case("web", "invite_cancel", "post", "/care/invitations/{invitation}/cancel/", only(302)),
    Case("web", "share_scopes", "post", "/care/shares/{bob_share}/scopes/", only(302, clinician=403),
         {"scopes": ["victories"]}),
    Case("web", "share_mute", "post", "/care/shares/{dave_share}/mute/", only(302, supporter=403), {"muted": "1"}),
    Case("web", "share_revoke", "get", "/care/shares/{bob_share}/revoke/", only(200, clinician=403)),
    Case("web", "share_revoke", "post", "/care/shares/{bob_share}/revoke/", only(302, clinician=403),
         {"confirm": "1"}),
    Case("web", "share_preview", "get", "/care/shares/{bob_share}/preview/", only(200)),
    Case("web", "homework_mark", "post", "/care/homework/{homework}/done/", only(302, clinician=403), {"done": "1"}),
    Case("web", "note_dismiss", "post", "/care/notes/{note}/dismiss/", only(302, supporter=403)),
    Case("web", "summary", "get", "/care/summary/", every(200)),
    Case("web", "summary_thoughts", "post", "/care/summary/thoughts/", every(302),
         {"shown": ["{record}"], "chosen": ["{record}"]}),
    # --- web: the viewer's side
    Case("web", "join", "get", "/care/join/", every(200)),
    Case("web", "join_code", "get", "/care/join/ABCDE23456/", every(422)),
    Case("web", "clients", "get", "/care/clients/", every(200)),
    Case("web", "pledge", "get", "/care/clients/pledge/",
         {"owner": 404, "clinician": 200, "supporter": 404, "stranger": 404, "revoked": 200}),
    Case("web", "client", "get", "/care/clients/{alice}/", viewers(302, 200, 200)),
    Case("web", "client_summary", "get", "/care/clients/{alice}/summary/", viewers(302, 200, 200)),
    Case("web", "flag_ack", "post", "/care/clients/{alice}/flags/", viewers(404, 302, 404), {"source": "{alert}"}),
    Case("web", "encourage", "post", "/care/clients/{alice}/encourage/", viewers(404, 403, 302),
         {"text": "Proud of you"}),
    Case("web", "homework_assign", "post", "/care/clients/{alice}/homework/", viewers(404, 302, 403), DUE),
    # --- API: the viewer's side
    Case("api", "/care/clients", "get", "/care/clients", every(200)),
    Case("api", "/care/dashboard", "get", "/care/dashboard", every(200)),
    Case("api", "/care/pledge", "get", "/care/pledge",
         {"owner": 404, "clinician": 200, "supporter": 404, "stranger": 404, "revoked": 200}),
    Case("api", "/care/pledge", "put", "/care/pledge",
         {"owner": 422, "clinician": 200, "supporter": 422, "stranger": 422, "revoked": 200},
         {"check_frequency": "Mondays", "urgent_contact": "Call 555-0100"}),
    Case("api", "/care/clients/{owner_id}/safety_alerts/ack", "post", "/care/clients/{alice}/safety_alerts/ack",
         viewers(404, 200, 404), {"source": "{alert}"}),
    Case("api", "/care/clients/{owner_id}/encouragements", "post", "/care/clients/{alice}/encouragements",
         viewers(404, 403, 201), {"text": "Proud of you"}),
    Case("api", "/care/clients/{owner_id}/homework", "get", "/care/clients/{alice}/homework",
         viewers(404, 200, 404)),
    Case("api", "/care/clients/{owner_id}/homework", "post", "/care/clients/{alice}/homework",
         viewers(404, 201, 403), DUE),
    Case("api", "/care/clients/{owner_id}/summary", "get", "/care/clients/{alice}/summary", viewers(200, 200, 200)),
    *[Case("api", "/care/clients/{owner_id}/{scope}", "get", f"/care/clients/{{alice}}/{scope}",
           viewers(200, 200, 200 if scope in {"promises", "victories"} else 404)) for scope in SCOPES],
    *[Case("api", "/care/clients/{owner_id}/{scope}", method, "/care/clients/{alice}/promises",
           viewers(404, 403, 403), {}) for method in ("post", "put", "patch", "delete")],
    # --- API: the owner's side
    Case("api", "/care/invitations", "post", "/care/invitations", every(201), {"role": "supporter"}),
    Case("api", "/care/invitations", "get", "/care/invitations", every(200)),
    Case("api", "/care/invitations/accept", "post", "/care/invitations/accept", every(422), {"code": "ABCDE-23456"}),
    Case("api", "/care/invitations/{invitation_id}", "delete", "/care/invitations/{invitation}", only(204)),
    Case("api", "/care/shares", "get", "/care/shares", every(200)),
    Case("api", "/care/shares/{share_id}", "get", "/care/shares/{bob_share}", only(200, clinician=200)),
    Case("api", "/care/shares/{share_id}", "patch", "/care/shares/{bob_share}", only(200, clinician=403),
         {"scopes": ["victories"]}),
    Case("api", "/care/shares/{share_id}", "delete", "/care/shares/{bob_share}", only(204, clinician=403)),
    Case("api", "/care/shares/{share_id}/preview", "get", "/care/shares/{bob_share}/preview", only(200)),
    Case("api", "/care/access-log", "get", "/care/access-log", every(200)),
    Case("api", "/care/flags-seen", "get", "/care/flags-seen", every(200)),
    Case("api", "/care/encouragements", "get", "/care/encouragements", every(200)),
    Case("api", "/care/encouragements/{note_id}/dismiss", "post", "/care/encouragements/{note}/dismiss",
         only(204, supporter=403)),
    Case("api", "/care/homework", "get", "/care/homework", every(200)),
    Case("api", "/care/homework/{homework_id}/done", "put", "/care/homework/{homework}/done",
         only(200, clinician=403), {"done": True}),
    Case("api", "/care/summary/thoughts", "get", "/care/summary/thoughts", every(200)),
    Case("api", "/care/summary/thoughts", "put", "/care/summary/thoughts",
         {"owner": 200, "clinician": 422, "supporter": 422, "stranger": 422, "revoked": 422},
         {"record_ids": ["{record}"]}),
    # --- another app's endpoint: only the owner writes; a viewer whose share covers it is told it is read-only
    Case("other", "promises", "put", "/promises/{promise}/checkins/{today}", only(201, clinician=403, supporter=403),
         {"outcome": "kept"}),
]


@pytest.fixture
def world(alice: Any, bob: Any, charlie: Any) -> Any:
    from rebond.measures import services as measures
    from rebond.promises import services as promises
    from rebond.promises.services import user_today
    from rebond.thoughts import services as thoughts

    dave = make_user("dave", "supporter")
    today = user_today(alice)
    promise, _ = promises.promise_create(user=alice, text="Walk ten minutes", rrule="FREQ=DAILY",
                                         starts_on=today - timedelta(days=3))
    promises.checkin_record(user=alice, promise=promise, on=today - timedelta(days=1), outcome="kept")
    response = measures.response_create(user=alice, instrument_id="phq9", answers=[1] * 9)
    record, _ = thoughts.record_save(user=alice, changes={"situation": "At work",
                                                         "thoughts": [{"text": "They think I'm useless",
                                                                       "hot": True}]})
    record = thoughts.record_finish(user=alice, record=record)
    bob_share = share(alice, bob, list(SCOPES))
    dave_share = share(alice, dave, ["victories", "promises"], role="supporter")
    two_step_on(bob)
    services.pledge_set(user=bob, check_frequency="Tuesdays", urgent_contact="Call 555-0100")
    homework, _ = services.homework_assign(clinician=bob, owner=alice, kind="grounding", due_on=today,
                                           assigned_on=today)
    note, _ = services.encouragement_send(sender=dave, owner=alice, text="Thinking of you")
    invitation, _ = services.invitation_create(user=alice, role="supporter")
    return SimpleNamespace(
        users={"owner": alice, "clinician": bob, "supporter": dave, "stranger": charlie, "revoked": bob},
        values={"alice": alice.pk, "bob_share": bob_share.pk, "dave_share": dave_share.pk, "homework": homework.pk,
                "note": note.pk, "invitation": invitation.pk, "record": record.pk, "promise": promise.pk,
                "today": today.isoformat(), "alert": f"measure:{response.pk}"})


@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize("case", CASES, ids=lambda c: f"{c.door}:{c.method}:{c.path}")
def test_persona_matrix(world: Any, case: Case, persona: str) -> None:
    check(case, world, persona)


def test_the_matrix_covers_every_care_page_and_endpoint(client: Any) -> None:
    """A new page or endpoint without a row above fails here."""
    from rebond.care.urls import urlpatterns

    check_coverage(CASES, urlpatterns, client, lambda path: "/care/" in path)


def test_no_persona_changed_what_is_not_theirs(world: Any) -> None:
    """The refusals above really wrote nothing: a viewer's or stranger's tries leave alice's things as they were."""
    from rebond.care.models import Encouragement, Homework, SummaryThought

    for persona in ("clinician", "supporter", "stranger"):
        user = world.users[persona]
        web, api = signed_in(user), Api(token_for(user))
        web.post(f"/care/homework/{world.values['homework']}/done/", {"done": "1"})
        api.put(f"/care/homework/{world.values['homework']}/done", {"done": True})
        web.post(f"/care/notes/{world.values['note']}/dismiss/")
        api.post(f"/care/encouragements/{world.values['note']}/dismiss")
        web.post("/care/summary/thoughts/", {"shown": [world.values["record"]], "chosen": [world.values["record"]]})
        api.call("patch", f"/care/shares/{world.values['bob_share']}", {"scopes": ["journal"]})
    assert Homework.objects.get().done_at is None
    assert Encouragement.objects.get().dismissed_at is None
    assert not SummaryThought.objects.exists()
    assert Share.objects.get(pk=world.values["bob_share"]).scopes == list(SCOPES)
