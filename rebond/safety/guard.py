"""The one guard every free-text write passes, before anything else is done with the text.

Services call `guard_texts(user=..., texts=[...])` first; the result goes back to the interface, which shows the
calm crisis page (web) or returns `"crisis": {...}` beside the saved object (API). The entry is always saved.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any


@dataclass(frozen=True)
class GuardResult:
    detected: bool = False
    plan_or_means: bool = False
    harmed_by_other: bool = False
    region: str | None = None
    categories: frozenset[str] = field(default_factory=frozenset)

    def resources(self) -> list[dict[str, Any]]:
        from rebond.domain import helplines

        if not (self.detected or self.harmed_by_other):
            return []
        lines = list(helplines.lines_for(self.region))
        if self.harmed_by_other:
            dv = helplines.dv_lines_for(self.region)
            lines = dv + [line for line in lines if line not in dv]
        return [_line_dict(line) for line in lines]

    def as_payload(self) -> dict[str, Any]:
        """The `crisis` object of the API contract. Never includes the words that matched."""
        from rebond.domain import helplines

        return {
            "detected": self.detected,
            "harmed_by_other": self.harmed_by_other,
            "emergency_number": helplines.emergency_number(self.region),
            "resources": self.resources(),
        }


def _line_dict(line: Any) -> dict[str, Any]:
    data = asdict(line)
    return {k: (v.isoformat() if isinstance(v, date) else v) for k, v in data.items()}


def guard_texts(*, texts: Iterable[str | None], region: str | None = None) -> GuardResult:
    from rebond.domain import crisis  # imported late: the lexicon loads on first use

    detected = plan = harmed = False
    categories: set[str] = set()
    for text in texts:
        if not text:
            continue
        result = crisis.check(text)
        detected = detected or result.detected
        plan = plan or result.level == "plan_or_means"
        harmed = harmed or result.harmed_by_other
        categories |= set(result.categories)
    return GuardResult(
        detected=detected, plan_or_means=plan, harmed_by_other=harmed, region=region or None,
        categories=frozenset(categories),
    )


def guard_for(user: Any, *texts: str | None) -> GuardResult:
    region = getattr(user, "region", "") or None
    return guard_texts(texts=texts, region=region)
