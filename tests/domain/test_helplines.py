"""The crisis-lines data file (rebond/content/crisis_lines.yaml) and its loader (rebond/domain/helplines.py).

`test_every_number_was_checked_in_the_last_180_days` reads the real clock on purpose (UX.md, Safety): it must fail
when the data goes stale, until someone re-checks every number on the service's own site.
"""

from __future__ import annotations

import dataclasses
import re
from datetime import date, timedelta
from pathlib import Path

import pytest
import yaml

from rebond.domain import helplines
from rebond.domain.helplines import INTERNATIONAL, KINDS, Helpline

DATA = Path(helplines.__file__).resolve().parents[1] / "content" / "crisis_lines.yaml"
REGIONS = ("US", "CA", "GB", "IE", "AU")
MAX_AGE = timedelta(days=180)


def _all() -> list[Helpline]:
    return helplines.all_lines()


def _digits(number: str) -> str:
    return re.sub(r"\D", "", number)


def test_every_entry_has_the_required_fields() -> None:
    assert _all()
    for line in _all():
        assert line.name.strip(), line
        assert line.kind in KINDS, line
        assert line.description.strip() and line.hours.strip(), line
        assert isinstance(line.checked, date), line
        assert line.phone or line.sms or line.url, f"{line.name}: nothing to call, text or visit"


def _real_today() -> date:
    """The real clock, on purpose: even when a test run moves the clock (REBOND_TEST_CLOCK)."""
    import time

    import time_machine

    if time_machine.escape_hatch.is_travelling():
        return date.fromtimestamp(time_machine.escape_hatch.time.time())
    return date.fromtimestamp(time.time())


def test_every_number_was_checked_in_the_last_180_days() -> None:
    today = _real_today()
    stale = [f"{line.region} {line.name}: {line.checked}" for line in _all() if today - line.checked > MAX_AGE]
    assert not stale, "Re-check these on the service's own website, then update `checked`: " + "; ".join(stale)
    assert helplines.oldest_check() >= today - MAX_AGE


def test_no_checked_date_is_in_the_future() -> None:
    assert all(line.checked <= _real_today() for line in _all())


@pytest.mark.parametrize("region", REGIONS)
def test_every_region_has_crisis_text_and_domestic_violence_help(region: str) -> None:
    kinds = {line.kind for line in helplines.lines_for(region) if line.region == region}
    assert "crisis" in kinds
    assert "dv" in kinds
    # Each of these countries has a text service; list it so people who can't talk out loud have a way in.
    assert any(line.sms for line in helplines.lines_for(region) if line.region == region)


@pytest.mark.parametrize("region", REGIONS)
def test_crisis_lines_come_first_and_the_directory_last(region: str) -> None:
    lines = helplines.lines_for(region)
    assert lines[0].kind == "crisis"
    assert lines[-1].kind == "directory"


def test_phone_and_text_numbers_look_dialable() -> None:
    for line in _all():
        for number in (line.phone, line.sms.number if line.sms else None):
            if number is None:
                continue
            assert re.fullmatch(r"\+?[0-9][0-9 -]*[0-9]", number), f"{line.name}: {number!r}"
            assert 3 <= len(_digits(number)) <= 15, f"{line.name}: {number!r}"
        if line.phone:
            assert line.tel == _digits(line.phone)
        if line.sms and line.sms.keyword:
            assert re.fullmatch(r"[A-Z]+", line.sms.keyword), f"{line.name}: keyword {line.sms.keyword!r}"


def test_urls_are_https_and_descriptions_are_short_and_calm() -> None:
    for line in _all():
        if line.url:
            assert line.url.startswith("https://"), line.url
        assert len(line.description) <= 160, line.name
        assert "!" not in line.description, line.name


def test_well_known_numbers_are_there() -> None:
    def phones(region: str) -> set[str]:
        return {line.phone for line in helplines.lines_for(region) if line.phone}

    assert "988" in phones("US") and "988" in phones("CA")
    assert "116 123" in phones("GB") and "116 123" in phones("IE")
    assert "13 11 14" in phones("AU")
    assert {"988"} <= {line.sms.number for line in helplines.lines_for("US") if line.sms}


@pytest.mark.parametrize("region", [None, "", "ZZ", "FR", INTERNATIONAL, "intl"])
def test_no_or_unknown_region_gets_only_the_international_directory(region: str | None) -> None:
    lines = helplines.lines_for(region)
    assert lines and all(line.region == INTERNATIONAL and line.kind == "directory" for line in lines)
    assert helplines.emergency_number(region) is None  # the interface says "call your local emergency number"
    assert helplines.dv_lines_for(region) == lines
    assert helplines.youth_lines_for(region) == lines


def test_emergency_numbers() -> None:
    assert helplines.emergency_number("US") == "911"
    assert helplines.emergency_number("CA") == "911"
    assert helplines.emergency_number("GB") == "999"
    assert helplines.emergency_number("uk") == "999"
    ireland = helplines.emergency_number("IE") or ""
    assert "112" in ireland and "999" in ireland
    assert helplines.emergency_number("AU") == "000"


def test_region_codes_are_case_insensitive() -> None:
    assert helplines.lines_for("gb") == helplines.lines_for("GB")
    assert helplines.lines_for(" au ") == helplines.lines_for("AU")


def test_regions_lists_codes_and_names_with_the_directory_last() -> None:
    listed = helplines.regions()
    assert {code for code, _ in listed} == {*REGIONS, INTERNATIONAL}
    assert listed[-1][0] == INTERNATIONAL
    assert all(name.strip() for _, name in listed)


@pytest.mark.parametrize("region", REGIONS)
def test_dv_and_youth_lines_for_a_region(region: str) -> None:
    dv = helplines.dv_lines_for(region)
    assert dv and all(line.kind == "dv" and line.region == region for line in dv)
    youth = helplines.youth_lines_for(region)
    assert youth and all(line.kind == "youth" and line.region == region for line in youth)


def test_oldest_check_is_the_stalest_entry() -> None:
    assert helplines.oldest_check() == min(line.checked for line in _all())


def test_the_file_has_no_duplicate_services_within_a_region() -> None:
    data = yaml.safe_load(DATA.read_text(encoding="utf-8"))
    for code, region in data["regions"].items():
        names = [entry["name"] for entry in region["lines"]]
        assert len(names) == len(set(names)), code


def test_lines_turn_into_plain_data_for_templates_and_the_api() -> None:
    line = helplines.lines_for("US")[0]
    data = dataclasses.asdict(line)
    assert data["name"] == line.name
    assert data["sms"] == {"number": "988", "keyword": None}
