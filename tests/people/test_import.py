"""Importing a ledger checks that it hangs together (repairs point at an earlier hard moment of the same person,
nothing else points anywhere, kinds, severities and days are real) and refuses the whole file otherwise; and a bad
row that got in some other way never breaks a page, the API or the CLI: it is left out of the score, logged by id."""

from __future__ import annotations

import copy
import json
import logging
from datetime import date, timedelta
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from typer.testing import CliRunner

from rebond.accounts import services as account_services
from rebond.boundaries.models import Boundary
from rebond.people import selectors, services
from rebond.people.models import Observation, Person, TheySaid
from tests.conftest import TODAY, client_for

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("frozen_day")]




def entry(ref: int, kind: str, on: date | str, **more: Any) -> dict[str, Any]:
    return {"ref": ref, "on": on if isinstance(on, str) else on.isoformat(), "kind": kind, "severity": 1.0, "repairs": None, "note": "",
            "from_checking": False, "retracted_at": None, "retraction_reason": "", "annotations": [],
            "repair_path": None, **more}


def export(*observations: dict[str, Any], they_said: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    """A rebond export with one person (and a boundary, to show the other sections are refused too)."""
    return {"format": "rebond-export", "sections": {
        "people": {"people": [{"name": "Jo", "relationship": "", "hurt": "no", "observations": list(observations),
                               "they_said": they_said or [], "ladder": []}]},
        "boundaries": {"boundaries": [{"what": "No calls after ten", "logs": []}]},
    }}


BREACH = entry(1, "promise_broken", TODAY - timedelta(days=5))
KEPT = entry(2, "promise_kept", TODAY - timedelta(days=4))


@pytest.mark.parametrize(("entries", "words"), [
    ([BREACH, entry(3, "apology", TODAY, repairs=99)], "isn't earlier in this person's record"),
    ([entry(3, "apology", TODAY, repairs=1), BREACH], "isn't earlier in this person's record"),
    ([BREACH, entry(3, "apology", TODAY)], "must point at an earlier hard moment"),
    ([KEPT, entry(3, "amends", TODAY, repairs=2)], "isn't a hard one"),
    ([BREACH, entry(3, "promise_kept", TODAY, repairs=1)], "only an apology or amends"),
    ([BREACH, entry(3, "apology", TODAY - timedelta(days=6), repairs=1)], "dated before the moment it repairs"),
    ([BREACH, entry(3, "liar", TODAY)], "isn't one rebond knows"),
    ([BREACH, entry(3, "promise_broken", TODAY, severity=9)], "from 0.5 to 3"),
    ([BREACH, entry(3, "promise_broken", TODAY, severity=True)], "from 0.5 to 3"),
    ([BREACH, entry(3, "promise_broken", "last week")], "isn't a day"),
    ([BREACH, entry(3, "promise_kept", TODAY + timedelta(days=3))], "in the future"),
    ([BREACH, entry(1, "promise_kept", TODAY)], "share the same ref"),
    ([BREACH, entry(3, "promise_kept", TODAY, repair_path={"stage": "rebuild"})], "belong to a hard moment"),
])
def test_a_broken_ledger_is_refused_whole_naming_the_place(alice: Any, entries: list[dict[str, Any]],
                                                           words: str) -> None:
    with pytest.raises(ValidationError) as caught:
        account_services.account_import(user=alice, data=export(*entries))
    problems = caught.value.messages
    assert any(p.startswith("Person 1, ledger entry") and words in p for p in problems), problems
    assert not Person.objects.exists() and not Observation.objects.exists() and not Boundary.objects.exists()


def test_a_said_pointing_at_nothing_is_refused(alice: Any) -> None:
    said = {"text": "Call", "made_on": str(TODAY), "due_on": str(TODAY), "status": "kept", "observation": 42}
    with pytest.raises(ValidationError) as caught:
        account_services.account_import(user=alice, data=export(BREACH, they_said=[said]))
    assert "isn't in this person's record" in " ".join(caught.value.messages)
    assert not TheySaid.objects.exists() and not Person.objects.exists()


def test_every_problem_is_named_not_only_the_first(alice: Any) -> None:
    data = export(BREACH, entry(3, "apology", TODAY, repairs=99), entry(4, "promise_kept", TODAY, severity=0))
    with pytest.raises(ValidationError) as caught:
        account_services.account_import(user=alice, data=data)
    problems = caught.value.messages
    assert [p.split(":")[0] for p in problems] == ["Person 1, ledger entry 2", "Person 1, ledger entry 3"]


def test_a_good_ledger_still_imports_with_its_repairs(alice: Any) -> None:
    repair = entry(3, "apology", TODAY - timedelta(days=5), repairs=1)  # the same day counts as earlier
    said = {"text": "Call", "made_on": str(TODAY), "due_on": str(TODAY), "status": "kept", "observation": 2}
    counts = account_services.account_import(user=alice, data=export(BREACH, KEPT, repair, they_said=[said]))
    assert counts["people"] == 5 and counts["boundaries"] == 1
    apology = Observation.objects.get(user=alice, kind="apology")
    assert apology.repairs == Observation.objects.get(user=alice, kind="promise_broken")
    assert TheySaid.objects.get(user=alice).observation == Observation.objects.get(user=alice, kind="promise_kept")


def test_api_and_cli_refuse_a_broken_file_in_words(alice: Any, api_as: Any) -> None:
    data = export(BREACH, entry(3, "apology", TODAY, repairs=99))
    response = api_as(alice).post("/import", data)
    assert response.status_code == 422
    assert any("ledger entry 2" in d["msg"] and d["loc"][-1] == "people" for d in response.json()["detail"])
    from rebond.cli import app

    result = CliRunner().invoke(app, ["import", "alice"], input=json.dumps(data))
    assert "Nothing was imported" in str(result.exception) and "ledger entry 2" in str(result.exception)
    assert not Person.objects.exists()


# --- defence in depth: rows written around the services ------------------------------------------------------

@pytest.fixture
def broken(alice: Any) -> Person:
    """A ledger with every kind of row the trust model would refuse, written straight to the database."""
    person, _ = services.person_create(user=alice, name="Jo", hurt="no")
    breach, _ = services.observation_add(user=alice, person=person, on=TODAY - timedelta(days=5), kind="promise_broken")
    kept, _ = services.observation_add(user=alice, person=person, on=TODAY - timedelta(days=4), kind="promise_kept")
    other, _ = services.person_create(user=alice, name="Ana", hurt="no")
    elsewhere, _ = services.observation_add(user=alice, person=other, on=TODAY - timedelta(days=5),
                                            kind="honesty_breach")
    for kind, repairs, on in (("apology", None, TODAY), ("amends", kept, TODAY), ("promise_kept", breach, TODAY),
                              ("apology", breach, TODAY - timedelta(days=9)), ("amends", elsewhere, TODAY),
                              ("not_a_kind", None, TODAY)):
        Observation.objects.create(user=alice, person=person, on=on, kind=kind, repairs=repairs,
                                   note="secret words in the note")
    return person


def test_bad_rows_are_left_out_of_the_score_and_logged_by_id_only(alice: Any, broken: Person,
                                                                  caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING, logger="rebond.people.selectors"):
        score = selectors.person_trust(user=alice, person=broken)
    good = [o for o in selectors.observation_list(user=alice, person=broken) if o.note is None]
    assert score.estimate == pytest.approx(
        selectors.trust.score(selectors.trust_events(good), TODAY, selectors.MODEL).estimate)
    lines = [r.getMessage() for r in caplog.records]
    assert len(lines) == 6 and all("left out of the trust score" in line for line in lines)
    assert not any("secret" in line or "Jo" in line for line in lines)


def test_bad_rows_never_break_the_page_the_api_or_the_cli(alice: Any, broken: Person, api_as: Any) -> None:
    trust = api_as(alice).get(f"/people/{broken.pk}/trust")
    assert trust.status_code == 200 and trust.json()["lately"]["kept"] == 1
    assert api_as(alice).get(f"/people/{broken.pk}/events").status_code == 200
    page = client_for(alice).get(f"/people/{broken.pk}/")
    assert page.status_code == 200 and "Overall" in page.content.decode()
    from rebond.cli import app

    result = CliRunner().invoke(app, ["people", "alice"])
    assert result.exit_code == 0, result.output
    assert "Jo" in result.output


def test_a_round_trip_of_a_real_export_passes_the_checks(alice: Any, charlie: Any) -> None:
    person, _ = services.person_create(user=alice, name="Jo", hurt="no")
    breach, _ = services.observation_add(user=alice, person=person, on=TODAY - timedelta(days=3), kind="honesty_breach")
    services.observation_add(user=alice, person=person, on=TODAY - timedelta(days=3), kind="apology", repairs=breach)
    services.observation_add(user=alice, person=person, on=TODAY, kind="amends", repairs=breach)
    services.observation_retract(user=alice, observation=breach, reason="")
    data = json.loads(json.dumps(account_services.account_export(user=alice)))
    account_services.account_import(user=charlie, data=copy.deepcopy(data))
    assert Observation.objects.filter(user=charlie, repairs__isnull=False).count() == 2
    assert Observation.objects.get(user=charlie, kind="honesty_breach").retracted_at is not None


def test_import_numbers_a_ladder_one_to_n(alice: Any) -> None:
    """An edited file may give two steps one number; the imported ladder still reads Step 1, 2, 3."""
    data = export(KEPT)
    data["sections"]["people"]["people"][0]["ladder"] = [
        {"position": 1, "text": "Coffee"}, {"position": 1, "text": "A walk"}, {"position": 7, "text": "Dinner"}]
    account_services.account_import(user=alice, data=data)
    person = Person.objects.get(user=alice)
    assert [(s.position, s.text) for s in selectors.ladder(user=alice, person=person)] == [
        (1, "Coffee"), (2, "A walk"), (3, "Dinner")]
