"""The crisis page an autosave leaves pending (rebond/safety/middleware.py) shows once, on a page, never in the way
of help, the safety plan, leaving quickly, signing out or the API."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse

from rebond.safety import interstitial
from tests.conftest import client_for, signed_in

pytestmark = pytest.mark.django_db

CRISIS_PAGE = "It sounds like a lot is going on"


def _pending(client: Any, back: str = "/thoughts/", harmed: bool = False) -> None:
    session = client.session
    session[interstitial.PENDING_KEY] = {"entry": "thoughts:1", "back": back, "harmed": harmed}
    session.save()


@pytest.mark.parametrize("name", ["safety:help", "safety:plan"])
def test_help_and_the_safety_plan_are_never_replaced(alice: Any, name: str) -> None:
    c = client_for(alice)
    _pending(c)
    assert CRISIS_PAGE not in c.get(reverse(name)).content.decode()
    assert interstitial.PENDING_KEY in c.session


def test_quick_exit_and_the_api_are_never_replaced(alice: Any) -> None:
    c = client_for(alice)
    _pending(c)
    assert CRISIS_PAGE not in c.get("/api/v1/thoughts").content.decode()
    assert CRISIS_PAGE not in c.get(reverse("safety:exit")).content.decode()


def test_the_pending_page_shows_once_with_domestic_violence_help_when_harmed(alice: Any) -> None:
    c = client_for(alice)
    _pending(c, back="/thoughts/", harmed=True)
    page = c.get(reverse("thoughts:list")).content.decode()
    assert CRISIS_PAGE in page and "If someone is hurting or scaring you" in page and 'href="/thoughts/"' in page
    assert "I&#x27;m safe" not in page and "I'm safe" not in page
    assert interstitial.PENDING_KEY not in c.session
    assert CRISIS_PAGE not in c.get(reverse("thoughts:list")).content.decode()


def test_a_partial_page_request_is_never_replaced(alice: Any) -> None:
    c = client_for(alice)
    _pending(c)
    assert CRISIS_PAGE not in c.get(reverse("thoughts:list"), HTTP_HX_REQUEST="true").content.decode()
    assert interstitial.PENDING_KEY in c.session


def test_one_persons_pending_page_never_reaches_another(alice: Any, charlie: Any, bob_shared: Any) -> None:
    c = client_for(alice)
    _pending(c)
    for other in (client_for(charlie), signed_in(bob_shared)):
        response = other.get(reverse("thoughts:list"))
        assert response.status_code == 200 and CRISIS_PAGE not in response.content.decode()
    assert interstitial.PENDING_KEY in c.session
