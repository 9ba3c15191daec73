"""CLI, data ownership (export / import / delete leave nothing behind) and the demo builder."""

from __future__ import annotations

import json
from typing import Any

import pytest
from django.apps import apps
from django.contrib.sessions.models import Session

from rebond.accounts import services as account_services
from rebond.accounts.models import LoginAttempt
from rebond.cli import run
from rebond.domain.reliable_change import RELIABLE_IMPROVEMENT, reliable_change
from rebond.measures import demo, selectors, services
from rebond.measures.models import DailyCheckin, MeasureDraft, MeasureResponse, MeasureSchedule
from tests.conftest import make_user

pytestmark = pytest.mark.django_db(transaction=True)
MODELS = (MeasureResponse, MeasureDraft, MeasureSchedule, DailyCheckin)


def fill(user: Any) -> None:
    services.response_create(user=user, instrument_id="phq9", answers=[1] * 9)
    services.draft_save(user=user, instrument_id="gad7", answers=[1, None, 2])
    services.schedule_set(user=user, instrument_id="gad7", every_days=14)
    services.checkin_save(user=user, on=selectors.user_today(user), mood=3, safety="safe", note="tea with Jo")


def test_cli_take_and_list(alice: Any, monkeypatch: Any, capsys: Any) -> None:
    answers = iter(["0", "1", "9", "2", "0", "0", "0", "0", "0", "1", ""])
    monkeypatch.setattr("typer.prompt", lambda *a, **k: next(answers))
    assert run(["measure", "take", "phq9", "--user", "alice"]) == 0
    printed = capsys.readouterr().out
    assert "Please type one of" in printed  # the stray 9 was refused
    assert "Nobody is alerted" in printed and "Help is here" in printed  # item 9 above zero
    assert "116 123" in printed and "TextLine(" not in printed
    saved = MeasureResponse.objects.get(user=alice)
    assert saved.answers == [0, 1, 2, 0, 0, 0, 0, 0, 1] and saved.flags == {"item9": True}
    assert run(["measure", "list", "--user", "alice"]) == 0
    assert "PHQ-9" in capsys.readouterr().out
    assert run(["measure", "take", "nope", "--user", "alice"]) == 1
    assert run(["measure", "list", "--user", "nobody"]) == 1


def test_cli_stopping_keeps_a_draft(alice: Any, monkeypatch: Any) -> None:
    answers = iter(["2", "1"])

    def prompt(*args: Any, **kwargs: Any) -> str:
        try:
            return next(answers)
        except StopIteration:
            raise KeyboardInterrupt from None

    monkeypatch.setattr("typer.prompt", prompt)
    assert run(["measure", "take", "gad7"]) == 0  # the only account
    assert MeasureDraft.objects.get(user=alice).answers == [2, 1]
    assert not MeasureResponse.objects.exists()


def test_export_import_delete(charlie: Any) -> None:
    alice = make_user("alice")
    fill(alice)
    exported = account_services.account_export(user=alice)
    section = exported["sections"]["measures"]
    assert section["responses"][0]["answers"] == [1] * 9
    assert section["checkins"][0]["note"] == "tea with Jo"
    assert section["drafts"][0]["answers"] == [1, None, 2]
    roundtrip = json.loads(json.dumps(exported))
    account_services.account_import(user=charlie, data=roundtrip)
    assert MeasureResponse.objects.get(user=charlie).total == 9
    assert DailyCheckin.objects.get(user=charlie).note == "tea with Jo"
    assert MeasureDraft.objects.get(user=charlie).answers == [1, None, 2]
    account_services.account_import(user=charlie, data=roundtrip)  # again: nothing doubled
    assert MeasureResponse.objects.filter(user=charlie).count() == 1


def test_account_deletion_leaves_no_measures_row(charlie: Any) -> None:
    ignored = {Session, LoginAttempt}
    before = {m._meta.label: m.objects.count() for m in apps.get_models() if m not in ignored}
    alice = make_user("alice")
    fill(alice)
    demo.build(alice)
    account_services.account_delete(user=alice)
    after = {m._meta.label: m.objects.count() for m in apps.get_models() if m not in ignored}
    assert after == before
    for model in MODELS:
        assert not model.objects.exists()


def test_demo_shows_reliable_improvement_without_crisis_content(alice: Any) -> None:
    demo.build(alice)
    for instrument_id in ("phq9", "gad7", "who5"):
        points = selectors.series(user=alice, instrument_id=instrument_id)
        assert len(points) >= 8
        assert (points[-1][0] - points[0][0]).days >= 90
        change = reliable_change(instrument_id, points[0][1], points[-1][1])
        assert change.status == RELIABLE_IMPROVEMENT
    assert not any(r.flags.get("item9") for r in MeasureResponse.objects.filter(user=alice, instrument="phq9"))
    checkins = DailyCheckin.objects.filter(user=alice)
    assert 45 <= checkins.count() <= 60
    assert set(checkins.values_list("safety", flat=True)) == {"safe"}
    assert MeasureSchedule.objects.filter(user=alice).count() == 2


def test_demo_skips_disabled_instruments(alice: Any, settings: Any) -> None:
    settings.DISABLED_INSTRUMENTS = ["who5"]
    demo.build(alice)
    assert not MeasureResponse.objects.filter(instrument="who5").exists()
