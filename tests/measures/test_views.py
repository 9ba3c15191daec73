"""Measures pages, walked by alice (owner), bob and charlie (no sharing exists yet: 404)."""

from __future__ import annotations

import re
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from django.utils import timezone
from django.utils.html import escape

from rebond.domain.instruments import INSTRUMENT_IDS, load
from rebond.measures import services
from rebond.measures.models import MeasureDraft, MeasureResponse
from tests.conftest import client_for
from tests.measures.conftest import signed_in

pytestmark = pytest.mark.django_db

NEVER = re.compile(r"\bnormal\b|you have (depression|anxiety|ptsd)|diagnosed with", re.IGNORECASE)


def page_text(response: Any) -> str:
    html = response.content.decode()
    assert 'style="' not in html and "<script>" not in html  # CSP: no inline styles or scripts
    assert "TextLine(" not in html and "Helpline(" not in html
    assert not NEVER.search(html), NEVER.search(html)
    return html


def post_answers(client: Any, instrument_id: str, answers: list[int | None], action: str = "submit") -> Any:
    data: dict[str, Any] = {"action": action}
    for number, value in enumerate(answers, start=1):
        if value is not None:
            data[f"q{number}"] = str(value)
    return client.post(f"/measures/{instrument_id}/take/", data)


def test_signed_out_goes_to_sign_in(client: Any) -> None:
    for path in ("/measures/", "/measures/phq9/", "/measures/phq9/take/", "/measures/checkin/", "/measures/mood/"):
        response = client.get(path)
        assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_index_lists_every_instrument_with_its_intro(alice: Any) -> None:
    html = page_text(client_for(alice).get("/measures/"))
    for instrument_id in INSTRUMENT_IDS:
        instrument = load(instrument_id)
        assert escape(instrument.title) in html and escape(instrument.intro) in html
    assert ">Measures</a>" in page_text(client_for(alice).get("/"))  # in the navigation


def test_each_card_on_the_index_carries_its_credit_line(alice: Any) -> None:
    """UX.md Key screens, Measures: the credit line under each instrument."""
    html = page_text(client_for(alice).get("/measures/"))
    cards = html.split('<li class="card">')[1:]
    assert len(cards) == len(INSTRUMENT_IDS)
    for instrument_id, card in zip(INSTRUMENT_IDS, cards, strict=True):
        instrument = load(instrument_id)
        assert escape(instrument.title) in card and f'<p class="credit small">{escape(instrument.credit)}</p>' in card


def test_each_questionnaire_is_a_plain_form_with_exact_anchors(alice: Any) -> None:
    client = client_for(alice)
    for instrument_id in INSTRUMENT_IDS:
        instrument = load(instrument_id)
        html = page_text(client.get(f"/measures/{instrument_id}/take/"))
        assert html.count("<fieldset") == len(instrument.items)
        assert html.count("<legend>") == len(instrument.items)
        assert escape(instrument.intro) in html and escape(instrument.credit) in html
        for item in instrument.items:
            assert escape(f"{item.number}. {item.text}") in html
            for anchor in item.answers:
                assert f'name="q{item.number}" value="{anchor.value}"' in html
                assert escape(anchor.label) in html
    pcl5 = page_text(client.get("/measures/pcl5/take/"))
    assert pcl5.index("never be asked to describe") < pcl5.index("<fieldset")


def test_phq9_item9_says_who_sees_it_before_the_question(alice: Any) -> None:
    html = page_text(client_for(alice).get("/measures/phq9/take/"))
    note = html.index("Who sees your answer")
    assert "Nobody is alerted" in html
    assert note < html.index("9. Thoughts that you would be better off dead")
    assert 'class="item9-panel"' in html and "is-open" not in html  # in the page, hidden until an answer above 0


def test_draft_saves_as_you_go_and_survives_reload(alice: Any) -> None:
    client = client_for(alice)
    response = client.post("/measures/phq9/draft/", {"q1": "2", "q3": "1"}, HTTP_HX_REQUEST="true")
    assert response.status_code == 200 and "saved" in response.content.decode()
    assert MeasureDraft.objects.get(user=alice).answers == [2, None, 1]
    html = page_text(client.get("/measures/phq9/take/"))
    assert 'name="q1" value="2" checked' in html and 'name="q3" value="1" checked' in html
    assert 'name="q2" value="0" checked' not in html
    plain = client.post("/measures/gad7/draft/", {"q2": "3"})
    assert plain.status_code == 302
    later = post_answers(client, "gad7", [1, 3], action="save")
    assert later.status_code == 302
    assert MeasureDraft.objects.get(user=alice, instrument="gad7").answers == [1, 3]
    assert not MeasureResponse.objects.exists()


