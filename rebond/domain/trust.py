"""Trust model: how much does the record support relying on myself, or on this person? (trust-model.md §4).

A Beta-evidence estimate (Jøsang & Ismail's Beta Reputation System, read as a subjective-logic opinion) with
exponential forgetting: an event of age t days counts 2^(−t/H) of its weight. One module serves both models:

* ``"self_trust"``: the person's own promise check-ins (kept, missed, partial with a value, excused).
* ``"interpersonal_trust"``: the user's record of another person (kept/broken promises, observations, breaches,
  and apologies/amends that point at an earlier breach).

Contracts shared by every public function:

* Pure: no Django, no clock. The evaluation day ``on`` is always passed in; events dated after it are ignored
  (though the whole ledger is still validated, so a ledger is valid or invalid whatever day it is read on).
* The score is recomputed from the whole ledger, and the result does not depend on the order of the events.
* Invalid input raises ``TrustInputError`` (a ``ValueError``) naming the offending ``field`` and event.
* The numeric estimate is always returned; withholding it while the status is ``not_enough_evidence`` is the
  interface's job.
* A page that asks several questions of one ledger can ``prepare`` it once (validated and weighed once) and pass
  the ``Prepared`` ledger, or the parts ``Prepared.split`` gives, wherever events are taken.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Hashable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Literal, NamedTuple, TypeVar

from scipy.stats import beta as beta_distribution

from rebond.domain.trust_params import DEFAULT_PARAMS, KindSpec, Model, ModelParams, TrustParams

Status = Literal["not_enough_evidence", "early", "well_supported"]
BAND_QUANTILES = (0.10, 0.90)  # the 80% credible band of §4.2
# Repair shares are sums of decimals like 0.15 + 0.25: ignore the rounding they leave under the cap.
_CAP_SLACK = 1e-12


class TrustInputError(ValueError):
    """Invalid input. ``field`` names the offending field: an event's "id", "day", "kind", "value", "severity",
    "repairs" or "freq" (with ``event_id`` set), or an argument: "event", "events" (a prepared ledger made for
    another model), "on", "start", "end", "step_days", "days", "model". ``message`` is the human-readable reason."""

    def __init__(self, field: str, message: str, event_id: str | None = None) -> None:
        where = f" (event {event_id!r})" if event_id is not None else ""
        super().__init__(f"{field}: {message}{where}")
        self.field = field
        self.message = message
        self.event_id = event_id


@dataclass(frozen=True, slots=True)  # slots: a long ledger makes many, and they are built and read on every page
class TrustEvent:
    """One ledger entry. ``value`` (0..1) is required for graded kinds (``partial``) and must be ``None`` otherwise;
    ``severity`` multiplies the negative weight; ``repairs`` is the id of the breach an apology/amends repairs;
    ``freq`` is the commitment's expected occurrences per day (self-trust half-life scaling; capped at 1)."""

    id: str
    day: date
    kind: str
    value: float | None = None
    severity: float = 1.0
    repairs: str | None = None
    freq: float = 1.0


@dataclass(frozen=True)
class EventWeight:
    """How much one past event still counts on the evaluation day (for a timeline).

    ``remaining`` is 2^(−age/half_life), 1 on the event's day and ½ one half-life later; ``evidence_for`` and
    ``evidence_against`` are its current r and s; ``initial_*`` the same on its own day. A repair's
    ``initial_for`` is the credit it earned (0 for a repeated apology or past the cap)."""

    id: str
    day: date
    kind: str
    half_life: float
    remaining: float
    evidence_for: float
    evidence_against: float
    initial_for: float
    initial_against: float


@dataclass(frozen=True)
class TrustPoint:
    """The opinion on one day. ``estimate`` E = b + a·u; ``belief`` + ``disbelief`` + ``uncertainty`` = 1;
    ``low``/``high`` are the 10% and 90% quantiles of Beta(R + W·a, S + W·(1 − a)) and ``sd`` its standard
    deviation; ``evidence_for``/``evidence_against`` are R and S. ``observations_needed`` is how many more
    full-weight observations made on that day (kept check-ins, kept promises) would lift the status out of
    ``not_enough_evidence`` (⌈3 − (R + S)⌉ with the defaults); 0 once it is out."""

    on: date
    estimate: float
    uncertainty: float
    belief: float
    disbelief: float
    low: float
    high: float
    sd: float
    evidence_for: float
    evidence_against: float
    status: Status
    observations_needed: int


