"""The daily limit on a supporter's notes holds when several are sent at the same instant (double taps, two tabs)."""

from __future__ import annotations

import threading

import pytest
from django.core.exceptions import ValidationError
from django.db import connection

from rebond.care import services
from rebond.care.models import Encouragement
from tests.care.conftest import make_user, share


@pytest.mark.django_db(transaction=True)
def test_notes_sent_at_the_same_instant_stay_within_the_daily_limit() -> None:
    owner = make_user("olive", "client")
    sender = make_user("sid", "supporter")
    share(owner, sender, ["victories"], role="supporter")
    services.guard_for(sender, "warm up")  # the crisis check's model loads once per process; not what's tested here
    tries = services.ENCOURAGEMENTS_PER_DAY + 3
    start = threading.Barrier(tries)
    sent: list[int] = []
    refused: list[str] = []
    errors: list[BaseException] = []

    def send(n: int) -> None:
        try:
            start.wait()
            services.encouragement_send(sender=sender, owner=owner, text=f"Thinking of you ({n})")
            sent.append(n)
        except ValidationError as exc:
            refused.append(" ".join(exc.messages))
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=send, args=(n,)) for n in range(tries)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors, errors
    assert len(sent) == services.ENCOURAGEMENTS_PER_DAY
    assert Encouragement.objects.filter(owner=owner).count() == services.ENCOURAGEMENTS_PER_DAY
    assert len(refused) == 3 and all("Try again tomorrow" in said for said in refused)
