"""UX.md Safety: "On an unsafe day show no questionnaires or practices." Measures collapses behind the calm note
(past results only when asked for), and Today leaves homework for another day, keeping promises."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.utils import timezone

from rebond.domain.instruments import load
from rebond.measures import demo, selectors, services
from tests.conftest import client_for, html, share, signed_in

pytestmark = pytest.mark.django_db


def unsafe(user: Any, safety: str = "not_safe") -> None:
    services.checkin_save(user=user, on=selectors.user_today(user), mood=2, safety=safety, about="myself")


def test_measures_on_an_unsafe_day_shows_only_the_calm_note(alice: Any) -> None:
    demo.build(alice)  # months of PHQ-9, GAD-7 and WHO-5, with the paired outcome
    for safety in ("not_safe", "not_sure"):
        unsafe(alice, safety)
        html = client_for(alice).get("/measures/").content.decode()
        assert "Questionnaires and\npractices can wait" in html or "practices can wait" in " ".join(html.split())
        assert 'href="/help/"' in html and 'href="/safety-plan/"' in html
        assert "See my past results anyway" in html and 'href="/measures/?past=1"' in html
        for hidden in ("<svg", "Mood and worry together", "Last time, on", "/take/", "Take the",
                       load("phq9").intro, "Your mood over the last"):
            assert hidden not in html, hidden


def test_past_results_open_only_when_asked_and_still_offer_nothing_to_take(alice: Any) -> None:
    demo.build(alice)
    unsafe(alice)
    html = client_for(alice).get("/measures/?past=1").content.decode()
    assert "Your past results" in html and "<svg" in html and "Mood and worry together" in html
    assert "Last time, on" in html and "See my past results anyway" not in html
    assert "/take/" not in html and "Take the" not in html and "Carry on" not in html
    assert "About the PCL-5" not in html  # a questionnaire never taken is not offered on this day
    assert 'href="/help/"' in html  # the calm note stays at the top


def test_past_results_with_none_taken_say_so(alice: Any) -> None:
    unsafe(alice)
    html = client_for(alice).get("/measures/?past=1").content.decode()
    assert "No results yet." in html and "/take/" not in html


def test_a_safe_day_is_unchanged_and_past_does_nothing(alice: Any) -> None:
    demo.build(alice)
    services.checkin_save(user=alice, on=selectors.user_today(alice), mood=4, safety="safe")
    for path in ("/measures/", "/measures/?past=1"):
        html = client_for(alice).get(path).content.decode()
        assert "Take the PCL-5" in html and "Mood and worry together" in html
        assert "See my past results anyway" not in html and "Your past results" not in html


def test_yesterday_unsafe_does_not_collapse_today(alice: Any) -> None:
    services.checkin_save(user=alice, on=selectors.user_today(alice) - timedelta(days=1), mood=1,
                          safety="not_safe", about="myself")
    assert "Take the PHQ-9" in client_for(alice).get("/measures/").content.decode()


def _homework(clinician: Any, owner: Any, kind: str, instrument: str = "") -> Any:
    from rebond.care import services as care

    today = selectors.user_today(owner)
    homework, _ = care.homework_assign(clinician=clinician, owner=owner, kind=kind, instrument=instrument,
                                       due_on=today, assigned_on=today)
    return homework


def test_today_leaves_all_homework_for_another_day_when_unsafe(alice: Any, bob_shared: Any) -> None:
    from rebond.promises import services as promises

    promises.promise_create(user=alice, text="Drink a glass of water", rrule="FREQ=DAILY",
                            starts_on=selectors.user_today(alice))
    _homework(bob_shared, alice, "questionnaire", "gad7")
    _homework(bob_shared, alice, "grounding")
    _homework(bob_shared, alice, "thought_records")
    safe_day = client_for(alice).get("/").content.decode()
    assert "/measures/gad7/take/" in safe_day and "A grounding exercise" in safe_day and "Thought records" in safe_day
    assert "Homework can wait today." not in safe_day
    for safety in ("not_safe", "not_sure"):
        unsafe(alice, safety)
        html = client_for(alice).get("/").content.decode()
        assert "/measures/gad7/take/" not in html and "A grounding exercise" not in html
        assert "A questionnaire" not in html and "Thought records" not in html and "/thoughts/new/" not in html
        assert "Mark as done" not in html and "Homework can wait today." in html
        assert "Drink a glass of water" in html, "promises stay"


def test_today_with_homework_held_back_says_only_that_it_can_wait(alice: Any, bob: Any) -> None:
    share(alice, bob, scopes=["measures"])
    _homework(bob, alice, "questionnaire", "phq9")
    unsafe(alice)
    html = client_for(alice).get("/").content.decode()
    assert "/measures/phq9/take/" not in html and "A questionnaire" not in html
    assert "Homework can wait today." in html and "<h3>Homework</h3>" not in html


def test_unsafe_day_is_the_owners_own(alice: Any, bob_shared: Any, charlie: Any) -> None:
    unsafe(alice)
    services.response_create(user=charlie, instrument_id="gad7", answers=[1] * 7,
                             taken_at=timezone.now() - timedelta(days=3))
    for other in (bob_shared, charlie):
        html = signed_in(other).get("/measures/").content.decode()
        assert "Take the PHQ-9" in html and "See my past results anyway" not in html


# --- one rule for every door: the service refuses a questionnaire on an unsafe day ------------------------------

def test_api_refuses_a_questionnaire_calmly_with_help(api_as: Any, alice: Any) -> None:
    from rebond.measures import catalogue
    from rebond.measures.models import MeasureDraft, MeasureResponse

    unsafe(alice)
    api = api_as(alice)
    for method, path, body in (("post", "/measures/phq9", {"answers": [0] * 9}),
                               ("put", "/measures/gad7/draft", {"answers": [1, None]})):
        refused = api.call(method, path, body)
        assert refused.status_code == 409, refused.content
        assert refused.json()["detail"] == catalogue.words()["unsafe_today"]
        assert refused.json()["next"]["kind"] == "crisis_lines" and refused.json()["next"]["resources"]
    assert not MeasureResponse.objects.exists() and not MeasureDraft.objects.exists()
    assert api.get("/measures/phq9").status_code == 200  # past results can still be read
    services.checkin_save(user=alice, on=selectors.user_today(alice), mood=2, safety="not_sure", about="someone")
    assert api.post("/measures/phq9", {"answers": [0] * 9}).json()["next"]["kind"] == "dv_help"
    services.checkin_save(user=alice, on=selectors.user_today(alice), mood=3, safety="safe")
    assert api.post("/measures/phq9", {"answers": [0] * 9}).status_code == 201


def test_cli_take_asks_nothing_and_shows_help(alice: Any, monkeypatch: Any, capsys: Any) -> None:
    from rebond.cli import run
    from rebond.measures.models import MeasureDraft, MeasureResponse

    unsafe(alice)

    def never(*args: Any, **kwargs: Any) -> str:
        raise AssertionError("no question is asked on an unsafe day")

    monkeypatch.setattr("typer.prompt", never)
    assert run(["measure", "take", "phq9", "--user", "alice"]) == 1
    said = capsys.readouterr()
    printed = " ".join(said.out.split())
    assert "Questionnaires and practices can wait" in printed and "Samaritans" in printed and "999" in printed
    assert "No questionnaire today" in said.err
    assert not MeasureResponse.objects.exists() and not MeasureDraft.objects.exists()


def test_web_draft_saves_are_refused_too(alice: Any) -> None:
    from rebond.measures.models import MeasureDraft

    unsafe(alice)
    client = client_for(alice)
    htmx = client.post("/measures/phq9/draft/", {"q1": "2"}, HTTP_HX_REQUEST="true")
    assert htmx.status_code == 200 and "practices can wait" in " ".join(html(htmx).split())
    plain = client.post("/measures/phq9/draft/", {"q1": "2"})
    assert "This can wait" in html(plain)
    assert not MeasureDraft.objects.exists()


def test_an_import_on_an_unsafe_day_still_brings_back_past_answers(alice: Any) -> None:
    from rebond.measures.models import MeasureDraft, MeasureResponse

    unsafe(alice)
    taken_at = (timezone.now() - timedelta(days=10)).isoformat()
    count = services.import_measures(alice, {"responses": [{"instrument": "gad7", "answers": [1] * 7,
                                                            "taken_at": taken_at}],
                                             "drafts": [{"instrument": "phq9", "answers": [1, None]}]})
    assert count == 2 and MeasureResponse.objects.count() == 1 and MeasureDraft.objects.count() == 1
