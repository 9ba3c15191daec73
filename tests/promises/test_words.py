"""No streaks, no red failure marks, no shaming words: in every template and in the promises' message catalogue."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2] / "rebond"

SHAMING = re.compile(
    r"\b(?:fail(?:ure|ures|ed|s|ing)?|lazy|laziness|weak|weakness|pathetic|worthless|stupid|loser|useless"
    r"|should(?:n't| not)? have|should've|streaks?|non-?compliant|liar|abuser|broke your|broken chain"
    r"|disappointing|no excuses?|you blew it|shame on|try harder|giving up)\b",
    re.IGNORECASE,
)
# A listed word may appear only inside these exact phrases, where the sentence says the opposite of shaming.
ALLOWED = {
    ("measures/templates/measures/index.html", "not a test you can fail"),
}
RED_MARKS = re.compile(r"[\u2717\u2718\u274c\u274e\u2716]|#f00\b|#ff0000\b|\bcolor:\s*red\b|fill=\"red\"", re.IGNORECASE)


@pytest.fixture(autouse=True)
def _fast_hashing() -> None:
    """Pure file scan (shadows the conftest fixture)."""


def templates() -> list[Path]:
    found = sorted(ROOT.rglob("*.html")) + sorted(ROOT.rglob("templates/**/*.txt"))
    return [p for p in found if "static" not in p.parts]


def catalogue_texts() -> list[tuple[str, str]]:
    """Text a person reads from the promises app: its YAML catalogue and every string in its Python modules."""
    out = [("content/promises.yaml", (ROOT / "content" / "promises.yaml").read_text(encoding="utf-8"))]
    for module in sorted((ROOT / "promises").glob("*.py")):
        tree = ast.parse(module.read_text(encoding="utf-8"))
        strings = [n.value for n in ast.walk(tree) if isinstance(n, ast.Constant) and isinstance(n.value, str)]
        out.append((f"promises/{module.name}", "\n".join(strings)))
    return out


def findings(name: str, text: str) -> list[str]:
    for allowed_in, phrase in ALLOWED:
        if name.endswith(allowed_in):
            text = text.replace(phrase, "")
    found = [f"{name}: {m.group()!r}" for m in SHAMING.finditer(text)]
    found += [f"{name}: red mark {m.group()!r}" for m in RED_MARKS.finditer(text)]
    return found


def test_templates_hold_no_shaming_words_or_red_marks() -> None:
    paths = templates()
    assert any(p.name == "_card.html" for p in paths)
    bad = [f for p in paths for f in findings(str(p.relative_to(ROOT)), p.read_text(encoding="utf-8"))]
    assert not bad, "shaming words or red marks:\n" + "\n".join(bad)


def test_promise_messages_hold_no_shaming_words() -> None:
    bad = [f for name, text in catalogue_texts() for f in findings(name, text)]
    assert not bad, "shaming words:\n" + "\n".join(bad)


def test_promise_styles_have_no_red() -> None:
    css = (ROOT / "static" / "rebond" / "promises.css").read_text(encoding="utf-8")
    assert not RED_MARKS.search(css) and "--error" not in css


def test_allowlist_is_current() -> None:
    for relative, phrase in ALLOWED:
        assert phrase in (ROOT / relative).read_text(encoding="utf-8"), f"remove the stale allowlist entry {relative}"


@pytest.mark.parametrize("text", ["You failed today", "Streak lost!", "Don't be lazy", "You should have tried"])
def test_the_scan_catches_shaming_words(text: str) -> None:
    assert findings("x.html", text)


def test_a_well_supported_estimate_is_described_as_evidence_not_praise() -> None:
    """Beside a low estimate, "Your record supports this well." read like praise for it."""
    from dataclasses import replace
    from datetime import date

    from rebond.domain import trust
    from rebond.promises import words

    events = [trust.TrustEvent(str(i), date(2026, 1, 1), "missed") for i in range(40)]
    point = trust.score(events, date(2026, 1, 2), "self_trust")
    assert point.status == "well_supported" and point.estimate < 0.3
    said = words.status_words(point)
    assert said == "There is enough evidence behind this estimate."
    assert "well" not in said.lower() and "supports" not in said.lower()
    assert words.status_words(replace(point, status="early")).startswith("Early days")
