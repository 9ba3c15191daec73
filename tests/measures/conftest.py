from __future__ import annotations

from typing import Any

import pytest

PHQ9_FLAGGED = [1, 1, 1, 1, 1, 1, 1, 1, 1]


@pytest.fixture
def phq9_response(alice: Any) -> Any:
    from rebond.measures import services

    return services.response_create(user=alice, instrument_id="phq9", answers=[2, 2, 2, 2, 2, 2, 2, 2, 0])
