"""FHIR R4 Questionnaire and QuestionnaireResponse builders. Pure: no Django, no clock.

* Canonical URLs start from a base the deployment chooses (``REBOND_FHIR_BASE``; every
  builder takes it as ``base``, by default ``https://rebond.invalid/fhir``, a name that
  can never resolve).
* LOINC codes are used where the instrument's YAML gives them (PHQ-9 panel, items
  and answers; GAD-7 panel, items and answers; PCL-5 panel and score); everything
  else is coded in a local code system, ``<base>/CodeSystem/<id>``, with items coded
  ``q<n>`` and answers ``a<value>``. ``code_system_resource`` is that CodeSystem.
* The canonical URL names the instrument and, where LOINC has a panel, its code
  (ARCHITECTURE.md "FHIR"), e.g. ``<base>/Questionnaire/phq9-44249-1``.
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

from rebond.domain.instruments import Anchor, ContentError, Instrument, Item, load, score

LOINC_SYSTEM = "http://loinc.org"
ORDINAL_VALUE_URL = "http://hl7.org/fhir/StructureDefinition/ordinalValue"
DEFAULT_BASE = "https://rebond.invalid/fhir"
TOTAL_LINK_ID = "total"

_FHIR_ID = re.compile(r"^[A-Za-z0-9\-.]{1,64}$")


def code_system_url(instrument_id: str, base: str = DEFAULT_BASE) -> str:
    return f"{base}/CodeSystem/{instrument_id}"


def questionnaire_id(instrument_id: str) -> str:
    panel = load(instrument_id).loinc_panel
    return f"{instrument_id}-{panel.loinc}" if panel else instrument_id


def questionnaire_url(instrument_id: str, base: str = DEFAULT_BASE) -> str:
    """The canonical URL a QuestionnaireResponse points at."""
    return f"{base}/Questionnaire/{questionnaire_id(instrument_id)}"


def link_id(item: Item) -> str:
    return f"q{item.number}"


def _item_coding(instrument: Instrument, item: Item, base: str) -> dict[str, str]:
    if item.loinc:
        return {"system": LOINC_SYSTEM, "code": item.loinc, "display": item.text}
    return {"system": code_system_url(instrument.id, base), "code": link_id(item), "display": item.text}


def _answer_coding(instrument: Instrument, anchor: Anchor, base: str) -> dict[str, str]:
    if anchor.loinc:
        return {"system": LOINC_SYSTEM, "code": anchor.loinc, "display": anchor.label}
    return {"system": code_system_url(instrument.id, base), "code": f"a{anchor.value}", "display": anchor.label}


def _answer_option(instrument: Instrument, item: Item, anchor: Anchor, base: str) -> dict[str, Any]:
    option: dict[str, Any] = {"valueCoding": _answer_coding(instrument, anchor, base)}
    if item.scored:
        option["extension"] = [{"url": ORDINAL_VALUE_URL, "valueDecimal": item.weight(anchor.value)}]
    return option


def local_codes(instrument_id: str) -> list[dict[str, str]]:
    """The codes the instrument uses from its local code system (those LOINC doesn't give), items first.
    Empty for an instrument coded wholly in LOINC (PHQ-9, GAD-7)."""
    instrument = load(instrument_id)
    concepts = [{"code": link_id(item), "display": item.text} for item in instrument.items if not item.loinc]
    answers: dict[str, str] = {}
    for item in instrument.items:
        for anchor in item.answers:
            if anchor.loinc:
                continue
            code = f"a{anchor.value}"
            if answers.setdefault(code, anchor.label) != anchor.label:  # one code, one meaning
                raise ContentError(f"{instrument_id}: answer {anchor.value} reads both {answers[code]!r} and "
                                   f"{anchor.label!r}; a local code can't mean two things")
    return concepts + [{"code": code, "display": label} for code, label in answers.items()]


def code_system_resource(instrument_id: str, *, base: str = DEFAULT_BASE) -> dict[str, Any] | None:
    """The FHIR R4 CodeSystem for the instrument's local codes, as a JSON-ready dict; None when it has none."""
    concepts = local_codes(instrument_id)
    if not concepts:
        return None
    instrument = load(instrument_id)
    return {
        "resourceType": "CodeSystem",
        "id": instrument.id,
        "url": code_system_url(instrument.id, base),
        "version": str(instrument.content_version),
        "name": f"{instrument.id.upper()}Codes",
        "title": f"{instrument.full_title}: questions and answers",
        "status": "active",
        "publisher": "rebond",
        "description": f"The codes rebond uses for the {instrument.title}'s questions (q1, q2, ...) and answers "
                       "(a0, a1, ...) where LOINC has none.",
        "copyright": instrument.credit,
        "caseSensitive": True,
        "content": "complete",
        "count": len(concepts),
        "concept": concepts,
    }


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


def questionnaire_resource(instrument_id: str, *, base: str = DEFAULT_BASE) -> dict[str, Any]:
    """A FHIR R4 Questionnaire for one instrument, as a JSON-ready dict."""
    instrument = load(instrument_id)
    items: list[dict[str, Any]] = [
        {
            "linkId": link_id(item),
            "prefix": str(item.number),
            "code": [_item_coding(instrument, item, base)],
            "text": item.text,
            "type": "choice",
            "required": not item.optional,
            "answerOption": [_answer_option(instrument, item, anchor, base) for anchor in item.answers],
        }
        for item in instrument.items
    ]
    total = _total_item(instrument)
    if total:
        items.append(total)
    resource: dict[str, Any] = {
        "resourceType": "Questionnaire",
        "id": questionnaire_id(instrument_id),
        "url": questionnaire_url(instrument_id, base),
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
    base: str = DEFAULT_BASE,
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
                "answer": [{"valueCoding": _answer_coding(instrument, item.anchor(value), base)}],
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
        "questionnaire": questionnaire_url(instrument_id, base),
        "status": "completed",
        "authored": authored.isoformat(),
        "item": items,
    }
    if subject_ref:
        resource["subject"] = {"reference": subject_ref}
    return resource
