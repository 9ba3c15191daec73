"""Writes for questionnaires and check-ins: the only code that saves these models."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from typing import Any, NamedTuple

from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import Http404
from django.utils import timezone

from rebond.core.fields import FREE_TEXT_LIMIT
from rebond.domain import measure_schedule
from rebond.domain.instruments import AnswerError, load, score
from rebond.measures.access import cut_off_for, instrument_for
from rebond.measures.catalogue import checkin_problems
from rebond.measures.models import About, DailyCheckin, MeasureDraft, MeasureResponse, MeasureSchedule, Safety
from rebond.measures.selectors import unsafe_checkin_today, user_today
from rebond.safety.guard import GuardResult, guard_for


class AnswersInvalid(ValidationError):
    """Answers that can't be scored. ``index`` is the 0-based item at fault, or None for a wrong count."""

    def __init__(self, message: str, *, index: int | None) -> None:
        super().__init__({"answers": [message]})
        self.index = index
        self.message_text = message


class NotToday(Exception):
    """Today the person said they don't feel safe, or aren't sure (UX.md Safety: no questionnaires on that day).
    ``checkin`` is today's check-in, for the help it leads to; ``message`` is the calm note to show."""

    def __init__(self, checkin: DailyCheckin) -> None:
        from rebond.measures.catalogue import words

        self.checkin = checkin
        self.message = str(words()["unsafe_today"])
        super().__init__(self.message)


def questionnaire_allowed(*, user: Any) -> None:
    """THE rule for every door (web, API, CLI): no questionnaire is answered on a day whose check-in said "Not safe"
    or "Not sure". Raises NotToday. Answers brought back from an export, or made as demo data, are not being
    answered now (``answered_now=False``), so they skip it."""
    checkin = unsafe_checkin_today(user=user)
    if checkin is not None:
        raise NotToday(checkin)


def response_create(
    *, user: Any, instrument_id: str, answers: Sequence[Any], taken_at: datetime | None = None,
    answered_now: bool = True,
) -> MeasureResponse:
    """Score one complete answer set and keep it; the draft for that questionnaire goes. NotToday on a day marked
    unsafe when the answers are ``answered_now`` (not brought back from an export or made as demo data)."""
    instrument = instrument_for(instrument_id)
    if answered_now:
        questionnaire_allowed(user=user)
    try:
        result = score(instrument.id, answers, cut_off=cut_off_for(instrument.id))
    except AnswerError as exc:
        raise AnswersInvalid(exc.message, index=exc.index) from exc
    response = MeasureResponse(
        user=user,
        instrument=instrument.id,
        content_version=instrument.content_version,
        answers=list(result.answers),
        total=float(result.total),
        severity=result.severity,
        flags=dict(result.flags),
        percent=result.percent,
        taken_at=taken_at or timezone.now(),
    )
    response.full_clean()
    with transaction.atomic():
        response.save()
        MeasureDraft.objects.filter(user=user, instrument=instrument.id).delete()
    return response


def response_delete(*, response: MeasureResponse) -> None:
    response.delete()


def draft_save(
    *, user: Any, instrument_id: str, answers: Sequence[Any], answered_now: bool = True
) -> MeasureDraft | None:
    """Keep unfinished answers as they are: an unanswered item stays ``None``, never zero.

    Saving a draft with nothing answered removes it. NotToday on a day marked unsafe when ``answered_now``.
    """
    instrument = instrument_for(instrument_id)
    if answered_now:
        questionnaire_allowed(user=user)
    if isinstance(answers, str | bytes) or not isinstance(answers, Sequence):
        raise AnswersInvalid("Answers need to be a list, one place for each question.", index=None)
    if len(answers) > len(instrument.items):
        raise AnswersInvalid(
            f"The {instrument.title} has {len(instrument.items)} questions, but {len(answers)} answers were given.",
            index=None,
        )
    clean: list[int | None] = []
    for index, (item, value) in enumerate(zip(instrument.items, answers, strict=False)):
        if value is None:
            clean.append(None)
            continue
        if isinstance(value, bool) or not isinstance(value, int) or not item.min_value <= value <= item.max_value:
            kind = "an answer" if isinstance(value, int) and not isinstance(value, bool) else "a whole number"
            raise AnswersInvalid(
                f"Question {item.number} needs {kind} from {item.min_value} to {item.max_value}, or none yet.",
                index=index,
            )
        clean.append(value)
    while clean and clean[-1] is None:
        clean.pop()
    if not clean:
        MeasureDraft.objects.filter(user=user, instrument=instrument.id).delete()
        return None
    with transaction.atomic():
        draft, _ = MeasureDraft.objects.select_for_update().get_or_create(user=user, instrument=instrument.id)
        draft.answers = clean
        draft.full_clean()
        draft.save()
    return draft


