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
from tests.conftest import make_user, sqlite_bytes_on_disk

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
    with connection.cursor() as cursor:
        cursor.execute("SELECT content FROM safety_safetyplan")
        stored = cursor.fetchone()[0]
    assert "brother" not in stored and stored.startswith("rb1:")
    if connection.vendor == "sqlite":
        raw = sqlite_bytes_on_disk()  # the main file after a checkpoint that must succeed, and the -wal file
        assert stored.encode() in raw, "the bytes read hold the saved row, so their silence about the sentence counts"
        assert SENTENCE.encode() not in raw and b"brother" not in raw


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


@pytest.mark.django_db(transaction=True)
def test_sqlite_overwrites_what_is_deleted_so_a_destroyed_key_leaves_the_file(charlie: Any) -> None:
    if connection.vendor != "sqlite":
        pytest.skip("PostgreSQL keeps deleted rows until VACUUM (docs/deploy.md)")
    from rebond.accounts import services

    with connection.cursor() as cursor:
        cursor.execute("PRAGMA secure_delete")
        assert cursor.fetchone() == (1,)
    alice = make_user("alice")
    wrapped = DataKey.objects.get(user=alice).wrapped
    assert wrapped.encode() in sqlite_bytes_on_disk()
    services.account_delete(user=alice)
    assert wrapped.encode() not in sqlite_bytes_on_disk()


@pytest.mark.django_db(transaction=True)
def test_the_raw_file_check_fails_when_the_checkpoint_cannot_finish(alice: Any) -> None:
    """A reader holding an old snapshot stops the checkpoint; the helper must say so rather than read a stale file."""
    if connection.vendor != "sqlite":
        pytest.skip("SQLite only")
    import sqlite3

    reader = sqlite3.connect(connection.settings_dict["NAME"], isolation_level=None)
    try:
        reader.execute("BEGIN")
        reader.execute("SELECT count(*) FROM safety_safetyplan").fetchone()
        plan_service.plan_save(user=alice, entries={"reasons": {"text": SENTENCE, "obstacle": ""}})
        with pytest.raises(AssertionError, match="checkpoint didn't finish"):
            sqlite_bytes_on_disk()
    finally:
        reader.close()


@pytest.fixture
def own_key_file(settings: Any, tmp_path: Any) -> Any:
    """This test's own deployment key file, and no keys cached from before."""
    settings.KEY_FILE = tmp_path / "keys.json"
    keys._ring = None
    keys._data_keys.clear()
    yield settings.KEY_FILE
    keys._ring = None
    keys._data_keys.clear()


@pytest.mark.django_db
def test_the_key_file_is_made_on_first_run_only(own_key_file: Any) -> None:
    assert not own_key_file.exists() and not DataKey.objects.exists()
    make_user("alice")  # the first account on a fresh database: the file is made now
    assert own_key_file.exists()


@pytest.mark.django_db
def test_a_vanished_key_file_is_an_error_in_words_never_a_new_key(own_key_file: Any) -> None:
    alice = make_user("alice")
    plan_service.plan_save(user=alice, entries={"coping": {"text": "tea and a walk", "obstacle": ""}})
    moved = own_key_file.with_name("keys.json.moved")
    own_key_file.rename(moved)
    keys._data_keys.clear()  # a new process: nothing cached
    for attempt in (lambda: plan_service.plan_get(user=alice), lambda: make_user("bea")):
        with pytest.raises(keys.KeyFileProblem, match="is missing, but this database already holds encrypted text"):
            attempt()
        assert not own_key_file.exists(), "no new key was made in its place"
    moved.rename(own_key_file)
    assert plan_service.plan_get(user=alice)["coping"]["text"] == "tea and a walk"
