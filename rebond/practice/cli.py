"""`rebond breathe`: a calm breathing pacer in the terminal. Ctrl+C stops it kindly."""

from __future__ import annotations

import time
from typing import Annotated

import typer

from rebond.cli import RebondError, out

BREATHING = ("paced-breathing", "square-breathing")
TICKS_PER_SECOND = 10


def _sleep(seconds: float) -> None:
    """One place to wait, so tests can make the pacer instant."""
    time.sleep(seconds)


def breathe(
    cycles: Annotated[int, typer.Option("--cycles", "-n", min=1, max=100, help="How many rounds to breathe.")] = 6,
    exercise: Annotated[str, typer.Option(help="paced-breathing (in 4, out 6) or square-breathing (4 sides).")]
    = "paced-breathing",
) -> None:
    """Breathe along with a pacer in the terminal. In and out only, no holding. Ctrl+C stops any time."""
    from rich.progress import BarColumn, Progress, TextColumn

    from rebond.practice import content

    item = content.exercise(exercise)
    if item is None or not item.pacer:
        raise RebondError(f"Pick one of: {', '.join(BREATHING)}.")
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
    out.print("\nDone. Notice how you feel now. If it's still a lot, `rebond` has Get help now at /help/.")


def register(app: typer.Typer) -> None:
    app.command("breathe")(breathe)
