"""`rebond measure take INSTRUMENT` (asks each question in the terminal) and `rebond measure list`."""

from __future__ import annotations

from typing import Annotated, Any

import typer

measure_app = typer.Typer(help="Questionnaires: take one, or list your results.", no_args_is_help=True)

UserOption = Annotated[str, typer.Option("--user", "-u", help="Account name (not needed when there is only one).")]


def _account(name: str) -> Any:
    from rebond.cli import account

    return account(name, or_the_only_one=True)


def _instrument(instrument_id: str) -> Any:
    from django.http import Http404

    from rebond.cli import RebondError
    from rebond.measures.access import enabled_instrument_ids, instrument_for

    try:
        return instrument_for(instrument_id.lower())
    except Http404:
        raise RebondError(
            f"There is no questionnaire called {instrument_id!r} here. Try one of: {', '.join(enabled_instrument_ids())}."
        ) from None


def _ask(item: Any, anchors: list[Any], out: Any) -> int | None:
    choices = "  ".join(f"{a.value} = {a.label}" for a in anchors)
    out.print(f"\n[bold]{item.number}. {item.text}[/bold]" + (" (optional)" if item.optional else ""))
    out.print(choices)
    valid = {str(a.value) for a in anchors}
    while True:
        raw = typer.prompt("Your answer" + (" (Enter to skip)" if item.optional else ""),
                           default="" if item.optional else None, show_default=False).strip()
        if item.optional and raw == "":
            return None
        if raw in valid:
            return int(raw)
        out.print(f"Please type one of {', '.join(sorted(valid))}.")


def take(instrument: str, user: UserOption = "") -> None:
    """Answer a questionnaire here. Your answers are kept as a draft if you stop part way."""
    from rebond.cli import setup_django

    setup_django()
    from rich.markup import escape

    from rebond.cli import RebondError, out
    from rebond.measures import presenters, selectors, services

    person = _account(user)
    inst = _instrument(instrument)
    try:
        services.questionnaire_allowed(user=person)
    except services.NotToday as exc:
        # UX.md Safety: the same rule as the web and the API. Calm words and the help today's check-in leads to.
        help_ = presenters.checkin_next(person, exc.checkin) or {}
        out.print(exc.message)
        _print_lines(out, help_.get("emergency_number"), help_.get("resources", []))
        out.print("More lines and your safety plan are under Get help now in the web app (/help/).")
        raise RebondError("No questionnaire today. Nothing was asked or saved.") from None
    out.print(f"[bold]{inst.full_title}[/bold]\n{inst.intro}")
    if inst.content_note:
        out.print(f"\n{inst.content_note}")
    out.print(f"\n{inst.instructions}")
    answers: list[int | None] = []
    try:
        for item in inst.items:
            note = presenters.note_before(person, inst, item)
            if note:
                out.print(f"\n[italic]{escape(note)}[/italic]")  # names are the person's own text
            anchors = list(item.answers)[:: -1 if inst.display_order == "descending" else 1]
            value = _ask(item, anchors, out)
            answers.append(value)
            if inst.id == "phq9" and item.number == 9 and value:
                _print_support(person, out)
    except (typer.Abort, KeyboardInterrupt, EOFError):
        services.draft_save(user=person, instrument_id=inst.id, answers=answers)
        out.print("\nStopped. Your answers so far are kept as a draft.")
        raise typer.Exit(0) from None
    while answers and answers[-1] is None:
        answers.pop()
    response = services.response_create(user=person, instrument_id=inst.id, answers=answers)
    band = inst.band(response.severity)
    out.print(f"\n{band.summary}")
    out.print(f"Your total: {presenters.total_text(inst, response.total)} ({band.label}).")
    for words in presenters.flag_words(inst, response.flags):
        out.print(words)
    change = selectors.change_since_previous(response=response)
    if change is not None:
        out.print(change.sentence)
    out.print(f"\n[dim]{inst.credit}[/dim]")


def _print_support(user: Any, out: Any) -> None:
    from rebond.measures import presenters

    support = presenters.support(user)
    out.print(f"\n[bold]{support['heading']}[/bold]\n{support['message']}")
    _print_lines(out, support["emergency_number"], support["resources"])
    out.print(support["footer"])


def _print_lines(out: Any, emergency_number: str | None, resources: list[dict[str, Any]]) -> None:
    out.print(f"If you are in danger right now, call {emergency_number or 'your local emergency number'}.")
    for line in resources:
        parts = [line.get("name", "")]
        if line.get("phone"):
            parts.append(f"call {line['phone']}")
        sms = line.get("sms")
        if isinstance(sms, dict) and sms.get("number"):
            keyword = f"{sms['keyword']} to " if sms.get("keyword") else ""
            parts.append(f"text {keyword}{sms['number']}")
        out.print(" — ".join(p for p in parts if p))


def list_(user: UserOption = "", instrument: Annotated[str, typer.Option(help="Only this questionnaire.")] = "",
          limit: Annotated[int, typer.Option(help="How many to show.")] = 50) -> None:
    """Your questionnaire results, newest first."""
    from rebond.cli import setup_django

    setup_django()
    from rich.table import Table

    from rebond.cli import out
    from rebond.measures import presenters, selectors
    from rebond.measures.access import configured

    person = _account(user)
    instrument_id = _instrument(instrument).id if instrument else None
    rows, count = selectors.response_list(user=person, instrument_id=instrument_id, limit=max(1, limit))
    if not rows:
        out.print("No results yet. `rebond measure take phq9` asks the PHQ-9 here.")
        return
    table = Table("id", "day", "questionnaire", "total", "range")
    for row in rows:
        inst = configured(row.instrument)
        table.add_row(str(row.pk), f"{selectors.local_date(person, row.taken_at):%Y-%m-%d}", inst.title,
                      presenters.total_text(inst, row.total), inst.band(row.severity).label)
    out.print(table)
    if count > len(rows):
        out.print(f"Showing {len(rows)} of {count}.")


def register(app: typer.Typer) -> None:
    measure_app.command("take")(take)
    measure_app.command("list")(list_)
    app.add_typer(measure_app, name="measure")
