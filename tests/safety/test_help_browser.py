"""Get help now as a person meets it signed out on a phone: the emergency number first, where you are near the top
(a plain form that works without JavaScript), the directory once, then the safety plan and grounding."""

from __future__ import annotations

from typing import Any

import pytest

from tests.conftest import axe_check

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 360, "height": 800}


@pytest.mark.parametrize("javascript", [True, False])
def test_signed_out_with_no_region_on_a_phone(page_with: Any, javascript: bool) -> None:
    page = page_with(javascript=javascript, viewport=PHONE)
    page.goto("/help/")
    main = page.get_by_role("main")
    assert main.get_by_text("call your local emergency number").is_visible()
    where = page.get_by_label("Country or region")
    assert where.bounding_box()["y"] < page.get_by_role("heading", name="Talk or text").bounding_box()["y"]
    assert main.get_by_role("link", name="findahelpline.com").count() == 1
    assert main.get_by_text("see website").count() == 0
    assert main.get_by_text("Checked ").first.is_visible()
    if javascript:
        axe_check(page)
    for heading in ("If someone is hurting or scaring you", "Your safety plan", "Grounding, if it helps"):
        assert main.get_by_role("heading", name=heading).is_visible()
    page.get_by_role("link", name="5-4-3-2-1 senses").click()
    page.wait_for_url("**/practice/grounding-5-4-3-2-1/")
    assert page.get_by_role("heading", name="5-4-3-2-1 senses").is_visible()
    page.go_back()
    page.get_by_role("link", name="Paced breathing").click()
    page.wait_for_url("**/practice/paced-breathing/")
    if javascript:
        axe_check(page)
    page.goto("/help/")
    where = page.get_by_label("Country or region")
    where.select_option("GB")
    page.get_by_role("button", name="Show lines").click()
    page.wait_for_url("**/help/?region=GB")
    assert page.get_by_role("heading", name="Talk or text in United Kingdom").is_visible()
    assert page.get_by_role("link", name="116 123").first.is_visible()
    if javascript:
        axe_check(page)
