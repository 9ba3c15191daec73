from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from rebond.accounts.models import ApiToken
from tests.conftest import PASSWORD, client_for

pytestmark = pytest.mark.django_db


def post_json(client: Client, path: str, data: Any, **headers: Any) -> Any:
    import json

    return client.post(path, data=json.dumps(data), content_type="application/json", **headers)


def test_openapi_schema(client: Client) -> None:
    schema = client.get("/api/v1/openapi.json").json()
    assert schema["openapi"].startswith("3.")
    assert "/api/v1/auth/token" in schema["paths"] and "/api/v1/export" in schema["paths"]


def test_token_flow(client: Client, alice: Any) -> None:
    response = post_json(client, "/api/v1/auth/token", {"username": "alice", "password": PASSWORD})
    assert response.status_code == 200
    token = response.json()["token"]
    stored = ApiToken.objects.get(user=alice)
    assert token not in (stored.digest, stored.prefix) and len(stored.digest) == 64  # only a hash is kept
    me = client.get("/api/v1/me", HTTP_AUTHORIZATION=f"Bearer {token}")
    assert me.status_code == 200 and me.json()["username"] == "alice"
    listed = client.get("/api/v1/tokens", HTTP_AUTHORIZATION=f"Bearer {token}").json()
    assert listed["count"] == 1 and listed["items"][0]["prefix"] == token[:10]
    gone = client.delete(f"/api/v1/tokens/{stored.id}", HTTP_AUTHORIZATION=f"Bearer {token}")
    assert gone.status_code == 204
    assert client.get("/api/v1/me", HTTP_AUTHORIZATION=f"Bearer {token}").status_code == 401


def test_bad_credentials_then_throttle(client: Client, alice: Any, settings: Any) -> None:
    for _ in range(settings.LOGIN_THROTTLE_FAILURES):
        assert post_json(client, "/api/v1/auth/token", {"username": "alice", "password": "nope"}).status_code == 401
    response = post_json(client, "/api/v1/auth/token", {"username": "alice", "password": PASSWORD})
    assert response.status_code == 429
    assert "wait" in response.json()["detail"] and int(response["Retry-After"]) > 0


def test_errors_are_json_with_field_paths(client: Client, alice: Any) -> None:
    response = post_json(client, "/api/v1/auth/token", {"username": "alice"})
    assert response.status_code == 422
    detail = response.json()["detail"]
    assert detail[0]["loc"][-1] == "password" and detail[0]["msg"]
    assert client.get("/api/v1/me").status_code == 401
    assert client.get("/api/v1/me", HTTP_AUTHORIZATION="Bearer rb_not-a-token").status_code == 401
    assert client.get("/api/v1/me").json()["detail"]


def test_session_auth_needs_csrf_for_writes(alice: Any) -> None:
    client = client_for(alice)
    client.handler.enforce_csrf_checks = True
    assert client.get("/api/v1/me").status_code == 200
    response = client.put("/api/v1/safety-plan", data="{}", content_type="application/json")
    assert response.status_code in (401, 403)


def test_tokens_in_settings_page(alice: Any, charlie: Any) -> None:
    client = client_for(alice)
    client.post("/accounts/settings/tokens/", {"name": "laptop"})
    page = client.get("/accounts/settings/").content.decode().replace("&#x27;", "'").replace("&quot;", "\"")
    assert "Copy it now" in page and "laptop" in page
    assert "Copy it now" not in client.get("/accounts/settings/").content.decode().replace("&#x27;", "'").replace("&quot;", "\"")  # shown once
    token = ApiToken.objects.get(user=alice)
    client_for(charlie).post(f"/accounts/settings/tokens/{token.id}/revoke/")
    assert ApiToken.objects.filter(pk=token.pk).exists()  # not charlie's to revoke
    client.post(f"/accounts/settings/tokens/{token.id}/revoke/")
    assert not ApiToken.objects.filter(pk=token.pk).exists()


def test_export_api_per_persona(api_as: Any, alice: Any, bob: Any, charlie: Any) -> None:
    assert api_as(alice).get("/export").json()["sections"]["profile"]["username"] == "alice"
    assert api_as(bob).get("/export").json()["sections"]["profile"]["username"] == "bob"
    assert api_as(charlie).get("/export").json()["sections"]["profile"]["username"] == "charlie"
    assert api_as(None).get("/export").status_code == 401


@pytest.mark.parametrize("token", [None, "rb_not-a-token", "not even the shape"])
def test_a_signed_out_write_is_401_not_a_csrf_403(db: None, token: str | None) -> None:
    from tests.conftest import Api

    for path in ("/thoughts/analyze", "/promises", "/account"):
        response = Api(token).call("delete" if path == "/account" else "post", path, {"text": "hello"})
        assert response.status_code == 401, (path, response.content)
        assert response.json() == {"detail": "Please sign in, or send a valid token."}


def test_a_signed_in_session_still_needs_the_csrf_token(alice: Any) -> None:
    import json

    client = client_for(alice)
    client.handler.enforce_csrf_checks = True
    refused = client.post("/api/v1/thoughts/analyze", data=json.dumps({"text": "hello"}), content_type="application/json")
    assert refused.status_code == 403
    client.get("/accounts/settings/")  # a page sets the CSRF cookie, as in a browser
    token = client.cookies["csrftoken"].value
    allowed = client.post("/api/v1/thoughts/analyze", data=json.dumps({"text": "hello"}),
                          content_type="application/json", HTTP_X_CSRFTOKEN=token)
    assert allowed.status_code == 200


def test_no_one_else_can_revoke_a_token(api_as: Any, alice: Any, bob_shared: Any, charlie: Any) -> None:
    from rebond.accounts import services

    token, _ = services.token_create(user=alice, name="laptop")
    for other in (bob_shared, charlie):  # her clinician, with every scope shared, and a stranger
        assert api_as(other).delete(f"/tokens/{token.id}").status_code == 404
    assert api_as(None).delete(f"/tokens/{token.id}").status_code == 401
    assert ApiToken.objects.filter(pk=token.pk).exists()
    mine = api_as(alice)
    assert mine.delete(f"/tokens/{token.id}").status_code == 204
    assert mine.delete(f"/tokens/{token.id}").status_code == 404


def test_a_clinicians_export_holds_nothing_of_the_client(api_as: Any, alice: Any, bob_shared: Any,
                                                          charlie: Any) -> None:
    import json

    from rebond.accounts import services
    from rebond.care import access
    from rebond.promises import services as promises
    from rebond.safety import plan as plan_service
    from tests.conftest import TODAY

    words = ("Marigold", "Call my sister Ruth", "Swim before work")
    services.profile_update(user=alice, display_name=words[0], email="", time_zone="UTC", region="GB",
                            discreet_mode=False)
    plan_service.plan_save(user=alice, entries={"people": {"text": words[1], "obstacle": ""}})
    promises.promise_create(user=alice, text=words[2], starts_on=TODAY)
    access.read_scope(bob_shared, alice.id, "promises")  # bob looks, so alice's log has a row about him
    theirs = json.dumps(api_as(alice).get("/export").json())
    assert all(w in theirs for w in words)
    bob_export = api_as(bob_shared).get("/export").json()
    assert not [w for w in words if w in json.dumps(bob_export)]
    care = bob_export["sections"]["care"]
    assert [row["owner"] for row in care.pop("shares_received")] == ["alice"]  # bob's own list of who shares
    assert "alice" not in json.dumps(bob_export).lower()
    assert not [w for w in (*words, "alice") if w in json.dumps(api_as(charlie).get("/export").json())]
