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
