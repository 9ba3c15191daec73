"""`rebond thought add` (interactive, step by step) and `rebond thought list`."""

from __future__ import annotations

from typing import Annotated, Any

import typer

from rebond.cli import RebondError, account, crisis_note, out, problems, setup_django

thought_app = typer.Typer(help="Thought records: look at a painful thought from a few sides.", no_args_is_help=True)


def _rating(question: str, *, optional: bool = True) -> int | None:
    while True:
        raw = typer.prompt(f"{question} (0-100{', Enter to skip' if optional else ''})", default="",
                           show_default=False).strip()
        if not raw and optional:
            return None
        if raw.isdigit() and 0 <= int(raw) <= 100:
            return int(raw)
        out.print("Use a whole number from 0 to 100.")


def _text(question: str) -> str:
    return str(typer.prompt(question, default="", show_default=False)).strip()


def _suggest(hot: str, situation: str, *, calm: bool) -> list[str]:
    """Ranked suggestions to choose from; when the crisis check fired on the words (`calm`), no ranking and no
    reasons, as on the web: every trap in its usual order, after a calm line."""
    from rebond.domain import traps as trap_rules
    from rebond.thoughts.steps import calm_note

    if calm:
        note = calm_note()
        out.print(f"\n{note['heading']}. {note['all_traps']}")
        ids = list(trap_rules.TRAP_IDS)
        library = trap_rules.trap_library()
        for i, trap_id in enumerate(ids, start=1):
            out.print(f"  {i:>2}. {library[trap_id].name}")
    else:
        suggestions = trap_rules.suggest(hot, context=situation)
        ids = [s.id for s in suggestions]
        out.print("\nThinking traps that might fit. These are only suggestions; none is chosen for you.")
        for i, s in enumerate(suggestions, start=1):
            out.print(f"  {i:>2}. {s.name}" + (f" — {s.reason}" if i <= 3 else ""))
    raw = _text("Numbers of any that fit, separated by commas (Enter for none)")
    chosen: list[str] = []
    for part in raw.replace(" ", "").split(","):
        if part.isdigit() and 1 <= int(part) <= len(ids):
            chosen.append(ids[int(part) - 1])
    return chosen


def _save(user: Any, record: Any, changes: dict[str, Any]) -> tuple[Any, Any]:
    from django.core.exceptions import ValidationError

    from rebond.thoughts import services

    try:
        return services.record_save(user=user, record=record, changes=changes)
    except ValidationError as exc:
        saved = " Your words so far are kept as a draft." if record is not None else ""
        raise RebondError(f"The thought record was not saved.{saved} {problems(exc)}") from exc


@thought_app.command("add")
def thought_add(name: Annotated[str, typer.Argument(help="The account.")]) -> None:
    """Write a thought record, one question at a time."""
    setup_django()
    from rebond.domain import traps as trap_rules
    from rebond.thoughts import services

    user = account(name)
    out.print("A thought record, one question at a time. Skip anything that doesn't fit.\n")
    situation = _text("What happened? Where were you, and who was there?")
    thoughts: list[dict[str, Any]] = []
    while len(thoughts) < services.MAX_THOUGHTS:
        text = _text("What went through your mind?" if not thoughts else "Another thought? (Enter when done)")
        if not text:
            if thoughts:
                break
            out.print("Write down at least one thought.")
            continue
        thoughts.append({"text": text, "hot": False})
    hot_index = 0
    if len(thoughts) > 1:
        for i, t in enumerate(thoughts, start=1):
            out.print(f"  {i}. {t['text']}")
        raw = _text("Which one stings most? (number)")
        hot_index = int(raw) - 1 if raw.isdigit() and 1 <= int(raw) <= len(thoughts) else 0
    thoughts[hot_index]["hot"] = True
    hot = thoughts[hot_index]["text"]
    # The words are saved as a draft at once (the crisis check runs first, in the service), so support comes before
    # the rest of the questions and "Your entry is saved" is true even if the person stops here.
    draft, early = _save(user, None, {"situation": situation, "thoughts": thoughts, "status": "draft"})
    crisis_note(early, saved="Your entry is saved.")
    emotions: list[dict[str, Any]] = []
    while len(emotions) < services.MAX_EMOTIONS:
        feeling = _text("A feeling you had (like sad, scared, angry; Enter when done)")
        if not feeling:
            break
        emotions.append({"name": feeling, "before": _rating(f"How strong was {feeling}?", optional=False),
                         "after": None})
    belief_before = _rating("How much do you believe the hot thought?")
    traps = _suggest(hot, situation, calm=early.detected or early.harmed_by_other)
    accurate = typer.confirm("Could this be an accurate read (does the evidence back it up)?", default=False)
    evidence_for = _text("What supports the thought?")
    evidence_against = _text("What doesn't fit the thought, or shows another side?")
    changes: dict[str, Any] = {
        "situation": situation, "thoughts": thoughts, "belief_before": belief_before, "traps": traps,
        "accurate_read": accurate, "evidence_for": evidence_for, "evidence_against": evidence_against,
        "status": "done",
    }
    if accurate:
        changes["action_plan"] = _text("What could you do about it? One small step is enough")
    else:
        library = trap_rules.trap_library()
        for trap_id in traps:
            out.print(f"  {library[trap_id].name}: {library[trap_id].reframe_hint}")
        changes["balanced_thought"] = _text("What is a more balanced way to see it?")
        changes["balanced_belief"] = _rating("How much do you believe the balanced thought?")
    for emotion in emotions:
        emotion["after"] = _rating(f"How strong is {emotion['name']} now? (it was {emotion['before']})")
    changes["emotions"] = emotions
    changes["belief_after"] = _rating("How much do you believe the hot thought now?")
    record, result = _save(user, draft, changes)
    out.print(f"\nSaved thought record {record.pk}.")
    for emotion in emotions:
        if emotion["after"] is not None:
            out.print(f"  {emotion['name']}: {emotion['before']} → {emotion['after']}")
    if belief_before is not None and changes["belief_after"] is not None:
        out.print(f"  Belief in the thought: {belief_before} → {changes['belief_after']}")
    if not early.detected and not early.harmed_by_other:
        crisis_note(result, saved="Your entry is saved.")


@thought_app.command("list")
def thought_list(
    name: Annotated[str, typer.Argument(help="The account.")],
    q: Annotated[str, typer.Option("--search", "-q", help="Only records with all these words.")] = "",
    trap: Annotated[str, typer.Option(help="Only records with this trap id, e.g. mind_reading.")] = "",
    limit: Annotated[int, typer.Option(help="How many to show.")] = 50,
) -> None:
    """List your thought records, newest first."""
    setup_django()
    from rich.table import Table

    from rebond.domain import traps as trap_rules
    from rebond.thoughts import selectors

    user = account(name)
    if trap and not selectors.known_trap(trap):
        raise RebondError(f"{trap!r} is not a trap id. They are: {', '.join(trap_rules.TRAP_IDS)}.")
    items, count = selectors.record_list(user=user, q=q, trap=trap, limit=max(1, limit))
    library = trap_rules.trap_library()
    table = Table("id", "day", "hot thought", "traps", "status")
    for r in items:
        table.add_row(str(r.pk), r.created_at.date().isoformat(), selectors.hot_thought(r),
                      ", ".join(library[t].name for t in r.traps), r.get_status_display())
    out.print(table)
    out.print(f"{count} thought record{'s' if count != 1 else ''}.")


def register(app: typer.Typer) -> None:
    app.add_typer(thought_app, name="thought")
