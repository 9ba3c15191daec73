"""Every measures page and endpoint, for each persona, with the status each must get (as tests/care/test_matrix.py
does for the care circle, with the same Case rows from tests/persona_matrix.py).

alice owns the record; bob is her clinician with the questionnaire scope (and safety alerts); dave a supporter she
shares her questionnaire scores with, erin one she shares only wins with; charlie a stranger; "revoked" is bob after
alice stopped sharing. Measures pages and endpoints serve only their owner: each persona gets their own (empty)
questionnaires, drafts, reminders and check-ins, alice's results and check-ins are a 404 to everyone else, and a
viewer whose share covers questionnaires who tries to delete one of alice's results gets 403 (read-only). What a
share lets a viewer read comes through the care endpoints, by scope.
"""

from __future__ import annotations

from datetime import timedelta
from types import SimpleNamespace
from typing import Any

import pytest
from django.utils import timezone

from tests.conftest import Api, make_user, share, signed_in, token_for, two_step_on
from tests.persona_matrix import Case, check, check_coverage

pytestmark = pytest.mark.django_db

PERSONAS = ("owner", "clinician", "supporter", "wins_only_supporter", "stranger", "revoked")
PHQ9 = {f"q{n}": "1" for n in range(1, 10)} | {"action": "submit"}


def every(status: int) -> dict[str, int]:
    return dict.fromkeys(PERSONAS, status)


def only(owner: int, *, measures_viewers: int = 404, clinician: int | None = None) -> dict[str, int]:
    """The owner gets ``owner``; a viewer whose share covers questionnaires gets ``measures_viewers`` (the
    clinician ``clinician`` when it differs); everyone else 404."""
    return {"owner": owner, "clinician": measures_viewers if clinician is None else clinician,
            "supporter": measures_viewers, "wins_only_supporter": 404, "stranger": 404, "revoked": 404}


def own(owner: int, others: int) -> dict[str, int]:
    """Something each persona has for themselves: alice already has one, everyone else makes theirs."""
    return {**every(others), "owner": owner}


CASES = [
    # --- web pages: each person's own
    Case("web", "index", "get", "/measures/", every(200)),
    Case("web", "checkin", "get", "/measures/checkin/", every(200)),
    Case("web", "checkin", "post", "/measures/checkin/", every(302), {"mood": "3", "safety": "safe"}),
    Case("web", "checkin_help", "get", "/measures/checkin/help/", every(200)),
    Case("web", "checkin_delete", "get", "/measures/checkin/{yesterday}/delete/", only(200)),
    Case("web", "checkin_delete", "post", "/measures/checkin/{yesterday}/delete/", only(302)),
    Case("web", "mood", "get", "/measures/mood/", every(200)),
    Case("web", "history", "get", "/measures/phq9/", every(200)),
    Case("web", "take", "get", "/measures/phq9/take/", every(200)),
    Case("web", "take", "post", "/measures/phq9/take/", every(302), PHQ9),
    Case("web", "draft", "post", "/measures/gad7/draft/", every(302), {"q1": "2"}),
    Case("web", "draft_discard", "get", "/measures/gad7/draft/discard/", only(200)),
    Case("web", "draft_discard", "post", "/measures/gad7/draft/discard/", only(302)),
    Case("web", "schedule", "post", "/measures/phq9/schedule/", every(302), {"every_days": "14"}),
    # --- web pages: alice's result, read and deleted
    Case("web", "result", "get", "/measures/phq9/{phq9}/", only(200)),
    Case("web", "delete", "post", "/measures/phq9/{phq9}/delete/", only(302, measures_viewers=403)),
    # --- API: each person's own
    Case("api", "/instruments", "get", "/instruments", every(200)),
    Case("api", "/measures", "get", "/measures", every(200)),
    Case("api", "/measures/{instrument}", "get", "/measures/phq9", every(200)),
    Case("api", "/measures/{instrument}", "post", "/measures/phq9", every(201), {"answers": [1] * 9}),
    Case("api", "/measures/{instrument}/questionnaire", "get", "/measures/phq9/questionnaire", every(200)),
    Case("api", "/measures/{instrument}/codesystem", "get", "/measures/pcl5/codesystem", every(200)),
    Case("api", "/measures/{instrument}/draft", "get", "/measures/gad7/draft", every(200)),
    Case("api", "/measures/{instrument}/draft", "put", "/measures/gad7/draft", every(200), {"answers": [1, None]}),
    Case("api", "/measures/{instrument}/draft", "delete", "/measures/gad7/draft", every(204)),
    Case("api", "/measures/{instrument}/schedule", "get", "/measures/phq9/schedule", every(200)),
    Case("api", "/measures/{instrument}/schedule", "put", "/measures/phq9/schedule", every(200), {"every_days": 14}),
    Case("api", "/measures/{instrument}/schedule", "delete", "/measures/phq9/schedule", every(204)),
    Case("api", "/checkins", "get", "/checkins", every(200)),
    Case("api", "/checkins", "post", "/checkins", every(201), {"mood": 3, "safety": "safe"}),
    Case("api", "/checkins/{on}", "put", "/checkins/{yesterday}", own(200, 201), {"mood": 4, "safety": "safe"}),
    # --- API: alice's results, outcome and check-ins
    Case("api", "/measures/outcome", "get", "/measures/outcome", only(200)),
    Case("api", "/measures/outcome", "get", "/measures/outcome?first={first}&last={last}", only(200)),
    Case("api", "/measures/{instrument}/{response_id}", "get", "/measures/phq9/{phq9}", only(200)),
    Case("api", "/measures/{instrument}/{response_id}", "delete", "/measures/phq9/{phq9}",
         only(204, measures_viewers=403)),
    Case("api", "/measures/{instrument}/{response_id}/fhir", "get", "/measures/phq9/{phq9}/fhir", only(200)),
    Case("api", "/checkins/{on}", "get", "/checkins/{yesterday}", only(200)),
    Case("api", "/checkins/{on}", "delete", "/checkins/{yesterday}", only(204)),
    # --- what a share lets a viewer read, through the care endpoints: scores by scope, safety answers never
    #     for supporters
    Case("care", "measures", "get", "/care/clients/{alice}/measures", only(200, measures_viewers=200)),
    Case("care", "safety_alerts", "get", "/care/clients/{alice}/safety_alerts", only(200, clinician=200)),
]


