"""A promise saved before the safety-promise detector knew its words ("No more cutting") is held for the safety plan:
never due (Today, earlier days, `rebond checkin`, the calendar feed), no new check-in on it (web, API, CLI), its
check-ins out of the self-trust record, one calm card where it used to show, and an import brings one in put away.
Nothing in its row or its check-ins is changed on the way (issue 3; UX.md, Safety)."""

from __future__ import annotations

import json
from datetime import timedelta
from typing import Any

import icalendar
import pytest
from django.test import Client
from typer.testing import CliRunner

from rebond.promises import selectors, services
from rebond.promises.models import CheckIn, Promise
from rebond.safety import plan as safety_plan
from tests.conftest import TODAY, client_for, html, make_user, signed_in

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("frozen_day")]

HELD = "No more cutting"
WORDS = services.HELD_WORDS
START = TODAY - timedelta(days=20)
# The held promise's check-ins: more misses than kept days, so counting them would pull the record down.
HELD_DAYS = {TODAY - timedelta(days=d): outcome for d, outcome in
             [(2, "kept"), (3, "missed"), (4, "missed"), (5, "missed"), (6, "kept"), (8, "missed"), (9, "missed")]}
WALK_DAYS = {TODAY - timedelta(days=d): outcome for d, outcome in
             [(1, "kept"), (2, "kept"), (3, "missed"), (4, "kept"), (5, "kept"), (6, "kept"), (10, "kept")]}


def saved_before_the_detector_knew(user: Any, text: str = HELD, **extra: Any) -> Promise:
    """A row as an older rebond saved it: promise_create refuses these words now, so it is written directly."""
    promise = Promise(user=user, text=text, rrule="FREQ=DAILY", starts_on=START, **extra)
    promise.full_clean()
    promise.save()
    return promise


def walk(user: Any) -> Promise:
    promise, _ = services.promise_create(user=user, text="Walk by the canal", rrule="FREQ=DAILY", starts_on=START)
    for day, outcome in WALK_DAYS.items():
        services.checkin_record(user=user, promise=promise, on=day, outcome=outcome)
    return promise


@pytest.fixture
def held(alice: Any) -> Promise:
    promise = saved_before_the_detector_knew(alice)
    for day, outcome in HELD_DAYS.items():
        CheckIn.objects.create(user=alice, promise=promise, on=day, outcome=outcome, note=f"note {day}")
    walk(alice)
    return promise


def by_text(user: Any, text: str) -> Promise:
    """The person's promise with these words (sealed text can't be searched in SQL)."""
    (found,) = [p for p in Promise.objects.filter(user=user) if p.text == text]
    return found


def snapshot(promise: Promise) -> tuple[Any, ...]:
    """Everything about the promise and its check-ins, to show nothing was changed on the way."""
    promise.refresh_from_db()
    rows = tuple(CheckIn.objects.filter(promise=promise).order_by("on")
                 .values_list("on", "outcome", "value", "reason", "history"))
    return promise.text, promise.archived, promise.rrule, promise.starts_on, rows


def cli(*args: str, input: str = "") -> Any:
    from rebond.cli import app

    return CliRunner().invoke(app, list(args), input=input)


# --- the rule -----------------------------------------------------------------------------------------------------

def test_the_current_detector_decides(held: Promise, alice: Any) -> None:
    assert services.promise_held(held)
    assert not services.promise_held(by_text(alice, "Walk by the canal"))
    assert not services.promise_held(Promise(user=alice, text="No more cutting corners at work", starts_on=TODAY))


def test_it_is_due_nowhere(held: Promise, alice: Any) -> None:
    found = selectors.agenda(user=alice, day=TODAY)
    assert [d.promise.text for d in found.today] == ["Walk by the canal"]
    assert {d.promise.pk for d in found.earlier} == {by_text(alice, "Walk by the canal").pk}
    assert found.held == [held]
    today, earlier = selectors.due_on(user=alice, day=TODAY)
    assert held.pk not in {d.promise.pk for d in [*today, *earlier]}


