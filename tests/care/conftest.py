from __future__ import annotations

from typing import Any

import pytest

from tests.conftest import make_user, share, signed_in  # noqa: F401  (re-exported for the care tests)


@pytest.fixture
def dave(db: None) -> Any:
    """A supporter: a friend alice may invite."""
    return make_user("dave", "supporter")


@pytest.fixture
def alice_data(alice: Any) -> Any:
    """A little of everything, so every scope has something to show."""
    from datetime import timedelta

    from rebond.journal import services as journal
    from rebond.measures import services as measures
    from rebond.promises import services as promises
    from rebond.promises.services import user_today

    today = user_today(alice)
    promise, _ = promises.promise_create(user=alice, text="Walk ten minutes", size="tiny", rrule="FREQ=DAILY",
                                         starts_on=today - timedelta(days=5))
    for days in range(1, 4):
        promises.checkin_record(user=alice, promise=promise, on=today - timedelta(days=days), outcome="kept")
    measures.response_create(user=alice, instrument_id="phq9", answers=[1, 1, 1, 1, 1, 1, 1, 1, 0])
    journal.entry_create(user=alice, kind="gratitude", body="A private page about the garden")
    return alice


def sign_in_as(page: Any, live_server: Any, user: Any) -> None:
    """Give the browser a signed-in session (two-step sign-in is tested elsewhere)."""
    from django.conf import settings
    from django.test import Client

    client = Client()
    client.force_login(user)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME]
    url = live_server.url.replace("127.0.0.1", "localhost")  # the host the page fixture browses
    page.context.add_cookies([{"name": cookie.key, "value": cookie.value, "url": url}])


@pytest.fixture
def busy_months() -> tuple[Any, Any]:
    """alice with three busy months (bench/care_seed.py) and bob, her clinician with every default scope, for the
    browser tests (which make their own users: they run against a live server)."""
    from bench.care_seed import three_months
    from rebond.care import services
    from tests.conftest import two_step_on

    alice = make_user("alice", "client", time_zone="Europe/London", region="GB")
    bob = make_user("bob", "clinician", time_zone="America/New_York", region="US")
    two_step_on(bob)
    _, code = services.invitation_create(user=alice, role="clinician")
    services.invitation_accept(user=bob, code=code)
    made = three_months(alice, bob)
    assert made["thought_records"] >= 25 and made["homework"] >= 12
    return alice, bob
