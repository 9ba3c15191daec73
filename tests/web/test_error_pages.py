"""Error pages keep Get help now, quick exit and the footer; the API answers errors in JSON, never HTML."""

from __future__ import annotations

from typing import Any

import pytest
from django.template import loader
from django.test import Client, RequestFactory

from rebond.core import errors
from rebond.promises import selectors
from tests.conftest import client_for
from tests.web.error_urls import SECRET

FOOTER = "not an emergency service, and no one is watching it"


@pytest.fixture
def failing_routes(settings: Any) -> None:
    settings.DEBUG = False
    settings.ROOT_URLCONF = "tests.web.error_urls"


def assert_help_page(response: Any, status: int, heading: str) -> str:
    assert response.status_code == status
    page = response.content.decode().replace("&#x27;", "'")
    assert 'class="help-now" href="/help/"' in page, "Get help now is one click away"
    assert "data-quick-exit" in page and FOOTER in page
    assert heading in page
    assert SECRET not in page and "Traceback" not in page
    return page


@pytest.mark.django_db
@pytest.mark.usefixtures("failing_routes")
def test_not_found(alice: Any) -> None:
    assert_help_page(Client().get("/no-such-page/"), 404, "We can't find that page")
    page = assert_help_page(client_for(alice).get("/no-such-page/"), 404, "We can't find that page")
    assert "Go to Today" in page and 'aria-label="Main"' in page, "signed in, the navigation is there too"


@pytest.mark.django_db
@pytest.mark.usefixtures("failing_routes")
def test_forbidden_and_bad_request() -> None:
    assert_help_page(Client().get("/test-errors/forbidden/"), 403, "This isn't open to you")
    assert_help_page(Client().get("/test-errors/bad/"), 400, "Something didn't come through")


@pytest.mark.django_db
@pytest.mark.usefixtures("failing_routes")
def test_csrf_failure_explains_itself(alice: Any) -> None:
    client = Client(enforce_csrf_checks=True)
    client.force_login(alice)
    response = client.post("/accounts/settings/", {"display_name": "Al"})
    page = assert_help_page(response, 403, "Please try that again")
    assert "Nothing was saved" in page and "cookies" in page
    alice.refresh_from_db()
    assert alice.display_name == ""


@pytest.mark.django_db
@pytest.mark.usefixtures("failing_routes")
def test_server_error_page(alice: Any, charlie: Any, caplog: Any) -> None:
    response = Client(raise_request_exception=False).get("/test-errors/boom/")
    assert_help_page(response, 500, "Something went wrong on our side")
    assert SECRET in caplog.text, "whoever runs the server still sees what happened"
    alice.discreet_mode = True
    alice.save(update_fields=["discreet_mode"])
    for person, title in ((alice, "<title>Notes</title>"), (charlie, "<title>Something went wrong · rebond</title>")):
        client = client_for(person)
        client.raise_request_exception = False
        assert title in assert_help_page(client.get("/test-errors/boom/"), 500, "Something went wrong on our side")


def test_the_500_page_needs_no_database_and_no_request() -> None:
    # no django_db mark: any database query here fails the test
    page = loader.get_template("500.html").render()
    assert 'href="/help/"' in page and FOOTER in page and "data-quick-exit" in page
    request = RequestFactory().get("/anything/")
    response = errors.server_error(request)
    assert response.status_code == 500
    assert "<title>Notes</title>" in response.content.decode(), "nobody known: the neutral title is the safe guess"


@pytest.mark.django_db
@pytest.mark.usefixtures("failing_routes")
def test_api_errors_are_json(api_as: Any, alice: Any, monkeypatch: Any) -> None:
    def broken(**kwargs: Any) -> Any:
        raise RuntimeError(SECRET)

    monkeypatch.setattr(selectors, "promise_list", broken)
    response = api_as(alice).get("/promises")
    assert response.status_code == 500 and response["Content-Type"].startswith("application/json")
    assert response.json() == {"detail": [{"loc": [], "msg": errors.SERVER_PROBLEM}]}
    assert SECRET not in response.content.decode()
    outside = Client(raise_request_exception=False).get("/api/test-errors/boom/")
    assert outside.status_code == 500 and outside.json() == response.json()
    missing = api_as(alice).get("/no-such-endpoint")
    assert missing.status_code == 404 and missing.json() == {"detail": "Not found."}


@pytest.mark.django_db
@pytest.mark.parametrize("body", ['{"text": "Walk"', "not json at all", b"\xff\xfe{}"])
def test_a_malformed_json_body_is_422(api_as: Any, alice: Any, body: Any) -> None:
    api = api_as(alice)
    response = api.client.post("/api/v1/promises", data=body, content_type="application/json", **api.headers)
    assert response.status_code == 422
    assert response.json() == {"detail": [{"loc": ["body"], "msg": errors.NOT_JSON}]}
