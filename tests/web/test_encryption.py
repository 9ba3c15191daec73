from __future__ import annotations

import json
from typing import Any

import pytest
from django.db import connection
from hypothesis import given
from hypothesis import strategies as st

from rebond.accounts import keys
from rebond.accounts.models import DataKey
from rebond.lib import crypto
from rebond.safety import plan as plan_service
from rebond.safety.models import SafetyPlan
from tests.conftest import make_user

SENTENCE = "I promised myself I would call my brother on Sunday"


@given(st.text(max_size=300), st.text(min_size=1, max_size=40))
def test_seal_round_trip(plaintext: str, context: str) -> None:
    key = crypto.new_key()
    sealed = crypto.seal(plaintext, key=key, key_id="d1", context=context)
    assert sealed.startswith("rb1:d1:")
    assert crypto.open_sealed(sealed, key=key, context=context) == plaintext


def test_sealed_text_is_bound_to_its_context_and_key() -> None:
    key = crypto.new_key()
    sealed = crypto.seal("hello", key=key, key_id="d1", context="plan:1")
    with pytest.raises(crypto.CryptoError):
        crypto.open_sealed(sealed, key=key, context="plan:2")
    with pytest.raises(crypto.CryptoError):
        crypto.open_sealed(sealed, key=crypto.new_key(), context="plan:1")
    with pytest.raises(crypto.CryptoError):
        crypto.open_sealed("rb0:" + sealed[4:], key=key, context="plan:1")


def test_keyring_file_is_created_once(tmp_path: Any) -> None:
    path = tmp_path / "keys.json"
    first = crypto.load_or_create_keyring(path)
    second = crypto.load_or_create_keyring(path)
    assert first == second and oct(path.stat().st_mode)[-3:] == "600"
    path.write_text("{not json")
    with pytest.raises(crypto.CryptoError):
        crypto.load_or_create_keyring(path)


@pytest.mark.django_db(transaction=True)
def test_saved_sentence_is_absent_from_the_raw_database_file(alice: Any) -> None:
    plan_service.plan_save(user=alice, entries={"reasons": {"text": SENTENCE, "obstacle": ""}})
    assert plan_service.plan_get(user=alice)["reasons"]["text"] == SENTENCE
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        db_file = connection.settings_dict["NAME"]
        raw = open(db_file, "rb").read()
        assert b"SQLite format 3" in raw[:16]
        assert SENTENCE.encode() not in raw and b"brother" not in raw
    with connection.cursor() as cursor:
        cursor.execute("SELECT content FROM safety_safetyplan")
        stored = cursor.fetchone()[0]
    assert "brother" not in stored and stored.startswith("rb1:")


@pytest.mark.django_db
def test_deleting_the_data_key_leaves_nothing_to_decrypt(alice: Any) -> None:
    plan_service.plan_save(user=alice, entries={"coping": {"text": "tea and a walk", "obstacle": ""}})
    sealed = SafetyPlan.objects.values_list("content", flat=True).get(user=alice)
    keys.destroy_data_keys(alice.id)
    assert not DataKey.objects.filter(user=alice).exists()
    with pytest.raises(crypto.CryptoError):
        keys.open_text(alice.id, sealed, context=f"safety.safetyplan.content:{alice.id}")


@pytest.mark.django_db
def test_rotations_keep_old_text_readable(settings: Any, tmp_path: Any) -> None:
    settings.KEY_FILE = tmp_path / "keys.json"  # this test's own deployment key file
    keys._ring = None
    keys._data_keys.clear()
    alice = make_user("alice")
    plan_service.plan_save(user=alice, entries={"coping": {"text": "before rotation", "obstacle": ""}})
    new_id, count = keys.rotate_deployment_key()
    assert count >= 1 and json.loads(settings.KEY_FILE.read_text())["active"] == new_id
    keys._data_keys.clear()
    keys.rotate_data_key(alice.id)
    plan_service.plan_save(user=alice, entries={"reasons": {"text": "after rotation", "obstacle": ""}})
    keys._data_keys.clear()
    plan = plan_service.plan_get(user=alice)
    assert plan["coping"]["text"] == "before rotation" and plan["reasons"]["text"] == "after rotation"
    assert DataKey.objects.filter(user=alice).count() == 2
    keys._ring = None