@dataclass(frozen=True)
class TrustScore(TrustPoint):
    """A ``TrustPoint`` plus the record behind it: ``counts`` of events per kind dated on or before ``on`` (every
    kind of the model is present) and ``events``, the current weight of each of them, by day then id (digit ids
    numerically)."""

    counts: dict[str, int]
    events: tuple[EventWeight, ...]


class _Item(NamedTuple):
    """A validated event with its weight on its own day, in (day, id) order (a tuple: a long ledger makes many)."""

    event: TrustEvent
    ordinal: int
    half_life: float
    r0: float
    s0: float


K = TypeVar("K", bound=Hashable)


@dataclass(frozen=True)
class Prepared:
    """A ledger validated and weighed once, for one model, parameters and ``repair_credit``. Every function that
    takes events also takes this, with the same arguments, and gives the same answers without redoing the work."""

    model: Model
    params: TrustParams
    repair_credit: bool
    items: tuple[_Item, ...]

    def split(self, key: Callable[[TrustEvent], K]) -> dict[K, Prepared]:
        """The ledger cut into parts by ``key`` (e.g. by promise), each event keeping the weight it has in the whole
        ledger; for a model without repairs (self-trust) a part equals that part prepared on its own."""
        groups: dict[K, list[_Item]] = {}
        for item in self.items:
            groups.setdefault(key(item.event), []).append(item)
        return {k: Prepared(self.model, self.params, self.repair_credit, tuple(v)) for k, v in groups.items()}


def prepare(
    events: Iterable[TrustEvent],
    model: Model,
    params: TrustParams = DEFAULT_PARAMS,
    *,
    repair_credit: bool = True,
    checked: bool = False,
) -> Prepared:
    """Validate the ledger and weigh each event on its own day, once (raises ``TrustInputError`` as ``score``).
    ``checked=True``: the caller vouches that every event is a well-formed ``TrustEvent`` for the model (rows the
    database already constrained), so each one's fields are not checked again; the ledger-wide rules (ids once,
    repairs pointing at an earlier breach) still are. The answers are the same."""
    items = _validated(events, _model_params(params, model), repair_credit, checked=checked)
    return Prepared(model, params, repair_credit, tuple(items))


def score(
    events: Iterable[TrustEvent] | Prepared,
    on: date,
    model: Model,
    params: TrustParams = DEFAULT_PARAMS,
    *,
    repair_credit: bool = True,
) -> TrustScore:
    """The opinion about ``model`` on day ``on`` from the whole ledger (§4.2), with counts and per-event weights.

    ``repair_credit=False`` gives apologies and amends no credit (a person who hurt, threatened or frightened the
    user: binding clarification); they stay in the record with zero weight."""
    mp, items, on_ord = _prepare(events, on, model, params, repair_credit)
    weights = _weights(items, on_ord)
    r_total = math.fsum(w.evidence_for for w in weights)
    s_total = math.fsum(w.evidence_against for w in weights)
    low, high = beta_distribution.ppf(BAND_QUANTILES, *_beta_shape(r_total, s_total, mp))
    point = _point(on, r_total, s_total, float(low), float(high), mp)
    counts = dict.fromkeys(mp.kinds, 0)
    for w in weights:
        counts[w.kind] += 1
    return TrustScore(**vars(point), counts=counts, events=weights)


def event_weights(
    events: Iterable[TrustEvent] | Prepared,
    on: date,
    model: Model,
    params: TrustParams = DEFAULT_PARAMS,
    *,
    repair_credit: bool = True,
) -> tuple[EventWeight, ...]:
    """How much each event dated on or before ``on`` still counts that day, ordered by day then id (digit ids
    numerically, so same-day events keep the order they were recorded in)."""
    _, items, on_ord = _prepare(events, on, model, params, repair_credit)
    return _weights(items, on_ord)


