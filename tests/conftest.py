"""Shared fixtures: the personas, a real browser against a live server, and an accessibility check."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from datetime import date
from typing import Any

import pytest
from hypothesis import HealthCheck
from hypothesis import settings as hypothesis_settings

# Playwright's sync API runs an event loop in this thread; Django refuses ORM calls from it unless told it's fine.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

# Property tests judge behaviour, not speed: a busy CI machine must not turn a slow example into a failure.
hypothesis_settings.register_profile("rebond", deadline=None, suppress_health_check=[HealthCheck.too_slow])
hypothesis_settings.load_profile("rebond")

CHROMIUM = os.environ.get("REBOND_CHROMIUM", "/usr/bin/chromium")
PASSWORD = "correct horse battery staple"


@pytest.fixture(autouse=True)
def _fast_hashing(request: pytest.FixtureRequest) -> None:
    """Argon2 is the real hasher; most tests don't need its deliberate slowness."""
    if "argon2" in request.keywords or not request.config.pluginmanager.hasplugin("django"):
        return
    request.getfixturevalue("settings").PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


# The fixed moment many tests live in (`frozen_day`): a Monday, 13:00 in London.
NOW = "2026-06-15 12:00:00+00:00"
TODAY = date(2026, 6, 15)


@pytest.fixture
def frozen_day() -> Iterator[None]:
    """Freeze the clock at NOW (use with `pytest.mark.usefixtures("frozen_day")`)."""
    import time_machine

    with time_machine.travel(NOW, tick=False):
        yield


@pytest.fixture(autouse=True)
def _browser_tests_at_midday(request: pytest.FixtureRequest) -> Iterator[None]:
    """A browser test makes its data for "today", then the live server, seconds later and in another thread, works
    "today" out again for the page: a run that crosses midnight between the two sees them disagree. So browser
    tests run at 12:00 UTC of the real day, the clock still ticking: the personas' days (London, Dublin, UTC, New
    York) are hours from their ends, and cookies the server dates stay within a day of the browser's own clock.
    REBOND_TEST_CLOCK, set to hunt date bugs on purpose, wins."""
    if request.node.get_closest_marker("browser") is None or os.environ.get("REBOND_TEST_CLOCK"):
        yield
        return
    from datetime import UTC, datetime

    import time_machine

    midday = datetime.now(UTC).replace(hour=12, minute=0, second=0, microsecond=0)
    with time_machine.travel(midday, tick=True):
        yield


def pytest_configure(config: pytest.Config) -> None:
    """`REBOND_TEST_CLOCK="2026-07-01 23:20+00:00" make test` runs the suite with the clock there (still ticking),
    to find tests that only pass when the server's date and a person's date agree."""
    clock = os.environ.get("REBOND_TEST_CLOCK")
    if clock:
        import time_machine

        traveller = time_machine.travel(clock, tick=True)
        traveller.start()
        config.add_cleanup(traveller.stop)


def html(response: Any) -> str:
    """A response's text as a person reads it (entities such as &#x27; turned back into characters)."""
    from html import unescape

    return unescape(str(response.content.decode()))


# What Django says by itself. A person should only ever read the project's own words (UX.md: errors name the fix).
DJANGO_DEFAULTS = ("This field is required", "Ensure this value", "Enter a valid date", "Select a valid choice",
                   "Enter a list of values", "is not one of the available choices", "Enter a whole number")


def assert_own_words(page: str) -> None:
    for default in DJANGO_DEFAULTS:
        assert default not in page, f"Django's {default!r} reached the page"


def sqlite_bytes_on_disk() -> bytes:
    """The SQLite database as it lies on disk: the main file after a checkpoint that must have moved every page
    out of the write-ahead log, then whatever is still in the -wal file (read too, so nothing can hide there)."""
    from pathlib import Path

    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        busy, logged, moved = cursor.fetchone()
    assert busy == 0 and logged == moved, f"the checkpoint didn't finish (busy={busy}, {moved} of {logged} pages)"
    db_file = Path(connection.settings_dict["NAME"])
    raw = db_file.read_bytes()
    assert raw[:16] == b"SQLite format 3\x00"
    wal = db_file.with_name(db_file.name + "-wal")
    return raw + (wal.read_bytes() if wal.exists() else b"")


def make_user(username: str, role: str = "client", **extra: Any) -> Any:
    from rebond.accounts import services

    return services.user_create(username=username, password=PASSWORD, role=role, **extra)


@pytest.fixture
def alice(db: None) -> Any:
    """The owner of the data under test."""
    return make_user("alice", "client", time_zone="Europe/London", region="GB")


@pytest.fixture
def bob(db: None) -> Any:
    """A clinician (given a share where a test needs one)."""
    return make_user("bob", "clinician", time_zone="America/New_York", region="US")


@pytest.fixture
def charlie(db: None) -> Any:
    """A stranger: a signed-in person with no access to alice's data."""
    return make_user("charlie", "client")


def client_for(user: Any) -> Any:
    from django.test import Client

    client = Client()
    client.force_login(user)
    return client


def two_step_on(user: Any) -> None:
    """Clinicians turn two-step sign-in on first, as they must (the web and the API refuse them otherwise)."""
    from rebond.accounts import twofactor

    if user.role == "clinician" and not twofactor.is_enabled(user):
        import pyotp

        secret = twofactor.new_secret()
        twofactor.enable(user=user, secret=secret, code=pyotp.TOTP(secret).now())


def signed_in(user: Any) -> Any:
    """A browser session; clinicians turn two-step sign-in on first, as they must."""
    two_step_on(user)
    return client_for(user)


