"""Is a trust estimate resting on evidence that is fading? (trust-model.md §7: "When evidence fades — E drifting
toward the base rate with u rising — say 'little recent evidence'. Do not present it as trust going up.")

Pure: no Django, no clock; the evaluation day is passed in.
"""

from __future__ import annotations

from datetime import date

from rebond.domain.trust import Prepared, score, series

# Nothing dated in the last four weeks (the "Lately" panel's window) means there is little recent evidence.
RECENT_DAYS = 28
# Or the uncertainty has grown this much since its lowest point: the evidence is thinning, even if a little came in.
# Between regular entries u only wobbles (about 2% at two entries a week), so a quarter more is a real change.
GROWTH = 1.25


def fading(prepared: Prepared, on: date, *, recent_days: int = RECENT_DAYS, growth: float = GROWTH) -> bool:
    """True when the estimate on ``on`` has enough evidence to show (status isn't ``not_enough_evidence``) but that
    evidence is fading: nothing dated within the last ``recent_days`` days (``on`` included), or the uncertainty on
    ``on`` is at least ``growth`` times its lowest value on any day since the first event."""
    now = score(prepared, on, prepared.model, prepared.params, repair_credit=prepared.repair_credit)
    if now.status == "not_enough_evidence" or not now.events:
        return False
    days = [w.day for w in now.events]
    if all((on - day).days >= recent_days for day in days):
        return True
    history = series(prepared, min(days), on, prepared.model, prepared.params, repair_credit=prepared.repair_credit)
    lowest = min(point.uncertainty for point in history)
    return now.uncertainty >= growth * lowest
