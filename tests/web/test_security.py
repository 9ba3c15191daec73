from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from django.core.checks import run_checks
from django.test import Client

from tests.conftest import PASSWORD, Api, client_for, token_for

pytestmark = pytest.mark.django_db
PACKAGE = Path(__file__).resolve().parents[2] / "rebond"


def test_security_headers(client: Client, alice: Any) -> None:
    response = client.get("/accounts/login/")
    csp = response["Content-Security-Policy"]
    assert "default-src 'self'" in csp and "script-src 'self'" in csp
    assert "unsafe-inline" not in csp and "unsafe-eval" not in csp
    assert "frame-ancestors 'none'" in csp
    assert response["X-Frame-Options"] == "DENY"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Content-Type-Options"] == "nosniff"


@pytest.mark.parametrize("path", ["/", "/record/", "/thoughts/", "/safety-plan/", "/api/v1/promises"])
def test_a_signed_in_persons_pages_are_never_stored(alice: Any, path: str) -> None:
    """Back after a quick exit, or the next person at a shared computer, must not get these from a cache."""
    response = client_for(alice).get(path)
    assert response.status_code == 200
    cache = response["Cache-Control"]
    assert "no-store" in cache and "private" in cache


def test_api_answers_read_with_a_token_are_never_stored(alice: Any) -> None:
    response = Api(token_for(alice)).get("/promises")
    assert response.status_code == 200 and "no-store" in response["Cache-Control"]


def test_pages_for_nobody_in_particular_may_be_cached(client: Client) -> None:
    assert "no-store" not in client.get("/accounts/login/").get("Cache-Control", "")


def test_hsts_on_https_when_not_debug(client: Client, alice: Any, settings: Any) -> None:
    assert settings.DEBUG is False
    response = client.get("/accounts/login/", secure=True)
    assert "max-age=31536000" in response["Strict-Transport-Security"]


def test_cookies_are_secure_httponly_samesite(client: Client, alice: Any) -> None:
    client.get("/accounts/login/")
    response = client.post("/accounts/login/", {"username": "alice", "password": PASSWORD})
    session = response.cookies["sessionid"]
    assert session["secure"] and session["httponly"] and session["samesite"] == "Lax"
    csrf = client.get("/accounts/settings/").cookies.get("csrftoken") or client.cookies["csrftoken"]
    assert csrf["secure"] and csrf["samesite"] == "Strict"


def test_refuses_a_default_secret_with_debug_off(settings: Any) -> None:
    settings.DEBUG = False
    settings.SECRET_KEY = "change-me"
    assert any(msg.id == "rebond.E001" for msg in run_checks())
    settings.SECRET_KEY = "x" * 10 + "a-long-random-enough-secret-key-0123456789"
    assert not any(msg.id == "rebond.E001" for msg in run_checks())


def test_no_inline_script_or_style_and_no_outside_hosts() -> None:
    """CSP forbids inline code; the privacy promise forbids loading anything from another host."""
    outside = re.compile(r"""(src|href)\s*=\s*["']?(https?:)?//""", re.I)
    templates = sorted(PACKAGE.glob("**/templates/**/*.html"))
    assert len(templates) > 60 and any("care" in str(path) for path in templates)  # every app's, not one folder's
    for path in templates:
        text = path.read_text(encoding="utf-8")
        assert "<script>" not in text and not re.search(r"<script(?![^>]*\bsrc=)", text), f"inline script in {path}"
        assert "<style" not in text and " style=" not in text, f"inline style in {path}"
        assert not outside.search(text), f"outside resource in {path}"
    for path in (PACKAGE / "static" / "rebond").rglob("*.css"):
        assert not re.search(r"url\(\s*['\"]?https?:", path.read_text()), f"outside url in {path}"


def test_vendored_assets_carry_licences() -> None:
    for name in ("htmx", "axe-core"):
        folder = PACKAGE / "static" / "vendor" / name
        assert any(p.name.startswith("LICENSE") for p in folder.iterdir()), name
        assert (folder / "SOURCE.txt").exists()


def test_static_files_are_served_with_debug_off(client: Client) -> None:
    response = client.get("/static/rebond/app.css")
    assert response.status_code == 200


def test_healthz(client: Client) -> None:
    response = client.get("/healthz")
    assert response.status_code == 200 and response.json()["status"] == "ok"


def test_pages_show_help_and_footer(alice: Any) -> None:
    for client in (Client(), client_for(alice)):
        body = client.get("/accounts/login/" if client.session.get("_auth_user_id") is None else "/").content.decode().replace("&#x27;", "'").replace("&quot;", "\"")
        assert "Get help now" in body and 'href="/help/"' in body
        assert "not an emergency service, and no one is watching it" in body
        assert "Quick exit" in body


def test_sqlite_is_set_up_for_several_writers() -> None:
    """WAL lets readers and a writer work together; busy_timeout waits instead of failing; IMMEDIATE takes the write
    lock at the start of a transaction, so two writers can't deadlock half way."""
    from django.db import connection

    if connection.vendor != "sqlite":
        pytest.skip("SQLite settings; PostgreSQL needs none of these")
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA journal_mode")
        assert cursor.fetchone()[0].lower() == "wal"
        cursor.execute("PRAGMA busy_timeout")
        assert cursor.fetchone()[0] >= 5000
    assert connection.settings_dict["OPTIONS"]["transaction_mode"] == "IMMEDIATE"