def test_htmx_change_on_item9_keeps_the_saved_state_of_the_support_panel(alice: Any) -> None:
    client = client_for(alice)
    html = client.post("/measures/phq9/draft/", {"q9": "1"}, HTTP_HX_REQUEST="true").content.decode()
    assert 'id="support-9" class="item9-panel is-open" hx-swap-oob="true"' in html and "support-panel" in html
    assert "/safety-plan/" in html and 'href="/help/"' in html
    assert "risk" not in html.lower()
    assert html.startswith("Your answers so far are saved. Help is here if you want it, just below question 9.")
    cleared = client.post("/measures/phq9/draft/", {"q9": "0"}, HTTP_HX_REQUEST="true").content.decode()
    assert 'class="item9-panel" hx-swap-oob="true"' in cleared and "is-open" not in cleared
    assert "just below question 9" not in cleared
    again = client.post("/measures/phq9/draft/", {"q9": "2"}, HTTP_HX_REQUEST="true")
    assert "is-open" in again.content.decode()
    assert 'class="item9-panel is-open"' in page_text(client.get("/measures/phq9/take/"))  # after a reload too


def test_item9_support_panel_is_in_the_page_and_linked_for_css_without_javascript(alice: Any) -> None:
    html = page_text(client_for(alice).get("/measures/phq9/take/"))
    panel = html.index('<div id="support-9" class="item9-panel"')
    assert html.index("9. Thoughts that you would be better off dead") < panel < html.index("10. If you checked")
    assert 'aria-labelledby="support-heading"' in html[panel:] and 'id="support-heading"' in html[panel:]
    hint = html.index('id="support-9-hint"')
    assert html.index('aria-describedby="note-9 support-9-hint"') < hint < panel  # said as the group is entered
    assert "help options show just below this question" in html[hint:panel]
    q9 = re.findall(r'<input type="radio" name="q9"[^>]*>', html)
    assert len(q9) == 4 and all('aria-controls="support-9"' in tag for tag in q9)
    assert 'aria-controls' not in html.split('name="q8"')[0]  # only question 9 controls the panel
    assert "<script" not in html.split("</main>")[0].split("<main")[-1]  # no script in the page body
    css = (Path(__file__).parents[2] / "rebond/static/rebond/measures.css").read_text()
    assert '.questionnaire:has(input[name="q9"]:checked:not([value="0"])) .item9-panel { display: block; }' in css
    assert "rebond/measures.css" in html
    for other in ("gad7", "pcl5"):
        assert "item9-panel" not in client_for(alice).get(f"/measures/{other}/take/").content.decode()


def test_unfinished_submit_is_kept_as_draft_not_scored(alice: Any) -> None:
    client = client_for(alice)
    response = post_answers(client, "phq9", [1, 1, None, 1, 1, 1, 1, 1, None])
    html = page_text(response)
    assert response.status_code == 422
    assert "Questions 3, 9 still need an answer" in html
    assert not MeasureResponse.objects.exists()
    assert MeasureDraft.objects.get(user=alice).answers == [1, 1, None, 1, 1, 1, 1, 1]


def test_submit_scores_and_shows_words_before_numbers(alice: Any) -> None:
    client = client_for(alice)
    client.post("/measures/phq9/draft/", {"q1": "3"})
    response = post_answers(client, "phq9", [2, 2, 2, 2, 2, 2, 2, 2, 0])
    assert response.status_code == 302
    saved = MeasureResponse.objects.get(user=alice)
    assert saved.total == 16 and saved.severity == "moderately_severe"
    assert not MeasureDraft.objects.exists()
    html = page_text(client.get(response["Location"]))
    words = load("phq9").band("moderately_severe").summary
    assert html.index(words) < html.index("16 out of 27")
    assert "first PHQ-9" in html and escape(load("phq9").credit) in html
    assert "support-panel" not in html


def test_result_states_reliable_change_in_words(alice: Any) -> None:
    earlier = timezone.now() - timedelta(days=20)
    services.response_create(user=alice, instrument_id="phq9", answers=[2] * 8 + [0], taken_at=earlier)
    client = client_for(alice)
    location = post_answers(client, "phq9", [1] * 8 + [0])["Location"]
    html = page_text(client.get(location))
    assert "went down by 8 points" in html and "real change for the better" in html
    history = page_text(client.get("/measures/phq9/"))
    assert "went down by 8 points" in history and "<svg" in history and "<table" in history


