"""`rebond journal add` and `rebond journal list`: the self-acceptance journal from the terminal."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from rebond.cli import RebondError, account, crisis_note, out, problems, setup_django

journal_app = typer.Typer(help="Your self-acceptance journal.", no_args_is_help=True)
KINDS = "gratitude, compassionate-letter, strengths, affirmations, narrative-re-authoring, values"


@journal_app.command("add")
def journal_add(
    name: Annotated[str, typer.Argument(help="The account.")],
    text: Annotated[str, typer.Argument(help="What you write. Use - to read it from standard input.")] = "-",
    kind: Annotated[str, typer.Option(help=KINDS)] = "gratitude",
    prompt: Annotated[str, typer.Option(help="The prompt you're answering (optional): its number in "
                                             "`rebond journal prompts KIND`, or its exact words.")] = "",
    retelling: Annotated[str, typer.Option(help="For narrative-re-authoring: the second telling.")] = "",
    strength: Annotated[list[str] | None, typer.Option("--strength", help="For strengths: a slug, up to five times.")]
    = None,
    believable: Annotated[int | None, typer.Option(min=0, max=10, help="For affirmations: how believable, 0-10.")]
    = None,
) -> None:
    """Write a journal entry."""
    setup_django()
    from django.core.exceptions import ValidationError

    from rebond.journal import selectors, services

    user = account(name)
    body = sys.stdin.read().strip() if text == "-" else text
    try:
        entry, result = services.entry_create(user=user, kind=kind, body=body, retelling=retelling,
                                              prompt=_prompt_words(kind, prompt), strengths=strength or [],
                                              believable=believable)
    except ValidationError as exc:
        words = problems(exc)
        if "prompt" in exc.message_dict:
            words += f" `rebond journal prompts {kind}` lists them."
        raise RebondError(words) from exc
    out.print(f"Saved to your journal (entry {entry.pk}). {selectors.who_reads(user=user)}", highlight=False)
    crisis_note(result, saved="")


def _prompts(kind: str) -> list[str]:
    from rebond.journal import catalogue

    prompt_set = catalogue.prompt_set(kind)
    return prompt_set.prompts if prompt_set else []


def _prompt_words(kind: str, prompt: str) -> str:
    """--prompt 2 means the kind's second prompt; anything else is taken as the prompt's own words."""
    prompts = _prompts(kind)
    if prompt.strip().isdigit() and 1 <= int(prompt) <= len(prompts):
        return prompts[int(prompt) - 1]
    return prompt


@journal_app.command("prompts")
def journal_prompts(kind: Annotated[str, typer.Argument(help=KINDS)]) -> None:
    """The prompts for one kind of entry, numbered for `rebond journal add --prompt N`."""
    prompts = _prompts(kind)
    if not prompts:
        raise RebondError(f"There is no journal kind {kind!r}. Kinds: {KINDS}.")
    for number, words in enumerate(prompts, start=1):
        out.print(f"{number}. {words}", highlight=False)


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

    found = selectors.entry_search(user=account(name), q=search, limit=limit)
    table = Table(title=f"Journal ({found.count})")
    for column in ("id", "day", "kind", "text"):
        table.add_column(column)
    for e in found.items:
        table.add_row(str(e.pk), e.on.isoformat(), e.get_kind_display(), (e.body or "")[:60])
    out.print(table)
    if not found.complete:
        out.print(f"Only your newest {selectors.SEARCH_SCAN_LIMIT} entries were searched.")


def register(app: typer.Typer) -> None:
    app.add_typer(journal_app, name="journal")
