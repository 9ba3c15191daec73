"""The people summary never gives away the answer to "Has this person ever hurt you, threatened you, or made you
afraid?": anyone marked yes or not sure is left out for every viewer (the viewer may be that person), with nothing
that hints at a gap."""

from __future__ import annotations

from typing import Any

import pytest

from rebond.care import reads
from rebond.care.models import Share
from tests.care.conftest import share, signed_in
from tests.conftest import token_for

pytestmark = pytest.mark.django_db

HINTS = ("hurt", "scared", "afraid", "safety_first", "not shown", "left out", "hidden")


@pytest.fixture
def alice_people(alice: Any) -> Any:
    from rebond.people import services

    for name, hurt in (("Sam", "no"), ("Jordan", "yes"), ("Alex", "not_sure"), ("Robin", "")):
        services.person_create(user=alice, name=name, hurt=hurt)
    return alice


def assert_private(text: str) -> None:
    assert "Sam" in text and "Robin" in text
    assert "Jordan" not in text and "Alex" not in text
    lowered = text.lower()
    for hint in HINTS:
        assert hint not in lowered, hint


def test_the_summary_leaves_out_anyone_who_hurt_or_scared_them(alice_people: Any) -> None:
    data = reads.read(alice_people, "ledger_summary")
    assert sorted(row["name"] for row in data["items"]) == ["Robin", "Sam"] and data["count"] == 2
    assert all(set(row) == {"name", "trust", "lately"} for row in data["items"])
    assert_private(str(data))


def test_a_clinician_sees_no_mark_on_the_web_or_in_the_api(alice_people: Any, bob_shared: Any) -> None:
    page = signed_in(bob_shared).get(f"/care/clients/{alice_people.pk}/")
    assert page.status_code == 200
    html = page.content.decode()
    section = html[html.index("People: a summary"):]
    assert_private(section[:section.index("</section>")] if "</section>" in section else section)
    assert "Jordan" not in html and "Alex" not in html
    from django.test import Client

    api = Client().get(f"/api/v1/care/clients/{alice_people.pk}/ledger_summary",
                       HTTP_AUTHORIZATION=f"Bearer {token_for(bob_shared)}")
    assert api.status_code == 200
    body = api.json()
    assert body["count"] == 2 and sorted(row["name"] for row in body["items"]) == ["Robin", "Sam"]
    assert_private(api.content.decode())


def test_a_supporter_with_the_summary_sees_no_mark(alice_people: Any, dave: Any) -> None:
    share(alice_people, dave, ["ledger_summary"], role="supporter")
    html = signed_in(dave).get(f"/care/clients/{alice_people.pk}/").content.decode()
    assert "Sam" in html and "Jordan" not in html and "Alex" not in html
    assert "hurt or scared" not in html and "Marked as" not in html


def test_the_owner_preview_shows_what_the_viewer_sees(alice_people: Any, dave: Any) -> None:
    share(alice_people, dave, ["ledger_summary"], role="supporter")
    share_id = Share.objects.get(viewer=dave).pk
    html = signed_in(alice_people).get(f"/care/shares/{share_id}/preview/").content.decode()
    assert "Sam" in html and "Jordan" not in html and "Marked as" not in html


def test_a_stranger_gets_404(alice_people: Any, charlie: Any) -> None:
    assert signed_in(charlie).get(f"/care/clients/{alice_people.pk}/").status_code == 404