@pytest.fixture
def world(alice: Any, bob: Any, charlie: Any) -> Any:
    from rebond.care import services as care
    from rebond.measures import selectors, services

    dave = make_user("dave", "supporter")
    erin = make_user("erin", "supporter")
    yesterday = selectors.user_today(alice) - timedelta(days=1)
    now = timezone.now()
    first = [services.response_create(user=alice, instrument_id=i, answers=a, taken_at=now - timedelta(days=30))
             for i, a in (("phq9", [2] * 9), ("gad7", [2] * 7))]
    last = [services.response_create(user=alice, instrument_id=i, answers=a) for i, a in (("phq9", [1] * 9),
                                                                                        ("gad7", [1] * 7))]
    services.draft_save(user=alice, instrument_id="gad7", answers=[1, None, 2])
    services.checkin_save(user=alice, on=yesterday, mood=2, safety="not_sure", about="myself")
    share(alice, bob, ["measures", "safety_alerts"])
    share(alice, dave, ["victories", "measures"], role="supporter")
    share(alice, erin, ["victories"], role="supporter")
    two_step_on(bob)
    care.pledge_set(user=bob, check_frequency="Tuesdays", urgent_contact="Call 555-0100")
    return SimpleNamespace(
        users={"owner": alice, "clinician": bob, "supporter": dave, "wins_only_supporter": erin,
               "stranger": charlie, "revoked": bob},
        values={"alice": alice.pk, "phq9": last[0].pk, "yesterday": yesterday.isoformat(),
                "first": f"{first[0].pk},{first[1].pk}", "last": f"{last[0].pk},{last[1].pk}"})


@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize("case", CASES, ids=lambda c: f"{c.door}:{c.method}:{c.path}")
def test_persona_matrix(world: Any, case: Case, persona: str) -> None:
    check(case, world, persona)


def test_the_matrix_covers_every_measures_page_and_endpoint(client: Any) -> None:
    """A new page or endpoint without a row above fails here."""
    from rebond.measures.urls import urlpatterns

    ours = ("/api/v1/measures", "/api/v1/checkins", "/api/v1/instruments")
    check_coverage(CASES, urlpatterns, client, lambda path: path.startswith(ours))


def test_no_persona_changed_what_is_not_theirs(world: Any) -> None:
    """The refusals above really wrote nothing: alice's results, draft and check-in are as they were."""
    from rebond.measures.models import DailyCheckin, MeasureDraft, MeasureResponse

    alice = world.users["owner"]
    for persona in ("clinician", "supporter", "wins_only_supporter", "stranger"):
        user = world.users[persona]
        web, api = signed_in(user), Api(token_for(user))
        web.post(f"/measures/phq9/{world.values['phq9']}/delete/")
        api.delete(f"/measures/phq9/{world.values['phq9']}")
        web.post("/measures/gad7/draft/discard/")
        api.delete("/measures/gad7/draft")
        web.post(f"/measures/checkin/{world.values['yesterday']}/delete/")
        api.delete(f"/checkins/{world.values['yesterday']}")
    assert MeasureResponse.objects.filter(user=alice).count() == 4
    assert MeasureDraft.objects.get(user=alice).answers == [1, None, 2]
    assert DailyCheckin.objects.get(user=alice).safety == "not_sure"
