"""Drafts typed in the browser belong to one person: the page names their drafts with an opaque scope (never the
username), and leaving (quick exit, sign out, deleting the account) tells the browser to wipe its storage.
The browser half is in test_browser.py."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.test import Client

from rebond.core.context import draft_scope
from tests.conftest import PASSWORD, client_for, make_user

pytestmark = pytest.mark.django_db

SCOPE = re.compile(r'<body[^>]*\sdata-draft-scope="([0-9a-f]+)"')


def scope_on(client: Any, url: str = "/journal/new/compassionate-letter/") -> str | None:
    match = SCOPE.search(client.get(url).content.decode())
    return match.group(1) if match else None


def test_each_person_has_their_own_opaque_draft_scope(alice: Any, charlie: Any) -> None:
    mine, theirs = scope_on(client_for(alice)), scope_on(client_for(charlie))
    assert mine and theirs and mine != theirs
    assert mine == scope_on(client_for(alice), "/practice/"), "the same on every page and every visit"
    assert mine == draft_scope(alice)
    assert "alice" not in mine and str(alice.pk) != mine


def test_signed_out_pages_carry_no_scope() -> None:
    assert scope_on(Client(), "/help/") is None


def test_a_new_account_never_gets_an_old_accounts_scope(alice: Any) -> None:
    old = draft_scope(alice)
    alice.delete()
    assert draft_scope(make_user("alice")) != old


def test_the_sign_out_form_is_marked_for_app_js(alice: Any) -> None:
    page = client_for(alice).get("/journal/").content.decode()
    assert re.search(r'<form method="post" action="/accounts/logout/"[^>]*\sdata-sign-out', page)


def wipes_storage(response: Any) -> bool:
    value = response.get("Clear-Site-Data", "")
    return '"storage"' in value and '"cache"' in value


def test_quick_exit_wipes_the_browsers_storage(alice: Any) -> None:
    assert wipes_storage(client_for(alice).get("/exit/"))
    assert wipes_storage(Client().get("/exit/")), "signed out too: a draft may be left from before"


def test_signing_out_wipes_the_browsers_storage(alice: Any) -> None:
    client = client_for(alice)
    response = client.post("/accounts/logout/")
    assert response.status_code == 302 and wipes_storage(response)
    assert client.get("/journal/").status_code == 302


def test_deleting_the_account_wipes_the_browsers_storage(alice: Any) -> None:
    response = client_for(alice).post("/accounts/delete/", {"password": PASSWORD, "confirm": "on"})
    assert response.status_code == 200 and wipes_storage(response)
