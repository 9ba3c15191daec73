"""Pure domain modules import nothing from Django and read no clock (ARCHITECTURE.md, layer 1; STYLE.md habit 2).

Every ``.py`` file under ``rebond/domain/`` is checked, so modules added later are covered without editing this test.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest


@pytest.fixture(autouse=True)
def _fast_hashing() -> None:
    """Shadows tests/conftest.py's autouse fixture of this name, which needs pytest-django's ``settings``: these
    tests are pure and must also run with ``-p no:django`` (no Django settings at all)."""


DOMAIN = Path(__file__).resolve().parents[2] / "rebond" / "domain"
FORBIDDEN_CLOCKS = frozenset(
    {
        "datetime.datetime.now",
        "datetime.datetime.utcnow",
        "datetime.datetime.today",
        "datetime.date.today",
        "time.time",
        "time.time_ns",
    }
)


def _dotted(node: ast.expr) -> str | None:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        base = _dotted(node.value)
        return None if base is None else f"{base}.{node.attr}"
    return None


def violations(source: str, filename: str = "<source>") -> list[str]:
    """Django imports and clock reads in ``source``, as "line: what" strings.

    Names are resolved through the module's imports, so ``from datetime import date as d; d.today()`` and
    ``from time import time`` are caught as well as ``datetime.now()``. A reference counts even without a call
    (``clock = datetime.now`` would smuggle the clock in)."""
    tree = ast.parse(source, filename)
    aliases: dict[str, str] = {}
    found: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.split(".")[0] == "django":
                    found.append(f"{node.lineno}: imports {alias.name}")
                if alias.asname:
                    aliases[alias.asname] = alias.name
                else:
                    top = alias.name.split(".")[0]
                    aliases[top] = top
        elif isinstance(node, ast.ImportFrom) and node.module is not None and node.level == 0:
            if node.module.split(".")[0] == "django":
                found.append(f"{node.lineno}: imports from {node.module}")
            for alias in node.names:
                aliases[alias.asname or alias.name] = f"{node.module}.{alias.name}"
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute | ast.Name) and not isinstance(
            getattr(node, "ctx", None), ast.Store
        ):
            dotted = _dotted(node)
            if dotted is None:
                continue
            head, _, rest = dotted.partition(".")
            resolved = aliases.get(head, head) + (f".{rest}" if rest else "")
            if resolved in FORBIDDEN_CLOCKS:
                found.append(f"{node.lineno}: reads the clock via {dotted}")
        if isinstance(node, ast.ImportFrom) and node.module is not None:
            for alias in node.names:
                if f"{node.module}.{alias.name}" in FORBIDDEN_CLOCKS:
                    found.append(f"{node.lineno}: imports the clock {node.module}.{alias.name}")
    return sorted(set(found))


DOMAIN_MODULES = sorted(DOMAIN.rglob("*.py"))


def test_domain_package_has_modules() -> None:
    assert DOMAIN_MODULES, f"no modules found under {DOMAIN}"


@pytest.mark.parametrize("path", DOMAIN_MODULES, ids=lambda p: str(p.relative_to(DOMAIN)))
def test_domain_module_is_pure(path: Path) -> None:
    problems = violations(path.read_text(encoding="utf-8"), str(path))
    assert not problems, f"{path.relative_to(DOMAIN.parents[1])} is not pure:\n" + "\n".join(problems)


@pytest.mark.parametrize(
    "source",
    [
        "import django",
        "from django.db import models",
        "import django.utils.timezone as tz",
        "from datetime import datetime\nx = datetime.now()",
        "import datetime\nx = datetime.datetime.utcnow()",
        "import datetime as dt\nx = dt.date.today()",
        "from datetime import date as d\nx = d.today()",
        "import time\nx = time.time()",
        "from time import time\nx = time()",
        "from datetime import datetime\nclock = datetime.now",
    ],
)
def test_checker_catches_impurity(source: str) -> None:
    assert violations(source)


@pytest.mark.parametrize(
    "source",
    [
        "from datetime import date, timedelta\nx = date(2024, 1, 1) + timedelta(days=1)",
        "import math\nx = math.exp2(3)",
        "def now(on):\n    return on",
        "from datetime import date\nx = date.fromisoformat('2024-01-01')",
    ],
)
def test_checker_accepts_pure_code(source: str) -> None:
    assert violations(source) == []