def share(owner: Any, viewer: Any, scopes: list[str] | None = None, role: str = "clinician") -> Any:
    """Share through the real invitation flow, so tests walk the same path people do."""
    from rebond.care import services

    _, code = services.invitation_create(user=owner, role=role, scopes=scopes)
    return services.invitation_accept(user=viewer, code=code)


@pytest.fixture
def bob_shared(alice: Any, bob: Any) -> Any:
    """bob as the persona matrix means him: alice's clinician, with every scope shared and two-step sign-in on,
    so a 404 from one of alice's own pages or endpoints proves the page is owner-only, not that bob was redirected."""
    from rebond.care.access import SCOPES

    share(alice, bob, scopes=list(SCOPES))
    two_step_on(bob)
    return bob


def token_for(user: Any) -> str:
    from rebond.accounts import services

    _, raw = services.token_create(user=user, name="tests")
    return raw


class Api:
    """A tiny JSON client for /api/v1 with a bearer token. It enforces CSRF checks, as real clients meet them."""

    def __init__(self, token: str | None) -> None:
        from django.test import Client

        self.client = Client(enforce_csrf_checks=True)
        self.headers = {"HTTP_AUTHORIZATION": f"Bearer {token}"} if token else {}

    def call(self, method: str, path: str, data: Any = None) -> Any:
        import json

        kwargs: dict[str, Any] = dict(self.headers)
        if data is not None:
            kwargs["data"] = json.dumps(data)
            kwargs["content_type"] = "application/json"
        return getattr(self.client, method)(f"/api/v1{path}", **kwargs)

    def get(self, path: str) -> Any:
        return self.call("get", path)

    def post(self, path: str, data: Any = None) -> Any:
        return self.call("post", path, data if data is not None else {})

    def put(self, path: str, data: Any = None) -> Any:
        return self.call("put", path, data if data is not None else {})

    def delete(self, path: str, data: Any = None) -> Any:
        return self.call("delete", path, data)


@pytest.fixture
def api_as() -> Any:
    def make(user: Any | None) -> Api:
        if user is None:
            return Api(None)
        two_step_on(user)
        return Api(token_for(user))

    return make


# --- the browser -------------------------------------------------------------------------------------------------

@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    if not os.path.exists(CHROMIUM):
        pytest.fail(f"Chromium is needed for browser tests and was not found at {CHROMIUM} (apt-get install chromium).")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        instance = pw.chromium.launch(
            executable_path=CHROMIUM,
            headless=True,
            args=["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        )
        yield instance
        instance.close()


@pytest.fixture
def page(browser: Any, live_server: Any) -> Iterator[Any]:
    context = browser.new_context(base_url=live_server.url.replace("127.0.0.1", "localhost"), viewport={"width": 390, "height": 844})
    outside: list[str] = []

    def watch(request: Any) -> None:
        from urllib.parse import urlsplit

        url = request.url
        parts = urlsplit(url)
        if parts.scheme in ("data", "about", "blob"):
            return
        if parts.hostname != "localhost":  # not "localhost.example", not 127.0.0.2, not anything else
            outside.append(url)

    context.on("request", watch)
    pg = context.new_page()
    pg.set_default_timeout(30_000)
    pg.set_default_navigation_timeout(30_000)
    yield pg
    context.close()
    assert not outside, f"pages asked another host for: {outside}"


@pytest.fixture
def page_with(browser: Any, live_server: Any) -> Iterator[Any]:
    """Pages in browser contexts of their own: `page_with(javascript=False, user="alice")` opens one with
    JavaScript off, signed in as alice (other keywords go to the context, e.g. viewport). Closed after the test."""
    contexts: list[Any] = []

    def make(*, javascript: bool = True, user: str | None = None, **options: Any) -> Any:
        context = browser.new_context(java_script_enabled=javascript,
                                      base_url=live_server.url.replace("127.0.0.1", "localhost"), **options)
        contexts.append(context)
        opened = context.new_page()
        opened.set_default_timeout(30_000)
        if user:
            sign_in(opened, user)
        return opened

    yield make
    for context in contexts:
        context.close()


def axe_check(page: Any) -> None:
    """Run axe-core (vendored, served from our own static files) and fail on serious or critical problems.

    A click that navigates returns before the next document exists; checking then would inject axe into a page
    that is being torn down. So wait for the document to load, and if a navigation still lands mid-check, wait
    for it and check the page the person actually ends up on.
    """
    for attempt in range(3):
        page.wait_for_load_state("load")
        try:
            page.add_script_tag(url="/static/vendor/axe-core/axe.min.js")
            result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
            break
        except Exception as exc:  # Playwright raises its own Error type for a destroyed context
            navigating = any(sign in str(exc) for sign in ("appendChild", "context was destroyed", "navigat"))
            if attempt == 2 or not navigating:
                raise
    bad = [
        f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes']][:3]}"
        for v in result["violations"]
        if v.get("impact") in {"serious", "critical"}
    ]
    assert not bad, f"accessibility problems on {page.url}:\n" + "\n".join(bad)


def at_path(path: str) -> Callable[[str], bool]:
    """A URL test for `page.wait_for_url`: the page's path is exactly `path` (the query doesn't count).

    wait_for_url returns at once when the current URL already matches, and a glob such as "**/" matches every URL
    ending in a slash, the page being left included: it would return before the click's navigation had begun, and
    the next read would see the old page. When a form posts back to the very page it was on, no URL test can tell
    the pages apart: wait for the navigation itself (`with page.expect_navigation(...)`) or for what only the new
    page shows (`expect(...)`, which waits)."""
    from urllib.parse import urlsplit

    return lambda url: urlsplit(url).path == path


def sign_in(page: Any, username: str, password: str = PASSWORD) -> None:
    page.goto("/accounts/login/")
    page.get_by_label("Name you sign in with").fill(username)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(at_path("/"))  # home, not the sign-in page still showing
