"""Journal text is sealed at rest, exported, imported, deleted with the account; `rebond journal add|list`."""

from __future__ import annotations

import io
import sys
from typing import Any

import pytest
from django.db import connection

from rebond.accounts import services as accounts
from rebond.cli import run
from rebond.journal import services
from rebond.journal.models import JournalEntry

pytestmark = pytest.mark.django_db(transaction=True)

SECRET = "I forgave my sister for the wedding"


def test_text_is_encrypted_at_rest(alice: Any) -> None:
    entry, _ = services.entry_create(user=alice, kind="narrative-re-authoring", body=SECRET, retelling=SECRET)
    with connection.cursor() as cursor:
        cursor.execute("SELECT body, retelling FROM journal_journalentry WHERE id = %s", [entry.pk])
        raw = cursor.fetchone()
    assert raw is not None and all(SECRET not in value and "forgave" not in value for value in raw)
    assert JournalEntry.objects.get(pk=entry.pk).body == SECRET


def test_export_import_and_delete_with_the_account(alice: Any, charlie: Any) -> None:
    services.entry_create(user=alice, kind="strengths", strengths=["hope", "zest"], body="")
    services.entry_create(user=alice, kind="gratitude", body=SECRET)
    exported = accounts.account_export(user=alice)["sections"]["journal"]
    assert {e["kind"] for e in exported["entries"]} == {"strengths", "gratitude"}
    assert any(e["body"] == SECRET for e in exported["entries"])
    assert services.import_all(charlie, exported) == 2
    assert JournalEntry.objects.filter(user=charlie).count() == 2
    accounts.account_delete(user=alice)
    assert not JournalEntry.objects.filter(user_id=alice.pk).exists()
    assert JournalEntry.objects.filter(user=charlie).count() == 2


def test_cli_add_and_list(alice: Any, capsys: Any, monkeypatch: Any) -> None:
    assert run(["journal", "add", "alice", "Soup with a friend.", "--kind", "gratitude"]) == 0
    assert "Saved to your journal" in capsys.readouterr().out
    monkeypatch.setattr(sys, "stdin", io.StringIO("I value patience.\n"))
    assert run(["journal", "add", "alice", "--kind", "values"]) == 0
    assert JournalEntry.objects.filter(user=alice).count() == 2
    assert run(["journal", "add", "alice", "x", "--kind", "strengths", "--strength", "flying"]) == 1
    assert "Pick strengths from the list" in capsys.readouterr().err
    assert run(["journal", "add", "nobody", "x"]) == 1
    assert run(["journal", "list", "alice", "--search", "soup"]) == 0
    listed = capsys.readouterr().out
    assert "Soup with a friend." in listed and "patience" not in listed


def test_cli_crisis_words_are_saved_and_answered(alice: Any, capsys: Any) -> None:
    assert run(["journal", "add", "alice", "I want to kill myself", "--kind", "compassionate-letter"]) == 0
    text = capsys.readouterr().out
    assert "It sounds like a lot is going on" in text and "kill" not in text
    assert JournalEntry.objects.filter(user=alice).count() == 1
