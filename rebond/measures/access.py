"""Access helpers: each returns the thing or raises 404 (someone else's, disabled, or missing).

A disabled instrument (``REBOND_DISABLED_INSTRUMENTS``) is a 404 everywhere, exactly like one
that never existed.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import Http404

from rebond.domain.instruments import INSTRUMENT_IDS, Instrument, load
from rebond.measures.models import MeasureResponse


def disabled_instruments() -> set[str]:
    return {str(i).strip().lower() for i in getattr(settings, "DISABLED_INSTRUMENTS", []) if str(i).strip()}


def enabled_instrument_ids() -> list[str]:
    off = disabled_instruments()
    return [i for i in INSTRUMENT_IDS if i not in off]


def instrument_for(instrument_id: str) -> Instrument:
    if instrument_id not in enabled_instrument_ids():
        raise Http404("No such questionnaire.")
    return load(instrument_id)


def response_for(*, user: Any, instrument_id: str, response_id: int) -> MeasureResponse:
    instrument_for(instrument_id)
    response = MeasureResponse.objects.filter(user=user, instrument=instrument_id, pk=response_id).first()
    if response is None:
        raise Http404("No such answers.")
    return response
