from __future__ import annotations

from typing import Any

import pytest

from tests.conftest import client_for, make_user


def signed_in(user: Any) -> Any:
    """A browser session; clinicians turn two-step sign-in on first, as they must."""
    if user.role == "clinician":
        import pyotp

        from rebond.accounts import twofactor

        secret = twofactor.new_secret()
        twofactor.enable(user=user, secret=secret, code=pyotp.TOTP(secret).now())
    return client_for(user)


def share(owner: Any, viewer: Any, scopes: list[str] | None = None, role: str = "clinician") -> Any:
    """Share through the real invitation flow, so tests walk the same path people do."""
    from rebond.care import services

    _, code = services.invitation_create(user=owner, role=role, scopes=scopes)
    return services.invitation_accept(user=viewer, code=code)


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
