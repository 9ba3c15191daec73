"""Every page and endpoint of the apps that keep a person's own record (promises, thoughts, people, boundaries,
journal, practice, safety, and the account pages that hold personal data), for each persona, with the status each
must get: the persona matrix of tests/care/test_matrix.py, for the rest of the site.

alice owns one of everything; bob is her clinician (every scope shared, two-step on); dave her supporter (the
supporter's default scopes: wins); charlie a stranger; "revoked" is bob after alice stopped sharing with him.

The rule (docs/care.md, rebond/care/access.py): these pages and endpoints serve only their owner. Anything of
alice's is a 404 to everyone else, exactly as if it didn't exist; a viewer whose share covers it (promises, wins,
thoughts, journal) who tries to change it is told it's read-only (403, access.refuse_shared_write). People,
boundaries, practice sessions, the safety plan and the account are in no scope: a 404 to every viewer. What a share
lets a viewer read comes through care's viewer pages (the care matrix). A page or endpoint without an id serves each
persona their own record, so no response to anyone but alice may hold her words (ALICE_WORDS).

The personas of one row are asked in turn against one world (owner last, so a write of hers can't hide a refusal):
a world per row, not per row and persona, keeps the file quick.
"""

from __future__ import annotations

from datetime import timedelta
from types import SimpleNamespace
from typing import Any

import pytest

from tests.conftest import make_user, share, two_step_on
from tests.persona_matrix import Case, check, check_coverage

pytestmark = pytest.mark.django_db

# Asked in this order: the owner last (her deletes would turn a viewer's 403 into a 404), "revoked" after
# "clinician" (it removes bob's share).
PERSONAS = ("clinician", "supporter", "stranger", "revoked", "owner")
SCOPES = ("promises", "victories", "measures", "thoughts", "ledger_summary", "journal", "safety_alerts")
# A word in everything of alice's, so a response that holds any of her record shows it.
MARK = "Quillon"
# alice's calendar feed: the secret address is the key, whoever asks (a calendar app is signed in as no one).
BY_ADDRESS = {"calendar_feed"}


def every(status: int) -> dict[str, int]:
    return dict.fromkeys(PERSONAS, status)


def only(owner: int, clinician: int = 404, supporter: int = 404) -> dict[str, int]:
    """alice gets ``owner``; a viewer whose share covers the thing and who tries to change it gets 403 (read-only);
    everyone else 404."""
    return {"owner": owner, "clinician": clinician, "supporter": supporter, "stranger": 404, "revoked": 404}


def promises_write(owner: int) -> dict[str, int]:
    return only(owner, clinician=403)  # bob's share covers promises; dave's (wins only) doesn't


def wins_write(owner: int) -> dict[str, int]:
    return only(owner, clinician=403, supporter=403)  # both shares cover wins


scope_write = promises_write  # thoughts and journal: bob's share covers them, dave's doesn't

