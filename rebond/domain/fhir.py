"""FHIR R4 Questionnaire and QuestionnaireResponse builders. Pure: no Django, no clock.

* LOINC codes are used where the instrument's YAML gives them (PHQ-9 panel, items
  and answers; GAD-7 panel, items and answers; PCL-5 panel and score); everything
  else is coded in a local code system, ``https://rebond.invalid/fhir/CodeSystem/<id>``,
  with items coded ``q<n>`` and answers ``a<value>``.
* The canonical URL names the instrument and, where LOINC has a panel, its code
  (ARCHITECTURE.md "FHIR"), e.g. ``https://rebond.invalid/fhir/Questionnaire/phq9-44249-1``.
* Each scored answer option carries the R4 ``ordinalValue`` extension: what that
  answer adds to the total (reversed items count from the other end). Unscored
  items (PHQ-9 item 10) carry none.
* The total score is an item only where LOINC defines one (44261-6, 70274-6, 101698-9).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from rebond.domain.instruments import Anchor, Instrument, Item, load, score

LOINC_SYSTEM = "http://loinc.org"
ORDINAL_VALUE_URL = "http://hl7.org/fhir/StructureDefinition/ordinalValue"
BASE_URL = "https://rebond.invalid/fhir"
TOTAL_LINK_ID = "total"

_FHIR_ID = re.compile(r"^[A-Za-z0-9\-.]{1,64}$")


def code_system_url(instrument_id: str) -> str:
    return f"{BASE_URL}/CodeSystem/{instrument_id}"


def questionnaire_id(instrument_id: str) -> str:
    panel = load(instrument_id).loinc_panel
    return f"{instrument_id}-{panel.loinc}" if panel else instrument_id


def questionnaire_url(instrument_id: str) -> str:
    """The canonical URL a QuestionnaireResponse points at."""
    return f"{BASE_URL}/Questionnaire/{questionnaire_id(instrument_id)}"


def link_id(item: Item) -> str:
    return f"q{item.number}"


def _item_coding(instrument: Instrument, item: Item) -> dict[str, str]:
    if item.loinc:
        return {"system": LOINC_SYSTEM, "code": item.loinc, "display": item.text}
    return {"system": code_system_url(instrument.id), "code": link_id(item), "display": item.text}


def _answer_coding(instrument: Instrument, anchor: Anchor) -> dict[str, str]:
    if anchor.loinc:
        return {"system": LOINC_SYSTEM, "code": anchor.loinc, "display": anchor.label}
    return {"system": code_system_url(instrument.id), "code": f"a{anchor.value}", "display": anchor.label}


def _answer_option(instrument: Instrument, item: Item, anchor: Anchor) -> dict[str, Any]:
    option: dict[str, Any] = {"valueCoding": _answer_coding(instrument, anchor)}
    if item.scored:
        option["extension"] = [{"url": ORDINAL_VALUE_URL, "valueDecimal": item.weight(anchor.value)}]
    return option


def _total_item(instrument: Instrument) -> dict[str, Any] | None:
    if instrument.loinc_total is None:
        return None
    coding = {
        "system": LOINC_SYSTEM,
        "code": instrument.loinc_total.loinc,
        "display": instrument.loinc_total.label,
    }
    return {
        "linkId": TOTAL_LINK_ID,
        "code": [coding],
        "text": "Total score",
        "type": "integer",
        "readOnly": True,
    }


def questionnaire_resource(instrument_id: str) -> dict[str, Any]:
    """A FHIR R4 Questionnaire for one instrument, as a JSON-ready dict."""
    instrument = load(instrument_id)
    items: list[dict[str, Any]] = [
        {
            "linkId": link_id(item),
            "prefix": str(item.number),
            "code": [_item_coding(instrument, item)],
            "text": item.text,
            "type": "choice",
            "required": not item.optional,
            "answerOption": [_answer_option(instrument, item, anchor) for anchor in item.answers],
        }
        for item in instrument.items
    ]
    total = _total_item(instrument)
    if total:
        items.append(total)
    resource: dict[str, Any] = {
        "resourceType": "Questionnaire",
        "id": questionnaire_id(instrument_id),
        "url": questionnaire_url(instrument_id),
        "version": str(instrument.content_version),
        "name": instrument.id.upper(),
        "title": instrument.full_title,
        "status": "active",
        "subjectType": ["Patient"],
        "publisher": "rebond",
        "description": instrument.intro,
        "copyright": instrument.credit,
        "item": items,
    }
    if instrument.loinc_panel:
        resource["code"] = [
            {
                "system": LOINC_SYSTEM,
                "code": instrument.loinc_panel.loinc,
                "display": instrument.loinc_panel.label,
            }
        ]
    return resource


def questionnaire_response(
    instrument_id: str,
    answers: Sequence[int],
    *,
    authored: datetime,
    response_id: str,
    subject_ref: str | None,
) -> dict[str, Any]:
    """A completed FHIR R4 QuestionnaireResponse for one scored answer set.

    ``answers`` are checked exactly as ``score()`` checks them (``AnswerError``).
    ``authored`` must carry a timezone: FHIR dateTimes with a time need one.
    """
    if not _FHIR_ID.match(response_id):
        raise ValueError("response_id must be 1-64 letters, digits, '-' or '.'.")
    if authored.tzinfo is None or authored.utcoffset() is None:
        raise ValueError("authored needs a timezone.")
    instrument = load(instrument_id)
    result = score(instrument_id, answers)
    items: list[dict[str, Any]] = []
    for item, value in zip(instrument.items, result.answers, strict=False):
        items.append(
            {
                "linkId": link_id(item),
                "text": item.text,
                "answer": [{"valueCoding": _answer_coding(instrument, item.anchor(value))}],
            }
        )
    total = _total_item(instrument)
    if total and isinstance(result.total, int):
        items.append(
            {"linkId": TOTAL_LINK_ID, "text": total["text"], "answer": [{"valueInteger": result.total}]}
        )
    resource: dict[str, Any] = {
        "resourceType": "QuestionnaireResponse",
        "id": response_id,
        "questionnaire": questionnaire_url(instrument_id),
        "status": "completed",
        "authored": authored.isoformat(),
        "item": items,
    }
    if subject_ref:
        resource["subject"] = {"reference": subject_ref}
    return resource
