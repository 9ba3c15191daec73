"""`rebond promise add|list`, `rebond checkin` (interactive, for today) and `rebond trust`."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any

import typer

from rebond.cli import RebondError, out, setup_django

promise_app = typer.Typer(help="Promises to yourself.", no_args_is_help=True)

OUTCOME_KEYS = {"k": "kept", "p": "partial", "m": "missed", "r": "renegotiated", "e": "excused", "s": ""}


def _account(name: str) -> Any:
    from rebond.accounts.models import User

    user = User.objects.filter(username=name).first()
    if user is None:
        raise RebondError(f"There is no account named {name!r}. `rebond user list` shows the accounts.")
    return user


def _problems(exc: Any) -> str:
    return "; ".join(f"{field}: {' '.join(msgs)}" for field, msgs in exc.message_dict.items())


def _crisis_note(result: Any) -> None:
    if result.detected or result.harmed_by_other:
        out.print("It sounds like a lot is going on. No one is told, and no one is watching. "
                  "Crisis lines: run `rebond` with the web app open at /help/, or call your local emergency number.")


@promise_app.command("add")
def promise_add(
    name: Annotated[str, typer.Argument(help="The account.")],
    text: Annotated[str, typer.Argument(help="The promise, e.g. 'Walk for ten minutes'.")],
    size: Annotated[str, typer.Option(help="tiny, small or stretch.")] = "small",
    rrule: Annotated[str, typer.Option(help="RFC 5545 rule, e.g. FREQ=DAILY. Leave out for a one-off.")] = "",
    starts_on: Annotated[str, typer.Option("--starts-on", help="YYYY-MM-DD; default today.")] = "",
    ends_on: Annotated[str, typer.Option("--ends-on", help="YYYY-MM-DD; optional.")] = "",
    why: Annotated[str, typer.Option(help="Why it matters to you.")] = "",
) -> None:
    """Make a promise to yourself."""
    setup_django()
    from django.core.exceptions import ValidationError

    from rebond.promises import services

    user = _account(name)
    try:
        start = date.fromisoformat(starts_on) if starts_on else services.user_today(user)
        end = date.fromisoformat(ends_on) if ends_on else None
    except ValueError as exc:
        raise RebondError("Dates look like 2025-03-30.") from exc
    try:
        promise, result = services.promise_create(user=user, text=text, size=size, rrule=rrule, starts_on=start,
                                                  ends_on=end, why=why)
    except services.SafetyPromiseError as exc:
        raise RebondError(services.SAFETY_PROMISE_MESSAGE + " Open /safety-plan/ in the web app.") from exc
    except ValidationError as exc:
        raise RebondError(f"The promise was not saved. {_problems(exc)}") from exc
    out.print(f"Saved promise {promise.pk}: {promise.text}")
    _crisis_note(result)


@promise_app.command("list")
def promise_list(
    name: Annotated[str, typer.Argument(help="The account.")],
    archived: Annotated[bool, typer.Option("--archived", help="Show promises you put away.")] = False,
) -> None:
    """List your promises."""
    setup_django()
    from rich.table import Table

    from rebond.domain import promises as rules
    from rebond.promises import selectors

    user = _account(name)
    items, count = selectors.promise_list(user=user, archived=archived, limit=500)
    table = Table("id", "promise", "size", "when", "starts")
    for p in items:
        table.add_row(str(p.pk), str(p.text), p.size, rules.describe_rule(p.rrule, p.starts_on), p.starts_on.isoformat())
    out.print(table)
    out.print(f"{count} promise{'s' if count != 1 else ''}.")


def checkin(
    name: Annotated[str, typer.Argument(help="The account.")],
    on: Annotated[str, typer.Option(help="YYYY-MM-DD; default today in your time zone.")] = "",
) -> None:
    """Check in on what is due today, one promise at a time."""
    setup_django()
    from django.core.exceptions import ValidationError

    from rebond.promises import selectors, services

    user = _account(name)
    try:
        day = date.fromisoformat(on) if on else services.user_today(user)
    except ValueError as exc:
        raise RebondError("Dates look like 2025-03-30.") from exc
    due, _ = selectors.due_on(user=user, day=day, back_days=0)
    if not due:
        out.print(f"Nothing is due on {day:%A %-d %B}.")
        return
    for item in due:
        done = f" (now: {item.checkin.outcome})" if item.checkin else ""
        answer = typer.prompt(
            f"{item.promise.text}{done} — [k]ept, [p]artly, [m]issed (not this time), [r]enegotiated, [e]xcused, [s]kip",
            default="s",
        ).strip().lower()[:1]
        outcome = OUTCOME_KEYS.get(answer)
        if outcome is None:
            out.print("Skipped (I didn't understand that answer).")
            continue
        if not outcome:
            continue
        value = None
        if outcome == "partial":
            value = float(typer.prompt("How much, from 0 to 1?", default="0.5"))
        note = typer.prompt("A note (optional)", default="", show_default=False)
        try:
            _, _, result = services.checkin_record(user=user, promise=item.promise, on=day, outcome=outcome,
                                                   value=value, note=note)
        except ValidationError as exc:
            raise RebondError(f"Not saved. {_problems(exc)}") from exc
        out.print("Kept. That's another piece of evidence." if outcome == "kept" else "Noted.")
        _crisis_note(result)


def trust_cmd(
    name: Annotated[str, typer.Argument(help="The account.")],
    on: Annotated[str, typer.Option(help="YYYY-MM-DD; default today in your time zone.")] = "",
) -> None:
    """Show your self-trust record: the estimate, its likely range, and how sure it is."""
    setup_django()
    from rebond.promises import selectors, services, words

    user = _account(name)
    try:
        day = date.fromisoformat(on) if on else services.user_today(user)
    except ValueError as exc:
        raise RebondError("Dates look like 2025-03-30.") from exc
    point = selectors.self_trust(user=user, on=day)
    out.print(words.estimate_words(point))
    if point.status != "not_enough_evidence":
        out.print(f"Estimate: {words.band_words(point)}. {words.status_words(point)}")
    out.print(f"estimate={point.estimate:.3f} uncertainty={point.uncertainty:.3f} "
              f"low={point.low:.3f} high={point.high:.3f} status={point.status}")


def register(app: typer.Typer) -> None:
    app.add_typer(promise_app, name="promise")
    app.command("checkin")(checkin)
    app.command("trust")(trust_cmd)
