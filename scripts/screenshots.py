"""Take the README's screenshots from a running rebond that has the demo account (`rebond demo`).

Usage: .venv/bin/python scripts/screenshots.py http://127.0.0.1:8000
Writes docs/screenshots/*.png at phone width, with Debian's Chromium.
"""

from __future__ import annotations

import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

PAGES = [("today", "/"), ("record", "/record/"), ("help", "/help/"), ("measures", "/measures/"),
         ("thoughts", "/thoughts/"), ("people", "/people/")]
OUT = Path(__file__).resolve().parents[1] / "docs" / "screenshots"


def main(base: str) -> int:
    OUT.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path="/usr/bin/chromium",
                                     args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"])
        page = browser.new_context(viewport={"width": 390, "height": 844}, base_url=base).new_page()
        page.goto("/accounts/login/")
        page.get_by_label("Name you sign in with").fill("demo")
        page.get_by_label("Password").fill("demo-password")
        page.get_by_role("button", name="Sign in").click()
        page.wait_for_load_state()
        for name, path in PAGES:
            response = page.goto(path)
            if response is None or response.status != 200:
                print(f"skipped {path}")
                continue
            page.screenshot(path=str(OUT / f"{name}.png"))
            print(f"wrote docs/screenshots/{name}.png")
        browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "http://127.0.0.1:8000"))