TODAY = "{today}"
PROMISES = [
    # --- pages without an id: each person's own
    Case("web", "record", "get", "/record/", every(200)),
    Case("web", "calendar_regenerate", "post", "/record/calendar/", every(302), {"confirm": "yes"}),
    Case("web", "calendar_feed", "get", "/calendar/{feed}.ics", every(200)),
    Case("web", "list", "get", "/promises/", every(200)),
    Case("web", "new", "get", "/promises/new/", every(200)),
    Case("web", "new", "post", "/promises/new/", every(302),
         {"text": "Stretch", "size": "small", "repeat": "daily", "starts_on": TODAY}),
    Case("web", "earlier", "get", "/promises/earlier/", every(200)),
    Case("web", "safety_plan_add", "get", "/promises/safety-plan/", every(302)),
    Case("web", "safety_plan_add", "post", "/promises/safety-plan/", every(302)),
    Case("web", "victories", "get", "/victories/", every(200)),
    Case("web", "victories", "post", "/victories/", every(302), {"text": "Called my sister", "on": TODAY}),
    # --- alice's promise, check-ins and win
    Case("web", "detail", "get", "/promises/{promise}/", only(200)),
    Case("web", "detail", "post", "/promises/{promise}/", promises_write(302),
         {"text": "Walk twenty minutes", "size": "small", "repeat": "daily", "starts_on": "{started}"}),
    Case("web", "archive", "post", "/promises/{promise}/archive/", promises_write(302)),
    Case("web", "stop", "get", "/promises/{promise}/stop/", only(200)),
    Case("web", "stop", "post", "/promises/{promise}/stop/", promises_write(302)),
    Case("web", "held_to_plan", "post", "/promises/{held}/safety-plan/", promises_write(302)),
    Case("web", "pause", "post", "/promises/{promise}/pause/", promises_write(302),
         {"first": TODAY, "last": TODAY, "reason": "pause"}),
    Case("web", "checkin", "post", "/promises/{promise}/checkins/{today}/", promises_write(302), {"outcome": "kept"}),
    Case("web", "debrief", "get", "/promises/{promise}/checkins/{yesterday}/debrief/", only(200)),
    Case("web", "debrief", "post", "/promises/{promise}/checkins/{yesterday}/debrief/", promises_write(302),
         {"obstacle": "Rain", "smaller_step": "Five minutes"}),
    Case("web", "checkin_remove", "get", "/promises/{promise}/checkins/{yesterday}/remove/", only(200)),
    Case("web", "checkin_remove", "post", "/promises/{promise}/checkins/{yesterday}/remove/", promises_write(302)),
    Case("web", "another_day", "get", "/promises/{promise}/day/", only(200)),
    Case("web", "victory_remove", "get", "/victories/{victory}/remove/", only(200)),
    Case("web", "victory_remove", "post", "/victories/{victory}/remove/", wins_write(302)),
    # --- API: each person's own
    Case("api", "/promises", "get", "/promises", every(200)),
    Case("api", "/promises", "post", "/promises", every(201), {"text": "Stretch", "starts_on": TODAY}),
    Case("api", "/self-trust", "get", "/self-trust", every(200)),
    Case("api", "/victories", "get", "/victories", every(200)),
    Case("api", "/victories", "post", "/victories", every(201), {"text": "Called my sister"}),
    Case("api", "/calendar", "get", "/calendar", every(200)),
    Case("api", "/calendar/regenerate", "post", "/calendar/regenerate", every(200)),
    # --- API: alice's promise, check-ins and win
    Case("api", "/promises/{promise_id}", "get", "/promises/{promise}", only(200)),
    Case("api", "/promises/{promise_id}", "patch", "/promises/{promise}", promises_write(200),
         {"text": "Walk twenty minutes"}),
    Case("api", "/promises/{promise_id}/archive", "post", "/promises/{promise}/archive", promises_write(200)),
    Case("api", "/promises/{promise_id}/checkins", "get", "/promises/{promise}/checkins", only(200)),
    Case("api", "/promises/{promise_id}/checkins/{on}", "get", "/promises/{promise}/checkins/{yesterday}",
         only(200)),
    Case("api", "/promises/{promise_id}/checkins/{on}", "put", "/promises/{promise}/checkins/{today}",
         promises_write(201), {"outcome": "kept"}),
    Case("api", "/promises/{promise_id}/checkins/{on}", "delete", "/promises/{promise}/checkins/{yesterday}",
         promises_write(204)),
    Case("api", "/promises/{promise_id}/pause", "post", "/promises/{promise}/pause", promises_write(200),
         {"first": TODAY, "last": TODAY}),
    Case("api", "/victories/{victory_id}", "delete", "/victories/{victory}", wins_write(204)),
]