def test_a_held_promise_shows_only_where_it_would_have_been_due(alice: Any) -> None:
    once = Promise(user=alice, text="I won't hurt myself", rrule="", starts_on=TODAY - timedelta(days=30))
    once.save()
    saved_before_the_detector_knew(alice, archived=True)
    assert selectors.agenda(user=alice, day=TODAY).held == [], "a one-off long past, and one put away"
    soon = Promise(user=alice, text="Stay safe tonight", rrule="", starts_on=TODAY - timedelta(days=2))
    soon.save()
    assert selectors.agenda(user=alice, day=TODAY).held == [soon], "a one-off that was due two days ago"
    assert selectors.agenda(user=alice, day=TODAY, back_days=0).held == [], "not due today: `rebond checkin`"


# --- the self-trust record ----------------------------------------------------------------------------------------

def test_its_check_ins_leave_the_self_trust_record_exactly(held: Promise, alice: Any, charlie: Any) -> None:
    """alice's record (Walk plus the held promise's kept and missed days) is exactly charlie's, who has the same Walk
    days and nothing else: the held check-ins are left out as if excused (trust-model.md P13)."""
    walk(charlie)
    for day in (TODAY, TODAY - timedelta(days=10)):
        assert selectors.self_trust(user=alice, on=day) == selectors.self_trust(user=charlie, on=day)
    mine = selectors.self_trust_series(user=alice, start=START, end=TODAY)
    assert mine == selectors.self_trust_series(user=charlie, start=START, end=TODAY)
    # The same rows would lower it if they counted (so the test above can fail).
    held.text = "Drink a glass of water"
    held.save()
    assert selectors.self_trust(user=alice, on=TODAY).estimate < selectors.self_trust(user=charlie, on=TODAY).estimate


def test_the_record_and_the_jar_show_none_of_it(held: Promise, alice: Any, api_as: Any) -> None:
    before = snapshot(held)
    page = html(client_for(alice).get("/record/"))
    assert "Walk by the canal" in page and HELD not in page
    strengths = selectors.promise_strengths(user=alice, on=TODAY)
    assert [s.promise.text for s in strengths] == ["Walk by the canal"]
    assert all(e.text != HELD for e in selectors.kept_evidence(user=alice))
    jar = api_as(alice).get("/victories").json()
    assert jar["count"] == sum(1 for o in WALK_DAYS.values() if o == "kept")
    assert all(item["text"] != HELD for item in jar["items"])
    assert HELD not in html(client_for(alice).get("/victories/"))
    assert snapshot(held) == before


# --- the web ------------------------------------------------------------------------------------------------------

def test_today_shows_the_calm_card_instead(held: Promise, alice: Any) -> None:
    page = html(client_for(alice).get("/"))
    assert WORDS in page
    assert f'action="/promises/{held.pk}/safety-plan/"' in page and "Use my safety plan instead" in page
    assert f'href="/promises/{held.pk}/stop/?next=/"' in page and "Stop tracking it" in page
    assert f"/promises/{held.pk}/checkins/" not in page, "no check-in choices for it, today or on earlier days"
    assert page.count(WORDS) == 1
    assert "Walk by the canal" in page
    earlier = html(client_for(alice).get("/promises/earlier/"))
    assert f"/promises/{held.pk}/checkins/" not in earlier and "Walk by the canal" in earlier


def test_the_list_and_the_promise_page_show_the_card(held: Promise, alice: Any) -> None:
    client = client_for(alice)
    listing = html(client.get("/promises/"))
    assert WORDS in listing and f'href="/promises/{held.pk}/stop/?next=/promises/"' in listing
    detail = client.get(f"/promises/{held.pk}/")
    page = html(detail)
    assert detail.status_code == 200 and WORDS in page
    for gone in ("Check in for another day", "Rest for a while", "What got in the way?", "Save changes"):
        assert gone not in page, gone
    assert "Check-ins saved before (7)" in page and "they don't count toward your record" in page
    assert f"/promises/{held.pk}/checkins/{TODAY - timedelta(days=3)}/remove/" in page, "removing stays possible"


