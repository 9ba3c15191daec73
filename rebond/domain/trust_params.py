"""Parameters of the trust model (trust-model.md §4.1 and §4.3).

Every weight, half-life and threshold the model uses lives here, in one frozen object. They are design choices
grounded in the literature the design cites, not fitted values. ``TrustParams()`` equals the ``params`` block of
``trust-vectors.json``; ``TrustParams.from_mapping`` reads that block (or a deployment's own) back in.
Pure module: standard library only.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any, Literal

Model = Literal["self_trust", "interpersonal_trust"]
MODELS: tuple[Model, ...] = ("self_trust", "interpersonal_trust")
BREACH_CLASSES = ("competence", "integrity")
REPAIR_KINDS = ("apology", "amends")


def _finite(x: float) -> bool:
    return isinstance(x, int | float) and math.isfinite(x)


@dataclass(frozen=True)
class KindSpec:
    """Evidence one event of a kind carries on its own date, before forgetting.

    ``pos``/``neg`` are the r/s weights (``neg`` is multiplied by the event's severity). A ``graded`` kind uses the
    event's value instead: r = value, s = 1 − value. ``half_life`` is in days and is ``None`` exactly for repair
    kinds, which decay with the half-life of the breach they repair. ``breach_class`` marks negative events that
    a repair may point at; ``repair`` names the repair rule ("apology" or "amends").
    """

    pos: float
    neg: float
    half_life: float | None
    breach_class: str | None = None
    repair: str | None = None
    graded: bool = False

    def __post_init__(self) -> None:
        if not (_finite(self.pos) and _finite(self.neg) and self.pos >= 0 and self.neg >= 0):
            raise ValueError("pos and neg must be finite and non-negative")
        if (self.half_life is None) != (self.repair is not None):
            raise ValueError("exactly the repair kinds take their half-life from the breach")
        if self.half_life is not None and not (_finite(self.half_life) and self.half_life > 0):
            raise ValueError("half_life must be a positive number of days")
        if self.breach_class is not None and (self.breach_class not in BREACH_CLASSES or self.neg <= 0):
            raise ValueError(f"breach_class must be one of {BREACH_CLASSES} on a kind with negative weight")
        if self.repair is not None and self.repair not in REPAIR_KINDS:
            raise ValueError(f"repair must be one of {REPAIR_KINDS}")


@dataclass(frozen=True)
class ModelParams:
    """Parameters of one model (self-trust or interpersonal trust).

    ``prior_weight`` is W and ``base_rate`` is a of §4.2. Status is ``not_enough_evidence`` while
    u > ``u_insufficient``, ``early`` while u > ``u_tentative``. ``frequency_scaling`` divides a half-life by
    √min(freq, 1). ``repair_fraction`` maps "repair/breach_class" to the share f of the breach's weight a repair
    earns; ``repair_cap`` caps the total share per breach. Severities must lie in [severity_min, severity_max].
    Mappings are stored read-only.
    """

    base_rate: float
    prior_weight: float
    u_insufficient: float
    u_tentative: float
    kinds: Mapping[str, KindSpec]
    frequency_scaling: bool = False
    repair_cap: float = 0.0
    repair_fraction: Mapping[str, float] = field(default_factory=dict)
    severity_min: float = 0.5
    severity_max: float = 3.0

    def __post_init__(self) -> None:
        object.__setattr__(self, "kinds", MappingProxyType(dict(self.kinds)))
        object.__setattr__(self, "repair_fraction", MappingProxyType(dict(self.repair_fraction)))
        if not 0 < self.base_rate < 1:
            raise ValueError("base_rate must lie strictly between 0 and 1")
        if not (_finite(self.prior_weight) and self.prior_weight > 0):
            raise ValueError("prior_weight must be positive")
        if not 0 < self.u_tentative <= self.u_insufficient < 1:
            raise ValueError("need 0 < u_tentative <= u_insufficient < 1")
        if not (_finite(self.repair_cap) and self.repair_cap >= 0):
            raise ValueError("repair_cap must be non-negative")
        if not 0 < self.severity_min <= 1 <= self.severity_max < math.inf:
            raise ValueError("severity bounds must enclose the default severity 1")
        classes = {spec.breach_class for spec in self.kinds.values() if spec.breach_class}
        for name, spec in self.kinds.items():
            for cls in classes if spec.repair else ():
                f = self.repair_fraction.get(f"{spec.repair}/{cls}")
                if f is None or not (_finite(f) and f >= 0):
                    raise ValueError(f"repair_fraction needs a non-negative '{spec.repair}/{cls}' for {name}")

    @classmethod
    def from_mapping(cls, data: Mapping[str, Any]) -> ModelParams:
        """Build from the JSON shape of trust-vectors.json (unknown keys such as a kind's "note" are ignored)."""
        kinds = {
            name: KindSpec(
                pos=float(k["pos"]),
                neg=float(k["neg"]),
                half_life=None if k.get("half_life") is None else float(k["half_life"]),
                breach_class=k.get("breach_class"),
                repair=k.get("repair"),
                graded=bool(k.get("graded", False)),
            )
            for name, k in data["kinds"].items()
        }
        optional = ("frequency_scaling", "repair_cap", "repair_fraction", "severity_min", "severity_max")
        return cls(
            base_rate=float(data["base_rate"]),
            prior_weight=float(data["prior_weight"]),
            u_insufficient=float(data["u_insufficient"]),
            u_tentative=float(data["u_tentative"]),
            kinds=kinds,
            **{key: data[key] for key in optional if key in data},
        )


def _default_self_trust() -> ModelParams:
    # Symmetric kept/missed on purpose (Lally; Luchies); excused is Loop's SKIP: no evidence, no penalty.
    h = 30.0
    return ModelParams(
        base_rate=0.5,
        prior_weight=2.0,
        u_insufficient=0.4,
        u_tentative=0.2,
        frequency_scaling=True,
        kinds={
            "kept": KindSpec(1.0, 0.0, h),
            "missed": KindSpec(0.0, 1.0, h),
            "partial": KindSpec(0.0, 0.0, h, graded=True),
            "excused": KindSpec(0.0, 0.0, h),
        },
    )


def _default_interpersonal_trust() -> ModelParams:
    # Broken promise s = 2 (moderate negativity asymmetry); a lie s = 5 with a 180-day memory (Kim et al.;
    # Schweitzer et al.); observations of character r = 0.5 because they are softer evidence than a kept promise.
    h, h_integrity = 90.0, 180.0
    shown = KindSpec(0.5, 0.0, h)
    return ModelParams(
        base_rate=0.5,
        prior_weight=2.0,
        u_insufficient=0.4,
        u_tentative=0.15,
        repair_cap=0.5,
        repair_fraction={
            "apology/competence": 0.25,
            "apology/integrity": 0.15,
            "amends/competence": 0.25,
            "amends/integrity": 0.25,
        },
        kinds={
            "promise_kept": KindSpec(1.0, 0.0, h),
            "promise_broken": KindSpec(0.0, 2.0, h, breach_class="competence"),
            "honesty_shown": shown,
            "consistency_shown": shown,
            "empathy_shown": shown,
            "negative_observation": KindSpec(0.0, 1.0, h, breach_class="competence"),
            "honesty_breach": KindSpec(0.0, 5.0, h_integrity, breach_class="integrity"),
            "apology": KindSpec(0.0, 0.0, None, repair="apology"),
            "amends": KindSpec(0.0, 0.0, None, repair="amends"),
        },
    )


@dataclass(frozen=True)
class TrustParams:
    """All parameters of both models; the defaults are the design's (trust-vectors.json "params")."""

    self_trust: ModelParams = field(default_factory=_default_self_trust)
    interpersonal_trust: ModelParams = field(default_factory=_default_interpersonal_trust)

    def for_model(self, model: str) -> ModelParams:
        """The parameters of ``model``; ValueError for a name other than those in ``MODELS``."""
        if model == "self_trust":
            return self.self_trust
        if model == "interpersonal_trust":
            return self.interpersonal_trust
        raise ValueError(f"unknown trust model {model!r}; expected one of {MODELS}")

    @classmethod
    def from_mapping(cls, data: Mapping[str, Any]) -> TrustParams:
        """Build from a mapping with "self_trust" and "interpersonal_trust" blocks (a missing block keeps its default)."""
        blocks: dict[str, ModelParams] = {
            name: ModelParams.from_mapping(data[name]) for name in MODELS if name in data
        }
        return cls(**blocks)


DEFAULT_PARAMS = TrustParams()
