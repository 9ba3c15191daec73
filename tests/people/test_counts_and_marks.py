"""Small words that matter on the People pages: counts that fit their number ("1 hard moment"), a calm "the day has
passed" beside a "they said they would" still waiting after its day (never "overdue"), and the kept / not kept /
unknown bar under the estimate (trust-model.md §7)."""

from __future__ import annotations

import re
from datetime import timedelta
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from rebond.domain import trust
from rebond.people import services, words
from rebond.people.models import Person
from tests.conftest import TODAY, client_for, html

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("frozen_day")]


@pytest.fixture
def sam(alice: Any) -> Person:
    return services.person_create(user=alice, name="Sam", relationship="partner", hurt="no")[0]


def lately(page: str) -> list[str]:
    panel = page.split('id="lately"', 1)[1].split("</section>", 1)[0]
    return [" ".join(m.split()) for m in re.findall(r'<span class="count">(\d+</span>[^<]+)</li>', panel)]


def test_lately_counts_fit_their_number(alice: Any, sam: Person) -> None:
    breach, _ = services.observation_add(user=alice, person=sam, on=TODAY - timedelta(days=3), kind="promise_broken")
    services.observation_add(user=alice, person=sam, on=TODAY - timedelta(days=2), kind="negative_observation")
    services.observation_add(user=alice, person=sam, on=TODAY - timedelta(days=1), kind="apology", repairs=breach.pk)
    client = client_for(alice)
    assert lately(html(client.get(f"/people/{sam.pk}/"))) == [
        "0</span> kept", "1</span> not kept", "0</span> shown (honesty, consistency, care)",
        "1</span> hard moment", "1</span> apology or amends"]
    services.observation_add(user=alice, person=sam, on=TODAY, kind="honesty_breach")
    services.observation_add(user=alice, person=sam, on=TODAY, kind="amends", repairs=breach.pk)
    rows = lately(html(client.get(f"/people/{sam.pk}/")))
    assert rows[3:] == ["2</span> hard moments", "2</span> apologies or amends"]


def test_a_waiting_promise_past_its_day_gets_a_calm_mark(alice: Any, sam: Person) -> None:
    services.said_create(user=alice, person=sam, text="Return the drill", made_on=TODAY - timedelta(days=6),
                         due_on=TODAY - timedelta(days=2))
    services.said_create(user=alice, person=sam, text="Call the landlord", due_on=TODAY)
    services.said_create(user=alice, person=sam, text="Book the trip", due_on=TODAY + timedelta(days=4))
    client = client_for(alice)
    for url in (f"/people/{sam.pk}/", "/people/", "/"):
        page = html(client.get(url))
        passed = re.findall(r"([A-Z][a-z]+ the [a-z]+) <span class=\"small\">— due [^<]+</span>"
                            r"( <span class=\"tag tag-passed\">the day has passed</span>)?", page)
        marks = {text: bool(mark) for text, mark in passed}
        assert marks["Return the drill"] is True and marks["Call the landlord"] is False, url
        if url != "/":  # Today lists only what is due by today
            assert marks["Book the trip"] is False, url
        assert "overdue" not in page.lower(), url


def test_the_api_says_when_the_day_has_passed(api_as: Any, alice: Any, sam: Person) -> None:
    late, _ = services.said_create(user=alice, person=sam, text="Return the drill", made_on=TODAY - timedelta(days=6),
                                   due_on=TODAY - timedelta(days=1))
    services.said_create(user=alice, person=sam, text="Call", due_on=TODAY)
    api = api_as(alice)
    items = api.get(f"/people/{sam.pk}/said").json()["items"]
    assert [(s["text"], s["day_passed"]) for s in items] == [("Return the drill", True), ("Call", False)]
    settled = api.post(f"/said/{late.pk}/resolve", {"outcome": "kept"}).json()
    assert settled["day_passed"] is False  # settled: nothing is waiting any more


def test_the_estimate_comes_with_a_kept_not_kept_unknown_bar(alice: Any, sam: Person) -> None:
    client = client_for(alice)
    services.observation_add(user=alice, person=sam, on=TODAY, kind="promise_kept")
    assert 'class="shares' not in html(client.get(f"/people/{sam.pk}/"))  # too little evidence: words only
    for d in range(1, 12):
        services.observation_add(user=alice, person=sam, on=TODAY - timedelta(days=d), kind="promise_kept")
    services.observation_add(user=alice, person=sam, on=TODAY - timedelta(days=3), kind="promise_broken")
    page = html(client.get(f"/people/{sam.pk}/"))
    overall = page.split('id="overall"', 1)[1].split("</section>", 1)[0]
    widths = [int(w) for w in re.findall(r'<rect class="share-\w+" x="\d+" y="0" width="(\d+)"', overall)]
    caption = " ".join(overall.split("<figcaption", 1)[1].split("</figcaption>", 1)[0].split())
    assert len(widths) == 3 and sum(widths) == 100 and widths[0] > widths[1] > 0 and widths[2] > 0
    for width, label in zip(widths, ("supports relying on them", "weighs against it", "not known yet"), strict=True):
        assert f"</span> {width} {label}" in caption
    assert 'aria-hidden="true"' in overall.split("<svg", 1)[1].split(">", 1)[0]  # the words carry it for readers


@given(r=st.floats(0, 60), s=st.floats(0, 60))
def test_the_bar_always_adds_up_to_100(r: float, s: float) -> None:
    point = trust.TrustPoint(on=TODAY, estimate=(r + 1) / (r + s + 2), uncertainty=2 / (r + s + 2),
                             belief=r / (r + s + 2), disbelief=s / (r + s + 2), low=0.0, high=1.0, sd=0.1,
                             evidence_for=r, evidence_against=s, status="early", observations_needed=0)
    parts = words.shares(point)
    assert [p["key"] for p in parts] == ["belief", "disbelief", "uncertainty"]
    assert sum(p["percent"] for p in parts) == 100 and all(p["percent"] >= 0 for p in parts)
    assert [p["start"] for p in parts] == [0, parts[0]["percent"], parts[0]["percent"] + parts[1]["percent"]]
