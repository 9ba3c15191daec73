"""Boundaries: define one with the whole DBT script builder, log held / crossed / said, see a summary; API and
pages walked with alice, bob and charlie; no script suggestions toward someone who may have hurt the user."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest
import time_machine

from rebond.boundaries import content
from rebond.boundaries.models import SCRIPT_PARTS, Boundary, BoundaryLog
from rebond.people import services as people_services
from tests.conftest import client_for

pytestmark = pytest.mark.django_db

NOW = "2026-06-15 12:00:00+00:00"
TODAY = date(2026, 6, 15)


@pytest.fixture(autouse=True)
def _frozen() -> Any:
    with time_machine.travel(NOW, tick=False):
        yield


@pytest.fixture(autouse=True)
def _two_step_done(monkeypatch: pytest.MonkeyPatch) -> None:
    try:
        from rebond.accounts import twofactor
    except ImportError:
        return
    monkeypatch.setattr(twofactor, "is_enabled", lambda user: True)


def html(response: Any) -> str:
    """The page with HTML character references undone, so the words can be matched as written."""
    from html import unescape

    return unescape(str(response.content.decode()))


def locs(response: Any) -> list[list[Any]]:
    return [item["loc"] for item in response.json()["detail"]]


def test_script_builder_covers_the_whole_dbt_skill_credited_in_our_words() -> None:
    parts = content.parts()
    assert [p["id"] for p in parts] == list(SCRIPT_PARTS)
    names = " ".join(p["name"].lower() for p in parts)
    for step in ("describe", "express", "ask", "reinforce", "stay", "confident", "give and take"):
        assert step in names
    assert "Dialectical Behavior Therapy (DBT)" in content.catalogue()["credit"]
    for p in parts:
        assert p["label"] and p["help"] and p["example"]


def test_api_crud_logs_and_summary(api_as: Any, alice: Any) -> None:
    api = api_as(alice)
    created = api.post("/boundaries", {"what": "I leave if there is shouting.", "why": "I deserve calm",
                                       "how": "I'll go for a walk and we can talk later.", "describe": "When voices rise"})
    assert created.status_code == 201, created.content
    body = created.json()
    assert body["crisis"]["detected"] is False and body["script"]["describe"] == "When voices rise"
    assert [s["part"] for s in body["suggestions"]] == list(SCRIPT_PARTS)
    bid = body["id"]
    assert api.get("/boundaries").json()["count"] == 1
    patched = api.call("patch", f"/boundaries/{bid}", {"negotiate": "A pause of ten minutes is fine"})
    assert patched.status_code == 200 and patched.json()["script"]["negotiate"] == "A pause of ten minutes is fine"
    assert patched.json()["what"] == "I leave if there is shouting." and "crisis" in patched.json()
    for outcome, days in (("communicated", 40), ("held", 10), ("crossed", 3), ("held", 1)):
        log = api.post(f"/boundaries/{bid}/logs", {"outcome": outcome, "on": str(TODAY - timedelta(days=days)),
                                                   "with_whom": "My brother"})
        assert log.status_code == 201 and "crisis" in log.json()
    assert api.get(f"/boundaries/{bid}/logs").json()["count"] == 4
    summary = api.get("/boundaries/summary").json()
    assert summary["all_time"] == {"communicated": 1, "held": 2, "crossed": 1}
    assert summary["last_30_days"] == {"communicated": 0, "held": 2, "crossed": 1}
    assert summary["boundaries"][0]["last_on"] == str(TODAY - timedelta(days=1))
    log_id = api.get(f"/boundaries/{bid}/logs").json()["items"][0]["id"]
    assert api.delete(f"/boundaries/{bid}/logs/{log_id}").status_code == 204
    assert api.delete(f"/boundaries/{bid}").status_code == 204
    assert not Boundary.objects.exists() and not BoundaryLog.objects.exists()


@pytest.mark.parametrize(("body", "field"), [
    ({"outcome": "held", "on": str(TODAY + timedelta(days=1))}, "on"),
    ({"outcome": "ignored"}, "outcome"),
    ({"outcome": "held", "note": "x" * 5001}, "note"),
])
def test_bad_log_is_422_naming_the_field(api_as: Any, alice: Any, body: dict[str, Any], field: str) -> None:
    api = api_as(alice)
    bid = api.post("/boundaries", {"what": "No calls after ten"}).json()["id"]
    response = api.post(f"/boundaries/{bid}/logs", body)
    assert response.status_code == 422 and any(loc[-1] == field for loc in locs(response))


def test_bad_boundary_is_422_naming_the_field(api_as: Any, alice: Any, charlie: Any) -> None:
    api = api_as(alice)
    assert locs(api.post("/boundaries", {"what": "  "})) == [["body", "what"]]
    stranger, _ = people_services.person_create(user=charlie, name="C")
    response = api.post("/boundaries", {"what": "x", "person": stranger.pk})
    assert response.status_code == 422 and locs(response) == [["body", "person"]]


@pytest.mark.parametrize("hurt", ["yes", "not_sure"])
def test_no_script_suggestions_toward_a_person_who_may_have_hurt_you(api_as: Any, alice: Any, hurt: str) -> None:
    person, _ = people_services.person_create(user=alice, name="R", hurt=hurt)
    api = api_as(alice)
    body = api.post("/boundaries", {"what": "I don't reply at night", "person": person.pk}).json()
    assert body["suggestions"] == []
    page = html(client_for(alice).get(f"/boundaries/{body['id']}/"))
    assert "won't suggest scripts toward them" in page and "Deciding not to rebuild is also a healthy choice." in page
    assert "Example:" not in page
    assert "/help/#dv" in page


def test_pages_define_log_and_summarise(alice: Any) -> None:
    client = client_for(alice)
    page = html(client.get("/boundaries/new/"))
    assert "Dialectical Behavior Therapy" in page and "Example:" in page
    for part in content.parts():
        assert part["label"] in page
    data = {"what": "I take a break when I'm overwhelmed", "why": "", "how": "I need ten minutes.", "person": ""}
    data.update({part: "" for part in SCRIPT_PARTS})
    data["express"] = "I feel flooded"
    response = client.post("/boundaries/new/", data)
    assert response.status_code == 302
    boundary = Boundary.objects.get(user=alice)
    assert boundary.express == "I feel flooded"
    client.post(f"/boundaries/{boundary.pk}/log/", {"outcome": "held", "on": str(TODAY), "with_whom": "Dad",
                                                    "note": ""})
    detail = html(client.get(f"/boundaries/{boundary.pk}/"))
    assert "It held" in detail and "with Dad" in detail
    summary = html(client.get("/boundaries/"))
    assert "held 1" in summary and "I take a break when I'm overwhelmed" in summary
    empty = client.post("/boundaries/new/", {**data, "what": ""})
    assert empty.status_code == 422 and 'id="id_what_error"' in html(empty)


@pytest.mark.parametrize("persona", ["bob", "charlie"])
def test_others_get_404(api_as: Any, alice: Any, persona: str, request: Any) -> None:
    owner = api_as(alice)
    bid = owner.post("/boundaries", {"what": "Mine"}).json()["id"]
    log = owner.post(f"/boundaries/{bid}/logs", {"outcome": "held"}).json()["id"]
    user = request.getfixturevalue(persona)
    other = api_as(user)
    assert other.get(f"/boundaries/{bid}").status_code == 404
    assert other.call("patch", f"/boundaries/{bid}", {"what": "x"}).status_code == 404
    assert other.delete(f"/boundaries/{bid}").status_code == 404
    assert other.post(f"/boundaries/{bid}/logs", {"outcome": "crossed"}).status_code == 404
    assert other.get(f"/boundaries/{bid}/logs").status_code == 404
    assert other.delete(f"/boundaries/{bid}/logs/{log}").status_code == 404
    assert other.get("/boundaries").json() == {"items": [], "count": 0}
    assert other.get("/boundaries/summary").json()["all_time"] == {"communicated": 0, "held": 0, "crossed": 0}
    web = client_for(user)
    for url in (f"/boundaries/{bid}/", f"/boundaries/{bid}/delete/"):
        assert web.get(url).status_code == 404
        assert web.post(url, {"what": "x"}).status_code == 404
    assert web.post(f"/boundaries/{bid}/log/", {"outcome": "held", "on": str(TODAY)}).status_code == 404
    assert "Mine" not in html(web.get("/boundaries/"))
    assert Boundary.objects.get(pk=bid).what == "Mine" and BoundaryLog.objects.count() == 1