@pytest.mark.parametrize("posted", [
    {"outcome": "kept"},
    {"outcome": "missed"},
    {"outcome": "excused", "reason": "illness", "more": "1", "note": "resting"},
    {"outcome": "partial", "percent": "oops", "more": "1", "note": ""},
])
def test_a_check_in_on_the_web_is_refused_with_the_offer(held: Promise, alice: Any, posted: dict[str, str]) -> None:
    before = snapshot(held)
    client = client_for(alice)
    plain = client.post(f"/promises/{held.pk}/checkins/{TODAY}/", posted)
    assert plain.status_code == 422 and WORDS in html(plain) and "Use my safety plan instead" in html(plain)
    swapped = client.post(f"/promises/{held.pk}/checkins/{TODAY}/", posted, HTTP_HX_REQUEST="true")
    card = html(swapped)
    assert swapped.status_code == 200 and card.lstrip().startswith(("{#", "<article")) and WORDS in card
    assert "<html" not in card, "only the card, swapped in place"
    assert snapshot(held) == before


def test_another_day_the_debrief_and_a_rest_are_refused_too(held: Promise, alice: Any) -> None:
    before = snapshot(held)
    client = client_for(alice)
    missed = TODAY - timedelta(days=3)
    assert WORDS in html(client.get(f"/promises/{held.pk}/day/?on={missed}"))
    assert WORDS in html(client.get(f"/promises/{held.pk}/checkins/{missed}/debrief/"))
    debrief = client.post(f"/promises/{held.pk}/checkins/{missed}/debrief/", {"obstacle": "x", "smaller_step": "y"})
    assert debrief.status_code == 422 and WORDS in html(debrief)
    rest = client.post(f"/promises/{held.pk}/pause/", {"first": str(TODAY), "last": str(TODAY + timedelta(days=3)),
                                                       "reason": "pause"})
    assert rest.status_code == 422 and WORDS in html(rest)
    assert snapshot(held) == before
    with pytest.raises(services.HeldForSafetyPlan):
        services.checkin_debrief(user=alice, checkin=CheckIn.objects.get(promise=held, on=missed),
                                 obstacle="x", smaller_step="y")
    with pytest.raises(services.HeldForSafetyPlan):
        services.promise_pause(user=alice, promise=held, first=TODAY, last=TODAY)


def test_stop_tracking_asks_first_then_puts_it_away(held: Promise, alice: Any) -> None:
    client = client_for(alice)
    asked = client.get(f"/promises/{held.pk}/stop/?next=/")
    page = html(asked)
    assert asked.status_code == 200 and "Stop tracking this promise?" in page and "Nothing is deleted" in page
    held.refresh_from_db()
    assert not held.archived, "asking changes nothing"
    before = snapshot(held)
    done = client.post(f"/promises/{held.pk}/stop/", {"next": "/"})
    assert done.status_code == 302 and done["Location"] == "/"
    after = snapshot(held)
    assert after[1] is True and after[:1] + after[2:] == before[:1] + before[2:], "only put away"
    today = html(client.get("/"))
    assert "You stopped tracking it" in today and WORDS not in today
    assert "Bring back" in html(client.get("/promises/"))


def test_use_my_safety_plan_instead(held: Promise, alice: Any) -> None:
    """The promise is put away and the plan opens at its first empty step with a note; its words are not copied in
    (a pledge as a coping step works like a no-suicide contract)."""
    client = client_for(alice)
    safety_plan.plan_save(user=alice, entries={"coping": {"text": "Call Sam", "obstacle": ""}})
    before = safety_plan.plan_get(user=alice)
    opened = client.post(f"/promises/{held.pk}/safety-plan/")
    assert opened.status_code == 302 and opened["Location"] == "/safety-plan/?from=promise#start-here"
    assert safety_plan.plan_get(user=alice) == before
    held.refresh_from_db()
    assert held.archived and held.text == HELD
    assert CheckIn.objects.filter(promise=held).count() == len(HELD_DAYS)
    plan_page = html(client.get(opened["Location"]))
    assert "The promise is put away now; its check-ins stay on its page." in plan_page
    assert safety_plan.catalogue()["from_promise"] in plan_page and HELD not in plan_page
    assert WORDS not in html(client.get("/")), "the card has done its work"
    client.post(f"/promises/{held.pk}/safety-plan/")
    assert safety_plan.plan_get(user=alice) == before
    put_away = html(client.get(f"/promises/{held.pk}/"))
    assert WORDS in put_away and "Stop tracking it" not in put_away and "put away" in put_away


