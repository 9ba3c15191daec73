"""Every help line rebond shows can be reached in one tap: a tel: link for its phone, an sms: link for its text
number and a link to its website, on Get help now for every region (and none) and on every other page with lines."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from django.test import Client, RequestFactory

from rebond.domain import helplines
from tests.conftest import client_for

pytestmark = pytest.mark.django_db

TEMPLATES = Path(__file__).resolve().parents[2] / "rebond"


class _Items(HTMLParser):
    """The <li> items of every `ul.lines` list: each one's text and the links inside it."""

    def __init__(self) -> None:
        super().__init__()
        self.items: list[dict[str, Any]] = []
        self._depth = 0  # nesting inside a ul.lines
        self._item: dict[str, Any] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if tag == "ul" and "lines" in (found.get("class") or "").split():
            self._depth += 1
        elif tag == "ul" and self._depth:
            self._depth += 1
        elif tag == "li" and self._depth == 1:
            self._item = {"text": "", "hrefs": []}
            self.items.append(self._item)
        elif tag == "a" and self._item is not None and found.get("href"):
            self._item["hrefs"].append(found["href"])

    def handle_endtag(self, tag: str) -> None:
        if tag == "ul" and self._depth:
            self._depth -= 1
        elif tag == "li" and self._depth == 1:
            self._item = None

    def handle_data(self, data: str) -> None:
        if self._item is not None:
            self._item["text"] += data


def _items(body: str) -> list[dict[str, Any]]:
    parser = _Items()
    parser.feed(body)
    return parser.items


def assert_every_line_linked(body: str, lines: list[helplines.Helpline]) -> None:
    """Each line has an item of its own that names it and links each way to reach it, in a form phones open."""
    items = _items(body)
    assert lines, "a page with help must show at least one line"
    for line in lines:
        mine = [item for item in items if line.name in item["text"]]
        assert mine, f"{line.name} is not shown as a line"
        for item in mine:
            hrefs = item["hrefs"]
            if line.phone:
                assert f"tel:{line.tel}" in hrefs, f"{line.name}: no call link in {hrefs}"
                assert re.fullmatch(r"\+?[0-9]{3,15}", line.tel or ""), line.tel
            if line.sms:
                assert f"sms:{line.sms.href}" in hrefs, f"{line.name}: no text link in {hrefs}"
                assert re.fullmatch(r"\+?[0-9]{3,15}", line.sms.href), line.sms.href
            if line.url:
                assert line.url in hrefs, f"{line.name}: no link to {line.url} in {hrefs}"
                assert line.url.startswith("https://")


@pytest.mark.parametrize("region", [None] + [code for code, _ in helplines.regions()])
def test_get_help_now_links_every_line_of_every_region(client: Client, region: str | None) -> None:
    body = client.get("/help/" + (f"?region={region}" if region else "")).content.decode()
    shown = helplines.lines_for(region) + helplines.dv_lines_for(region) + helplines.youth_lines_for(region)
    assert_every_line_linked(body, shown)


def test_with_no_region_the_hurting_or_scaring_section_links_the_directory(client: Client) -> None:
    """The directory's card is shown once, under "Talk or text"; this section points to it in one tap."""
    body = client.get("/help/").content.decode()
    section = body.split('id="dv"', 1)[1].split("<h2", 1)[0]
    assert 'href="https://findahelpline.com"' in section


def test_a_region_with_a_website_only_line_links_it(client: Client) -> None:
    """ShelterSafe has no number, only a website: it used to read 'see website' with nothing to open."""
    body = client.get("/help/?region=CA").content.decode()
    web_only = [line for line in helplines.dv_lines_for("CA") if line.url and not (line.phone or line.sms)]
    assert web_only
    assert_every_line_linked(body.split('id="dv"', 1)[1], web_only)


def test_checkin_help_links_the_regions_domestic_violence_lines(alice: Any) -> None:
    body = client_for(alice).get("/measures/checkin/help/").content.decode()
    assert_every_line_linked(body, helplines.dv_lines_for("GB"))


def test_people_safety_first_links_the_domestic_violence_lines(alice: Any) -> None:
    from rebond.people import services

    person, _ = services.person_create(user=alice, name="K", hurt="yes")
    body = client_for(alice).get(f"/people/{person.pk}/").content.decode()
    assert_every_line_linked(body, helplines.dv_lines_for("GB"))


@pytest.mark.parametrize("region", ["", "US"])
def test_the_calm_crisis_page_links_its_lines(alice: Any, region: str) -> None:
    from rebond.safety import interstitial

    alice.region = region
    alice.save()
    request = RequestFactory().get("/")
    request.user = alice
    body = interstitial._page(request, harmed=True, back_url="/").content.decode()
    assert_every_line_linked(body, helplines.dv_lines_for(region) + helplines.talk_lines(region))


def test_only_the_shared_partial_writes_call_and_text_links() -> None:
    """One partial renders lines, so a page can't show a number without its link (or a line without its website)."""
    writers = sorted(str(path.relative_to(TEMPLATES)) for path in TEMPLATES.rglob("*.html")
                     if re.search(r'href="(tel|sms):', path.read_text(encoding="utf-8")))
    assert writers == ["templates/safety/_lines.html"]