def series(
    events: Iterable[TrustEvent] | Prepared,
    start: date,
    end: date,
    model: Model,
    params: TrustParams = DEFAULT_PARAMS,
    *,
    step_days: int = 1,
    repair_credit: bool = True,
) -> tuple[TrustPoint, ...]:
    """The opinion on ``start``, ``start + step_days``, … up to ``end`` (inclusive), for charts.

    Each point equals ``score`` on that day up to floating-point rounding (≈1e-12). Cost is O(events + days ×
    distinct half-lives): evidence is carried forward day to day instead of being re-summed, and the band
    quantiles are computed in one vectorised call."""
    if not isinstance(step_days, int) or step_days < 1:
        raise TrustInputError("step_days", "must be a whole number of days, at least 1")
    if not _is_day(end):
        raise TrustInputError("end", "must be a date (not a datetime)")
    mp, items, end_ord = _prepare(events, end, model, params, repair_credit)
    if not _is_day(start) or start > end:
        raise TrustInputError("start", "must be a date (not a datetime) on or before end")
    days = list(range(start.toordinal(), end_ord + 1, step_days))
    r_totals = [0.0] * len(days)
    s_totals = [0.0] * len(days)
    groups: dict[float, list[_Item]] = {}
    for item in items:
        groups.setdefault(item.half_life, []).append(item)
    for half_life, group in groups.items():
        r_acc = s_acc = 0.0
        nxt = 0
        previous = days[0]
        for j, t in enumerate(days):
            fade = 2.0 ** (-(t - previous) / half_life)
            r_acc, s_acc, previous = r_acc * fade, s_acc * fade, t
            while nxt < len(group) and group[nxt].ordinal <= t:
                k = 2.0 ** (-(t - group[nxt].ordinal) / half_life)
                r_acc += group[nxt].r0 * k
                s_acc += group[nxt].s0 * k
                nxt += 1
            r_totals[j] += r_acc
            s_totals[j] += s_acc
    shapes = [_beta_shape(r, s, mp) for r, s in zip(r_totals, s_totals, strict=True)]
    alphas, betas = [a for a, _ in shapes], [b for _, b in shapes]
    lows = beta_distribution.ppf(BAND_QUANTILES[0], alphas, betas).tolist()
    highs = beta_distribution.ppf(BAND_QUANTILES[1], alphas, betas).tolist()
    return tuple(
        _point(date.fromordinal(t), r_totals[j], s_totals[j], lows[j], highs[j], mp)
        for j, t in enumerate(days)
    )


def kind_counts(
    events: Iterable[TrustEvent] | Prepared,
    on: date,
    model: Model,
    params: TrustParams = DEFAULT_PARAMS,
    *,
    days: int | None = None,
) -> dict[str, int]:
    """Events per kind dated on or before ``on`` and, when ``days`` is given, within the last ``days`` days
    (``days=28`` is the "Lately" panel's last four weeks). Every kind of the model is present."""
    if days is not None and (not isinstance(days, int) or days < 1):
        raise TrustInputError("days", "must be a whole number of days, at least 1")
    mp, items, on_ord = _prepare(events, on, model, params, None)
    first = -math.inf if days is None else on_ord - days + 1
    counts = dict.fromkeys(mp.kinds, 0)
    for item in items:
        if first <= item.ordinal <= on_ord:
            counts[item.event.kind] += 1
    return counts


