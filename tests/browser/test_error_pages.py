"""Error pages in a real Chromium: accessible, and help is one click away from them."""

from __future__ import annotations

from typing import Any

import pytest

from tests.conftest import axe_check, make_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def failing_routes(settings: Any) -> None:
    settings.DEBUG = False
    settings.ROOT_URLCONF = "tests.web.error_urls"


@pytest.mark.usefixtures("failing_routes")
def test_not_found_page_leads_to_help(page: Any) -> None:
    make_user("someone")  # not a first run
    response = page.goto("/no-such-page/")
    assert response.status == 404
    assert page.get_by_role("heading", name="We can't find that page").is_visible()
    axe_check(page)
    page.get_by_role("main").get_by_role("link", name="Get help now").click()
    page.wait_for_url("**/help/")


@pytest.mark.usefixtures("failing_routes")
def test_server_error_page_is_accessible_and_quick_exit_works(page: Any) -> None:
    response = page.goto("/test-errors/boom/")
    assert response.status == 500
    assert page.get_by_role("heading", name="Something went wrong on our side").is_visible()
    axe_check(page)
    page.get_by_role("link", name="Quick exit").click()
    page.wait_for_url("**/exit/")  # wait_for_load_state() alone returned at once: the error page had loaded
    assert "Something went wrong" not in page.content()