THOUGHTS = [
    Case("web", "list", "get", "/thoughts/", every(200)),
    Case("web", "new", "get", "/thoughts/new/", every(200)),
    Case("web", "new", "post", "/thoughts/new/", every(302)),
    Case("web", "patterns", "get", "/thoughts/patterns/", every(200)),
    Case("web", "traps", "get", "/thoughts/traps/", every(200)),
    Case("web", "trap", "get", "/thoughts/traps/labeling/", every(200)),
    Case("web", "detail", "get", "/thoughts/{record}/", only(200)),
    Case("web", "delete", "get", "/thoughts/{record}/delete/", only(200)),
    Case("web", "delete", "post", "/thoughts/{record}/delete/", scope_write(302)),
    Case("web", "step", "get", "/thoughts/{record}/step/situation/", only(200)),
    Case("web", "step", "post", "/thoughts/{record}/step/situation/", scope_write(302),
         {"situation": "At the office"}),
    Case("web", "draft", "post", "/thoughts/{record}/draft/situation/", scope_write(302),
         {"situation": "At the office"}),
    Case("api", "/thoughts", "get", "/thoughts", every(200)),
    Case("api", "/thoughts", "post", "/thoughts", every(201),
         {"situation": "On the bus", "thoughts": [{"text": "They always leave", "hot": True}]}),
    Case("api", "/thoughts/analyze", "post", "/thoughts/analyze", every(200), {"text": "They always leave"}),
    Case("api", "/thoughts/{record_id}", "get", "/thoughts/{record}", only(200)),
    Case("api", "/thoughts/{record_id}", "patch", "/thoughts/{record}", scope_write(200),
         {"situation": "At the office"}),
    Case("api", "/thoughts/{record_id}", "delete", "/thoughts/{record}", scope_write(204)),
]

JOURNAL = [
    Case("web", "index", "get", "/journal/", every(200)),
    Case("web", "new", "get", "/journal/new/gratitude/", every(200)),
    Case("web", "new", "post", "/journal/new/gratitude/", every(302), {"body": "Warm bread", "on": TODAY}),
    Case("web", "detail", "get", "/journal/{entry}/", only(200)),
    Case("web", "edit", "get", "/journal/{entry}/edit/", only(200)),
    Case("web", "edit", "post", "/journal/{entry}/edit/", scope_write(302), {"body": "Warm bread", "on": TODAY}),
    Case("web", "delete", "get", "/journal/{entry}/delete/", only(200)),
    Case("web", "delete", "post", "/journal/{entry}/delete/", scope_write(302)),
    Case("api", "/journal", "get", "/journal", every(200)),
    Case("api", "/journal", "post", "/journal", every(201), {"kind": "gratitude", "body": "Warm bread"}),
    Case("api", "/journal/strengths", "get", "/journal/strengths", every(200)),
    Case("api", "/journal/prompts", "get", "/journal/prompts", every(200)),
    Case("api", "/journal/{entry_id}", "get", "/journal/{entry}", only(200)),
    Case("api", "/journal/{entry_id}", "patch", "/journal/{entry}", scope_write(200), {"body": "Warm bread"}),
    Case("api", "/journal/{entry_id}", "put", "/journal/{entry}", scope_write(200), {"body": "Warm bread"}),
    Case("api", "/journal/{entry_id}", "delete", "/journal/{entry}", scope_write(204)),
]