def test_item9_after_submit_shows_support_and_no_risk_score(alice: Any) -> None:
    client = client_for(alice)
    location = post_answers(client, "phq9", [0] * 8 + [1])["Location"]
    html = page_text(client.get(location))
    assert "support-panel" in html and "/safety-plan/" in html and "/help/" in html
    assert "Nobody is alerted" in html and "116 123" in html  # Samaritans, for alice in GB
    assert "risk" not in html.lower()


def test_charts_shade_bands_only_where_validated(alice: Any) -> None:
    client = client_for(alice)
    for instrument_id, answers in (("rses", [2] * 10), ("scssf", [3] * 12), ("gad7", [1] * 7)):
        services.response_create(user=alice, instrument_id=instrument_id, answers=answers,
                                 taken_at=timezone.now() - timedelta(days=30))
        services.response_create(user=alice, instrument_id=instrument_id, answers=answers)
    rses = page_text(client.get("/measures/rses/"))
    assert "<svg" in rses and 'class="band ' not in rses and "no official cut-offs" in rses
    assert "Typical (conventional range)" in rses
    scssf = page_text(client.get("/measures/scssf/"))
    # Neff's ranges are a rough guide, not validated cut-offs: words stay, labelled so; nothing is shaded.
    assert "<svg" in scssf and 'class="band ' not in scssf and "no official cut-offs" in scssf
    assert "Moderate (rough guide)" in scssf
    for hidden in ("Self-kindness", "Isolation", "Over-identification"):
        assert hidden not in scssf
    gad7 = page_text(client.get("/measures/gad7/"))
    assert gad7.count('class="band ') == len(load("gad7").bands)
    assert gad7.count('class="dot"') == 2


def test_others_get_404(alice: Any, bob: Any, charlie: Any, phq9_response: Any) -> None:
    pk = phq9_response.pk
    for other in (bob, charlie):
        client = signed_in(other)
        assert client.get("/measures/").status_code == 200
        assert client.get(f"/measures/phq9/{pk}/").status_code == 404
        assert client.post(f"/measures/phq9/{pk}/delete/").status_code == 404
        assert "16 out of 27" not in client.get("/measures/phq9/").content.decode()
    owner = client_for(alice)
    assert owner.get(f"/measures/gad7/{pk}/").status_code == 404
    assert owner.get(f"/measures/phq9/{pk}/").status_code == 200
    assert owner.post(f"/measures/phq9/{pk}/delete/").status_code == 302
    assert not MeasureResponse.objects.exists()


def test_disabled_and_unknown_instruments_are_404(alice: Any, settings: Any, phq9_response: Any) -> None:
    client = client_for(alice)
    assert client.get("/measures/nope/").status_code == 404
    settings.DISABLED_INSTRUMENTS = ["phq9"]
    for path in ("/measures/phq9/", "/measures/phq9/take/", f"/measures/phq9/{phq9_response.pk}/"):
        assert client.get(path).status_code == 404
    assert client.post("/measures/phq9/draft/", {"q1": "1"}).status_code == 404
    assert "PHQ-9" not in client.get("/measures/").content.decode()


def test_schedule_form(alice: Any, bob: Any) -> None:
    client = client_for(alice)
    client.post("/measures/phq9/schedule/", {"every_days": "7"})
    assert not alice.measure_schedules.exists()
    client.post("/measures/phq9/schedule/", {"every_days": "14"})
    assert alice.measure_schedules.get().every_days == 14
    html = page_text(client.get("/"))
    assert "A questionnaire is ready" in html and "/measures/phq9/take/" in html
    assert "A questionnaire is ready" not in signed_in(bob).get("/").content.decode()
    client.post("/measures/phq9/schedule/", {"action": "stop"})
    assert not alice.measure_schedules.exists()


def test_mood_page(alice: Any) -> None:
    from rebond.measures.selectors import user_today

    today = user_today(alice)
    for back, mood in ((3, 2), (2, 3), (1, 4)):
        services.checkin_save(user=alice, on=today - timedelta(days=back), mood=mood, safety="safe")
    html = page_text(client_for(alice).get("/measures/mood/"))
    assert html.count('class="dot"') == 3 and "Good (4)" in html and "<table" in html


