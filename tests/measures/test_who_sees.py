"""Who sees a safety answer is said from the person's own shares (UX.md Safety): the clinicians given safety alerts,
by name; supporters never; a clinician with only the questionnaire scope never; nobody alerted automatically."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.utils.html import escape

from rebond.care import selectors as care_selectors
from rebond.care.access import SCOPES
from tests.conftest import client_for, make_user, share, signed_in

pytestmark = pytest.mark.django_db

OLD_UNTRUE = ("never see your answer about safety", "share your questionnaires with them")


def named(user: Any, name: str) -> Any:
    user.display_name = name
    user.save(update_fields=["display_name"])
    return user


def checkin_words(user: Any) -> str:
    html = signed_in(user).get("/measures/checkin/").content.decode()
    assert not any(old in html for old in OLD_UNTRUE)
    start = html.index('id="safety-who-sees"')
    return html[start:html.index("</p>", start)]


def item9_note(user: Any) -> str:
    html = signed_in(user).get("/measures/phq9/take/").content.decode()
    assert not any(old in html for old in OLD_UNTRUE)
    start = html.index('id="note-9"')
    note = html[start:html.index("</p>", start)]
    assert start < html.index("9. Thoughts that you would be better off dead")  # said before the question
    assert re.search(r'aria-describedby="note-9( [^"]*)?"', html)
    return note


def test_with_no_share_the_answer_stays_with_you(alice: Any) -> None:
    words = checkin_words(alice)
    assert "stays with you" in words and "don&#x27;t share safety alerts with anyone" in words
    assert "Supporters never see it" in words and "Nobody is alerted automatically" in words
    note = item9_note(alice)
    assert "thoughts of death" in note and "Who sees your answer: only you." in note
    assert "Supporters never see it" in note and "Nobody is alerted automatically" in note
    assert "No one is called or sent a message" in note


def test_a_clinician_with_safety_alerts_is_named(alice: Any, bob_shared: Any) -> None:
    words = checkin_words(alice)
    assert escape('If you answer "Not safe" or "Not sure", bob can see that') in words
    assert "stays with you" not in words and "Nobody is alerted automatically" in words
    note = item9_note(alice)
    assert "Who sees your answer: you, and bob, because you share safety alerts with them." in note
    assert "only you" not in note and "Nobody is alerted automatically" in note
    # Only a finished questionnaire reaches bob (care.reads.safety_alerts_for), so the note says so.
    assert escape('If you answer above "Not at all", they can see that once you finish the questionnaire') in note
    assert "Answers saved for later are not shown to them." in note
    # bob's own pages speak of bob's own shares (he has given none), never of alice's.
    assert "stays with you" in checkin_words(bob_shared)
    assert "only you" in item9_note(bob_shared)


def test_a_questionnaires_only_clinician_and_a_supporter_are_never_named(alice: Any, bob: Any) -> None:
    dave = named(make_user("dave", "supporter"), "Dave")
    share(alice, bob, scopes=["measures"])
    from rebond.care.models import Share

    share(alice, dave, scopes=["victories", "measures"], role="supporter")
    # Even a stray row that names safety alerts for a supporter grants nothing (care.access.effective_scopes).
    Share.objects.filter(owner=alice, viewer=dave).update(scopes=list(SCOPES))
    assert care_selectors.safety_alert_viewers(user=alice) == []
    for words in (checkin_words(alice), item9_note(alice)):
        assert "bob" not in words and "Dave" not in words and "Supporters never see it" in words


def test_names_in_order_and_shown_on_today_too(alice: Any, bob_shared: Any, charlie: Any) -> None:
    erin = named(make_user("erin", "clinician"), "Dr Erin")
    share(alice, erin, scopes=["safety_alerts"])
    assert care_selectors.safety_alert_viewers(user=alice) == ["bob", "Dr Erin"]
    assert "you, and bob and Dr Erin, because" in item9_note(alice)
    today = client_for(alice).get("/").content.decode()
    assert "bob and Dr Erin can see that" in today and 'aria-describedby="safety-who-sees"' in today
    assert "bob" not in client_for(charlie).get("/").content.decode().split('id="safety-who-sees"')[1][:400]


def test_a_revoked_or_closed_share_is_not_named(alice: Any, bob_shared: Any) -> None:
    from rebond.care.models import Share

    bob_shared.is_active = False
    bob_shared.save()
    assert care_selectors.safety_alert_viewers(user=alice) == []
    bob_shared.is_active = True
    bob_shared.save()
    Share.objects.filter(owner=alice).delete()
    assert care_selectors.safety_alert_viewers(user=alice) == []
    assert "only you" in item9_note(alice)


def test_the_cli_says_who_sees_before_question_9(alice: Any, bob_shared: Any, monkeypatch: Any,
                                                 capsys: Any) -> None:
    from rebond.cli import run

    answers = iter(["0"] * 9 + [""])
    monkeypatch.setattr("typer.prompt", lambda *a, **k: next(answers))
    assert run(["measure", "take", "phq9", "--user", "alice"]) == 0
    printed = " ".join(capsys.readouterr().out.split())
    assert "Who sees your answer: you, and bob, because you share safety alerts with them." in printed
    assert "Nobody is alerted automatically" in printed


def test_the_note_is_true_a_draft_reaches_no_one_until_it_is_finished(alice: Any, bob_shared: Any) -> None:
    from rebond.care.reads import safety_alerts
    from rebond.measures import services

    services.draft_save(user=alice, instrument_id="phq9", answers=[None] * 8 + [2])
    assert safety_alerts(alice) == []
    finished = services.response_create(user=alice, instrument_id="phq9", answers=[0] * 8 + [2])
    assert [alert["source"] for alert in safety_alerts(alice)] == [f"measure:{finished.pk}"]


def test_others_get_only_their_own_words(alice: Any, bob_shared: Any, charlie: Any) -> None:
    for other in (bob_shared, charlie):
        html = signed_in(other).get("/measures/checkin/").content.decode()
        assert "stays with you" in html and "alice" not in html


def test_the_words_read_at_grade_8_or_below() -> None:
    from rebond.measures import catalogue
    from tests.domain.test_instruments import _grade

    words = catalogue.words()["who_sees"]
    texts = [words["always"], catalogue.words()["note_help"]]
    texts += [w[k].format(names="Sam") for w in (words["checkin"], words["item9"]) for k in ("nobody", "some")]
    for text in texts:
        assert _grade(text) <= 8, text
