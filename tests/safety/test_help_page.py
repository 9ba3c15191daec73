"""Get help now in the order UX.md sets: the region's lines first (call and text), then the safety plan, then
grounding. With no region, the usual case signed out: "call your local emergency number" first, then where you
are, then the international directory once. Every line says the day it was last checked."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from rebond.domain import helplines
from tests.conftest import client_for, html
from tests.safety.test_help_lines import _items

pytestmark = pytest.mark.django_db

GROUNDING = ("/practice/grounding-5-4-3-2-1/", "/practice/paced-breathing/")


def _in_order(page: str, *markers: str) -> None:
    places = [page.find(marker) for marker in markers]
    assert -1 not in places, [m for m, at in zip(markers, places, strict=True) if at == -1]
    assert places == sorted(places), f"out of order: {sorted(zip(places, markers, strict=True))}"


def _cards(page: str, name: str) -> int:
    return sum(1 for item in _items(page) if name in item["text"])


@pytest.mark.parametrize("asked", ["", "?region=INTL", "?region=XX"])
def test_with_no_region_the_emergency_number_then_where_you_are_then_the_directory_once(asked: str) -> None:
    page = html(Client().get(f"/help/{asked}"))
    directory = helplines.lines_for(None)[0]
    _in_order(page, "call your local emergency number", 'id="where"', '<select id="region" name="region"',
              'id="talk"', directory.name, 'id="dv"', 'id="youth"', 'id="plan"', 'id="grounding"')
    assert _cards(page, directory.name) == 1, "the directory's card once, not under every heading"
    assert "see website" not in page
    for hidden in ("Somewhere else?", "988", "116 123"):
        assert hidden not in page, "no country is picked for the person"


@pytest.mark.parametrize(("region", "signed_in"), [("GB", False), ("US", True)])
def test_a_regions_lines_come_first_then_the_plan_then_grounding(alice: Any, region: str, signed_in: bool) -> None:
    client = client_for(alice) if signed_in else Client()
    page = html(client.get(f"/help/?region={region}"))
    first = helplines.talk_lines(region)[0]
    _in_order(page, f"call <strong>{helplines.emergency_number(region)}</strong>", 'id="talk"', first.name, 'id="dv"',
              helplines.dv_lines_for(region)[0].name, 'id="plan"', 'id="grounding"', 'id="elsewhere"',
              '<select id="region" name="region"', helplines.lines_for(None)[0].name)
    assert 'id="where"' not in page, "the picker waits at the end when the region has lines"
    assert _cards(page, helplines.lines_for(None)[0].name) == 1


@pytest.mark.parametrize("region", [None] + [code for code, _ in helplines.regions()])
def test_every_line_shows_the_day_it_was_checked(region: str | None) -> None:
    page = html(Client().get("/help/" + (f"?region={region}" if region else "")))
    items = _items(page)
    shown = {line.name: line for line in helplines.all_lines()}
    for item in items:
        line = next(line for name, line in shown.items() if name in item["text"])
        assert f"Checked {line.checked.day} {line.checked:%b %Y}" in " ".join(item["text"].split())


def test_signed_out_the_safety_plan_is_a_sign_in_away_and_grounding_needs_no_account() -> None:
    client = Client()
    page = html(client.get("/help/"))
    plan = page.split('id="plan"', 1)[1].split("<h2", 1)[0]
    assert 'href="/accounts/login/?next=/safety-plan/"' in plan
    grounding = page.split('id="grounding"', 1)[1].split("<h2", 1)[0]
    for url in GROUNDING:
        assert f'href="{url}"' in grounding
        opened = client.get(url)
        assert opened.status_code == 200 and "Back to help" in html(opened)


def test_signed_in_the_plan_is_one_tap(alice: Any) -> None:
    page = html(client_for(alice).get("/help/"))
    assert 'href="/safety-plan/"' in page.split('id="plan"', 1)[1].split("<h2", 1)[0]
