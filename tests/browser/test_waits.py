"""The browser tests' own waits: shapes that look like waiting but return at once, found by reading the tests.

wait_for_url returns at once when the page's address already matches, so a pattern that matches the page being
left ("**/", r"/$") waits for nothing; wait_for_load_state() after a click returns at once because the page being
left has loaded; a fixed sleep is too short on a busy machine and too long on an idle one. Each of these made CI
fail on one run and pass on the next.
"""

from __future__ import annotations

import re
from pathlib import Path

TESTS = Path(__file__).resolve().parents[1]

NOT_WAITS = {
    "a URL pattern every address ending in / matches (use at_path)": re.compile(
        r"""wait_for_url\(\s*(["']\*\*/["']|re\.compile\(\s*r?["']/\$["'])"""),
    "a fixed sleep (wait for what the page shows)": re.compile(r"wait_for_timeout\(|time\.sleep\("),
    "wait_for_load_state right after a click or key press (wait for the new address or its words)": re.compile(
        r"\.(click|press)\([^\n]*\)\n\s*\w*\.?wait_for_load_state\("),
}


PLAYWRIGHT = re.compile(r"playwright\.sync_api|\b(page|page_with|plain_page|browser)\s*:\s*Any\b")


def browser_test_files() -> list[Path]:
    """Every test file that drives Playwright: it imports it, or takes a page or the browser as a fixture."""
    return sorted(path for path in TESTS.rglob("*.py") if PLAYWRIGHT.search(path.read_text(encoding="utf-8")))


def test_the_browser_tests_are_found() -> None:
    names = {path.name for path in browser_test_files()}
    assert {"test_browser.py", "test_foundation_flows.py", "test_help_browser.py", "conftest.py"} <= names


def test_no_browser_test_waits_for_nothing() -> None:
    found = []
    for path in browser_test_files():
        if path == Path(__file__).resolve():
            continue
        text = path.read_text(encoding="utf-8")
        for what, pattern in NOT_WAITS.items():
            for match in pattern.finditer(text):
                line = text.count("\n", 0, match.start()) + 1
                found.append(f"{path.relative_to(TESTS)}:{line}: {what}")
    assert not found, "\n".join(found)
