"""`rebond breathe`: a calm breathing pacer in the terminal. Ctrl+C stops it kindly.
`rebond practice log`: keep how a practice went (distress before and after), as the web page does."""

from __future__ import annotations

import time
from typing import Annotated, Any

import typer

from rebond.cli import RebondError, account, help_lines, out, setup_django

BREATHING = ("paced-breathing", "square-breathing")
TICKS_PER_SECOND = 10

practice_app = typer.Typer(help="Keep a record of your practices.", no_args_is_help=True)


def _sleep(seconds: float) -> None:
    """One place to wait, so tests can make the pacer instant."""
    time.sleep(seconds)


def _region_help(region: str | None) -> None:
    """The region's emergency number and lines, as every command shows them (rebond.cli.help_lines)."""
    from rebond.safety.guard import GuardResult

    help_lines(GuardResult(detected=True, region=region))


def breathe(
    cycles: Annotated[int, typer.Option("--cycles", "-n", min=1, max=100, help="How many rounds to breathe.")] = 6,
    exercise: Annotated[str, typer.Option(help="paced-breathing (in 4, out 6) or square-breathing (4 sides).")]
    = "paced-breathing",
    who: Annotated[str, typer.Option("--account", help="Your account, so the help lines at the end are your region's.")]
    = "",
) -> None:
    """Breathe along with a pacer in the terminal. In and out only, no holding. Ctrl+C stops any time."""
    from rich.progress import BarColumn, Progress, TextColumn

    from rebond.practice import content

    item = content.exercise(exercise)
    if item is None or not item.pacer:
        raise RebondError(f"Pick one of: {', '.join(BREATHING)}.")
    region = None
    if who:
        setup_django()
        region = getattr(account(who), "region", "") or None
    out.print(f"[bold]{item.title}[/bold] — {item.summary}")
    out.print("Eyes open is fine. Stop any time with Ctrl+C. If you feel dizzy, stop and breathe normally.\n")
    try:
        with Progress(TextColumn("{task.description:<32}"), BarColumn(bar_width=30), TextColumn("{task.fields[count]}"),
                      console=out, transient=True) as progress:
            task = progress.add_task("", total=1, count="")
            for number in range(1, cycles + 1):
                for phase in item.pacer:
                    ticks = phase.seconds * TICKS_PER_SECOND
                    progress.reset(task, total=ticks, description=f"Round {number}/{cycles}: {phase.label}", count="")
                    for tick in range(ticks):
                        if phase.breath == "out":
                            progress.update(task, completed=ticks - tick - 1)
                        else:
                            progress.update(task, completed=tick + 1)
                        progress.update(task, count=f"{tick // TICKS_PER_SECOND + 1}")
                        _sleep(1 / TICKS_PER_SECOND)
                out.print(f"Round {number} of {cycles} done.")
    except KeyboardInterrupt:
        out.print("\nStopped. That's completely fine. Let your breath find its own pace.")
        return
    out.print("\nDone. Notice how you feel now. If it's still a lot, help is there:")
    _region_help(region)


@practice_app.command("log")
def practice_log(
    name: Annotated[str, typer.Argument(help="The account.")],
    exercise: Annotated[str, typer.Argument(help="The practice, e.g. paced-breathing or grounding-5-4-3-2-1.")],
    before: Annotated[int, typer.Option(min=0, max=10, help="Distress before, 0 (calm) to 10.")],
    after: Annotated[int | None, typer.Option(min=0, max=10, help="Distress after, 0 to 10 (optional).")] = None,
    stopped_early: Annotated[bool, typer.Option("--stopped-early", help="You stopped early. That's okay.")] = False,
) -> None:
    """Keep how a practice went: distress before and, if you like, after."""
    setup_django()
    from django.core.exceptions import ValidationError

    from rebond.domain import practice_change
    from rebond.practice import services

    user: Any = account(name)
    try:
        session = services.session_create(user=user, exercise=exercise, distress_before=before,
                                          distress_after=after, finished=not stopped_early)
    except ValidationError as exc:
        raise RebondError("; ".join(" ".join(m) for m in exc.message_dict.values())) from exc
    out.print(practice_change.saved_words(session.distress_before, session.distress_after), highlight=False)
    if practice_change.offers_help(session.distress_after):
        out.print("\nIt's still a lot right now. Some days one practice isn't enough, and that's not your fault. "
                  "No one is told, and no one is watching.")
        _region_help(getattr(user, "region", "") or None)


def register(app: typer.Typer) -> None:
    app.command("breathe")(breathe)
    app.add_typer(practice_app, name="practice")