PEOPLE = [
    Case("web", "list", "get", "/people/", every(200)),
    Case("web", "new", "get", "/people/new/", every(200)),
    Case("web", "new", "post", "/people/new/", every(302), {"name": "Sam", "hurt": "no"}),
    Case("web", "detail", "get", "/people/{person}/", only(200)),
    Case("web", "edit", "get", "/people/{person}/edit/", only(200)),
    Case("web", "edit", "post", "/people/{person}/edit/", only(302), {"name": "Jo", "hurt": "no"}),
    Case("web", "delete", "get", "/people/{person}/delete/", only(200)),
    Case("web", "delete", "post", "/people/{person}/delete/", only(302)),
    Case("web", "hurt", "post", "/people/{person}/hurt/", only(302), {"hurt": "no"}),
    Case("web", "event_new", "get", "/people/{person}/events/new/", only(200)),
    Case("web", "event_new", "post", "/people/{person}/events/new/", only(302),
         {"kind": "promise_kept", "on": TODAY, "severity": "1", "from_checking": "no"}),
    Case("web", "event_retract", "get", "/people/{person}/events/{breach}/retract/", only(200)),
    Case("web", "event_retract", "post", "/people/{person}/events/{breach}/retract/", only(302), {"reason": "Wrong"}),
    Case("web", "event_annotate", "post", "/people/{person}/events/{breach}/annotate/", only(302),
         {"text": "Later"}),
    Case("web", "said_new", "post", "/people/{person}/said/new/", only(302),
         {"text": "Fix the bike", "made_on": TODAY, "due_on": TODAY}),
    Case("web", "said_resolve", "post", "/people/said/{said}/resolve/", only(302), {"outcome": "kept"}),
    Case("web", "repair", "get", "/people/{person}/events/{breach}/repair/", only(200)),
    Case("web", "repair", "post", "/people/{person}/events/{breach}/repair/", only(302), {"stage": "acknowledge"}),
    Case("web", "ladder", "get", "/people/{person}/ladder/", only(200)),
    Case("web", "ladder", "post", "/people/{person}/ladder/", only(302), {"text": "Coffee at my place"}),
    Case("web", "ladder_step", "post", "/people/{person}/ladder/{step}/", only(302), {"s{step}-position": "1"}),
    Case("web", "ladder_remove", "get", "/people/{person}/ladder/{step}/remove/", only(200)),
    Case("web", "ladder_remove", "post", "/people/{person}/ladder/{step}/remove/", only(302)),
    Case("api", "/people", "get", "/people", every(200)),
    Case("api", "/people", "post", "/people", every(201), {"name": "Sam", "hurt": "no"}),
    Case("api", "/said", "get", "/said", every(200)),
    Case("api", "/people/{person_id}", "get", "/people/{person}", only(200)),
    Case("api", "/people/{person_id}", "patch", "/people/{person}", only(200), {"name": "Jo"}),
    Case("api", "/people/{person_id}", "delete", "/people/{person}", only(204)),
    Case("api", "/people/{person_id}/events", "get", "/people/{person}/events", only(200)),
    Case("api", "/people/{person_id}/events", "post", "/people/{person}/events", only(201),
         {"on": TODAY, "kind": "promise_kept"}),
    Case("api", "/people/{person_id}/events/{event_id}", "get", "/people/{person}/events/{breach}", only(200)),
    Case("api", "/people/{person_id}/events/{event_id}/retract", "post", "/people/{person}/events/{breach}/retract",
         only(200), {}),
    Case("api", "/people/{person_id}/events/{event_id}/annotations", "post",
         "/people/{person}/events/{breach}/annotations", only(201), {"text": "Later"}),
    Case("api", "/people/{person_id}/events/{event_id}/repair", "put", "/people/{person}/events/{breach}/repair",
         only(200), {"stage": "acknowledge"}),
    Case("api", "/people/{person_id}/trust", "get", "/people/{person}/trust", only(200)),
    Case("api", "/people/{person_id}/said", "get", "/people/{person}/said", only(200)),
    Case("api", "/people/{person_id}/said", "post", "/people/{person}/said", only(201),
         {"text": "Fix the bike", "due_on": TODAY}),
    Case("api", "/said/{said_id}/resolve", "post", "/said/{said}/resolve", only(200), {"outcome": "kept"}),
    Case("api", "/people/{person_id}/ladder", "get", "/people/{person}/ladder", only(200)),
    Case("api", "/people/{person_id}/ladder", "post", "/people/{person}/ladder", only(201), {"text": "Coffee"}),
    Case("api", "/people/{person_id}/ladder/{step_id}", "patch", "/people/{person}/ladder/{step}", only(200),
         {"anxiety_after": 2}),
    Case("api", "/people/{person_id}/ladder/{step_id}", "delete", "/people/{person}/ladder/{step}", only(204)),
]

