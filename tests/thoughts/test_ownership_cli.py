"""Export, delete and import; the demo builder; `rebond thought add|list`."""

from __future__ import annotations

import json
from typing import Any

import pytest
from django.apps import apps
from django.contrib.sessions.models import Session
from typer.testing import CliRunner

from rebond.accounts import services as account_services
from rebond.accounts.models import LoginAttempt
from rebond.domain import crisis
from rebond.safety import plan as safety_plan
from rebond.thoughts import demo, selectors, services
from rebond.thoughts.models import AutomaticThought, Emotion, ThoughtRecord
from tests.conftest import make_user
from tests.thoughts.conftest import FULL

pytestmark = pytest.mark.django_db


def counts() -> dict[str, int]:
    return {m._meta.label: m.objects.count() for m in apps.get_models() if m not in {Session, LoginAttempt}}


def test_export_holds_every_part(record: Any, alice: Any) -> None:
    data = account_services.account_export(user=alice)["sections"]["thoughts"]
    (item,) = data["records"]
    for key in ("situation", "emotions", "belief_before", "traps", "evidence_for", "evidence_against",
                "balanced_thought", "balanced_belief", "belief_after", "status"):
        assert item[key] == (FULL[key] if key != "traps" else ["overgeneralizing", "mind_reading"]), key
    assert item["thoughts"] == [{"text": "She must be angry with me.", "hot": True},
                                {"text": "I always push people away.", "hot": False}]
    json.dumps(data)


def test_export_covers_the_safety_plan_too(alice: Any) -> None:
    safety_plan.plan_save(user=alice, entries={"reasons": {"text": "My dog", "obstacle": ""}})
    sections = account_services.account_export(user=alice)["sections"]
    assert sections["safety_plan"]["reasons"]["text"] == "My dog"


def test_delete_account_leaves_no_row(charlie: Any) -> None:
    before = counts()
    alice = make_user("alice")
    services.record_save(user=alice, changes=FULL)
    demo.build(alice)
    safety_plan.plan_save(user=alice, entries={"coping": {"text": "A walk", "obstacle": "Rain"}})
    assert counts() != before
    account_services.account_delete(user=alice)
    assert counts() == before
    for model in (ThoughtRecord, AutomaticThought, Emotion):
        assert not model.objects.exists()


def test_import_round_trip(record: Any, alice: Any, charlie: Any) -> None:
    services.record_save(user=alice, changes={"situation": "half done", "status": "draft"})
    exported = json.loads(json.dumps(account_services.account_export(user=alice)))
    result = account_services.account_import(user=charlie, data=exported)
    assert result["thoughts"] == 2
    theirs = account_services.account_export(user=charlie)["sections"]["thoughts"]
    assert theirs == exported["sections"]["thoughts"]


def test_import_refuses_a_broken_file(charlie: Any) -> None:
    from django.core.exceptions import ValidationError

    bad = {"format": "rebond-export", "version": 1, "sections": {"thoughts": {"records": [{"emotions": "lots"}]}}}
    with pytest.raises(ValidationError):
        account_services.account_import(user=charlie, data=bad)
    assert not ThoughtRecord.objects.exists()


def test_demo_adds_finished_records_with_no_crisis_content(alice: Any) -> None:
    demo.build(alice)
    records = ThoughtRecord.objects.filter(user=alice)
    assert records.filter(status="done").count() >= 4
    assert records.filter(accurate_read=True).exists()
    texts: list[str] = []
    for record in selectors.record_list(user=alice, limit=100)[0]:
        texts += [t for t in selectors.record_texts(record) if t]
    assert texts
    for text in texts:
        result = crisis.check(text)
        assert not result.detected and not result.harmed_by_other, text
    data = selectors.record_patterns(user=alice)
    assert data.drop.enough and data.drop.average and data.drop.average > 0
    assert data.rows


def cli(*args: str, input: str | None = None) -> Any:
    from rebond.cli import app

    return CliRunner().invoke(app, list(args), input=input)


