"""Shared fixtures: the personas, a real browser against a live server, and an accessibility check."""

from __future__ import annotations

import os
from collections.abc import Iterator
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


def token_for(user: Any) -> str:
    from rebond.accounts import services

    _, raw = services.token_create(user=user, name="tests")
    return raw


class Api:
    """A tiny JSON client for /api/v1 with a bearer token."""

    def __init__(self, token: str | None) -> None:
        from django.test import Client

        self.client = Client()
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
        return Api(token_for(user) if user is not None else None)

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
        url = request.url
        if not (url.startswith("http://localhost") or url.startswith("data:") or url.startswith("about:")):
            outside.append(url)

    context.on("request", watch)
    pg = context.new_page()
    pg.set_default_timeout(30_000)
    pg.set_default_navigation_timeout(30_000)
    yield pg
    context.close()
    assert not outside, f"pages asked another host for: {outside}"


def axe_check(page: Any) -> None:
    """Run axe-core (vendored, served from our own static files) and fail on serious or critical problems."""
    page.add_script_tag(url="/static/vendor/axe-core/axe.min.js")
    result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    bad = [
        f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes']][:3]}"
        for v in result["violations"]
        if v.get("impact") in {"serious", "critical"}
    ]
    assert not bad, f"accessibility problems on {page.url}:\n" + "\n".join(bad)


def sign_in(page: Any, username: str, password: str = PASSWORD) -> None:
    page.goto("/accounts/login/")
    page.get_by_label("Name you sign in with").fill(username)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url("**/")