def test_index_has_a_chart_per_instrument_and_paired_outcome(alice: Any) -> None:
    from rebond.measures import demo

    demo.build(alice)
    html = page_text(client_for(alice).get("/measures/"))
    assert html.count("<svg") == 3  # PHQ-9, GAD-7 and WHO-5 have more than one result
    assert "Services call this reliable recovery" in html
    assert "went down by" in html


def test_history_says_change_since_the_first_answers(alice: Any) -> None:
    from rebond.measures import demo

    demo.build(alice)
    html = page_text(client_for(alice).get("/measures/phq9/"))
    assert "Since last time: Your score moved by 1 point" in html
    assert "Since your first one here" in html and "went down by 9 points" in html


def test_out_of_range_posts_count_as_unanswered(alice: Any) -> None:
    client = client_for(alice)
    assert client.post("/measures/gad7/draft/", {"q1": "9", "q2": "x", "q3": "1"}).status_code == 302
    assert MeasureDraft.objects.get(user=alice).answers == [None, None, 1]
    response = post_answers(client, "gad7", [7, 1, 1, 1, 1, 1, 1])
    assert response.status_code == 422 and "Question 1 still needs an answer" in response.content.decode()
    assert not MeasureResponse.objects.exists()


def test_item9_support_without_a_region_says_local_emergency_number_first(charlie: Any) -> None:
    client = client_for(charlie)
    location = post_answers(client, "phq9", [0] * 8 + [2])["Location"]
    html = page_text(client.get(location))
    panel = html[html.index("support-panel"):]
    assert panel.index("call your local emergency number") < panel.index("Open my safety plan")


def test_history_pages_beyond_fifty_rows(alice: Any, bob_shared: Any, charlie: Any) -> None:
    now = timezone.now()
    for back in range(55):  # oldest 54 days ago, newest today
        answers = [3, 0, 3, 3, 0, 0, 3, 0, 0, 3] if back == 0 else [1] * 10  # the newest is in the high range
        services.response_create(user=alice, instrument_id="rses", answers=answers,
                                 taken_at=now - timedelta(days=back))
    client = client_for(alice)
    first = page_text(client.get("/measures/rses/"))
    assert first.count("<tr><td>") == 50 and "Page 1 of 2" in first and 'href="?page=2"' in first
    assert "Newer" not in first
    second = page_text(client.get("/measures/rses/?page=2"))
    assert second.count("<tr><td>") == 5 and "Page 2 of 2" in second and 'href="?page=1"' in second
    assert "Older" not in second
    latest = load("rses").band("high").summary
    assert escape(latest) in first and escape(latest) in second  # "Most recently" is the newest on every page
    assert second.count('class="dot"') == 55  # the chart always has every result
    assert page_text(client.get("/measures/rses/?page=99")).count("<tr><td>") == 5
    assert page_text(client.get("/measures/rses/?page=x")).count("<tr><td>") == 50
    for other in (bob_shared, charlie):
        html = signed_in(other).get("/measures/rses/?page=2").content.decode()
        assert "<tr><td>" not in html and "Page 2" not in html


def test_mood_page_reaches_earlier_days(alice: Any, charlie: Any) -> None:
    from rebond.measures.selectors import user_today

    today = user_today(alice)
    for back, mood in ((0, 4), (70, 2), (130, 5)):
        services.checkin_save(user=alice, on=today - timedelta(days=back), mood=mood, safety="safe")
    client = client_for(alice)
    first = page_text(client.get("/measures/mood/"))
    assert "the last 60 days" in first and "Good (4)" in first and "Low (2)" not in first
    assert 'href="?page=2">Earlier days' in first and "Later days" not in first
    second = page_text(client.get("/measures/mood/?page=2"))
    start, end = today - timedelta(days=119), today - timedelta(days=60)
    assert f"Your mood, {start:%-d %B %Y} to {end:%-d %B %Y}" in second
    assert "Low (2)" in second and "Good (4)" not in second and "Very good (5)" not in second
    assert 'href="?page=1">Later days' in second and 'href="?page=3">Earlier days' in second
    third = page_text(client.get("/measures/mood/?page=3"))
    assert "Very good (5)" in third and "Earlier days" not in third
    assert "No check-ins in these 60 days" in page_text(client.get("/measures/mood/?page=4"))
    assert page_text(client.get("/measures/mood/?page=-3")).count('class="dot"') == 1
    others = page_text(client_for(charlie).get("/measures/mood/?page=2"))
    assert "Low (2)" not in others and "Earlier days" not in others
