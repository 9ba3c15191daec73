"""Boundaries: define one with the whole DBT script builder, log held / crossed / said, see a summary; API and
pages walked with alice, bob and charlie; no script suggestions toward someone who may have hurt the user."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from rebond.boundaries import content
from rebond.boundaries import services as boundary_services
from rebond.boundaries.models import SCRIPT_PARTS, Boundary, BoundaryLog
from rebond.people import services as people_services
from tests.conftest import TODAY, client_for, html, signed_in

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("frozen_day")]





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


@pytest.mark.parametrize("persona", ["bob_shared", "charlie"])
def test_others_get_404(api_as: Any, alice: Any, persona: str, request: Any) -> None:
    """bob_shared is alice's clinician with every scope and two-step sign-in on; no scope covers boundaries, so
    they stay 404 for him everywhere, the care circle included (and his writes there are 403: he has a share)."""
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
    web = signed_in(user)
    for url in (f"/boundaries/{bid}/", f"/boundaries/{bid}/delete/"):
        assert web.get(url).status_code == 404
        assert web.post(url, {"what": "x"}).status_code == 404
    assert web.post(f"/boundaries/{bid}/log/", {"outcome": "held", "on": str(TODAY)}).status_code == 404
    assert "Mine" not in html(web.get("/boundaries/"))
    assert other.get(f"/care/clients/{alice.pk}/boundaries").status_code == 404
    shared = persona == "bob_shared"
    assert other.post(f"/care/clients/{alice.pk}/boundaries", {}).status_code == (403 if shared else 404)
    if shared:
        assert "Mine" not in other.get(f"/care/clients/{alice.pk}/ledger_summary").content.decode()
        assert "Mine" not in html(web.get(f"/care/clients/{alice.pk}/"))
    assert Boundary.objects.get(pk=bid).what == "Mine" and BoundaryLog.objects.count() == 1


def help_shown(page: str) -> bool:
    tag = page.split('id="boundary-safety"', 1)[1].split(">", 1)[0]
    return "hidden" not in tag


@pytest.mark.parametrize("hurt", ["yes", "not_sure"])
def test_no_examples_once_a_person_who_may_have_hurt_you_is_chosen(alice: Any, charlie: Any, hurt: str) -> None:
    risky, _ = people_services.person_create(user=alice, name="R", hurt=hurt)
    safe, _ = people_services.person_create(user=alice, name="S", hurt="no")
    theirs, _ = people_services.person_create(user=charlie, name="T", hurt="no")
    client = client_for(alice)
    blank = html(client.get("/boundaries/new/"))
    assert "Example:" in blank and not help_shown(blank)
    assert f'data-safety-first="{risky.pk}"' in blank  # for the page's script; the safe person isn't listed
    opened = html(client.get(f"/boundaries/new/?person={risky.pk}"))
    assert "Example:" not in opened and help_shown(opened)
    assert f'<option value="{risky.pk}" selected>' in opened
    # A form sent back with a problem keeps to the person picked in it.
    data = {"what": "", "why": "", "how": "", "person": str(risky.pk), **{part: "" for part in SCRIPT_PARTS}}
    reshown = client.post("/boundaries/new/", data)
    assert reshown.status_code == 422 and "Example:" not in html(reshown) and help_shown(html(reshown))
    other = html(client.post("/boundaries/new/", {**data, "person": str(safe.pk)}))
    assert "Example:" in other and not help_shown(other)
    # Someone else's person, or nonsense, is no one.
    for value in (str(theirs.pk), "abc"):
        page = html(client.get(f"/boundaries/new/?person={value}"))
        assert "Example:" in page and not help_shown(page)
    # A saved boundary follows the person picked now, not the one saved.
    boundary, _ = boundary_services.boundary_save(user=alice, data={"what": "Mine", "person": safe.pk})
    assert "Example:" in html(client.get(f"/boundaries/{boundary.pk}/"))
    changed = client.post(f"/boundaries/{boundary.pk}/", {**data, "person": str(risky.pk)})
    assert changed.status_code == 422 and "Example:" not in html(changed)
    boundary_services.boundary_save(user=alice, boundary=boundary, data={"person": risky.pk})
    assert "Example:" not in html(client.get(f"/boundaries/{boundary.pk}/"))
    cleared = client.post(f"/boundaries/{boundary.pk}/", {**data, "person": ""})
    assert "Example:" in html(cleared) and not help_shown(html(cleared))


SCRIPT = {"describe": "When plans change late,", "express": "I feel let down.", "assert_need": "Please tell me first.",
          "reinforce": "Then I can relax.", "mindful": "I hear you.", "confident": "Calm voice.",
          "negotiate": "A call is fine."}
WHOLE = ("When plans change late, I feel let down. Please tell me first. Then I can relax.\n"
         "If we drift, I'll come back to: I hear you.\nHow I'll carry myself: Calm voice.\n"
         "What I could offer: A call is fine.")


def test_the_parts_are_put_together_into_one_script() -> None:
    assert content.script_text(SCRIPT) == WHOLE
    assert content.script_text({}) == ""
    assert content.script_text({"express": "  I feel\n tired ", "confident": " "}) == "I feel tired"
    assert content.script_text({"negotiate": "Maybe Sunday"}) == "What I could offer: Maybe Sunday"


part_text = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=["Cs", "Cc"]), max_size=40)


@given(st.fixed_dictionaries({}, optional={part: part_text for part in SCRIPT_PARTS}))
def test_every_part_written_is_in_the_script_in_order(values: dict[str, str]) -> None:
    text = content.script_text(values)
    written = [" ".join(values[p].split()) for p in SCRIPT_PARTS if values.get(p, "").split()]
    assert (text == "") == (not written)
    at = 0
    for words in written:
        at = text.index(words, at) + len(words)
    assert text == text.strip() and "\n\n" not in text


def test_use_this_as_how_i_will_say_it_without_javascript(alice: Any) -> None:
    client = client_for(alice)
    data = {"what": "Tell me before plans change", "why": "", "how": "old words", "person": "", **SCRIPT,
            "use_script": "1"}
    response = client.post("/boundaries/new/", data)
    assert response.status_code == 200 and not Boundary.objects.exists()  # filled in, not saved yet
    page = html(response)
    how = page.split('name="how"', 1)[1].split("</textarea>", 1)[0].split(">", 1)[1]
    assert how.strip() == WHOLE
    assert 'Your script is now in "How I\'ll say it"' in page and "Tell me before plans change" in page
    assert "When plans change late, I feel let down." in page.split('data-script-text>', 1)[1]
    empty = html(client.post("/boundaries/new/", {**data, **{part: "" for part in SCRIPT_PARTS}}))
    assert "old words" in empty and "Fill in any of the steps above" in empty
    saved = client.post("/boundaries/new/", {k: v for k, v in data.items() if k != "use_script"} | {"how": WHOLE})
    assert saved.status_code == 302 and Boundary.objects.get().how == WHOLE
    shown = html(client.get(f"/boundaries/{Boundary.objects.get().pk}/"))
    assert "What I could offer: A call is fine." in shown.split('data-script-text>', 1)[1]


def test_api_gives_the_whole_script(api_as: Any, alice: Any) -> None:
    api = api_as(alice)
    body = api.post("/boundaries", {"what": "Tell me first", **SCRIPT}).json()
    assert body["script_text"] == WHOLE
    assert api.get(f"/boundaries/{body['id']}").json()["script_text"] == WHOLE
    assert api.post("/boundaries", {"what": "Nothing else"}).json()["script_text"] == ""
