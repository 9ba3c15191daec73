"""`rebond promise add|list`, `rebond checkin` (interactive, for today) and `rebond trust`."""

from __future__ import annotations

import json
import sys
from datetime import date
from typing import Annotated, Any

import typer

from rebond.cli import RebondError, account, crisis_note, out, problems, setup_django

promise_app = typer.Typer(help="Promises to yourself.", no_args_is_help=True)

OUTCOME_KEYS = {"k": "kept", "p": "partial", "m": "missed", "r": "renegotiated", "e": "excused", "s": ""}


def _ask_amount() -> float:
    """How much of a partly kept promise was done, asked again until it is a number from 0 to 1."""
    while True:
        raw = str(typer.prompt("How much, from 0 to 1? (0.5 is half)", default="0.5")).strip().replace(",", ".")
        try:
            amount = float(raw.removesuffix("%")) / (100 if raw.endswith("%") else 1)
        except ValueError:
            amount = -1.0
        if 0.0 <= amount <= 1.0:
            return amount
        out.print("Please give a number from 0 to 1, like 0.5 for half (or a percent, like 50%).")


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

    user = account(name)
    try:
        start = date.fromisoformat(starts_on) if starts_on else services.user_today(user)
        end = date.fromisoformat(ends_on) if ends_on else None
    except ValueError as exc:
        raise RebondError("Dates look like 2025-03-30.") from exc
    try:
        promise, result = services.promise_create(user=user, text=text, size=size, rrule=rrule, starts_on=start,
                                                  ends_on=end, why=why)
    except services.SafetyPromiseError as exc:
        crisis_note(exc.result, saved="Nothing was saved as a promise.")
        raise RebondError(services.SAFETY_PROMISE_MESSAGE + " Open /safety-plan/ in the web app.") from exc
    except ValidationError as exc:
        raise RebondError(f"The promise was not saved. {problems(exc)}") from exc
    out.print(f"Saved promise {promise.pk}: {promise.text}")
    crisis_note(result)


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

    user = account(name)
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

    user = account(name)
    try:
        day = date.fromisoformat(on) if on else services.user_today(user)
    except ValueError as exc:
        raise RebondError("Dates look like 2025-03-30.") from exc
    found = selectors.agenda(user=user, day=day, back_days=0)
    for promise in found.held:
        out.print(f"Skipped “{promise.text}”. {services.HELD_WORDS} Open /safety-plan/ in the web app.",
                  markup=False, soft_wrap=True)
    due = found.today
    if not due:
        if not found.held:
            out.print(f"Nothing is due on {day:%A %-d %B}.")
        return
    not_saved = 0
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
        value = _ask_amount() if outcome == "partial" else None
        note = typer.prompt("A note (optional)", default="", show_default=False)
        try:
            row, _, result = services.checkin_record(user=user, promise=item.promise, on=day, outcome=outcome,
                                                     value=value, note=note)
        except ValidationError as exc:
            out.print(f"Not saved. {problems(exc)}")
            not_saved += 1
            continue
        out.print("Kept. That's another piece of evidence." if outcome == "kept" else "Noted.")
        crisis_note(result)
        if outcome == "missed":
            _debrief(user, row, day)
    if not_saved:
        raise RebondError(f"{not_saved} check-in{'s were' if not_saved != 1 else ' was'} not saved (see above).")


def _debrief(user: Any, checkin: Any, day: date) -> None:
    """The gentle miss debrief the web shows: one line of self-compassion, then what got in the way and a smaller
    version to try, both optional (Enter skips)."""
    from django.core.exceptions import ValidationError

    from rebond.promises import services, words

    labels = words.catalogue()["debrief"]
    out.print(words.compassion(day))
    obstacle = typer.prompt(f"{labels['obstacle_label']} (optional, Enter to skip)", default="", show_default=False)
    smaller = typer.prompt(f"{labels['smaller_label']} (optional, Enter to skip)", default="", show_default=False)
    if not (obstacle.strip() or smaller.strip()):
        return
    try:
        result = services.checkin_debrief(user=user, checkin=checkin, obstacle=obstacle, smaller_step=smaller)
    except ValidationError as exc:
        out.print(f"That part was not saved. {problems(exc)}")
        return
    out.print("Thank you. That's useful to know next time.")
    crisis_note(result)


def trust_cmd(
    name: Annotated[str, typer.Argument(help="The account.")],
    on: Annotated[str, typer.Option(help="YYYY-MM-DD; default today in your time zone.")] = "",
    as_json: Annotated[bool, typer.Option("--json", help="Every number, for scripts (the API's fields).")] = False,
) -> None:
    """Show your self-trust record: the estimate, its likely range, and how sure it is. With too little evidence
    it says so in words instead of a number."""
    setup_django()
    from rebond.promises import selectors, services, words

    user = account(name)
    try:
        day = date.fromisoformat(on) if on else services.user_today(user)
    except ValueError as exc:
        raise RebondError("Dates look like 2025-03-30.") from exc
    point = selectors.self_trust(user=user, on=day)
    if as_json:
        sys.stdout.write(json.dumps(words.trust_fields(point), default=str) + "\n")
        return
    out.print(words.estimate_words(point))
    if point.status != "not_enough_evidence":
        out.print(f"Estimate: {words.band_words(point)}. {words.status_words(point)}")


def register(app: typer.Typer) -> None:
    app.add_typer(promise_app, name="promise")
    app.command("checkin")(checkin)
    app.command("trust")(trust_cmd)
