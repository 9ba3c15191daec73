"""Text with a character that can't be stored (a lone half of an emoji, NUL): a 422 or a field error, never a 500."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.db import transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rebond.accounts import services as account_services
from rebond.cli import run
from rebond.lib import crypto, text
from rebond.promises.models import Promise, Victory
from rebond.thoughts.models import ThoughtRecord

# Any text at all: ordinary characters, plus surrogates (category Cs), which st.text() leaves out by default.
ANY_TEXT = st.text(alphabet=st.characters() | st.characters(categories=["Cs"]) | st.just("\x00"), max_size=60)
LONE = "I kept it \ud83d"


def has_surrogate_or_nul(value: str) -> bool:
    return any(0xD800 <= ord(ch) <= 0xDFFF or ch == "\x00" for ch in value)


@given(ANY_TEXT)
def test_saveable_is_exactly_no_surrogate_and_no_nul(value: str) -> None:
    assert text.saveable(value) is not has_surrogate_or_nul(value)


@given(ANY_TEXT)
def test_seal_round_trips_or_refuses_cleanly(value: str) -> None:
    key = crypto.new_key()
    if any(0xD800 <= ord(ch) <= 0xDFFF for ch in value):
        with pytest.raises(crypto.CryptoError):
            crypto.seal(value, key=key, key_id="d1", context="t")
    else:
        assert crypto.open_sealed(crypto.seal(value, key=key, key_id="d1", context="t"), key=key, context="t") == value


@given(st.recursive(ANY_TEXT | st.integers() | st.none(),
                    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(ANY_TEXT, inner, max_size=3)))
def test_first_unsaveable_points_at_a_bad_string(document: Any) -> None:
    path = text.first_unsaveable(document)
    bad = [p for p, s in text.strings(document) if not text.saveable(s)]
    assert path == (bad[0] if bad else None)


@pytest.mark.django_db
@settings(max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(value=ANY_TEXT.filter(lambda v: v.strip() != ""))
def test_the_encrypted_field_round_trips_or_names_itself(alice: Any, value: str) -> None:
    victory = Victory(user=alice, text=value, on=date(2030, 1, 1))
    if text.saveable(value):
        victory.full_clean()
        victory.save()
        assert Victory.objects.get(pk=victory.pk).text == value
        return
    with pytest.raises(ValidationError) as caught:
        victory.full_clean()
    assert caught.value.message_dict["text"] == [text.UNSAVEABLE]
    # a service that skips full_clean is stopped at the field (and, as any failed write, marks its transaction)
    with pytest.raises(ValidationError) as caught, transaction.atomic():
        victory.save()
    assert caught.value.message_dict == {"text": [text.UNSAVEABLE]}
    assert victory.pk is None


@pytest.mark.django_db
@pytest.mark.parametrize("bad", [LONE, "\udfff at the start", "a NUL \x00 inside"])
def test_thoughts_and_promises_say_which_field(api_as: Any, alice: Any, bad: str) -> None:
    api = api_as(alice)
    response = api.post("/thoughts", {"situation": bad})
    assert response.status_code == 422
    assert response.json() == {"detail": [{"loc": ["body", "situation"], "msg": text.UNSAVEABLE}]}
    response = api.post("/thoughts", {"thoughts": [{"text": "fine"}, {"text": bad}]})
    assert response.json()["detail"][0]["loc"] == ["body", "thoughts", 1, "text"]
    response = api.post("/promises", {"text": bad, "size": "small", "starts_on": "2030-01-01"})
    assert response.status_code == 422 and response.json()["detail"][0]["loc"] == ["body", "text"]
    assert not ThoughtRecord.objects.exists() and not Promise.objects.exists()


@pytest.mark.django_db
def test_the_message_does_not_blame_emoji_which_save_fine(api_as: Any, alice: Any) -> None:
    api = api_as(alice)
    assert api.post("/thoughts", {"situation": "Kept my walk today 🎉🙂", "status": "draft"}).status_code == 201
    message = api.post("/thoughts", {"situation": LONE}).json()["detail"][0]["msg"]
    assert "removing emoji" not in message and "near the end" not in message
    assert "Emoji are fine" in message and "Type that part again" in message


@pytest.mark.django_db
def test_patching_a_thought_record(api_as: Any, alice: Any, bob_shared: Any, charlie: Any) -> None:
    owner = api_as(alice)
    record_id = owner.post("/thoughts", {"situation": "At the bus stop", "status": "draft"}).json()["id"]
    response = owner.call("patch", f"/thoughts/{record_id}", {"situation": LONE})
    assert response.status_code == 422 and response.json()["detail"][0]["loc"] == ["body", "situation"]
    # a stranger learns nothing: the body is refused before any record is looked up, the same for every id
    for other, write in ((api_as(bob_shared), 403), (api_as(charlie), 404)):  # bob's share is read-only
        mine = other.call("patch", f"/thoughts/{record_id}", {"situation": LONE})
        missing = other.call("patch", "/thoughts/999999", {"situation": LONE})
        assert (mine.status_code, mine.json()) == (missing.status_code, missing.json()) == (422, response.json())
        changed = other.call("patch", f"/thoughts/{record_id}", {"situation": "mine now", "status": "draft"})
        assert changed.status_code == write
    assert ThoughtRecord.objects.get(pk=record_id).situation == "At the bus stop"


@pytest.mark.django_db
def test_a_bad_key_is_caught_too(api_as: Any, alice: Any) -> None:
    response = api_as(alice).post("/thoughts", {"situation": "ok", "\ud83d": "x"})
    assert response.status_code == 422 and response.json()["detail"][0]["loc"] == ["body", "\ud83d"]


@pytest.mark.django_db
def test_the_display_name_is_checked_beside_its_field(alice: Any) -> None:
    with pytest.raises(ValidationError) as caught:
        account_services.profile_update(user=alice, display_name=LONE, email="", time_zone="UTC", region="",
                                        discreet_mode=False)
    assert caught.value.message_dict["display_name"] == [text.UNSAVEABLE]
    alice.refresh_from_db()
    assert alice.display_name == ""


@pytest.mark.django_db
def test_a_form_post_with_broken_bytes_is_not_a_crash(alice: Any) -> None:
    from tests.conftest import client_for

    body = "display_name=Al%ED%A0%BD&email=&time_zone=UTC&region="  # the UTF-8 bytes of a lone surrogate
    response = client_for(alice).post("/accounts/settings/", body, content_type="application/x-www-form-urlencoded")
    assert response.status_code == 302  # the browser's bytes are read with a replacement character
    alice.refresh_from_db()
    assert alice.display_name.startswith("Al") and text.saveable(alice.display_name)


@pytest.mark.django_db
def test_cli_text_from_undecodable_arguments(alice: Any, capsys: Any) -> None:
    # Python reads command-line bytes that aren't UTF-8 as lone surrogates ("surrogateescape")
    assert run(["promise", "add", "alice", "Walk \udcff"]) == 1
    assert "can't be saved" in " ".join(capsys.readouterr().err.split())
    assert not Promise.objects.exists()
