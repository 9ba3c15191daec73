from __future__ import annotations

import json
import time
from typing import Any

import pyotp
import pytest
from django.test import Client

from rebond.accounts import twofactor
from rebond.accounts.models import TwoFactor
from tests.conftest import PASSWORD, client_for

pytestmark = pytest.mark.django_db


def turn_on(user: Any) -> str:
    secret = twofactor.new_secret()
    twofactor.enable(user=user, secret=secret, code=pyotp.TOTP(secret).at(time.time() - 30))
    return secret


def fresh_code(secret: str) -> str:
    return pyotp.TOTP(secret).now()


def test_set_up_in_settings(alice: Any) -> None:
    client = client_for(alice)
    page = client.get("/accounts/two-step/")
    assert page.status_code == 200 and "<svg" in page.content.decode()
    secret = client.session["two_factor_setup_secret"]
    bad = client.post("/accounts/two-step/", {"code": "000000"})
    assert "doesn" in bad.content.decode() and not TwoFactor.objects.filter(user=alice).exists()
    good = client.post("/accounts/two-step/", {"code": fresh_code(secret)})
    assert good.status_code == 302
    device = TwoFactor.objects.get(user=alice)
    assert device.secret == secret
    assert secret not in TwoFactor.objects.filter(user=alice).values_list("secret", flat=True).get()  # sealed


def test_sign_in_asks_for_the_code(client: Client, alice: Any) -> None:
    secret = turn_on(alice)
    response = client.post("/accounts/login/", {"username": "alice", "password": PASSWORD})
    assert response["Location"] == "/accounts/login/code/"
    assert client.get("/accounts/settings/").status_code == 302  # not signed in yet
    assert "doesn" in client.post("/accounts/login/code/", {"code": "123456"}).content.decode()
    code = fresh_code(secret)
    assert client.post("/accounts/login/code/", {"code": code})["Location"] == "/"
    assert client.get("/accounts/settings/").status_code == 200


def test_a_code_works_once(alice: Any) -> None:
    secret = turn_on(alice)
    code = fresh_code(secret)
    assert twofactor.verify(user=alice, code=code)
    assert not twofactor.verify(user=alice, code=code)


def test_token_endpoint_takes_otp(client: Client, alice: Any) -> None:
    secret = turn_on(alice)

    def ask(**extra: Any) -> Any:
        body = {"username": "alice", "password": PASSWORD, **extra}
        return client.post("/api/v1/auth/token", data=json.dumps(body), content_type="application/json")

    assert ask().status_code == 401 and "otp" in ask().json()["detail"]
    assert ask(otp="000000").status_code == 401
    assert ask(otp=fresh_code(secret)).status_code == 200


def test_clinicians_must_turn_it_on(bob: Any, client: Client) -> None:
    web = client_for(bob)
    assert web.get("/")["Location"] == "/accounts/two-step/"
    assert web.get("/help/").status_code == 200  # help is never behind it
    body = {"username": "bob", "password": PASSWORD}
    assert client.post("/api/v1/auth/token", data=json.dumps(body), content_type="application/json").status_code == 403
    secret = turn_on(bob)
    assert web.get("/").status_code == 200
    off = web.post("/accounts/two-step/", {"password": PASSWORD, "code": fresh_code(secret)})
    assert "Clinicians keep it on" in off.content.decode()
    assert TwoFactor.objects.filter(user=bob).exists()


def test_a_client_can_turn_it_off(alice: Any) -> None:
    secret = turn_on(alice)
    web = client_for(alice)
    assert web.post("/accounts/two-step/", {"password": "wrong", "code": fresh_code(secret)}).status_code == 200
    assert TwoFactor.objects.filter(user=alice).exists()
    assert web.post("/accounts/two-step/", {"password": PASSWORD, "code": fresh_code(secret)}).status_code == 302
    assert not TwoFactor.objects.filter(user=alice).exists()


def test_charlie_cannot_see_alices_setup(alice: Any, charlie: Any) -> None:
    turn_on(alice)
    page = client_for(charlie).get("/accounts/two-step/").content.decode()
    assert "Turn on two-step sign-in" in page  # charlie sees only his own, which is off