def test_cli_thought_add_and_list(alice: Any) -> None:
    answers = "\n".join([
        "My manager didn't reply to my email.",   # situation
        "She thinks my work is bad.",            # thought 1
        "I never get anything right.",           # thought 2
        "",                                      # no more thoughts
        "2",                                     # the hot one
        "Anxious", "70",                         # a feeling
        "",                                      # no more feelings
        "80",                                    # belief
        "1, 3",                                  # traps by number
        "n",                                     # not an accurate read
        "She was slow to reply.",                # evidence for
        "She is on holiday this week.",          # evidence against
        "She is away. I got plenty right this month.",  # balanced thought
        "70",                                    # belief in it
        "30",                                    # Anxious now
        "25",                                    # belief now
    ]) + "\n"
    result = cli("thought", "add", "alice", input=answers)
    assert result.exit_code == 0, result.output
    assert "Saved thought record" in result.output
    assert "Anxious: 70 → 30" in result.output
    assert "only suggestions" in result.output
    record = ThoughtRecord.objects.get(user=alice)
    assert record.status == "done" and len(record.traps) == 2
    assert selectors.hot_thought(record) == "I never get anything right."
    listed = cli("thought", "list", "alice")
    assert listed.exit_code == 0 and "never get" in listed.output
    assert "1 thought record." in listed.output
    assert "0 thought records." in cli("thought", "list", "alice", "-q", "penguin").output


def test_cli_accurate_read_and_crisis_note(alice: Any) -> None:
    answers = "\n".join([
        "", "I have saved up pills to end it", "", "", "", "", "y", "", "", "Call the crisis line", "",
    ]) + "\n"
    result = cli("thought", "add", "alice", input=answers)
    assert result.exit_code == 0, result.output
    assert "It sounds like a lot is going on" in result.output
    note = result.output.split("It sounds like a lot is going on")[1].split("What supports")[0]
    assert "pills" not in note and "end it" not in note  # the matched words are never echoed
    record = ThoughtRecord.objects.get(user=alice)
    assert record.accurate_read and record.action_plan == "Call the crisis line"


def test_cli_shows_no_ranked_traps_when_the_crisis_check_fires(alice: Any) -> None:
    from rebond.domain.traps import trap_library

    answers = "\n".join(["", "I have saved up pills to end it", "", "", "", "2", "n", "", "", "", "", ""]) + "\n"
    result = cli("thought", "add", "alice", input=answers)
    assert result.exit_code == 0, result.output
    listing = result.output.split("Thinking traps can wait")[1].split("Numbers of any")[0]
    names = [trap.name for trap in trap_library().values()]
    numbered = [line.split(". ", 1)[1].strip() for line in listing.splitlines() if line.strip()[:1].isdigit()]
    assert numbered == names  # the usual order, not ranked
    assert " — " not in listing and "only suggestions" not in result.output
    assert ThoughtRecord.objects.get(user=alice).traps == [list(trap_library())[1]]


def test_cli_crisis_note_says_saved_only_once_the_words_are_saved(alice: Any) -> None:
    # The person stops (end of input) right after the calm note: what they wrote must already be stored.
    answers = "\n".join(["We had a fight.", "I have saved up pills to end it", ""]) + "\n"
    result = cli("thought", "add", "alice", input=answers)
    assert "Your entry is saved." in result.output
    assert result.exit_code != 0  # the next question got no answer
    record = ThoughtRecord.objects.get(user=alice)
    assert record.status == "draft" and record.situation == "We had a fight."
    assert [t.text for t in record.thoughts.all()] == ["I have saved up pills to end it"]


def test_cli_finishes_the_draft_it_started_instead_of_making_a_second_record(alice: Any) -> None:
    answers = "\n".join(["", "I have saved up pills to end it", "", "", "", "", "n", "", "", "", "", ""]) + "\n"
    assert cli("thought", "add", "alice", input=answers).exit_code == 0
    (record,) = ThoughtRecord.objects.filter(user=alice)
    assert record.status == "done"


def test_cli_problems_exit_1(alice: Any) -> None:
    assert cli("thought", "list", "nobody").exit_code == 1
    assert cli("thought", "list", "alice", "--trap", "doom").exit_code == 1


def test_rebond_demo_account_has_thought_records() -> None:
    from rebond.core.demo import create_demo

    user = create_demo(username="demo", password="demo-password-1")
    assert ThoughtRecord.objects.filter(user=user, status="done").count() >= 4