def test_words_naming_a_means_get_the_calm_page_first(alice: Any) -> None:
    """The same guard as the offer a new promise gets: the full calm page when a plan or means is named, its words
    never echoed, then the plan."""
    means = saved_before_the_detector_knew(alice, text="I won't kill myself, I have the pills ready")
    client = client_for(alice)
    calm = client.post(f"/promises/{means.pk}/safety-plan/")
    text = html(calm)
    assert calm.status_code == 200 and "It sounds like a lot is going on" in text and "pills" not in text
    assert 'href="/safety-plan/?from=promise#start-here"' in text, "Back to my entry opens the plan"
    assert "pills" not in str(safety_plan.plan_get(user=alice))


def test_an_everyday_promise_has_no_such_offer(held: Promise, alice: Any) -> None:
    walk_row = by_text(alice, "Walk by the canal")
    assert client_for(alice).post(f"/promises/{walk_row.pk}/safety-plan/").status_code == 404
    assert "coping" not in {k for k, v in safety_plan.plan_get(user=alice).items() if v["text"]}


@pytest.mark.parametrize(("persona", "write_status"), [("bob_shared", 403), ("charlie", 404)])
def test_the_new_pages_are_the_owners_alone(held: Promise, request: Any, persona: str, write_status: int) -> None:
    before = snapshot(held)
    client = signed_in(request.getfixturevalue(persona))
    assert client.get(f"/promises/{held.pk}/stop/").status_code == 404
    assert client.post(f"/promises/{held.pk}/stop/", {"next": "/"}).status_code == write_status
    assert client.post(f"/promises/{held.pk}/safety-plan/").status_code == write_status
    assert client.post(f"/promises/{held.pk}/checkins/{TODAY}/", {"outcome": "kept"}).status_code == write_status
    for page in ("/", "/promises/"):
        assert HELD not in html(client.get(page))
    assert snapshot(held) == before
    owner_plan = safety_plan.plan_get(user=held.user)
    assert HELD not in owner_plan["coping"]["text"]


# --- the API ------------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("outcome", ["kept", "missed", "excused", "renegotiated"])
def test_the_api_refuses_a_check_in_naming_outcome(held: Promise, api_as: Any, outcome: str) -> None:
    before = snapshot(held)
    api = api_as(held.user)
    response = api.put(f"/promises/{held.pk}/checkins/{TODAY - timedelta(days=3)}", {"outcome": outcome})
    assert response.status_code == 422
    body = response.json()
    assert body["detail"][0]["loc"] == ["body", "outcome"]
    assert "safety plan" in body["detail"][0]["msg"] and "/safety-plan/" in body["detail"][0]["msg"]
    assert body["safety_plan"] == "/safety-plan/"
    rest = api.post(f"/promises/{held.pk}/pause", {"first": str(TODAY), "last": str(TODAY)})
    assert rest.status_code == 422 and "safety plan" in rest.json()["detail"][0]["msg"]
    assert snapshot(held) == before


def test_the_api_says_which_promises_are_held(held: Promise, api_as: Any) -> None:
    items = {i["text"]: i for i in api_as(held.user).get("/promises").json()["items"]}
    assert items[HELD]["held_for_safety_plan"] is True
    assert items["Walk by the canal"]["held_for_safety_plan"] is False


@pytest.mark.parametrize(("persona", "status"), [("bob_shared", 403), ("charlie", 404)])
def test_the_api_refusal_is_the_owners_only(held: Promise, api_as: Any, request: Any, persona: str,
                                           status: int) -> None:
    api = api_as(request.getfixturevalue(persona))
    assert api.put(f"/promises/{held.pk}/checkins/{TODAY}", {"outcome": "kept"}).status_code == status


