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


def fhir_base() -> str:
    """Where this deployment's FHIR canonical URLs start (``REBOND_FHIR_BASE``, checked at start)."""
    from rebond.domain.fhir import DEFAULT_BASE

    return str(getattr(settings, "FHIR_BASE", "") or DEFAULT_BASE).rstrip("/")


def enabled_instrument_ids() -> list[str]:
    off = disabled_instruments()
    return [i for i in INSTRUMENT_IDS if i not in off]


def cut_off_for(instrument_id: str) -> int | None:
    """This deployment's cut-off where the instrument lets it choose one (``REBOND_PCL5_CUTOFF``), else None."""
    return int(getattr(settings, "PCL5_CUTOFF", 33)) if instrument_id == "pcl5" else None


def configured(instrument_id: str) -> Instrument:
    """The instrument as this deployment scores and words it (its chosen cut-off), enabled or not."""
    return load(instrument_id, cut_off=cut_off_for(instrument_id))


def instrument_for(instrument_id: str) -> Instrument:
    if instrument_id not in enabled_instrument_ids():
        raise Http404("No such questionnaire.")
    return configured(instrument_id)


def response_for(*, user: Any, instrument_id: str, response_id: int) -> MeasureResponse:
    instrument_for(instrument_id)
    response = MeasureResponse.objects.filter(user=user, instrument=instrument_id, pk=response_id).first()
    if response is None:
        raise Http404("No such answers.")
    return response


def response_for_change(*, user: Any, instrument_id: str, response_id: int) -> MeasureResponse:
    """Like response_for, to delete: someone the owner shares their questionnaires with gets 403 (PermissionDenied),
    since a share is read-only; anyone else 404."""
    from rebond.care import access

    instrument_for(instrument_id)
    response = MeasureResponse.objects.filter(user=user, instrument=instrument_id, pk=response_id).first()
    if response is None:
        owner_id = (MeasureResponse.objects.filter(instrument=instrument_id, pk=response_id)
                    .values_list("user_id", flat=True).first())
        access.refuse_shared_write(user, owner_id, "measures")
        raise Http404("No such answers.")
    return response
