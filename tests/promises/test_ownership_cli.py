"""Export, delete and import; the demo builder; the `rebond promise|checkin|trust` commands."""

from __future__ import annotations

import json
from datetime import timedelta
from typing import Any

import pytest
from django.apps import apps
from django.contrib.sessions.models import Session
from typer.testing import CliRunner

from rebond.accounts import services as account_services
from rebond.accounts.models import LoginAttempt
from rebond.domain import crisis
from rebond.promises import demo, selectors, services
from rebond.promises.models import CalendarFeed, CheckIn, Promise, Victory
from tests.conftest import TODAY, make_user

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("frozen_day")]




def fill(user: Any) -> Promise:
    promise, _ = services.promise_create(user=user, text="Walk for ten minutes", why="mood", rrule="FREQ=DAILY",
                                         starts_on=TODAY - timedelta(days=5))
    services.checkin_record(user=user, promise=promise, on=TODAY, outcome="kept", note="sunny")
    services.checkin_record(user=user, promise=promise, on=TODAY - timedelta(days=1), outcome="missed")
    services.checkin_record(user=user, promise=promise, on=TODAY - timedelta(days=1), outcome="partial", value=0.3)
    services.promise_pause(user=user, promise=promise, first=TODAY - timedelta(days=3), last=TODAY - timedelta(days=2))
    services.victory_create(user=user, text="Asked for help")
    services.calendar_feed_token(user=user)
    return promise


def counts() -> dict[str, int]:
    return {m._meta.label: m.objects.count() for m in apps.get_models() if m not in {Session, LoginAttempt}}


def test_export_holds_promises_checkins_and_wins(alice: Any) -> None:
    fill(alice)
    data = account_services.account_export(user=alice)["sections"]["promises"]
    assert data["promises"][0]["text"] == "Walk for ten minutes"
    outcomes = {c["on"]: c["outcome"] for c in data["promises"][0]["checkins"]}
    assert outcomes[str(TODAY)] == "kept" and outcomes[str(TODAY - timedelta(days=1))] == "partial"
    changed = next(c for c in data["promises"][0]["checkins"] if c["outcome"] == "partial")
    assert changed["history"][0]["outcome"] == "missed"
    assert data["victories"] == [{"text": "Asked for help", "on": str(TODAY)}]
    json.dumps(data)


def test_delete_account_leaves_no_row(charlie: Any) -> None:
    before = counts()
    alice = make_user("alice")
    fill(alice)
    demo.build(alice)
    assert counts() != before
    account_services.account_delete(user=alice)
    assert counts() == before
    for model in (Promise, CheckIn, Victory, CalendarFeed):
        assert not model.objects.exists()


def test_import_round_trip(alice: Any, charlie: Any) -> None:
    fill(alice)
    exported = json.loads(json.dumps(account_services.account_export(user=alice)))
    result = account_services.account_import(user=charlie, data=exported)
    assert result["promises"] == 1 + 4 + 1
    promise = Promise.objects.get(user=charlie)
    assert promise.text == "Walk for ten minutes" and promise.why == "mood"
    assert CheckIn.objects.get(promise=promise, on=TODAY).note == "sunny"
    assert selectors.self_trust(user=charlie, on=TODAY).estimate == pytest.approx(
        selectors.self_trust(user=alice, on=TODAY).estimate)


def test_import_refuses_a_bad_rule(charlie: Any) -> None:
    from django.core.exceptions import ValidationError

    data = {"format": "rebond-export", "sections": {"promises": {"promises": [
        {"text": "Read", "size": "small", "rrule": "FREQ=HOURLY", "starts_on": str(TODAY), "checkins": []}]}}}
    with pytest.raises(ValidationError):
        account_services.account_import(user=charlie, data=data)
    assert not Promise.objects.exists()


def test_demo_builds_sixty_lifelike_days(alice: Any) -> None:
    demo.build(alice)
    promises = Promise.objects.filter(user=alice)
    assert promises.count() >= 4
    days = CheckIn.objects.filter(user=alice).values_list("on", flat=True)
    assert (max(days) - min(days)).days >= 55
    outcomes = set(CheckIn.objects.filter(user=alice).values_list("outcome", flat=True))
    assert {"kept", "missed", "partial", "excused"} <= outcomes
    point = selectors.self_trust(user=alice, on=TODAY)
    assert point.status != "not_enough_evidence"
    texts = [p.text for p in promises] + [p.why for p in promises] + [v.text for v in Victory.objects.all()]
    texts += [c.note for c in CheckIn.objects.all()] + [c.obstacle for c in CheckIn.objects.all()]
    for text in texts:
        assert not crisis.check(text).detected, text
    assert not any(services.rules.is_safety_promise(p.text) for p in promises)
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SELECT note, obstacle FROM promises_checkin WHERE note IS NOT NULL OR obstacle IS NOT NULL")
        raw = " ".join(str(v) for row in cursor.fetchall() for v in row)
    assert raw and "tired" not in raw and "Felt good" not in raw, "demo notes are sealed like any other"


def cli(*args: str, input: str | None = None) -> Any:
    from rebond.cli import app

    return CliRunner().invoke(app, list(args), input=input)


def test_cli_promise_add_list_checkin_trust(alice: Any) -> None:
    added = cli("promise", "add", "alice", "Walk for ten minutes", "--rrule", "FREQ=DAILY",
                "--starts-on", str(TODAY - timedelta(days=3)))
    assert added.exit_code == 0, added.output
    assert "Saved promise" in added.output
    listed = cli("promise", "list", "alice")
    assert "Walk for ten minutes" in listed.output and "every day" in listed.output
    checked = cli("checkin", "alice", input="k\nfelt good\n")
    assert checked.exit_code == 0, checked.output
    assert "Kept. That's another piece of evidence." in checked.output
    assert CheckIn.objects.get(user=alice, on=TODAY).outcome == "kept"
    assert CheckIn.objects.get(user=alice, on=TODAY).note == "felt good"
    trust = cli("trust", "alice")
    assert trust.exit_code == 0 and "Not enough evidence yet" in trust.output


def test_cli_refuses_bad_input_in_plain_words(alice: Any) -> None:
    from rebond.cli import run

    assert run(["promise", "add", "alice", "Read", "--rrule", "FREQ=NEVER"]) == 1
    assert run(["promise", "add", "nobody", "Read"]) == 1
    assert run(["promise", "add", "alice", "I won't hurt myself"]) == 1
    assert not Promise.objects.exists()
    nothing = cli("checkin", "alice")
    assert "Nothing is due" in nothing.output