# --- the terminal and the calendar ------------------------------------------------------------------------------

def test_rebond_checkin_skips_it_with_one_line(held: Promise) -> None:
    before = snapshot(held)
    result = cli("checkin", "alice", input="k\n\n")
    assert result.exit_code == 0, result.output
    lines = [line for line in result.output.splitlines() if HELD in line]
    assert len(lines) == 1
    assert lines[0] == f"Skipped \u201c{HELD}\u201d. {WORDS} Open /safety-plan/ in the web app."
    assert "Walk by the canal" in result.output
    assert CheckIn.objects.get(promise=by_text(held.user, "Walk by the canal"), on=TODAY).outcome == "kept"
    assert snapshot(held) == before


def test_rebond_checkin_with_only_a_held_promise_due(alice: Any) -> None:
    saved_before_the_detector_knew(alice)
    result = cli("checkin", "alice")
    assert result.exit_code == 0 and "Skipped" in result.output and "Nothing is due" not in result.output
    assert not CheckIn.objects.exists()


def test_the_calendar_feed_leaves_it_out(held: Promise, alice: Any) -> None:
    body = Client().get(f"/calendar/{services.calendar_feed_token(user=alice)}.ics").content
    titles = [str(e["SUMMARY"]) for e in icalendar.Calendar.from_ical(body).walk("VEVENT")]
    assert "Walk by the canal" in titles and HELD not in titles


# --- import -------------------------------------------------------------------------------------------------------

def export_with_a_held_promise() -> dict[str, Any]:
    return {"format": "rebond-export", "sections": {"promises": {"promises": [
        {"text": HELD, "size": "small", "rrule": "FREQ=DAILY", "starts_on": str(START), "archived": False,
         "checkins": [{"on": str(day), "outcome": outcome} for day, outcome in HELD_DAYS.items()]},
        {"text": "Walk by the canal", "size": "small", "rrule": "FREQ=DAILY", "starts_on": str(START),
         "archived": False, "checkins": [{"on": str(TODAY), "outcome": "kept"}]},
    ], "victories": []}}}


def test_an_import_brings_it_in_put_away_and_says_so(charlie: Any) -> None:
    from rebond.accounts import services as accounts

    result = accounts.account_import(user=charlie, data=export_with_a_held_promise())
    assert result["promises"] == 2 + len(HELD_DAYS) + 1
    held = by_text(charlie, HELD)
    assert held.archived and not by_text(charlie, "Walk by the canal").archived
    assert {c.on: c.outcome for c in CheckIn.objects.filter(promise=held)} == HELD_DAYS, "check-ins unchanged"
    assert result.notes == ["One promise in the file is about keeping yourself safe, so it came in put away. "
                            "rebond won't count it as kept or missed. It may fit better in your safety plan "
                            "(/safety-plan/)."]


def test_the_import_result_says_so_in_the_api_and_the_terminal(alice: Any, charlie: Any, api_as: Any) -> None:
    response = api_as(charlie).post("/import", export_with_a_held_promise())
    assert response.status_code == 200, response.content
    assert response.json()["notes"][0].startswith("One promise in the file is about keeping yourself safe")
    from rebond.accounts import services as accounts

    plain = accounts.account_import(user=alice, data={"format": "rebond-export", "sections": {"promises": {
        "promises": [{"text": "Read", "size": "small", "rrule": "", "starts_on": str(TODAY), "checkins": []}]}}})
    assert plain.notes == [], "nothing to say about an everyday promise"
    make_user("dana")
    two = export_with_a_held_promise()
    two["sections"]["promises"]["promises"][1]["text"] = "I won't hurt myself"
    result = cli("import", "dana", input=json.dumps(two))
    assert result.exit_code == 0, result.output
    assert ("2 promises in the file are about keeping yourself safe, so they came in put away. rebond won't count "
            "them as kept or missed.") in " ".join(result.output.split())
    assert Promise.objects.filter(user__username="dana", archived=True).count() == 2
