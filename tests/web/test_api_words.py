"""422s speak plainly: pydantic's own wording ("Field required", "Input should be a valid integer") never reaches a
person; each message names its field and says the fix, in the contract's shape {"detail": [{"loc", "msg"}]}."""

from __future__ import annotations

import re
from typing import Any

import pytest

from rebond.core.api_base import plain_words

pytestmark = pytest.mark.django_db

PYDANTIC = re.compile(r"Field required|Input should|String should|List should|should have at|valid integer|"
                      r"Value error|Assertion failed|Extra inputs|type=|pydantic", re.IGNORECASE)


def _bodies(schema: dict[str, Any], operation: dict[str, Any]) -> list[Any]:
    """An empty body, and one with every documented field of the wrong kind (a list of lists fits nothing)."""
    ref = (operation["requestBody"]["content"]["application/json"]["schema"].get("$ref") or "").split("/")[-1]
    fields = schema["components"]["schemas"].get(ref, {}).get("properties", {}) if ref else {}
    return [{}, {name: [[]] for name in fields}]


def test_every_endpoint_answers_bad_bodies_in_plain_words(api_as: Any, alice: Any) -> None:
    api = api_as(alice)
    schema = api.client.get("/api/v1/openapi.json").json()
    checked = 0
    for path, operations in schema["paths"].items():
        for method, operation in operations.items():
            if "requestBody" not in operation:
                continue
            url = re.sub(r"\{[^}]+\}", "1", path.removeprefix("/api/v1"))
            for body in _bodies(schema, operation):
                response = api.call(method, url, body)
                if response.status_code != 422:
                    continue
                detail = response.json()["detail"]
                assert isinstance(detail, list) and detail, (method, path)
                for item in detail:
                    assert set(item) == {"loc", "msg"}, item
                    assert not PYDANTIC.search(item["msg"]), (method, path, item)
                    checked += 1
    assert checked > 50, "the sweep reached the endpoints"


MOOD = "Pick how you feel, from 1 (very low) to 5 (very good)."


# The check-in's own service words reach people (not a mapped pydantic message): the field is in `loc`.
@pytest.mark.parametrize(("body", "loc", "msg"), [
    ({"safety": "safe"}, ["body", "mood"], MOOD),
    ({"mood": "3", "safety": "safe"}, ["body", "mood"], MOOD),
    ({"mood": 9, "safety": "safe"}, ["body", "mood"], MOOD),
    ({"mood": 0, "safety": "safe"}, ["body", "mood"], MOOD),
    ({"mood": 3, "safety": "safe", "note": "x" * 5001}, ["body", "note"], "Please keep this to 5,000 characters."),
])
def test_checkin_mistakes_name_the_field_and_the_fix(api_as: Any, alice: Any, body: Any, loc: list[Any],
                                                     msg: str) -> None:
    response = api_as(alice).post("/checkins", body)
    assert response.status_code == 422
    assert {"loc": loc, "msg": msg} in response.json()["detail"]


def test_an_empty_name_and_a_missing_password_at_sign_in(api_as: Any, alice: Any) -> None:
    response = api_as(None).post("/auth/token", {"username": ""})
    assert response.status_code == 422
    assert response.json()["detail"] == [
        {"loc": ["body", "username"], "msg": "username: write something here. It can't be empty."},
        {"loc": ["body", "password"], "msg": "password: this is needed."},
    ]


@pytest.mark.parametrize(("error", "words"), [
    ({"type": "literal_error", "loc": ("body", "size"), "ctx": {"expected": "'tiny', 'small' or 'stretch'"}},
     "size: pick one of 'tiny', 'small' or 'stretch'."),
    ({"type": "value_error", "loc": ("body", "rrule"), "msg": "Value error, Use FREQ=DAILY or FREQ=WEEKLY."},
     "Use FREQ=DAILY or FREQ=WEEKLY."),
    ({"type": "list_type", "loc": ("body", "thoughts", 1)}, "thoughts.1: use a list, like [1, 2]."),
    ({"type": "model_type", "loc": ("body",)}, 'Use an object with named parts, like {"name": "..."}.'),
    ({"type": "something_new", "loc": ("query", "on"), "msg": "Input should be odd"},
     "on: this isn't in a form rebond can use. Check its type and format."),
])
def test_plain_words_for_each_kind_of_problem(error: dict[str, Any], words: str) -> None:
    assert plain_words(error) == words