def draft_discard(*, user: Any, instrument_id: str) -> None:
    MeasureDraft.objects.filter(user=user, instrument=instrument_id).delete()


def _why_not_sooner(timeframe: str) -> str:
    """"it asks about the last 2 weeks" where the questionnaire names a period; otherwise the plain reason."""
    return f"it asks about {timeframe}" if timeframe.startswith("the ") else "so a real change has time to show"


def schedule_set(
    *, user: Any, instrument_id: str, every_days: int, active: bool = True, starts_on: date | None = None
) -> MeasureSchedule:
    instrument = instrument_for(instrument_id)
    least = measure_schedule.min_every_days(instrument.id)
    if isinstance(every_days, bool) or not isinstance(every_days, int) or not (
        least <= every_days <= measure_schedule.MAX_EVERY_DAYS
    ):
        raise ValidationError(
            {"every_days": [f"The {instrument.title} can be asked at most once every {least} days "
                            f"({_why_not_sooner(instrument.timeframe)}). Pick {least} to "
                            f"{measure_schedule.MAX_EVERY_DAYS} days."]}
        )
    with transaction.atomic():
        schedule, _ = MeasureSchedule.objects.select_for_update().get_or_create(
            user=user, instrument=instrument.id,
            defaults={"every_days": every_days, "starts_on": starts_on or user_today(user)},
        )
        schedule.every_days = every_days
        schedule.active = active
        if starts_on is not None:
            schedule.starts_on = starts_on
        schedule.full_clean()
        schedule.save()
    return schedule


def schedule_stop(*, user: Any, instrument_id: str) -> None:
    MeasureSchedule.objects.filter(user=user, instrument=instrument_id).delete()


class CheckinSaved(NamedTuple):
    checkin: DailyCheckin
    created: bool
    guard: GuardResult
    left_out: dict[str, str]  # parts of an unsafe answer that could not be kept, each with why (plain words)


def _is_mood(value: Any) -> bool:
    return not isinstance(value, bool) and isinstance(value, int) and 1 <= value <= 5


def checkin_save(
    *, user: Any, on: date, mood: Any, safety: Any, about: Any = "", note: Any = ""
) -> CheckinSaved:
    """Save the day's check-in (one per day; saving again replaces it).

    An answer of "Not safe" or "Not sure" is never refused for the other parts (UX.md Safety): it is saved with
    whatever else can be kept. A missing mood or "about" stays empty (help then covers both kinds); a mood or a
    line that can't be stored is left out and named in ``left_out``. A "Safe" answer with a part missing or wrong
    is a ValidationError naming each part, so nothing is saved half-done.
    """
    _words = checkin_problems()
    errors: dict[str, list[str]] = {}
    if on > user_today(user):
        errors["date"] = [_words["date"]]
    if not isinstance(safety, str) or safety not in Safety.values:
        errors["safety"] = [_words["safety"]]
    unsafe = safety in (Safety.NOT_SAFE, Safety.NOT_SURE)
    left_out: dict[str, str] = {}
    if not _is_mood(mood):
        if not unsafe:
            errors["mood"] = [_words["mood"]]
        elif mood not in (None, ""):
            left_out["mood"] = _words["mood_left_out"]
        mood = None
    # Not answered (or not one of the two): left open, and the help shown covers both kinds.
    about = about if unsafe and isinstance(about, str) and about in About.values else ""
    if note is None:
        note = ""
    problem = ("note_type" if not isinstance(note, str) else
               "note_long" if len(note.strip()) > FREE_TEXT_LIMIT else "")
    if problem:
        if not unsafe:
            errors["note"] = [_words[problem]]
        else:
            left_out["note"] = _words[f"{problem}_left_out"]
        note = ""
    note = note.strip()
    if errors:
        raise ValidationError(errors)
    # The guard reads the line before anything else is done with it (contributing.md, Free text).
    result = guard_for(user, note)
    fields = {"mood": mood, "safety": safety, "about": about, "note": note}
    DailyCheckin(user=user, date=on, **fields).full_clean(validate_unique=False, validate_constraints=False)
    with transaction.atomic():
        # get_or_create copes with two saves of the same day racing (one row per day is a constraint).
        checkin, created = DailyCheckin.objects.select_for_update().get_or_create(user=user, date=on,
                                                                                  defaults=fields)
        if not created:
            for name, value in fields.items():
                setattr(checkin, name, value)
            checkin.save()
    return CheckinSaved(checkin, created, result, left_out)


