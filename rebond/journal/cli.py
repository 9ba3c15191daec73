"""`rebond journal add` and `rebond journal list`: the self-acceptance journal from the terminal."""

from __future__ import annotations

import sys
from typing import Annotated, Any

import typer

from rebond.cli import RebondError, out, setup_django

journal_app = typer.Typer(help="Your self-acceptance journal.", no_args_is_help=True)
KINDS = "gratitude, compassionate-letter, strengths, affirmations, narrative-re-authoring, values"


def _account(name: str) -> Any:
    from rebond.accounts.models import User

    user = User.objects.filter(username=name).first()
    if user is None:
        raise RebondError(f"There is no account named {name!r}. `rebond user list` shows the accounts.")
    return user


@journal_app.command("add")
def journal_add(
    name: Annotated[str, typer.Argument(help="The account.")],
    text: Annotated[str, typer.Argument(help="What you write. Use - to read it from standard input.")] = "-",
    kind: Annotated[str, typer.Option(help=KINDS)] = "gratitude",
    prompt: Annotated[str, typer.Option(help="The prompt you're answering (optional).")] = "",
    retelling: Annotated[str, typer.Option(help="For narrative-re-authoring: the second telling.")] = "",
    strength: Annotated[list[str] | None, typer.Option("--strength", help="For strengths: a slug, up to five times.")]
    = None,
    believable: Annotated[int | None, typer.Option(min=0, max=10, help="For affirmations: how believable, 0-10.")]
    = None,
) -> None:
    """Write a journal entry."""
    setup_django()
    from django.core.exceptions import ValidationError

    from rebond.journal import services

    user = _account(name)
    body = sys.stdin.read().strip() if text == "-" else text
    try:
        entry, result = services.entry_create(user=user, kind=kind, body=body, retelling=retelling, prompt=prompt,
                                              strengths=strength or [], believable=believable)
    except ValidationError as exc:
        raise RebondError("; ".join(f"{f}: {' '.join(m)}" for f, m in exc.message_dict.items())) from exc
    out.print(f"Saved to your journal (entry {entry.pk}). Only you can see it.")
    if result.detected or result.harmed_by_other:
        payload = result.as_payload()
        out.print("It sounds like a lot is going on. No one is told, and no one is watching.")
        number = payload.get("emergency_number")
        out.print(f"If you are in danger right now, call {number or 'your local emergency number'}.")
        for line in payload["resources"][:4]:
            out.print(f"  {line.get('name')}: {line.get('phone') or ''}")


@journal_app.command("list")
def journal_list(
    name: Annotated[str, typer.Argument(help="The account.")],
    search: Annotated[str, typer.Option("--search", "-s", help="Words to look for.")] = "",
    limit: Annotated[int, typer.Option(min=1, max=500)] = 20,
) -> None:
    """List your journal entries, newest first."""
    setup_django()
    from rich.table import Table

    from rebond.journal import selectors

    rows, count = selectors.entry_list(user=_account(name), q=search, limit=limit)
    table = Table(title=f"Journal ({count})")
    for column in ("id", "day", "kind", "text"):
        table.add_column(column)
    for e in rows:
        table.add_row(str(e.pk), e.on.isoformat(), e.get_kind_display(), (e.body or "")[:60])
    out.print(table)


def register(app: typer.Typer) -> None:
    app.add_typer(journal_app, name="journal")
