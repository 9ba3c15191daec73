"""`rebond breathe` and `rebond practice log`, the demo builder, and practice data in export, import and account deletion."""

from __future__ import annotations

from typing import Any

import pytest

from rebond.accounts import services as accounts
from rebond.cli import run
from rebond.practice import cli as practice_cli
from rebond.practice import services
from rebond.practice.models import ExerciseSession

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def instant(monkeypatch: Any) -> list[float]:
    waited: list[float] = []
    monkeypatch.setattr(practice_cli, "_sleep", waited.append)
    return waited


def test_breathe_runs_the_cycles_from_the_exercise_file(instant: list[float], capsys: Any) -> None:
    assert run(["breathe", "--cycles", "2"]) == 0
    text = capsys.readouterr().out
    assert "Round 2 of 2 done." in text and "Eyes open is fine" in text
    assert sum(instant) == pytest.approx(2 * (4 + 6))  # paced breathing: in 4, out 6, no holds


def test_breathe_ends_with_the_regions_help_lines_not_a_bare_path(instant: list[float], capsys: Any,
                                                                   alice: Any) -> None:
    from rebond.domain import helplines

    assert run(["breathe", "-n", "1", "--account", "alice"]) == 0
    said = " ".join(capsys.readouterr().out.split())
    assert "`rebond` has Get help now at /help/" not in said
    assert "If it's still a lot, help is there:" in said
    assert f"If you are in danger right now, call {helplines.emergency_number('GB')}." in said
    assert helplines.lines_for("GB")[0].name in said, "alice's region's own lines"
    assert run(["breathe", "-n", "1"]) == 0
    unknown = " ".join(capsys.readouterr().out.split())
    assert "call your local emergency number" in unknown, "no region: never a made-up country's number"
    assert run(["breathe", "-n", "1", "--account", "nobody"]) == 1


def test_practice_log_keeps_the_numbers_and_meets_a_rise_calmly(alice: Any, capsys: Any) -> None:
    from rebond.domain import helplines

    assert run(["practice", "log", "alice", "body-scan", "--before", "3", "--after", "7"]) == 0
    said = " ".join(capsys.readouterr().out.split())
    assert "Saved. Distress before: 3, after: 7. It went up this time." in said and "5-4-3-2-1" in said
    assert "danger" not in said, "7 afterwards is not a crisis: no help lines"
    assert run(["practice", "log", "alice", "safe-place", "--before", "6", "--after", "9", "--stopped-early"]) == 0
    high = " ".join(capsys.readouterr().out.split())
    assert "It's still a lot right now." in high and helplines.lines_for("GB")[0].name in high
    assert run(["practice", "log", "alice", "paced-breathing", "--before", "5"]) == 0
    assert "Saved. Distress before: 5 of 10." in capsys.readouterr().out
    rows = list(ExerciseSession.objects.filter(user=alice).order_by("id").values_list(
        "exercise", "distress_before", "distress_after", "finished"))
    assert rows == [("body-scan", 3, 7, True), ("safe-place", 6, 9, False), ("paced-breathing", 5, None, True)]
    assert run(["practice", "log", "alice", "juggling", "--before", "5"]) == 1
    assert "Pick one of the exercises" in capsys.readouterr().err
    assert run(["practice", "log", "alice", "body-scan", "--before", "11"]) == 2


def test_breathe_square(instant: list[float], capsys: Any) -> None:
    assert run(["breathe", "-n", "1", "--exercise", "square-breathing"]) == 0
    assert sum(instant) == pytest.approx(16)


def test_ctrl_c_stops_kindly(monkeypatch: Any, capsys: Any) -> None:
    def interrupt(seconds: float) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(practice_cli, "_sleep", interrupt)
    assert run(["breathe"]) == 0
    assert "Stopped. That's completely fine." in capsys.readouterr().out


def test_breathe_refuses_other_exercises_in_plain_words(instant: list[float], capsys: Any) -> None:
    assert run(["breathe", "--exercise", "body-scan"]) == 1
    assert "Pick one of: paced-breathing, square-breathing." in capsys.readouterr().err
    assert run(["breathe", "--cycles", "0"]) == 2


def test_demo_adds_practice_history_without_crisis_content(capsys: Any) -> None:
    from rebond.domain import crisis

    assert run(["demo", "--name", "demo-practice"]) == 0
    from rebond.accounts.models import User

    user = User.objects.get(username="demo-practice")
    sessions = ExerciseSession.objects.filter(user=user)
    assert sessions.count() >= 10
    assert all(s.distress_after is None or s.distress_after < 8 for s in sessions)
    from rebond.journal.models import JournalEntry

    entries = list(JournalEntry.objects.filter(user=user))
    assert len(entries) >= 3
    for entry in entries:
        assert not crisis.check(f"{entry.body} {entry.retelling}").detected


def test_export_import_and_delete(alice: Any, charlie: Any) -> None:
    services.session_create(user=alice, exercise="paced-breathing", distress_before=6, distress_after=4)
    exported = accounts.account_export(user=alice)["sections"]
    assert exported["practice"]["sessions"][0]["distress_after"] == 4
    assert services.import_all(charlie, exported["practice"]) == 1
    assert ExerciseSession.objects.get(user=charlie).distress_before == 6
    accounts.account_delete(user=alice)
    assert not ExerciseSession.objects.filter(user_id=alice.pk).exists()
    assert ExerciseSession.objects.filter(user=charlie).exists()