BOUNDARIES = [
    Case("web", "list", "get", "/boundaries/", every(200)),
    Case("web", "new", "get", "/boundaries/new/", every(200)),
    Case("web", "new", "post", "/boundaries/new/", every(302), {"what": "No calls after ten"}),
    Case("web", "detail", "get", "/boundaries/{boundary}/", only(200)),
    Case("web", "detail", "post", "/boundaries/{boundary}/", only(302), {"what": "No calls after nine"}),
    Case("web", "delete", "get", "/boundaries/{boundary}/delete/", only(200)),
    Case("web", "delete", "post", "/boundaries/{boundary}/delete/", only(302)),
    Case("web", "log", "post", "/boundaries/{boundary}/log/", only(302), {"outcome": "held", "on": TODAY}),
    Case("api", "/boundaries", "get", "/boundaries", every(200)),
    Case("api", "/boundaries", "post", "/boundaries", every(201), {"what": "No calls after ten"}),
    Case("api", "/boundaries/summary", "get", "/boundaries/summary", every(200)),
    Case("api", "/boundaries/{boundary_id}", "get", "/boundaries/{boundary}", only(200)),
    Case("api", "/boundaries/{boundary_id}", "patch", "/boundaries/{boundary}", only(200),
         {"what": "No calls after nine"}),
    Case("api", "/boundaries/{boundary_id}", "delete", "/boundaries/{boundary}", only(204)),
    Case("api", "/boundaries/{boundary_id}/logs", "get", "/boundaries/{boundary}/logs", only(200)),
    Case("api", "/boundaries/{boundary_id}/logs", "post", "/boundaries/{boundary}/logs", only(201),
         {"outcome": "held"}),
    Case("api", "/boundaries/{boundary_id}/logs/{log_id}", "delete", "/boundaries/{boundary}/logs/{log}",
         only(204)),
]

PRACTICE = [
    Case("web", "index", "get", "/practice/", every(200)),
    Case("web", "exercise", "get", "/practice/body-scan/", every(200)),
    Case("web", "exercise", "post", "/practice/body-scan/", every(302),
         {"distress_before": "6", "distress_after": "4"}),
    Case("web", "session_help", "get", "/practice/sessions/{session}/help/", only(200)),
    Case("web", "session_delete", "get", "/practice/sessions/{session}/delete/", only(200)),
    Case("web", "session_delete", "post", "/practice/sessions/{session}/delete/", only(302)),
    Case("web", "learn_index", "get", "/learn/", every(200)),
    Case("web", "learn_page", "get", "/learn/after-a-betrayal/", every(200)),
    Case("api", "/exercises", "get", "/exercises", every(200)),
    Case("api", "/exercises/{slug}", "get", "/exercises/body-scan", every(200)),
    Case("api", "/practice/sessions", "get", "/practice/sessions", every(200)),
    Case("api", "/practice/sessions", "post", "/practice/sessions", every(201),
         {"exercise": "body-scan", "distress_before": 6, "distress_after": 4}),
    Case("api", "/practice/change", "get", "/practice/change", every(200)),
    Case("api", "/practice/sessions/{session_id}", "get", "/practice/sessions/{session}", only(200)),
    Case("api", "/practice/sessions/{session_id}", "delete", "/practice/sessions/{session}", only(204)),
    Case("api", "/learn", "get", "/learn", every(200)),
    Case("api", "/learn/{slug}", "get", "/learn/after-a-betrayal", every(200)),
]

SAFETY = [
    Case("web", "help", "get", "/help/", every(200)),
    Case("web", "exit", "get", "/exit/", every(200)),
    Case("web", "plan", "get", "/safety-plan/", every(200)),
    Case("web", "plan", "post", "/safety-plan/", every(302), {"coping-text": "Music", "coping-obstacle": ""}),
    Case("api", "/safety-plan", "get", "/safety-plan", every(200)),
    Case("api", "/safety-plan", "put", "/safety-plan", every(200), {"steps": {"coping": {"text": "Music"}}}),
    Case("api", "/help", "get", "/help", every(200)),
]

# The account pages that hold no personal data: signing in and out, signing up, the first set-up, resetting a password.
NOT_PERSONAL = {"login", "login_code", "logout", "signup", "setup", "password_change_done", "password_reset",
                "password_reset_done", "password_reset_confirm", "password_reset_complete"}