def _point(on: date, r: float, s: float, low: float, high: float, mp: ModelParams) -> TrustPoint:
    w, a = mp.prior_weight, mp.base_rate
    total = r + s + w
    alpha, beta_ = _beta_shape(r, s, mp)
    u = w / total
    if u > mp.u_insufficient:
        status: Status = "not_enough_evidence"
        # u <= u_insufficient  <=>  R + S >= W·(1/u_insufficient − 1); the slack absorbs rounding at the boundary.
        target = w * (1.0 / mp.u_insufficient - 1.0)
        needed = max(1, math.ceil(target - (r + s) - 1e-9))
    else:
        status = "early" if u > mp.u_tentative else "well_supported"
        needed = 0
    return TrustPoint(
        on=on,
        estimate=(r + w * a) / total,
        uncertainty=u,
        belief=r / total,
        disbelief=s / total,
        low=low,
        high=high,
        sd=math.sqrt(alpha * beta_ / ((alpha + beta_) ** 2 * (alpha + beta_ + 1.0))),
        evidence_for=r,
        evidence_against=s,
        status=status,
        observations_needed=needed,
    )


def _beta_shape(r: float, s: float, mp: ModelParams) -> tuple[float, float]:
    return r + mp.prior_weight * mp.base_rate, s + mp.prior_weight * (1.0 - mp.base_rate)


def _weights(items: Sequence[_Item], on_ord: int) -> tuple[EventWeight, ...]:
    out = []
    for item in items:
        if item.ordinal > on_ord:
            break  # items are in day order; later ones are in the future
        k = 2.0 ** (-(on_ord - item.ordinal) / item.half_life)
        ev = item.event
        out.append(
            EventWeight(ev.id, ev.day, ev.kind, item.half_life, k, item.r0 * k, item.s0 * k, item.r0, item.s0)
        )
    return tuple(out)


def _prepare(
    events: Iterable[TrustEvent] | Prepared, on: date, model: Model, params: TrustParams, repair_credit: bool | None
) -> tuple[ModelParams, Sequence[_Item], int]:
    """Validate the whole ledger and weigh each event on its own day; items come back in (day, id) order.
    ``repair_credit=None`` (counting only) takes a prepared ledger whichever way its repairs were credited."""
    mp = _model_params(params, model)
    if isinstance(events, Prepared):
        wanted = (model, params, events.repair_credit if repair_credit is None else repair_credit)
        if (events.model, events.params, events.repair_credit) != wanted:
            raise TrustInputError("events", "were prepared for another model, parameters or repair_credit")
    if not _is_day(on):
        raise TrustInputError("on", "must be a date (not a datetime)")
    if isinstance(events, Prepared):
        return mp, events.items, on.toordinal()
    return mp, _validated(events, mp, repair_credit is not False), on.toordinal()


def _model_params(params: TrustParams, model: Model) -> ModelParams:
    try:
        return params.for_model(model)
    except ValueError as exc:
        raise TrustInputError("model", str(exc)) from None


def _validated(events: Iterable[TrustEvent], mp: ModelParams, repair_credit: bool, *,
               checked: bool = False) -> list[_Item]:
    by_id: dict[str, TrustEvent] = {}
    for ev in events:
        if not checked:
            _check_event(ev, mp)
        if ev.id in by_id:
            raise TrustInputError("id", "appears twice in the ledger", ev.id)
        by_id[ev.id] = ev
    items: list[_Item] = []
    shares_used: dict[str, float] = {}
    apologised: set[str] = set()
    # A long ledger has few distinct (kind, value, severity, frequency): weigh each once.
    weighed: dict[tuple[str, float | None, float, float], tuple[float, float, float]] = {}
    # A fixed order makes the repair rules ("first apology", the cap) and the float sums order-independent.
    for ev in sorted(by_id.values(), key=_ledger_order):
        spec = mp.kinds[ev.kind]
        if spec.repair is None:
            key = (ev.kind, ev.value, ev.severity, ev.freq)
            known = weighed.get(key)
            if known is None:
                known = weighed[key] = (_half_life(spec, ev, mp), *_own_evidence(spec, ev))
            half_life, r0, s0 = known
        else:
            breach = _repaired_breach(ev, by_id, mp)
            breach_spec = mp.kinds[breach.kind]
            half_life = _half_life(breach_spec, breach, mp)
            share = 0.0
            if repair_credit and not (spec.repair == "apology" and breach.id in apologised):
                fraction = mp.repair_fraction[f"{spec.repair}/{breach_spec.breach_class}"]
                room = mp.repair_cap - shares_used.get(breach.id, 0.0)
                share = min(fraction, room) if room > _CAP_SLACK else 0.0
                shares_used[breach.id] = shares_used.get(breach.id, 0.0) + share
            if spec.repair == "apology":
                apologised.add(breach.id)
            # Credit is a share of the breach's weight on its own day; it then decays from the repair's date.
            r0, s0 = share * _own_evidence(breach_spec, breach)[1], 0.0
        items.append(_Item(ev, ev.day.toordinal(), half_life, r0, s0))
    return items


