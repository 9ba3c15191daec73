"""The service layer: validation names the field, the guard runs on every text, and drafts are partial."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.exceptions import ValidationError

from rebond.thoughts import selectors, services
from rebond.thoughts.models import AutomaticThought, Emotion, ThoughtRecord
from tests.thoughts.conftest import FULL

pytestmark = pytest.mark.django_db


def test_full_record_is_saved_and_read_back(record: Any, alice: Any) -> None:
    again = selectors.record_get(user=alice, record_id=record.pk)
    assert again.situation == FULL["situation"]
    assert [t.text for t in again.thoughts.all()] == ["She must be angry with me.", "I always push people away."]
    assert selectors.hot_thought(again) == "She must be angry with me."
    assert [(e.name, e.before, e.after) for e in again.emotions.all()] == [("Worried", 80, 40), ("Lonely", 60, 50)]
    assert again.traps == ["overgeneralizing", "mind_reading"]  # kept in the library's order
    assert again.status == "done"


def test_free_text_is_sealed_in_the_database(record: Any) -> None:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SELECT situation, balanced_thought FROM thoughts_thoughtrecord WHERE id = %s", [record.pk])
        situation, balanced = cursor.fetchone()
        cursor.execute("SELECT text FROM thoughts_automaticthought WHERE record_id = %s", [record.pk])
        thoughts = [row[0] for row in cursor.fetchall()]
        cursor.execute("SELECT name FROM thoughts_emotion WHERE record_id = %s", [record.pk])
        names = [row[0] for row in cursor.fetchall()]
    for raw in (situation, balanced, *thoughts, *names):
        assert "friend" not in raw and "angry" not in raw and "Worried" not in raw and "away" not in raw


def test_the_first_thought_is_hot_when_none_is_marked(alice: Any) -> None:
    record, _ = services.record_save(user=alice, changes={"thoughts": [{"text": "one"}, {"text": "two"}]})
    assert [t.hot for t in record.thoughts.all()] == [True, False]


def test_only_one_hot_thought(alice: Any) -> None:
    with pytest.raises(ValidationError) as exc:
        services.record_save(user=alice, changes={"thoughts": [{"text": "a", "hot": True}, {"text": "b", "hot": True}]})
    assert "thoughts" in exc.value.message_dict


@pytest.mark.parametrize(("changes", "field"), [
    ({"situation": "x" * 5001}, "situation"),
    ({"thoughts": [{"text": "   "}]}, "thoughts.0.text"),
    ({"thoughts": [{"text": "y" * 5001}]}, "thoughts.0.text"),
    ({"emotions": [{"name": "", "before": 10}]}, "emotions.0.name"),
    ({"emotions": [{"name": "Sad", "before": 101}]}, "emotions.0.before"),
    ({"emotions": [{"name": "Sad"}]}, "emotions.0.before"),
    ({"emotions": [{"name": "Sad", "before": 5, "after": -1}]}, "emotions.0.after"),
    ({"belief_before": 150}, "belief_before"),
    ({"balanced_belief": "lots"}, "balanced_belief"),
    ({"traps": ["doom"]}, "traps"),
    ({"status": "done"}, "thoughts"),
    ({"colour": "blue"}, "colour"),
])
def test_bad_input_names_the_field(alice: Any, changes: dict[str, Any], field: str) -> None:
    with pytest.raises(ValidationError) as exc:
        services.record_save(user=alice, changes=changes)
    assert field in exc.value.message_dict
    assert not ThoughtRecord.objects.filter(user=alice).exists()


def test_over_long_text_states_the_limit(alice: Any) -> None:
    with pytest.raises(ValidationError) as exc:
        services.record_save(user=alice, changes={"evidence_for": "z" * 5001})
    assert "5,000" in exc.value.message_dict["evidence_for"][0]


def test_exactly_the_limit_is_fine(alice: Any) -> None:
    record, _ = services.record_save(user=alice, changes={"situation": "a" * 5000})
    assert len(record.situation) == 5000


def test_the_guard_runs_on_every_text(alice: Any) -> None:
    quiet, result = services.record_save(user=alice, changes=FULL)
    assert not result.detected
    for field in ("situation", "evidence_for", "evidence_against", "balanced_thought", "action_plan"):
        _, result = services.record_save(user=alice, record=quiet, changes={field: "I want to kill myself tonight"})
        assert result.detected, field
    _, result = services.record_save(user=alice, record=quiet,
                                     changes={"thoughts": [{"text": "Everyone would be better off without me"}]})
    assert result.detected
    # The entry is saved all the same.
    assert selectors.hot_thought(selectors.record_get(user=alice, record_id=quiet.pk)).startswith("Everyone")


def test_drafts_are_partial_and_lists_replace(alice: Any) -> None:
    record = services.record_start(user=alice)
    assert record.status == "draft"
    services.record_save(user=alice, record=record, changes={"situation": "At work."})
    services.record_save(user=alice, record=record, changes={"thoughts": [{"text": "I'll get fired."}]})
    services.record_save(user=alice, record=record, changes={"thoughts": [{"text": "I'll be told off."}]})
    record = selectors.record_get(user=alice, record_id=record.pk)
    assert record.situation == "At work."
    assert [t.text for t in record.thoughts.all()] == ["I'll be told off."]
    assert AutomaticThought.objects.filter(user=alice).count() == 1


def test_an_untouched_draft_is_reused(alice: Any) -> None:
    first = services.record_start(user=alice)
    assert services.record_start(user=alice).pk == first.pk
    services.record_save(user=alice, record=first, changes={"situation": "Something"})
    assert services.record_start(user=alice).pk != first.pk


def test_finish_needs_a_thought(alice: Any) -> None:
    record = services.record_start(user=alice)
    with pytest.raises(ValidationError):
        services.record_finish(user=alice, record=record)
    services.record_save(user=alice, record=record, changes={"thoughts": [{"text": "x"}]})
    assert services.record_finish(user=alice, record=record).status == "done"


def test_someone_elses_record_cannot_be_changed_or_deleted(record: Any, charlie: Any) -> None:
    with pytest.raises(ThoughtRecord.DoesNotExist):
        services.record_save(user=charlie, record=record, changes={"situation": "mine now"})
    with pytest.raises(ThoughtRecord.DoesNotExist):
        services.record_delete(user=charlie, record=record)
    with pytest.raises(ThoughtRecord.DoesNotExist):
        selectors.record_get(user=charlie, record_id=record.pk)


def test_delete_removes_children(record: Any, alice: Any) -> None:
    services.record_delete(user=alice, record=record)
    assert not AutomaticThought.objects.filter(user=alice).exists()
    assert not Emotion.objects.filter(user=alice).exists()


@pytest.mark.parametrize("text", ["Je suis nul, je rate tout", "私はいつも失敗する", "😞😞 why me 💔", "ليس لدي أحد",
                                  "\u200b\u0000odd\ufeff", "Ünïcödé ÀÉÎ"])
def test_any_language_or_emoji_is_fine(alice: Any, text: str) -> None:
    record, _ = services.record_save(user=alice, changes={"situation": text.replace("\x00", ""),
                                                          "thoughts": [{"text": text.replace("\x00", "")}]})
    assert selectors.hot_thought(selectors.record_get(user=alice, record_id=record.pk)) == text.replace("\x00", "")


def test_search_opens_and_matches_every_word_in_any_case(alice: Any, record: Any) -> None:
    other, _ = services.record_save(user=alice, changes={"thoughts": [{"text": "Ich bin ÜBERFORDERT"}], "status": "done"})
    assert [r.pk for r in selectors.record_list(user=alice, q="angry")[0]] == [record.pk]
    assert [r.pk for r in selectors.record_list(user=alice, q="CAMPING friend")[0]] == [record.pk]
    assert [r.pk for r in selectors.record_list(user=alice, q="überfordert")[0]] == [other.pk]
    assert selectors.record_list(user=alice, q="angry nothing-like-this")[1] == 0
    assert selectors.record_list(user=alice, q="worried")[1] == 1  # feeling names are searched too


def test_trap_filter_does_not_match_inside_other_ids(alice: Any) -> None:
    services.record_save(user=alice, changes={"thoughts": [{"text": "a"}], "traps": ["all_or_nothing"]})
    services.record_save(user=alice, changes={"thoughts": [{"text": "b"}], "traps": ["labeling"]})
    assert selectors.record_list(user=alice, trap="labeling")[1] == 1
    assert selectors.record_list(user=alice, trap="all_or_nothing")[1] == 1
    assert selectors.record_list(user=alice, trap="blaming")[1] == 0


def test_list_paginates(alice: Any) -> None:
    for i in range(25):
        services.record_save(user=alice, changes={"thoughts": [{"text": f"thought {i}"}], "status": "done"})
    page, count = selectors.record_list(user=alice, limit=10, offset=20)
    assert count == 25 and len(page) == 5
    page, count = selectors.record_list(user=alice, q="thought", limit=10, offset=20)
    assert count == 25 and len(page) == 5
