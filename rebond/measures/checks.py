"""System checks for the measures settings: rebond refuses to start with a value it can't use."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from django.conf import settings
from django.core.checks import Error, register


def fhir_base_problem(base: str) -> str:
    """Why ``base`` can't start FHIR canonical URLs, or "" when it can: an absolute http(s) URL with a host and
    no query or fragment (the resource type and id are added after it)."""
    parts = urlsplit(base)
    if parts.scheme not in {"http", "https"} or not parts.netloc:
        return "needs to be a full web address starting with https:// (or http://), like https://fhir.example.org/fhir"
    if parts.query or parts.fragment:
        return "can't have a ? or # part, because rebond adds /Questionnaire/<id> after it"
    return ""


@register()
def check_fhir_base(app_configs: Any, **kwargs: Any) -> list[Error]:
    problem = fhir_base_problem(str(getattr(settings, "FHIR_BASE", "")))
    if problem:
        return [Error(f"REBOND_FHIR_BASE {problem}.", id="rebond.measures.E001")]
    return []


@register()
def check_pcl5_cutoff(app_configs: Any, **kwargs: Any) -> list[Error]:
    from rebond.domain.instruments import load

    try:
        load("pcl5", cut_off=getattr(settings, "PCL5_CUTOFF", 33))
    except ValueError as exc:
        return [Error(f"REBOND_PCL5_CUTOFF: {exc}", hint="33 is the usual cut-off; 31 is used when screening.",
                      id="rebond.measures.E002")]
    return []