def _ledger_order(ev: TrustEvent) -> tuple[date, int, int, str]:
    # By day, then by id; digit ids (database keys) numerically, so that within a day the first recorded apology
    # is the one that earns credit.
    if ev.id.isascii() and ev.id.isdigit():
        return ev.day, 0, int(ev.id), ""
    return ev.day, 1, 0, ev.id


def _check_event(ev: TrustEvent, mp: ModelParams) -> None:
    if not isinstance(ev, TrustEvent):
        raise TrustInputError("event", f"expected a TrustEvent, got {type(ev).__name__}")
    if not isinstance(ev.id, str) or not ev.id:
        raise TrustInputError("id", "must be a non-empty string", None)
    if not _is_day(ev.day):
        raise TrustInputError("day", "must be a date (not a datetime)", ev.id)
    spec: KindSpec | None = mp.kinds.get(ev.kind)
    if spec is None:
        raise TrustInputError("kind", f"unknown kind {ev.kind!r}; expected one of {sorted(mp.kinds)}", ev.id)
    if spec.graded:
        if not _number_between(ev.value, 0.0, 1.0):
            raise TrustInputError("value", f"{ev.kind} needs a value between 0 and 1", ev.id)
    elif ev.value is not None:
        raise TrustInputError("value", f"only graded kinds take a value, not {ev.kind}", ev.id)
    if not _number_between(ev.severity, mp.severity_min, mp.severity_max):
        raise TrustInputError("severity", f"must lie between {mp.severity_min} and {mp.severity_max}", ev.id)
    if not (_number_between(ev.freq, 0.0, math.inf) and 0 < ev.freq < math.inf):
        raise TrustInputError("freq", "must be a positive number of occurrences per day", ev.id)
    if spec.repair is None and ev.repairs is not None:
        raise TrustInputError("repairs", f"only apology and amends repair a breach, not {ev.kind}", ev.id)
    if spec.repair is not None and not isinstance(ev.repairs, str):
        raise TrustInputError("repairs", f"{ev.kind} must name the breach it repairs", ev.id)


def _repaired_breach(ev: TrustEvent, by_id: dict[str, TrustEvent], mp: ModelParams) -> TrustEvent:
    breach = by_id.get(ev.repairs or "")
    if breach is None or mp.kinds[breach.kind].breach_class is None or breach.day > ev.day:
        # The same day counts as earlier: a ledger records days, and an apology often follows within hours.
        raise TrustInputError("repairs", f"{ev.repairs!r} is not an earlier breach in this ledger", ev.id)
    return breach


def _own_evidence(spec: KindSpec, ev: TrustEvent) -> tuple[float, float]:
    if spec.graded:
        value = float(ev.value or 0.0)
        return value, (1.0 - value) * ev.severity
    return spec.pos, spec.neg * ev.severity


def _half_life(spec: KindSpec, ev: TrustEvent, mp: ModelParams) -> float:
    assert spec.half_life is not None  # only repair kinds lack one, and they borrow the breach's
    if mp.frequency_scaling:
        # Loop's √frequency: a sparse commitment's few check-ins are remembered longer, so each counts for more.
        return spec.half_life / math.sqrt(min(ev.freq, 1.0))
    return spec.half_life


def _is_day(d: object) -> bool:
    return isinstance(d, date) and not isinstance(d, datetime)


def _number_between(x: object, low: float, high: float) -> bool:
    return isinstance(x, (int, float)) and not isinstance(x, bool) and low <= x <= high  # a tuple: faster than a union here
