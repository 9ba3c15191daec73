"""`rebond people NAME [PERSON]` (names only, never ranked; one person's record on request) and
`rebond event add NAME PERSON KIND`."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any

import typer
from rich.markup import escape

from rebond.cli import RebondError, account, crisis_note, out, problems, setup_django

event_app = typer.Typer(help="Your record of what people did.", no_args_is_help=True)


def _person(user: Any, wanted: str) -> Any:
    """One person in this record, by id or by name (names are sealed, so they are matched after opening)."""
    from rebond.people import selectors
    from rebond.people.models import Person

    if wanted.isdigit():
        try:
            return selectors.person_get(user=user, person_id=int(wanted))
        except Person.DoesNotExist:
            raise RebondError(f"There is no person {wanted} in this record.") from None
    found = [p for p in selectors.person_list(user=user) if str(p.name).casefold() == wanted.strip().casefold()]
    if len(found) != 1:
        what = "more than one person" if found else "no person"
        raise RebondError(f"There is {what} called {wanted!r} here. Use the id from `rebond people NAME`.")
    return found[0]


def _list(user: Any) -> None:
    from rich.table import Table

    from rebond.people import selectors, words

    table = Table("id", "name", "relationship")
    for person in selectors.person_list(user=user):
        table.add_row(str(person.pk), escape(str(person.name)), escape(str(person.relationship)))
    out.print(table)
    out.print("In order of name. rebond never ranks people. To see what the record says about one of them: "
              "rebond people NAME PERSON")
    out.print(words.word("record_note"), markup=False)


def _show(user: Any, person: Any) -> None:
    """What the person's page says, in the terminal: the estimate in words (a number only with enough evidence),
    the last four weeks, what they said they would do, and the safety question when it's waiting."""
    from rebond.people import selectors, services, words

    view = selectors.person_view(user=user, person=person)
    score = view.score
    say = out.print
    say(f"{person.name}" + (f" · {person.relationship}" if person.relationship else ""), markup=False)
    say(f"Overall: {words.trust_words(score, view.fading)}", markup=False)
    if score.status != "not_enough_evidence":
        say(f"Estimate: {words.band_words(score)}. {words.status_words(score)}", markup=False)
        say(f"What the record holds, out of 100: {words.shares_line(score)}", markup=False)
    say(f"Lately (the last four weeks): {words.lately_line(view.lately)}", markup=False)
    today = services.user_today(user)
    pending = selectors.said_list(user=user, person=person)
    if pending:
        say("They said they would:")
        for said in pending:
            passed = f" · {words.word('day_passed')}" if said.due_on < today else ""
            say(f"  {said.pk}: {said.text} — due {said.due_on:%a %d %b}{passed}", markup=False)
    if person.ask_about_safety:
        say(words.hurt_recheck(person.name), markup=False)
        say(f"{words.word('hurt_recheck_help')} Answer with --hurt yes, no or not_sure.", markup=False)
    elif person.safety_first:
        say(f"{words.word('safety_first')} {words.word('not_rebuilding')}", markup=False)
        say("Help if someone is hurting or scaring you: /help/#dv in the web app.", markup=False)
    elif not person.hurt:
        say(f"{words.word('hurt_question')} You can answer privately with --hurt yes, no or not_sure.", markup=False)
    say(words.word("record_note"), markup=False)


def people(
    name: Annotated[str, typer.Argument(help="The account.")],
    person: Annotated[str | None, typer.Argument(help="One person's id or name: what the record says about them.")]
    = None,
    hurt: Annotated[str | None, typer.Option(
        help="Your private answer for PERSON to 'Has this person ever hurt you, threatened you, or made you afraid?': "
             "yes, no or not_sure.")] = None,
) -> None:
    """The people in your record by name (never ranked), or what the record says about one of them."""
    setup_django()
    from django.core.exceptions import ValidationError

    from rebond.people import services

    user = account(name)
    if person is None:
        if hurt is not None:
            raise RebondError("Say which person the answer is about: rebond people NAME PERSON --hurt no")
        _list(user)
        return
    chosen = _person(user, person)
    if hurt is not None:
        if hurt not in ("yes", "no", "not_sure"):
            raise RebondError("Answer yes, no or not_sure.")
        try:
            chosen, _ = services.person_update(user=user, person=chosen, hurt=hurt)
        except ValidationError as exc:
            raise RebondError("Not saved. " + " ".join(exc.messages)) from exc
        out.print("Thank you. Your answer is saved, and only you can see it.\n")
    _show(user, chosen)


@event_app.command("add")
def event_add(
    name: Annotated[str, typer.Argument(help="The account.")],
    person_id: Annotated[str, typer.Argument(help="The person's id (see `rebond people NAME`) or name.")],
    kind: Annotated[str, typer.Argument(help="promise_kept, promise_broken, honesty_shown, consistency_shown, "
                                             "empathy_shown, negative_observation, honesty_breach, apology, amends")],
    on: Annotated[str, typer.Option(help="YYYY-MM-DD; default today.")] = "",
    severity: Annotated[float, typer.Option(help="How much it mattered to you, 0.5 to 3.")] = 1.0,
    repairs: Annotated[int | None, typer.Option(help="For apology/amends: the id of the earlier moment.")] = None,
    note: Annotated[str, typer.Option(help="What you saw or heard.")] = "",
    from_checking: Annotated[bool, typer.Option(
        "--from-checking", help="You learned this by checking their phone, messages or location.")] = False,
) -> None:
    """Add an observation to your record of someone."""
    setup_django()
    from django.core.exceptions import ValidationError

    from rebond.people import services, words

    user = account(name)
    person = _person(user, person_id)
    try:
        day = date.fromisoformat(on) if on else services.user_today(user)
    except ValueError as exc:
        raise RebondError("Dates look like 2025-03-30.") from exc
    try:
        obs, result = services.observation_add(user=user, person=person, on=day, kind=kind, severity=severity,
                                               repairs=repairs, note=note, from_checking=from_checking)
    except ValidationError as exc:
        raise RebondError(f"Not saved. {problems(exc)}") from exc
    out.print(f"Saved {obs.pk}: {obs.kind} on {obs.on.isoformat()}.")
    if obs.from_checking:
        out.print(words.word("checking_note"), markup=False)
    crisis_note(result)
    if person.ask_about_safety:
        out.print(words.hurt_recheck(person.name), markup=False)
        out.print(f"{words.word('hurt_recheck_help')} You can answer with `rebond people {name} {person.pk} --hurt "
                  f"yes|no|not_sure`, or on their page: /people/{person.pk}/", markup=False)


def register(app: typer.Typer) -> None:
    app.command("people")(people)
    app.add_typer(event_app, name="event")
