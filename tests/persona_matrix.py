"""The persona matrix's pieces, shared by tests/care/test_matrix.py and tests/measures/test_persona_matrix.py: a
Case (one page or endpoint and the status each persona must get), filling in its placeholders, and asking as one
persona. Each matrix brings its own world: ``users`` by persona (with "revoked" being the clinician whose share is
removed first) and ``values`` for the placeholders."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from tests.conftest import Api, signed_in, token_for


@dataclass(frozen=True)
class Case:
    door: str  # "web" (a page, by URL name) or another (an endpoint, by its path in the schema)
    name: str  # URL name, or the API path template as in /api/v1/openapi.json
    method: str
    path: str  # with {placeholders} filled from the world
    expect: dict[str, int]
    data: dict[str, Any] | None = None


def fill(value: Any, values: dict[str, Any]) -> Any:
    if isinstance(value, str):
        filled = value.format(**values)
        return int(filled) if value == "{record}" and filled.isdigit() else filled
    if isinstance(value, list):
        return [fill(v, values) for v in value]
    if isinstance(value, dict):
        return {k: fill(v, values) for k, v in value.items()}
    return value


def check(case: Case, world: Any, persona: str) -> Any:
    """Ask as ``persona`` (web pages in a signed-in browser session, the rest through the API with a token),
    compare the status with the one the case expects, and give back the response."""
    from rebond.care.models import Share

    if persona == "revoked":
        Share.objects.filter(viewer=world.users["clinician"]).delete()
    user = world.users[persona]
    path = fill(case.path, world.values)
    data = fill(case.data, world.values)
    if case.door == "web":
        response = getattr(signed_in(user), case.method)(path, data or {})
    else:
        response = Api(token_for(user)).call(case.method, path, data)
    assert response.status_code == case.expect[persona], (persona, case.method, path, response.content[:300])
    return response


def check_coverage(cases: list[Case], urlpatterns: Any, client: Any, ours: Callable[[str], bool]) -> None:
    """Every named page in ``urlpatterns`` has a web row, and every API operation whose path ``ours`` accepts has
    an "api" row: a new page or endpoint without one fails."""
    pages = {p.name for p in urlpatterns}
    rows = {c.name for c in cases if c.door == "web"}
    assert pages == rows, pages ^ rows
    schema = client.get("/api/v1/openapi.json").json()["paths"]
    endpoints = {(path.removeprefix("/api/v1"), method) for path, ops in schema.items() if ours(path)
                 for method in ops}
    covered = {(c.name, c.method) for c in cases if c.door == "api"}
    assert endpoints == covered, endpoints ^ covered
