"""Import (POST /api/v1/import, `rebond import`): all or nothing, a 422 naming the part, never into someone else."""

from __future__ import annotations

import io
import json
import sys
from typing import Any

import pytest
from django.test import Client

from rebond.accounts import services
from rebond.accounts.models import User
from rebond.care.models import Homework
from rebond.cli import run
from rebond.journal.models import JournalEntry
from rebond.promises.models import Promise
from rebond.safety import plan as plan_service
from rebond.safety.models import SafetyPlan
from rebond.thoughts.models import ThoughtRecord
from tests.conftest import share, token_for

pytestmark = pytest.mark.django_db

PROMISE = {"text": "Walk for ten minutes", "size": "small", "rrule": "", "starts_on": "2026-01-01", "checkins": []}
HOMEWORK = {"kind": "grounding", "count": 1, "assigned_on": "2030-01-01", "due_on": "2030-01-08"}


def export_file(**sections: Any) -> dict[str, Any]:
    return {"format": "rebond-export", "version": 1, "sections": sections}


def post_import(user: Any, data: Any) -> Any:
    body = data if isinstance(data, bytes | str) else json.dumps(data)
    return Client().post("/api/v1/import", data=body, content_type="application/json",
                         HTTP_AUTHORIZATION=f"Bearer {token_for(user)}")


def detail(response: Any) -> list[dict[str, Any]]:
    assert response.status_code == 422, response.content
    items = response.json()["detail"]
    assert all(isinstance(i["msg"], str) and i["msg"] for i in items)
    return list(items)


def locs(response: Any) -> list[list[Any]]:
    return [item["loc"] for item in detail(response)]


def test_an_unreadable_value_is_a_422_naming_the_section_and_nothing_is_written(charlie: Any) -> None:
    data = export_file(profile={"display_name": "Charles"},
                       safety_plan={"coping": {"text": "music", "obstacle": ""}},
                       care={"homework": [{**HOMEWORK, "count": "abc"}]},
                       promises={"promises": [PROMISE]})
    response = post_import(charlie, data)
    assert locs(response) == [["body", "sections", "care"]]
    assert "Care" in detail(response)[0]["msg"] and "abc" not in response.content.decode()
    charlie.refresh_from_db()
    assert charlie.display_name == ""
    assert not SafetyPlan.objects.exists() and not Promise.objects.exists() and not Homework.objects.exists()


def test_a_number_too_big_for_the_database_is_a_422_not_a_crash(charlie: Any) -> None:
    person = {"name": "Jo", "relationship": "friend", "ladder": [{"position": 10**30, "text": "Coffee together"}]}
    (item,) = detail(post_import(charlie, export_file(people={"people": [person]})))
    assert item["loc"][:3] == ["body", "sections", "people"]


@pytest.mark.parametrize("sections, where", [
    ({"promises": "abc"}, ["body", "sections", "promises"]),
    ({"promises": {"promises": "abc"}}, ["body", "sections", "promises", "promises"]),
    ({"promises": {"promises": {"text": "Walk"}}}, ["body", "sections", "promises", "promises"]),
    ({"thoughts": {"records": [1, 2]}}, ["body", "sections", "thoughts", "records"]),
    ({"care": {"homework": ["grounding"]}}, ["body", "sections", "care", "homework"]),
    ({"journal": []}, ["body", "sections", "journal"]),
    ({"safety_plan": "be safe"}, ["body", "sections", "safety_plan"]),
])
def test_a_part_of_the_wrong_shape_is_refused_not_skipped(charlie: Any, sections: dict[str, Any],
                                                           where: list[Any]) -> None:
    response = post_import(charlie, export_file(**sections, profile={"display_name": "Charles"}))
    assert where in locs(response)
    charlie.refresh_from_db()
    assert charlie.display_name == ""


def test_every_shape_problem_is_named_at_once(charlie: Any) -> None:
    response = post_import(charlie, export_file(promises="abc", journal={"entries": "abc"}))
    assert locs(response) == [["body", "sections", "journal", "entries"], ["body", "sections", "promises"]]


