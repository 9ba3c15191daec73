from __future__ import annotations

from typing import Any

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.test import Client

from rebond.accounts.models import SignupInvite, User
from rebond.accounts.services import invite_create
from tests.conftest import PASSWORD, client_for, make_user

pytestmark = pytest.mark.django_db


def signup_data(**extra: Any) -> dict[str, Any]:
    data = {"username": "dana", "password": PASSWORD, "password_again": PASSWORD, "role": "client",
            "time_zone": "Europe/Paris", "region": "GB", "adult": "on"}
    data.update(extra)
    return data


def test_first_visit_offers_setup_from_this_machine(client: Client) -> None:
    response = client.get("/")
    assert response.status_code == 302 and response["Location"] == "/accounts/setup/"
    response = client.post("/accounts/setup/", signup_data(username="first"))
    assert response.status_code == 302
    assert User.objects.get().username == "first"
    assert client.get("/").status_code == 200  # signed in straight away


def test_setup_from_another_machine_needs_the_token(client: Client, settings: Any) -> None:
    response = client.get("/accounts/setup/", REMOTE_ADDR="10.1.2.3")
    assert response.status_code == 403
    (settings.DATA_DIR / "setup_token").write_text("tok123")
    try:
        response = client.post("/accounts/setup/?token=tok123", signup_data(username="first", token="tok123"),
                               REMOTE_ADDR="10.1.2.3")
        assert response.status_code == 302
        assert not (settings.DATA_DIR / "setup_token").exists()
    finally:
        (settings.DATA_DIR / "setup_token").unlink(missing_ok=True)


def test_setup_refuses_a_wrong_token_and_trusts_no_proxy_for_loopback(client: Client, settings: Any) -> None:
    (settings.DATA_DIR / "setup_token").write_text("tok123")
    try:
        wrong = client.post("/accounts/setup/?token=nope", signup_data(username="first", token="nope"),
                            REMOTE_ADDR="10.1.2.3")
        assert wrong.status_code == 403 and not User.objects.exists()
        # Behind a proxy every request comes from the proxy's loopback address: that is no proof of "this machine".
        settings.BEHIND_HTTPS_PROXY = True
        proxied = client.post("/accounts/setup/", signup_data(username="first"), REMOTE_ADDR="127.0.0.1",
                              HTTP_X_FORWARDED_PROTO="https", secure=True)
        assert proxied.status_code == 403 and not User.objects.exists()
    finally:
        (settings.DATA_DIR / "setup_token").unlink(missing_ok=True)


def test_setup_is_closed_once_an_account_exists(client: Client, alice: Any) -> None:
    assert client.get("/accounts/setup/")["Location"] == "/"


def test_sign_up_open(client: Client, alice: Any) -> None:
    response = client.post("/accounts/signup/", signup_data())
    assert response.status_code == 302
    dana = User.objects.get(username="dana")
    assert dana.time_zone == "Europe/Paris" and dana.region == "GB" and dana.role == "client"
    assert dana.password.startswith("md5$") or dana.password.startswith("argon2")


def test_sign_up_needs_adult(client: Client, alice: Any) -> None:
    data = signup_data()
    del data["adult"]
    response = client.post("/accounts/signup/", data)
    assert response.status_code == 200
    assert "rebond is for adults" in response.content.decode().replace("&#x27;", "'").replace("&quot;", "\"")
    assert not User.objects.filter(username="dana").exists()


def test_sign_up_errors_name_the_field_and_keep_input(client: Client, alice: Any) -> None:
    response = client.post("/accounts/signup/", signup_data(password_again="something else entirely"))
    body = response.content.decode().replace("&#x27;", "'").replace("&quot;", "\"")
    assert "The two passwords are not the same" in body
    assert 'value="dana"' in body  # nothing typed is lost
    response = client.post("/accounts/signup/", signup_data(time_zone="Mars/Olympus"))
    assert "time_zone_error" in response.content.decode().replace("&#x27;", "'").replace("&quot;", "\"")


def test_sign_up_invite_only(client: Client, alice: Any, settings: Any) -> None:
    settings.SIGNUP = "invite"
    response = client.post("/accounts/signup/", signup_data(invite_code="nope"))
    assert "not valid or has expired" in response.content.decode().replace("&#x27;", "'").replace("&quot;", "\"")
    invite = invite_create()
    response = client.post("/accounts/signup/", signup_data(invite_code=invite.code))
    assert response.status_code == 302
    invite = SignupInvite.objects.get(pk=invite.pk)
    assert invite.used_by is not None and invite.used_by.username == "dana"
    # an invite works once
    response = Client().post("/accounts/signup/", signup_data(username="erin", invite_code=invite.code))
    assert not User.objects.filter(username="erin").exists()
    # ... and stays spent when the account that used it is deleted
    from rebond.accounts.services import account_delete

    account_delete(user=User.objects.get(username="dana"))
    response = Client().post("/accounts/signup/", signup_data(username="erin", invite_code=invite.code))
    assert not User.objects.filter(username="erin").exists()
    assert "not valid or has expired" in response.content.decode().replace("&#x27;", "'")


def test_a_sign_up_that_fails_keeps_the_invite(client: Client, alice: Any, settings: Any) -> None:
    settings.SIGNUP = "invite"
    invite = invite_create()
    response = client.post("/accounts/signup/", signup_data(invite_code=invite.code, username="alice"))
    assert response.status_code == 200  # the name is taken: said beside the field
    assert SignupInvite.objects.get(pk=invite.pk).used_at is None
    assert client.post("/accounts/signup/", signup_data(invite_code=invite.code)).status_code == 302


