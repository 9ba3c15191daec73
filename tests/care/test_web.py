"""Care pages across the personas: alice's "Who can see what", bob's clients list and her page, charlie nowhere."""

from __future__ import annotations

import re
from typing import Any

import pytest

from rebond.care.models import AccessLog, Invitation, Share
from tests.care.conftest import share, signed_in

pytestmark = pytest.mark.django_db


def test_owner_invites_on_the_page_and_the_code_is_shown_once(alice: Any, bob: Any) -> None:
    web = signed_in(alice)
    page = web.get("/care/")
    assert page.status_code == 200
    text = page.content.decode()
    assert "Who can see what" in text and "may stay in" in text
    made = web.post("/care/invite/", {"role": "clinician", "scopes": ["promises", "measures"], "days": "7"})
    assert made.status_code == 200
    code = re.search(r'id="invite-code">([A-Z0-9-]+)<', made.content.decode()).group(1)  # type: ignore[union-attr]
    assert code not in web.get("/care/").content.decode()
    assert code.replace("-", "") not in Invitation.objects.get().digest
    clinician = signed_in(bob)
    confirm = clinician.get(f"/care/join/{code.replace('-', '')}/")
    assert confirm.status_code == 200 and "alice" in confirm.content.decode()
    accepted = clinician.post("/care/join/", {"code": code, "accept": "1"})
    assert accepted.status_code == 302 and accepted["Location"] == f"/care/clients/{alice.pk}/"
    assert Share.objects.get().scopes == ["promises", "measures"]


def test_viewer_sees_only_granted_scopes_and_each_look_is_logged(alice_data: Any, bob: Any) -> None:
    alice = alice_data
    share(alice, bob, ["promises"])
    clinician = signed_in(bob)
    listing = clinician.get("/care/clients/")
    assert listing.status_code == 200 and f"/care/clients/{alice.pk}/" in listing.content.decode()
    page = clinician.get(f"/care/clients/{alice.pk}/")
    text = page.content.decode()
    assert page.status_code == 200 and "Walk ten minutes" in text
    assert "garden" not in text and "scope-measures" not in text and "scope-journal" not in text
    assert list(AccessLog.objects.values_list("viewer_name", "scope")) == [("bob", "promises")]
    owner_view = signed_in(alice).get("/care/").content.decode()
    assert "Promises and the self-trust record" in owner_view and "bob" in owner_view


def test_stranger_gets_404_everywhere(alice: Any, bob: Any, charlie: Any) -> None:
    s = share(alice, bob, ["victories"])
    stranger = signed_in(charlie)
    assert stranger.get(f"/care/clients/{alice.pk}/").status_code == 404
    assert stranger.get(f"/care/shares/{s.pk}/preview/").status_code == 404
    assert stranger.post(f"/care/shares/{s.pk}/revoke/").status_code == 404
    assert stranger.post(f"/care/shares/{s.pk}/scopes/", {"scopes": ["journal"]}).status_code == 404
    assert Share.objects.filter(pk=s.pk).exists()


def test_viewer_changing_the_share_is_403(alice: Any, bob: Any) -> None:
    s = share(alice, bob, ["victories"])
    clinician = signed_in(bob)
    assert clinician.post(f"/care/shares/{s.pk}/scopes/", {"scopes": ["journal"]}).status_code == 403
    assert clinician.post(f"/care/shares/{s.pk}/revoke/").status_code == 403
    assert clinician.get(f"/care/shares/{s.pk}/preview/").status_code == 404
    assert Share.objects.get(pk=s.pk).scopes == ["victories"]


def test_revoke_on_the_page_then_404(alice: Any, bob: Any) -> None:
    s = share(alice, bob, ["victories"])
    clinician = signed_in(bob)
    assert clinician.get(f"/care/clients/{alice.pk}/").status_code == 200
    done = signed_in(alice).post(f"/care/shares/{s.pk}/revoke/", follow=True)
    assert "No message was sent" in done.content.decode()
    assert clinician.get(f"/care/clients/{alice.pk}/").status_code == 404


def test_see_what_they_see_preview_writes_no_log(alice_data: Any, dave: Any) -> None:
    alice = alice_data
    s = share(alice, dave, None, role="supporter")
    page = signed_in(alice).get(f"/care/shares/{s.pk}/preview/")
    text = page.content.decode()
    assert page.status_code == 200 and "what dave sees" in text.lower()
    assert "Walk ten minutes" in text  # a kept promise is a win in the evidence jar
    assert "scope-measures" not in text and "garden" not in text
    assert not AccessLog.objects.exists()


def test_clients_nav_only_for_clinicians_and_supporters(alice: Any, bob: Any, dave: Any) -> None:
    assert 'href="/care/clients/"' in signed_in(bob).get("/care/clients/").content.decode()
    assert 'href="/care/clients/"' in signed_in(dave).get("/care/clients/").content.decode()
    assert 'href="/care/clients/"' not in signed_in(alice).get("/care/").content.decode()


def test_scope_change_on_the_page(alice: Any, bob: Any) -> None:
    s = share(alice, bob, ["victories"])
    signed_in(alice).post(f"/care/shares/{s.pk}/scopes/", {"scopes": ["victories", "journal"]})
    assert Share.objects.get(pk=s.pk).scopes == ["victories", "journal"]


def test_anonymous_is_sent_to_sign_in(alice: Any) -> None:
    from django.test import Client

    assert Client().get("/care/").status_code == 302
    assert Client().get(f"/care/clients/{alice.pk}/").status_code == 302