@pytest.mark.parametrize("profile, field, words", [
    ({"time_zone": "Mars/Olympus"}, "time_zone", "Pick a time zone from the list."),
    ({"region": "ZZ"}, "region", "Pick a region from the list, or leave it empty."),
    ({"display_name": "x" * 81}, "display_name", "80"),
    ({"display_name": 7}, "display_name", "text"),
    ({"discreet_mode": "yes"}, "discreet_mode", "true or false"),
])
def test_the_profile_is_checked_as_settings_checks_it(charlie: Any, profile: dict[str, Any], field: str,
                                                       words: str) -> None:
    response = post_import(charlie, export_file(profile=profile))
    (item,) = detail(response)
    assert item["loc"] == ["body", "sections", "profile", field]
    assert words in item["msg"]
    charlie.refresh_from_db()
    assert (charlie.time_zone, charlie.region, charlie.display_name) == ("UTC", "", "")


def test_a_good_profile_comes_in_discreet_mode_included(charlie: Any) -> None:
    response = post_import(charlie, export_file(profile={
        "username": "someone-else", "display_name": "Charles", "time_zone": "Europe/Paris", "region": "GB",
        "discreet_mode": True, "role": "clinician"}))
    assert response.status_code == 200 and response.json()["imported"] == {"profile": 4}
    charlie.refresh_from_db()
    assert (charlie.username, charlie.display_name, charlie.time_zone, charlie.region, charlie.discreet_mode,
            charlie.role) == ("charlie", "Charles", "Europe/Paris", "GB", True, "client")


def test_importing_the_same_file_twice_is_refused_instead_of_making_copies(alice: Any, charlie: Any) -> None:
    plan_service.plan_save(user=alice, entries={"reasons": {"text": "the sea", "obstacle": ""}})
    Promise.objects.create(user=alice, text="Walk", size="small", starts_on="2026-01-01")
    services.profile_update(user=alice, display_name="Al", email="", time_zone="Europe/London", region="GB",
                            discreet_mode=False)
    exported = json.loads(json.dumps(services.account_export(user=alice)))
    first = post_import(charlie, exported)
    assert first.status_code == 200 and first.json()["imported"]["promises"] == 1
    second = post_import(charlie, exported)
    (item,) = detail(second)
    assert item["loc"] == ["body", "sections", "promises"]
    assert item["msg"] == ("This account already has entries in Promises, so importing would make copies. "
                           "Import into a new account, or delete them first.")
    assert Promise.objects.filter(user=charlie).count() == 1
    # what import sets rather than adds (profile, safety plan, measures) may come in again
    again = export_file(profile=exported["sections"]["profile"], safety_plan=exported["sections"]["safety_plan"],
                        measures=exported["sections"]["measures"], promises={"promises": [], "victories": []})
    assert post_import(charlie, again).status_code == 200


def test_a_share_of_ones_own_does_not_block_bringing_homework_in(alice: Any, bob: Any, charlie: Any) -> None:
    share(charlie, bob)
    share(alice, bob)
    data = export_file(care={**services.account_export(user=alice)["sections"]["care"], "homework": [HOMEWORK]})
    response = post_import(charlie, json.loads(json.dumps(data)))
    assert response.status_code == 200 and response.json()["imported"]["care"] == 1
    assert locs(post_import(charlie, data)) == [["body", "sections", "care"]]
    assert Homework.objects.filter(owner=charlie).count() == 1


def test_text_that_cannot_be_stored_is_named_where_it_is(charlie: Any) -> None:
    body = ('{"format": "rebond-export", "sections": {"promises": {"promises": '
            '[{"text": "Walk \\ud83d", "size": "small", "starts_on": "2026-01-01"}]}}}')
    (item,) = detail(post_import(charlie, body))
    assert item["loc"] == ["body", "sections", "promises", "promises", 0, "text"]
    assert "can't be saved" in item["msg"]
    assert not Promise.objects.exists()


