"""Journal text is sealed at rest, exported, imported, deleted with the account; `rebond journal add|list`."""

from __future__ import annotations

import io
import sys
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.db import connection

from rebond.accounts import services as accounts
from rebond.cli import run
from rebond.journal import catalogue, services
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


def test_an_entry_from_a_zone_further_east_imports_where_it_is_still_yesterday(alice: Any, bob: Any) -> None:
    """Just after midnight in London it is still the evening before in New York: the import keeps the entry."""
    import time_machine

    with time_machine.travel("2026-07-01 23:30+00:00", tick=False):
        entry, _ = services.entry_create(user=alice, kind="gratitude", body="Tea at dawn")
        assert str(entry.on) == "2026-07-02"
        exported = accounts.account_export(user=alice)["sections"]["journal"]
        assert services.import_all(bob, exported) == 1
        assert [str(e.on) for e in JournalEntry.objects.filter(user=bob)] == ["2026-07-02"]
        # A day that has not begun anywhere is still refused.
        exported["entries"][0]["on"] = "2026-07-04"
        with pytest.raises(ValidationError) as refused:
            services.import_all(bob, exported)
        assert "journal.on" in refused.value.message_dict
        assert JournalEntry.objects.filter(user=bob).count() == 1


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


def test_cli_prompt_is_a_number_or_a_prompts_own_words(alice: Any, capsys: Any) -> None:
    values = catalogue.prompt_set("values")
    assert values is not None
    assert run(["journal", "prompts", "values"]) == 0
    listed = capsys.readouterr().out
    assert f"2. {values.prompts[1]}" in listed
    assert run(["journal", "add", "alice", "Courage.", "--kind", "values", "--prompt", "2"]) == 0
    assert run(["journal", "add", "alice", "Care.", "--kind", "values", "--prompt", values.prompts[0]]) == 0
    assert [e.prompt for e in JournalEntry.objects.filter(user=alice).order_by("id")] == values.prompts[1::-1]
    capsys.readouterr()
    assert run(["journal", "add", "alice", "x", "--kind", "values", "--prompt", "My own question?"]) == 1
    said = capsys.readouterr().err
    assert "prompt" in said and "rebond journal prompts values" in said
    assert run(["journal", "add", "alice", "x", "--kind", "values", "--prompt", "99"]) == 1
    assert JournalEntry.objects.filter(user=alice).count() == 2
    assert run(["journal", "prompts", "diary"]) == 1


GOOD = {"kind": "gratitude", "on": "2025-01-02", "body": "Tea.", "prompt": "What made you smile, even for a moment?"}


@pytest.mark.parametrize("bad, field", [
    ({"kind": "strengths", "body": "", "prompt": "", "strengths": ["flying"]}, "strengths"),
    ({"kind": "strengths", "body": "", "prompt": "",
      "strengths": ["kindness", "hope", "zest", "love", "humor", "bravery"]}, "strengths"),
    ({"kind": "strengths", "body": "", "prompt": "", "strengths": []}, "strengths"),
    ({"strengths": ["hope"]}, "strengths"),
    ({"strengths": "hope"}, "strengths"),
    ({"retelling": "The second telling."}, "retelling"),
    ({"believable": 7}, "believable"),
    ({"kind": "diary"}, "kind"),
    ({"body": ""}, "body"),
    ({"on": "2999-01-01"}, "on"),
])
def test_import_checks_each_entry_like_a_new_one(alice: Any, bad: dict[str, Any], field: str) -> None:
    entries = [GOOD, {**GOOD, **bad}]
    with pytest.raises(ValidationError) as caught:
        services.import_all(alice, {"entries": entries})
    assert list(caught.value.message_dict) == [f"journal.{field}"]
    assert all(m.startswith("Journal entry 2: ") for m in caught.value.message_dict[f"journal.{field}"])
    assert not JournalEntry.objects.filter(user=alice).exists(), "nothing half-written: entry 1 isn't kept either"


def test_a_prompt_reworded_since_the_export_is_left_off_not_refused(alice: Any) -> None:
    """A prompt is our words, not the person's: their file still comes in when we have changed a prompt."""
    assert services.import_all(alice, {"entries": [{**GOOD, "prompt": "What made you smile today, in old words?"}]}) == 1
    entry = JournalEntry.objects.get(user=alice)
    assert entry.prompt == "" and entry.body == "Tea."


def test_a_bad_entry_stops_the_whole_account_import(alice: Any, charlie: Any) -> None:
    services.entry_create(user=alice, kind="values", body="Honesty.")
    exported = accounts.account_export(user=alice)
    exported["sections"]["journal"]["entries"].append({**GOOD, "believable": 3})
    with pytest.raises(ValidationError):
        accounts.account_import(user=charlie, data=exported)
    assert not JournalEntry.objects.filter(user=charlie).exists()


def test_an_unreadable_entry_is_said_in_words(alice: Any) -> None:
    for broken in ({"entries": [{"kind": "values"}]}, {"entries": [{**GOOD, "on": "soon"}]}, {"entries": "x"}):
        with pytest.raises(ValidationError) as caught:
            services.import_all(alice, broken)
        assert "can't be read" in " ".join(caught.value.messages)
    assert not JournalEntry.objects.exists()


def test_cli_search_says_when_older_entries_were_left_out(alice: Any, capsys: Any, monkeypatch: Any) -> None:
    from rebond.journal import selectors

    monkeypatch.setattr(selectors, "SEARCH_SCAN_LIMIT", 1)
    for words in ("Soup at noon.", "Soup again."):
        services.entry_create(user=alice, kind="gratitude", body=words)
    assert run(["journal", "list", "alice", "--search", "soup"]) == 0
    assert "Only your newest 1 entries were searched." in capsys.readouterr().out


def test_cli_says_who_can_read_the_journal(alice: Any, bob_shared: Any, capsys: Any) -> None:
    """bob_shared holds every scope, the journal too: "only you" would not be true."""
    assert run(["journal", "add", "alice", "A kind word from a neighbour."]) == 0
    said = " ".join(capsys.readouterr().out.split())  # the terminal wraps long lines
    assert "You share your journal with bob. They can read it." in said and "Only you" not in said
    assert run(["journal", "add", "bob", "My own page."]) == 0
    assert "Only you can see it." in capsys.readouterr().out, "bob's own journal is shared with nobody"