ACCOUNTS = [
    Case("web", "settings", "get", "/accounts/settings/", every(200)),
    Case("web", "two_factor", "get", "/accounts/two-step/", every(200)),
    Case("web", "token_create", "post", "/accounts/settings/tokens/", every(302), {"name": "laptop"}),
    # Not a 404: revoking a token that isn't yours says "That token was already gone" and goes back to Settings,
    # the same answer as for one that never was (so it tells nothing); alice's token stays (test_nothing_changed).
    Case("web", "token_revoke", "post", "/accounts/settings/tokens/{token}/revoke/", every(302)),
    Case("web", "export", "get", "/accounts/export/", every(200)),
    Case("web", "delete", "get", "/accounts/delete/", every(200)),
    Case("web", "password_change", "get", "/accounts/password/", every(200)),
    Case("api", "/auth/token", "post", "/auth/token", every(401), {"username": "alice", "password": "not hers"}),
    Case("api", "/me", "get", "/me", every(200)),
    Case("api", "/tokens", "get", "/tokens", every(200)),
    Case("api", "/tokens/{token_id}", "delete", "/tokens/{token}", only(204)),
    Case("api", "/export", "get", "/export", every(200)),
    Case("api", "/import", "post", "/import", every(200), {"format": "rebond-export", "version": 1, "sections": {}}),
    Case("api", "/account", "delete", "/account", every(422), {"password": "not theirs"}),
]

APPS = {
    "promises": (PROMISES, ("/api/v1/promises", "/api/v1/self-trust", "/api/v1/victories", "/api/v1/calendar")),
    "thoughts": (THOUGHTS, ("/api/v1/thoughts",)),
    "journal": (JOURNAL, ("/api/v1/journal",)),
    "people": (PEOPLE, ("/api/v1/people", "/api/v1/said")),
    "boundaries": (BOUNDARIES, ("/api/v1/boundaries",)),
    "practice": (PRACTICE, ("/api/v1/exercises", "/api/v1/practice", "/api/v1/learn")),
    "safety": (SAFETY, ("/api/v1/safety-plan", "/api/v1/help")),
    "accounts": (ACCOUNTS, ("/api/v1/auth", "/api/v1/me", "/api/v1/tokens", "/api/v1/export", "/api/v1/import",
                            "/api/v1/account")),
}
ROWS = [(app, case) for app, (cases, _) in APPS.items() for case in cases]


def row_id(row: tuple[str, Case]) -> str:
    app, case = row
    return f"{app}:{case.door}:{case.method}:{case.path}"


@pytest.fixture
def world(alice: Any, bob: Any, charlie: Any) -> Any:
    from rebond.accounts import services as accounts
    from rebond.boundaries import services as boundaries
    from rebond.journal import services as journal
    from rebond.people import services as people
    from rebond.practice import services as practice
    from rebond.promises import services as promises
    from rebond.promises.models import Promise
    from rebond.safety import plan
    from rebond.thoughts import services as thoughts

    dave = make_user("dave", "supporter")
    today = promises.user_today(alice)
    yesterday = today - timedelta(days=1)
    started = today - timedelta(days=3)
    promise, _ = promises.promise_create(user=alice, text=f"Walk ten minutes by {MARK} canal", rrule="FREQ=DAILY",
                                         starts_on=started)
    promises.checkin_record(user=alice, promise=promise, on=yesterday, outcome="missed", note=f"{MARK} rain")
    held = Promise.objects.create(user=alice, text="No more cutting", rrule="FREQ=DAILY", starts_on=started)
    victory, _ = promises.victory_create(user=alice, text=f"Asked {MARK} for help")
    feed = promises.calendar_feed_regenerate(user=alice)
    record, _ = thoughts.record_save(user=alice, changes={"situation": f"At {MARK} work",
                                                         "thoughts": [{"text": "They think I'm useless",
                                                                       "hot": True}]})
    record = thoughts.record_finish(user=alice, record=record)
    entry, _ = journal.entry_create(user=alice, kind="gratitude", body=f"The {MARK} sunlight")
    person, _ = people.person_create(user=alice, name=f"{MARK} Jo", hurt="no")
    breach, _ = people.observation_add(user=alice, person=person, on=yesterday, kind="promise_broken",
                                       note=f"{MARK} was late")
    said, _ = people.said_create(user=alice, person=person, text=f"Return the {MARK} book", due_on=today)
    step, _ = people.ladder_add(user=alice, person=person, text=f"Coffee at {MARK}")
    boundary, _ = boundaries.boundary_save(user=alice, data={"what": f"No calls after ten, {MARK}"})
    log, _ = boundaries.log_add(user=alice, boundary=boundary, outcome="held", note=f"{MARK} kept it")
    session = practice.session_create(user=alice, exercise="body-scan", distress_before=7, distress_after=8)
    plan.plan_save(user=alice, entries={"coping": {"text": f"{MARK} music", "obstacle": ""}})
    token, _ = accounts.token_create(user=alice, name=f"{MARK} laptop")
    share(alice, bob, list(SCOPES))
    share(alice, dave, role="supporter")
    two_step_on(bob)
    return SimpleNamespace(
        users={"owner": alice, "clinician": bob, "supporter": dave, "stranger": charlie, "revoked": bob},
        values={"promise": promise.pk, "held": held.pk, "victory": victory.pk, "feed": feed, "record": record.pk,
                "entry": entry.pk, "person": person.pk, "breach": breach.pk, "said": said.pk, "step": step.pk,
                "boundary": boundary.pk, "log": log.pk,
                "session": session.pk, "token": token.pk, "today": today.isoformat(),
                "yesterday": yesterday.isoformat(), "started": started.isoformat()})