def test_not_an_export_and_not_json(charlie: Any) -> None:
    assert locs(post_import(charlie, {"sections": {}})) == [["body", "format"]]
    assert locs(post_import(charlie, {"format": "rebond-export"})) == [["body", "sections"]]
    assert locs(post_import(charlie, "{not json")) == [["body"]]


def test_the_text_coming_in_passes_the_safety_guard(charlie: Any) -> None:
    entry = {"kind": "values", "on": "2024-01-01", "prompt": "", "body": "Some days I want to die.",
             "retelling": "", "strengths": [], "believable": None}
    response = post_import(charlie, export_file(journal={"entries": [entry]}))
    assert response.status_code == 200
    crisis = response.json()["crisis"]
    assert crisis["detected"] is True and crisis["resources"]
    assert "want to die" not in response.content.decode(), "the matched words are never echoed"
    assert JournalEntry.objects.get(user=charlie).body == "Some days I want to die.", "the entry is saved"


def test_a_calm_import_says_so(charlie: Any) -> None:
    response = post_import(charlie, export_file(profile={"display_name": "Charles"}))
    assert response.json()["crisis"] == {**response.json()["crisis"], "detected": False, "resources": []}


def test_import_is_always_into_ones_own_account(alice: Any, bob_shared: Any, charlie: Any) -> None:
    exported = json.loads(json.dumps(services.account_export(user=alice)))
    alice_promises = Promise.objects.filter(user=alice).count()
    thought = {"situation": "At work, after the meeting", "status": "draft"}
    exported["sections"]["thoughts"] = {"records": [thought]}
    for person in (bob_shared, charlie):
        response = post_import(person, exported)
        assert response.status_code == 200, response.content
        assert ThoughtRecord.objects.filter(user=person).count() == 1
    assert not ThoughtRecord.objects.filter(user=alice).exists()
    assert Promise.objects.filter(user=alice).count() == alice_promises
    nobody = Client().post("/api/v1/import", data=json.dumps(exported), content_type="application/json")
    assert nobody.status_code == 401


def test_cli_import_explains_a_refusal(charlie: Any, capsys: Any, monkeypatch: Any) -> None:
    data = export_file(care={"homework": [{**HOMEWORK, "count": "abc"}]}, profile={"time_zone": "UTC"})
    monkeypatch.setattr(sys, "stdin", io.StringIO(json.dumps(data)))
    assert run(["import", "charlie"]) == 1
    said = capsys.readouterr().err
    assert "Nothing was imported" in said and "care: Part of Care in this file can't be read" in said
    monkeypatch.setattr(sys, "stdin", io.StringIO(json.dumps(export_file(profile={"time_zone": "Mars/Olympus"}))))
    assert run(["import", "charlie"]) == 1
    assert "profile › time_zone: Pick a time zone from the list." in capsys.readouterr().err
    assert User.objects.get(pk=charlie.pk).time_zone == "UTC"


def test_cli_import_shows_the_regions_lines_when_the_guard_fires(charlie: Any, capsys: Any,
                                                                 monkeypatch: Any) -> None:
    services.profile_update(user=charlie, display_name="", email="", time_zone="UTC", region="GB",
                            discreet_mode=False)
    entry = {"kind": "values", "on": "2024-01-01", "body": "I want to kill myself", "strengths": []}
    monkeypatch.setattr(sys, "stdin", io.StringIO(json.dumps(export_file(journal={"entries": [entry]}))))
    assert run(["import", "charlie"]) == 0
    said = capsys.readouterr()
    out = " ".join(said.out.split())
    assert "journal 1" in said.err
    assert "is saved. No one is told" in out and "Samaritans" in out and "116 123" in out
    assert "kill myself" not in out
    monkeypatch.setattr(sys, "stdin", io.StringIO(json.dumps(export_file(profile={"display_name": "Chuck"}))))
    assert run(["import", "charlie"]) == 0
    assert "No one is told" not in capsys.readouterr().out