def test_sign_up_closed(client: Client, alice: Any, settings: Any) -> None:
    settings.SIGNUP = "closed"
    assert client.post("/accounts/signup/", signup_data()).status_code == 403
    assert not User.objects.filter(username="dana").exists()


def test_sign_in_rotates_the_session_and_signs_out(client: Client, alice: Any) -> None:
    client.get("/accounts/login/")
    session = client.session
    session["probe"] = 1
    session.save()
    before = client.session.session_key
    response = client.post("/accounts/login/", {"username": "alice", "password": PASSWORD})
    assert response.status_code == 302
    assert client.session.session_key != before
    assert client.get("/").context["user"].username == "alice"
    client.post("/accounts/logout/")
    assert not client.get("/").context["user"].is_authenticated


def test_sign_in_next_does_not_leave_the_site(client: Client, alice: Any) -> None:
    response = client.post("/accounts/login/?next=https://evil.example/", {"username": "alice", "password": PASSWORD,
                                                                          "next": "https://evil.example/"})
    assert response["Location"] == "/"


def test_sign_in_lockout_is_calm(client: Client, alice: Any, settings: Any) -> None:
    for _ in range(settings.LOGIN_THROTTLE_FAILURES):
        response = client.post("/accounts/login/", {"username": "alice", "password": "wrong"})
        assert "don't match" in response.content.decode().replace("&#x27;", "'").replace("&quot;", "\"")
    response = client.post("/accounts/login/", {"username": "alice", "password": PASSWORD})
    assert response.status_code == 429
    body = response.content.decode().replace("&#x27;", "'").replace("&quot;", "\"")
    assert "sign-in is resting" in body and "Nothing is lost" in body
    assert not response.wsgi_request.user.is_authenticated


def test_password_change(alice: Any) -> None:
    client = client_for(alice)
    response = client.post("/accounts/password/", {"old_password": PASSWORD, "new_password1": "a brand new passphrase",
                                                   "new_password2": "a brand new passphrase"})
    assert response.status_code == 302
    alice.refresh_from_db()
    assert alice.check_password("a brand new passphrase")


def test_password_reset_by_console_email(client: Client, alice: Any) -> None:
    alice.email = "alice@example.org"
    alice.save()
    client.post("/accounts/password/reset/", {"email": "alice@example.org"})
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert "rebond" not in message.subject.lower()  # neutral subject for shared inboxes
    link = next(line for line in message.body.splitlines() if "/accounts/password/reset/" in line)
    path = link.split("://", 1)[1].split("/", 1)[1]
    response = client.get("/" + path, follow=True)
    form_url = response.redirect_chain[-1][0]
    response = client.post(form_url, {"new_password1": "another fine passphrase",
                                      "new_password2": "another fine passphrase"})
    assert response.status_code == 302
    alice.refresh_from_db()
    assert alice.check_password("another fine passphrase")


def test_profile_time_zone_region_and_discreet(alice: Any) -> None:
    client = client_for(alice)
    response = client.post("/accounts/settings/", {"display_name": "Al", "email": "", "time_zone": "Asia/Tokyo",
                                                   "region": "AU", "discreet_mode": "on"})
    assert response.status_code == 302
    alice.refresh_from_db()
    assert (alice.display_name, alice.time_zone, alice.region, alice.discreet_mode) == ("Al", "Asia/Tokyo", "AU", True)
    page = client.get("/").content.decode().replace("&#x27;", "'").replace("&quot;", "\"")
    assert "<title>Notes</title>" in page and "icon-neutral.svg" in page
    response = client.post("/accounts/settings/", {"display_name": "Al", "time_zone": "Nowhere/Town", "region": "ZZ"})
    assert response.status_code == 200
    assert "time_zone_error" in response.content.decode().replace("&#x27;", "'").replace("&quot;", "\"") and "region_error" in response.content.decode().replace("&#x27;", "'").replace("&quot;", "\"")


def test_discreet_mode_stays_on_this_device_after_signing_out(alice: Any) -> None:
    client = client_for(alice)
    client.post("/accounts/settings/", {"display_name": "", "email": "", "time_zone": "UTC", "region": "GB",
                                        "discreet_mode": "on"})
    page = client.get("/").content.decode()
    assert "manifest-plain.webmanifest" in page
    client.post("/accounts/logout/")
    signed_out = client.get("/accounts/login/").content.decode()
    assert "<title>Notes</title>" in signed_out and "icon-neutral.svg" in signed_out
    assert "manifest-plain.webmanifest" in signed_out
    assert Client().get("/accounts/login/").content.decode().count("<title>Notes</title>") == 0  # another device
    client.force_login(alice)
    client.post("/accounts/settings/", {"display_name": "", "email": "", "time_zone": "UTC", "region": "GB"})
    client.post("/accounts/logout/")
    assert "<title>Notes</title>" not in client.get("/accounts/login/").content.decode()


def test_roles(db: None) -> None:
    for role in ("client", "clinician", "supporter"):
        assert make_user(f"user-{role}", role).role == role
    with pytest.raises(ValidationError):
        make_user("user-x", "admin")


@pytest.mark.argon2
def test_argon2_is_the_hasher(db: None, settings: Any) -> None:
    assert settings.PASSWORD_HASHERS[0].endswith("Argon2PasswordHasher")
    user = make_user("hashed")
    assert user.password.startswith("argon2")


def test_settings_pages_need_sign_in(client: Client) -> None:
    for path in ("/accounts/settings/", "/accounts/export/", "/accounts/delete/", "/safety-plan/"):
        response = client.get(path)
        assert response.status_code == 302 and "/accounts/login/" in response["Location"]
