"""Interfaces call services and selectors, never the ORM (ARCHITECTURE.md, layer 3): the accounts and core pages and
API, and every command line module, which find accounts through the one lookup in rebond/cli.py."""

from __future__ import annotations

import ast
from pathlib import Path
from typing import Any

import pytest

from rebond.cli import RebondError, account
from tests.conftest import make_user

REBOND = Path(__file__).resolve().parents[2] / "rebond"
INTERFACES = sorted({*REBOND.glob("accounts/views*.py"), *REBOND.glob("accounts/api*.py"),
                     *REBOND.glob("core/views*.py"), REBOND / "cli.py", *REBOND.glob("*/cli.py")})


def _orm_calls(path: Path) -> list[str]:
    """Every `<something>.objects` in the module: a model manager, so a query made outside the data layer."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return [f"{path.relative_to(REBOND)}:{node.lineno}" for node in ast.walk(tree)
            if isinstance(node, ast.Attribute) and node.attr == "objects"]


def test_the_interfaces_are_found() -> None:
    names = {str(p.relative_to(REBOND)) for p in INTERFACES}
    assert {"accounts/views.py", "accounts/api.py", "core/views.py", "cli.py", "promises/cli.py"} <= names


@pytest.mark.parametrize("path", INTERFACES, ids=lambda p: str(p.relative_to(REBOND)))
def test_interfaces_make_no_queries_of_their_own(path: Path) -> None:
    assert not _orm_calls(path), "query through a selector or service instead"


@pytest.mark.django_db
def test_one_account_lookup_for_every_command(alice: Any) -> None:
    assert account("alice") == alice
    with pytest.raises(RebondError, match="no account named 'nobody'"):
        account("nobody")
    assert account("", or_the_only_one=True) == alice
    make_user("bea")
    with pytest.raises(RebondError, match="--user NAME"):
        account("", or_the_only_one=True)
