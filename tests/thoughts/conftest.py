from __future__ import annotations

from typing import Any

import pytest

FULL = {
    "situation": "My friend didn't answer my message all weekend.",
    "thoughts": [{"text": "She must be angry with me.", "hot": True}, {"text": "I always push people away."}],
    "emotions": [{"name": "Worried", "before": 80, "after": 40}, {"name": "Lonely", "before": 60, "after": 50}],
    "belief_before": 85,
    "traps": ["mind_reading", "overgeneralizing"],
    "evidence_for": "She usually answers quickly.",
    "evidence_against": "She said she was going camping.",
    "balanced_thought": "She is probably away. I can ask how her weekend was.",
    "balanced_belief": 70,
    "belief_after": 30,
    "status": "done",
}


@pytest.fixture
def record(alice: Any) -> Any:
    """A finished thought record of alice's."""
    from rebond.thoughts import services

    record, _ = services.record_save(user=alice, changes=FULL)
    return record


def web_for(user: Any) -> Any:
    """A signed-in test client. Clinicians must have two-step sign-in on before any page opens, so bob gets it."""
    import time
    from importlib.util import find_spec

    from tests.conftest import client_for

    if getattr(user, "role", "") == "clinician" and find_spec("rebond.accounts.twofactor") is not None:
        import pyotp

        from rebond.accounts import twofactor

        if not twofactor.is_enabled(user):
            secret = twofactor.new_secret()
            twofactor.enable(user=user, secret=secret, code=pyotp.TOTP(secret).at(time.time() - 30))
    return client_for(user)
