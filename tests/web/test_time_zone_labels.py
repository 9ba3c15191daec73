"""The time-zone list reads as places with their offset, while the stored value stays the IANA name."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from rebond.accounts.forms import ProfileForm, time_zone_label
from tests.conftest import client_for, html


def test_labels_name_the_place_and_the_offset_on_that_day() -> None:
    summer, winter = datetime(2026, 7, 1, 12, tzinfo=UTC), datetime(2026, 1, 15, 12, tzinfo=UTC)
    assert time_zone_label("Europe/London", winter) == "Europe/London — London (UTC+00:00)"
    assert time_zone_label("Europe/London", summer) == "Europe/London — London (UTC+01:00)"
    assert time_zone_label("America/St_Johns", winter) == "America/St_Johns — St Johns (UTC-03:30)"
    assert time_zone_label("Asia/Kolkata", summer) == "Asia/Kolkata — Kolkata (UTC+05:30)"
    assert time_zone_label("UTC", summer) == "UTC (UTC+00:00)"


def test_the_settings_form_stores_the_iana_name(alice: Any) -> None:
    choices = dict(ProfileForm().fields["time_zone"].choices)  # type: ignore[attr-defined]
    assert choices["Europe/London"].startswith("Europe/London — London (UTC+0")
    page = html(client_for(alice).get("/accounts/settings/"))
    assert '<option value="Europe/London" selected>Europe/London — London (UTC+0' in page
    response = client_for(alice).post("/accounts/settings/", {"time_zone": "Asia/Kolkata", "region": "GB"})
    assert response.status_code in (200, 302)
    alice.refresh_from_db()
    assert alice.time_zone == "Asia/Kolkata"