def test_the_world_holds_one_of_everything(world: Any) -> None:
    """Each row above asks about something alice has, and her supporter has the supporter's default scopes."""
    from rebond.care.access import DEFAULT_SCOPES
    from rebond.care.models import Share

    assert Share.objects.get(viewer=world.users["supporter"]).scopes == list(DEFAULT_SCOPES["supporter"])
    assert Share.objects.get(viewer=world.users["clinician"]).scopes == list(SCOPES)


@pytest.mark.parametrize("row", ROWS, ids=row_id)
def test_persona_matrix(world: Any, row: tuple[str, Case]) -> None:
    """Every persona gets the status the row says, and nobody but alice sees a word of hers."""
    _, case = row
    wrong = []
    for persona in PERSONAS:
        try:
            response = check(case, world, persona)
        except AssertionError as exc:
            wrong.append(exc.args[0] if exc.args else persona)
            continue
        if persona != "owner" and case.name not in BY_ADDRESS:
            body = b"".join(response.streaming_content) if response.streaming else response.content
            if MARK.encode() in body:
                wrong.append((persona, "sees alice's words", case.method, case.path))
    assert not wrong, wrong


@pytest.mark.parametrize("app", APPS)
def test_the_matrix_covers_every_page_and_endpoint(client: Any, app: str) -> None:
    """A new page or endpoint of these apps without a row above fails here."""
    from importlib import import_module

    cases, prefixes = APPS[app]
    urlpatterns = import_module(f"rebond.{app}.urls").urlpatterns
    if app == "accounts":
        urlpatterns = [p for p in urlpatterns if p.name not in NOT_PERSONAL]
    check_coverage(cases, urlpatterns, client,
                   lambda path: any(path == p or path.startswith(f"{p}/") for p in prefixes))


def test_nothing_changed_that_is_not_theirs(world: Any) -> None:
    """The refusals above really wrote nothing: after every other persona's tries at changing or removing alice's
    things (pages and endpoints), each is still there as it was."""
    from django.apps import apps

    def counts() -> dict[str, int]:
        return {m._meta.label: m.objects.filter(user=world.users["owner"]).count() for m in apps.get_models()
                if any(f.name == "user" for f in m._meta.get_fields())}

    before = counts()
    writes = [(app, c) for app, c in ROWS if c.method != "get" and "{" in c.path and c.expect["stranger"] == 404]
    for persona in ("clinician", "supporter", "stranger"):
        for _, case in writes:
            check(case, world, persona)
    web_revoke = next(c for _, c in ROWS if c.name == "token_revoke")
    check(web_revoke, world, "stranger")
    assert counts() == before
    from rebond.boundaries.models import Boundary
    from rebond.journal.models import JournalEntry
    from rebond.people.models import Person
    from rebond.promises.models import Promise
    from rebond.thoughts.models import ThoughtRecord

    v = world.values
    promise = Promise.objects.get(pk=v["promise"])
    assert MARK in promise.text and not promise.archived
    assert Person.objects.get(pk=v["person"]).name == f"{MARK} Jo"
    assert MARK in Boundary.objects.get(pk=v["boundary"]).what
    assert JournalEntry.objects.get(pk=v["entry"]).body == f"The {MARK} sunlight"
    assert ThoughtRecord.objects.get(pk=v["record"]).situation == f"At {MARK} work"
