"""`rebond people NAME` (alphabetical, never ranked) and `rebond event add NAME PERSON KIND`."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any

import typer

from rebond.cli import RebondError, out, setup_django

event_app = typer.Typer(help="Your record of what people did.", no_args_is_help=True)


def _account(name: str) -> Any:
    from rebond.accounts.models import User

    user = User.objects.filter(username=name).first()
    if user is None:
        raise RebondError(f"There is no account named {name!r}. `rebond user list` shows the accounts.")
    return user


def _crisis_note(result: Any) -> None:
    if result.detected or result.harmed_by_other:
        out.print("It sounds like a lot is going on. No one is told, and no one is watching. "
                  "Help is at /help/ in the web app, or call your local emergency number.")


def people(name: Annotated[str, typer.Argument(help="The account.")]) -> None:
    """List the people in your record, by name, with what the record says so far."""
    setup_django()
    from rich.table import Table

    from rebond.people import selectors, words

    user = _account(name)
    table = Table("id", "name", "relationship", "overall", "last 4 weeks")
    for person in selectors.person_list(user=user):
        view = selectors.person_view(user=user, person=person)
        overall = words.overall_words(view.score)
        if view.score.status != "not_enough_evidence":
            overall = f"{overall} ({words.band_words(view.score)})"
        lately = f"kept {view.lately.kept}, not kept {view.lately.not_kept}, shown {view.lately.shown}"
        table.add_row(str(person.pk), str(person.name), str(person.relationship), overall, lately)
    out.print(table)
    out.print(words.word("record_note"))


@event_app.command("add")
def event_add(
    name: Annotated[str, typer.Argument(help="The account.")],
    person_id: Annotated[int, typer.Argument(help="The person's id (see `rebond people NAME`).")],
    kind: Annotated[str, typer.Argument(help="promise_kept, promise_broken, honesty_shown, consistency_shown, "
                                             "empathy_shown, negative_observation, honesty_breach, apology, amends")],
    on: Annotated[str, typer.Option(help="YYYY-MM-DD; default today.")] = "",
    severity: Annotated[float, typer.Option(help="How much it mattered to you, 0.5 to 3.")] = 1.0,
    repairs: Annotated[int | None, typer.Option(help="For apology/amends: the id of the earlier moment.")] = None,
    note: Annotated[str, typer.Option(help="What you saw or heard.")] = "",
) -> None:
    """Add an observation to your record of someone."""
    setup_django()
    from django.core.exceptions import ValidationError

    from rebond.people import selectors, services
    from rebond.people.models import Person

    user = _account(name)
    try:
        person = selectors.person_get(user=user, person_id=person_id)
    except Person.DoesNotExist:
        raise RebondError(f"There is no person {person_id} in this record.") from None
    try:
        day = date.fromisoformat(on) if on else services.user_today(user)
    except ValueError as exc:
        raise RebondError("Dates look like 2025-03-30.") from exc
    try:
        obs, result = services.observation_add(user=user, person=person, on=day, kind=kind, severity=severity,
                                               repairs=repairs, note=note)
    except ValidationError as exc:
        problems = "; ".join(f"{field}: {' '.join(msgs)}" for field, msgs in exc.message_dict.items())
        raise RebondError(f"Not saved. {problems}") from exc
    out.print(f"Saved {obs.pk}: {obs.kind} on {obs.on.isoformat()}.")
    _crisis_note(result)


def register(app: typer.Typer) -> None:
    app.command("people")(people)
    app.add_typer(event_app, name="event")