def checkin_delete(*, user: Any, on: date) -> bool:
    deleted, _ = DailyCheckin.objects.filter(user=user, date=on).delete()
    return bool(deleted)


# --- data ownership ------------------------------------------------------------------------------------------

def export_measures(user: Any) -> dict[str, Any]:
    return {
        "responses": [
            {"instrument": r.instrument, "content_version": r.content_version, "answers": r.answers,
             "total": r.total, "severity": r.severity, "flags": r.flags, "percent": r.percent,
             "taken_at": r.taken_at.isoformat()}
            for r in MeasureResponse.objects.filter(user=user).order_by("taken_at", "id")
        ],
        "drafts": [
            {"instrument": d.instrument, "answers": d.answers, "updated_at": d.updated_at.isoformat()}
            for d in MeasureDraft.objects.filter(user=user).order_by("instrument")
        ],
        "schedules": [
            {"instrument": s.instrument, "every_days": s.every_days, "starts_on": s.starts_on.isoformat(),
             "active": s.active}
            for s in MeasureSchedule.objects.filter(user=user).order_by("instrument")
        ],
        "checkins": [
            {"date": c.date.isoformat(), "mood": c.mood, "safety": c.safety, "about": c.about, "note": c.note}
            for c in DailyCheckin.objects.filter(user=user).order_by("date")
        ],
    }


def delete_measures(user: Any) -> None:
    for model in (MeasureResponse, MeasureDraft, MeasureSchedule, DailyCheckin):
        model.objects.filter(user=user).delete()


def import_measures(user: Any, data: Any) -> int:
    """Bring an export back. Answers are re-scored with today's rules; rows already there are skipped."""
    if not isinstance(data, dict):
        return 0
    count = 0
    with transaction.atomic():
        for row in data.get("responses") or []:
            try:
                taken_at = datetime.fromisoformat(str(row["taken_at"]))
                load(str(row["instrument"]))
            except (KeyError, TypeError, ValueError, LookupError):
                raise ValidationError(["A questionnaire row in the file is not readable."]) from None
            if MeasureResponse.objects.filter(user=user, instrument=row["instrument"], taken_at=taken_at).exists():
                continue
            try:
                response_create(user=user, instrument_id=row["instrument"], answers=row.get("answers"),
                                taken_at=taken_at, answered_now=False)
            except AnswersInvalid as exc:
                raise ValidationError([f"A {row['instrument']} row can't be scored: {exc.message_text}"]) from None
            except Http404:  # a questionnaire this deployment has turned off is skipped
                continue
            count += 1
        for row in data.get("schedules") or []:
            try:
                schedule_set(user=user, instrument_id=str(row["instrument"]), every_days=int(row["every_days"]),
                             active=bool(row.get("active", True)), starts_on=date.fromisoformat(row["starts_on"]))
            except (KeyError, TypeError, ValueError) as exc:
                raise ValidationError(["A reminder row in the file is not readable."]) from exc
            except Http404:
                continue
            count += 1
        for row in data.get("checkins") or []:
            try:
                on = date.fromisoformat(str(row["date"]))
            except (KeyError, TypeError, ValueError):
                raise ValidationError(["A check-in row in the file is not readable."]) from None
            if DailyCheckin.objects.filter(user=user, date=on).exists():
                continue
            checkin_save(user=user, on=on, mood=row.get("mood"), safety=str(row.get("safety", "")),
                         about=str(row.get("about") or ""), note=str(row.get("note") or ""))
            count += 1
        for row in data.get("drafts") or []:
            if isinstance(row, dict) and not MeasureDraft.objects.filter(user=user, instrument=row.get("instrument")).exists():
                try:
                    draft_save(user=user, instrument_id=str(row.get("instrument")), answers=row.get("answers") or [],
                               answered_now=False)
                except (Http404, AnswersInvalid):
                    continue
                count += 1
    return count
