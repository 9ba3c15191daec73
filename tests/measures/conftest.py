from __future__ import annotations

from typing import Any

import pytest

PHQ9_FLAGGED = [1, 1, 1, 1, 1, 1, 1, 1, 1]


@pytest.fixture
def phq9_response(alice: Any) -> Any:
    from rebond.measures import services

    return services.response_create(user=alice, instrument_id="phq9", answers=[2, 2, 2, 2, 2, 2, 2, 2, 0])


def signed_in(user: Any) -> Any:
    """A browser session; clinicians turn two-step sign-in on first, as the foundation requires."""
    from tests.conftest import client_for

    if user.role == "clinician":
        try:
            import pyotp

            from rebond.accounts import twofactor
        except ImportError:  # an older foundation without two-step sign-in
            return client_for(user)
        secret = twofactor.new_secret()
        twofactor.enable(user=user, secret=secret, code=pyotp.TOTP(secret).now())
    return client_for(user)
