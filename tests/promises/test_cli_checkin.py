"""`rebond checkin` asks again for an amount it can't read, keeps going after one check-in is refused, and shows
the person's own region's crisis lines when a note needs them; the API refuses true/false as an amount."""

from __future__ import annotations

import re
from datetime import timedelta
from typing import Any

import pytest
from typer.testing import CliRunner

from rebond.promises import services
from rebond.promises.models import CheckIn, Promise
from tests.conftest import TODAY

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("frozen_day")]


def daily(user: Any, text: str = "Walk") -> Promise:
    promise, _ = services.promise_create(user=user, text=text, rrule="FREQ=DAILY", starts_on=TODAY - timedelta(days=5))
    return promise


def cli(*args: str, input: str) -> Any:
    from rebond.cli import app

    return CliRunner().invoke(app, list(args), input=input)


def test_a_non_numeric_amount_is_asked_again(alice: Any) -> None:
    promise = daily(alice)
    result = cli("checkin", "alice", input="p\nhalf\n2\n30%\n\n")
    assert result.exit_code == 0, result.output
    assert "Traceback" not in result.output
    assert result.output.count("Please give a number from 0 to 1") == 2
    assert CheckIn.objects.get(promise=promise).value == pytest.approx(0.3)


def test_one_refused_check_in_does_not_stop_the_rest(alice: Any) -> None:
    daily(alice, "Walk")
    second = daily(alice, "Read")
    yesterday = str(TODAY - timedelta(days=1))
    result = cli("checkin", "alice", "--on", yesterday, input="r\n\nk\n\n")
    assert result.exit_code == 1
    assert "Not saved." in result.output and "This day has passed" in result.output
    assert "1 check-in was not saved" in str(result.exception)  # `rebond` prints it and exits 1
    assert CheckIn.objects.get().promise == second


def test_a_note_that_needs_it_shows_the_regions_crisis_lines(alice: Any) -> None:
    from rebond.domain import helplines

    daily(alice)
    result = cli("checkin", "alice", input="m\nI want to kill myself\n\n\n")
    assert result.exit_code == 0, result.output
    lines = helplines.lines_for("GB")
    assert lines and lines[0].name in result.output
    assert "kill myself" not in result.output.split("A note")[-1].split("\n", 1)[-1], "never echoed back"
    assert CheckIn.objects.get().note == "I want to kill myself"


def test_true_or_false_is_not_an_amount(api_as: Any, alice: Any) -> None:
    pid = daily(alice).pk
    api = api_as(alice)
    for value in (True, False):
        refused = api.put(f"/promises/{pid}/checkins/{TODAY}", {"outcome": "partial", "value": value})
        assert refused.status_code == 422
        assert refused.json()["detail"][0]["loc"] == ["body", "value"]
        assert "not true or false" in refused.json()["detail"][0]["msg"]
    assert not CheckIn.objects.exists()
    assert api.put(f"/promises/{pid}/checkins/{TODAY}", {"outcome": "partial", "value": 1}).json()["value"] == 1.0


def test_a_miss_gets_the_gentle_debrief_and_it_can_be_skipped(alice: Any) -> None:
    """As on the web: a line of self-compassion, then what got in the way and a smaller version, both optional."""
    from rebond.promises import words

    promise = daily(alice)
    answered = cli("checkin", "alice", input="m\n\nI was up late\nFive minutes\n")
    assert answered.exit_code == 0, answered.output
    assert words.compassion(TODAY) in answered.output
    assert "What got in the way? (optional, Enter to skip)" in answered.output
    row = CheckIn.objects.get(promise=promise)
    assert (row.obstacle, row.smaller_step) == ("I was up late", "Five minutes")
    skipped = cli("checkin", "alice", input="m\n\n\n\n")
    assert skipped.exit_code == 0, skipped.output
    assert "Thank you" not in skipped.output
    row.refresh_from_db()
    assert row.obstacle == "I was up late", "skipping leaves what was written before"
    kept = cli("checkin", "alice", input="k\n\n")
    assert "What got in the way" not in kept.output


def test_the_debrief_passes_the_crisis_guard(alice: Any) -> None:
    from rebond.domain import helplines

    daily(alice)
    result = cli("checkin", "alice", input="m\n\nI want to kill myself\n\n")
    assert result.exit_code == 0, result.output
    assert helplines.lines_for("GB")[0].name in result.output
    assert CheckIn.objects.get().obstacle == "I want to kill myself"


def test_a_debrief_too_long_to_keep_says_so_and_keeps_the_check_in(alice: Any) -> None:
    daily(alice)
    result = cli("checkin", "alice", input="m\n\n" + "x" * 5001 + "\n\n")
    assert result.exit_code == 0, result.output
    assert "That part was not saved." in result.output and "5,000" in result.output
    row = CheckIn.objects.get()
    assert row.outcome == "missed" and not row.obstacle


def trust(*args: str) -> Any:
    return cli("trust", "alice", *args, input="")


def test_trust_shows_words_not_numbers_with_little_evidence(alice: Any) -> None:
    promise = daily(alice)
    services.checkin_record(user=alice, promise=promise, on=TODAY, outcome="kept")
    shown = trust()
    assert shown.exit_code == 0, shown.output
    assert "Not enough evidence yet" in shown.output
    assert not re.search(r"\d\.\d|\bin 100\b|estimate=", shown.output), "no number with little evidence"


def test_trust_shows_numbers_with_their_certainty_once_there_is_evidence(alice: Any) -> None:
    promise = daily(alice)
    for back in range(6):
        services.checkin_record(user=alice, promise=promise, on=TODAY - timedelta(days=back), outcome="kept")
    shown = trust().output
    assert re.search(r"Estimate: about \d+ in 100, likely between \d+ and \d+\.", shown)
    assert "Early days" in shown


def test_trust_json_has_every_contract_field(alice: Any) -> None:
    import json

    from rebond.promises import selectors

    daily(alice)
    data = json.loads(trust("--json").output)
    point = selectors.self_trust(user=alice, on=TODAY)
    assert {"estimate", "uncertainty", "low", "high", "status"} <= set(data)
    assert data["status"] == "not_enough_evidence" and data["estimate"] == pytest.approx(point.estimate)
    assert data["on"] == TODAY.isoformat() and data["observations_needed"] == point.observations_needed
