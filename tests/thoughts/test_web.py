"""Thought record pages as alice, bob and charlie: the trap library, the stepper with drafts, the crisis
interstitial, history with search and a trap filter, patterns, and a record's before and after."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse

from rebond.domain.traps import TRAP_IDS, trap_library
from rebond.safety import interstitial
from rebond.safety.models import CrisisPageShown
from rebond.thoughts import selectors, services
from rebond.thoughts.models import ThoughtRecord
from tests.conftest import client_for, signed_in
from tests.thoughts.conftest import FULL, web_for

pytestmark = pytest.mark.django_db

CRISIS_PAGE = "It sounds like a lot is going on"


def step_url(record: Any, step: str) -> str:
    return reverse("thoughts:step", args=[record.pk, step])


def draft_url(record: Any, step: str) -> str:
    return reverse("thoughts:draft", args=[record.pk, step])


# --- the trap library -------------------------------------------------------------------------------------------

def test_traps_page_lists_all_13(alice: Any) -> None:
    page = client_for(alice).get(reverse("thoughts:traps")).content.decode()
    for trap in trap_library().values():
        assert trap.name in page
        assert reverse("thoughts:trap", args=[trap.id]) in page


@pytest.mark.parametrize("trap_id", TRAP_IDS)
def test_one_page_per_trap(alice: Any, trap_id: str) -> None:
    trap = trap_library()[trap_id]
    response = client_for(alice).get(reverse("thoughts:trap", args=[trap_id]))
    assert response.status_code == 200
    page = response.content.decode()
    from django.utils.html import escape

    for text in (trap.definition, *trap.examples, *trap.questions, trap.reframe_hint):
        assert escape(text) in page, text


def test_unknown_trap_is_404(alice: Any) -> None:
    assert client_for(alice).get(reverse("thoughts:trap", args=["gloom"])).status_code == 404


def test_pages_need_sign_in(client: Any, record: Any) -> None:
    for url in (reverse("thoughts:list"), reverse("thoughts:traps"), reverse("thoughts:patterns"),
                reverse("thoughts:detail", args=[record.pk]), step_url(record, "situation")):
        response = client.get(url)
        assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_nav_has_thoughts(alice: Any) -> None:
    page = client_for(alice).get(reverse("core:home")).content.decode()
    assert f'href="{reverse("thoughts:list")}"' in page


# --- the stepper ------------------------------------------------------------------------------------------------

def test_full_record_through_the_stepper(alice: Any) -> None:
    c = client_for(alice)
    started = c.post(reverse("thoughts:new"))
    assert started.status_code == 302
    record = selectors.record_list(user=alice)[0][0]
    assert started["Location"] == step_url(record, "situation")
    posts = [
        ("situation", {"situation": "My friend didn't answer all weekend."}),
        ("thoughts", {"thought-0": "She's angry with me.", "thought-1": "I always push people away.", "thought-2": "",
                      "hot": "0"}),
        ("feelings", {"emotion-0-name": "Worried", "emotion-0-before": "80", "emotion-1-name": "Lonely",
                      "emotion-1-before": "60", "emotion-2-name": "", "emotion-2-before": ""}),
        ("belief", {"belief_before": "85"}),
        ("traps", {"trap": ["mind_reading", "overgeneralizing"]}),
        ("evidence", {"evidence_for": "She usually answers fast.", "evidence_against": "She went camping."}),
        ("balance", {"balanced_thought": "She's probably away.", "balanced_belief": "70"}),
        ("rerate", {"emotion-0-after": "40", "emotion-1-after": "50", "belief_after": "30"}),
    ]
    for step, data in posts:
        page = c.get(step_url(record, step))
        assert page.status_code == 200, step
        response = c.post(step_url(record, step), {**data, "go": "next"})
        assert response.status_code == 302, (step, response.content.decode()[:2000])
    review = c.get(step_url(record, "review")).content.decode()
    assert "Before and after" in review and ">80<" in review and ">40<" in review
    done = c.post(step_url(record, "review"), {"go": "next"})
    assert done["Location"] == reverse("thoughts:detail", args=[record.pk])
    record = selectors.record_get(user=alice, record_id=record.pk)
    assert record.status == "done"
    assert selectors.hot_thought(record) == "She's angry with me."
    assert record.traps == ["overgeneralizing", "mind_reading"]
    assert [(e.name, e.before, e.after) for e in record.emotions.all()] == [("Worried", 80, 40), ("Lonely", 60, 50)]
    assert (record.belief_before, record.belief_after, record.balanced_belief) == (85, 30, 70)
    detail = c.get(reverse("thoughts:detail", args=[record.pk])).content.decode()
    assert "She&#x27;s probably away." in detail and "Mind reading" in detail


def test_back_goes_to_the_previous_step_and_saves(alice: Any) -> None:
    c = client_for(alice)
    record = services.record_start(user=alice)
    response = c.post(step_url(record, "belief"), {"belief_before": "40", "go": "back"})
    assert response["Location"] == step_url(record, "feelings")
    assert selectors.record_get(user=alice, record_id=record.pk).belief_before == 40


def test_save_and_stop_keeps_the_words_and_goes_to_the_list(alice: Any) -> None:
    c = client_for(alice)
    record = services.record_start(user=alice)
    response = c.post(step_url(record, "situation"), {"situation": "Written just now", "go": "stop"})
    assert response["Location"] == reverse("thoughts:list")
    assert selectors.record_get(user=alice, record_id=record.pk).situation == "Written just now"


def test_original_thought_is_pinned_while_reframing(alice: Any, record: Any) -> None:
    c = client_for(alice)
    for step in ("belief", "traps", "evidence", "balance", "rerate", "review"):
        page = c.get(step_url(record, step)).content.decode()
        assert 'class="pinned"' in page and "She must be angry with me." in page, step
    assert 'class="pinned"' not in c.get(step_url(record, "situation")).content.decode()


def test_trap_suggestions_are_chips_none_preselected_with_reasons_and_accurate_read(alice: Any) -> None:
    record, _ = services.record_save(user=alice, changes={"thoughts": [{"text": "I always ruin everything."}]})
    page = client_for(alice).get(step_url(record, "traps")).content.decode()
    assert page.count('name="trap"') == 13
    assert "checked" not in page.split('name="trap"', 1)[1].split("accurate_read")[0]
    assert page.count("Why this?") == 13
    assert "This may be an accurate read" in page
    assert "None is chosen for you" in page
    assert 'name="accurate_read"' in page and 'name="accurate_read" checked' not in page


def test_traps_the_person_chose_stay_checked(alice: Any, record: Any) -> None:
    page = client_for(alice).get(step_url(record, "traps")).content.decode()
    assert 'value="mind_reading" checked' in page
    assert 'value="labeling" checked' not in page


def test_no_harm_traps_are_suggested_for_text_about_being_harmed(alice: Any) -> None:
    record, _ = services.record_save(user=alice, changes={"thoughts": [{"text": "My partner hits me and I'm scared he will do it again"}]})
    page = client_for(alice).get(step_url(record, "traps")).content.decode()
    suggested = page.split("Suggested, if they fit")[1].split("more-traps")[0] if "Suggested, if they fit" in page else ""
    for held in ("Catastrophizing", "Blaming", "Mind reading"):
        assert held not in suggested


def test_harm_told_only_in_the_situation_holds_back_the_same_traps(alice: Any) -> None:
    thought = "He must think I'm stupid, it's all his fault and it will be a disaster."
    calm, _ = services.record_save(user=alice, changes={"situation": "We argued about the bills.",
                                                        "thoughts": [{"text": thought}]})
    harmed, _ = services.record_save(user=alice, changes={"situation": "My husband hit me last night.",
                                                          "thoughts": [{"text": thought}]})
    c = client_for(alice)

    def suggested(record: Any) -> str:
        page = c.get(step_url(record, "traps")).content.decode()
        return page.split("Suggested, if they fit")[1].split("more-traps")[0] if "Suggested, if they fit" in page else ""

    assert any(held in suggested(calm) for held in ("Catastrophizing", "Blaming", "Mind reading"))
    for held in ("Catastrophizing", "Blaming", "Mind reading"):
        assert held not in suggested(harmed)


def test_trap_reasons_do_not_quote_the_person_when_the_crisis_check_fires(alice: Any) -> None:
    quiet, _ = services.record_save(user=alice, changes={"thoughts": [{"text": "I'm such an idiot."}]})
    crisis, _ = services.record_save(user=alice, changes={"thoughts": [{"text": "I am such a burden, I want to die."}]})
    c = client_for(alice)
    assert "You wrote &quot;" in c.get(step_url(quiet, "traps")).content.decode()
    page = c.get(step_url(crisis, "traps")).content.decode()
    assert "You wrote" not in page
    assert "Some of your wording points to this one" not in page  # no reasons at all: nothing is ranked


CALM_HEADING = "Thinking traps can wait"


@pytest.mark.parametrize(("situation", "thought"), [
    ("", "I have saved up pills to end it"),                     # in the hot thought
    ("I took a handful of tablets after he left.", "I always mess things up."),  # in the situation only
    ("", "My partner hits me and I'm scared he will do it again"),  # being harmed by someone
])
def test_when_the_crisis_check_fires_the_traps_step_shows_a_calm_note_not_ranked_suggestions(
    alice: Any, situation: str, thought: str
) -> None:
    record, _ = services.record_save(user=alice, changes={"situation": situation, "thoughts": [{"text": thought}]})
    page = client_for(alice).get(step_url(record, "traps")).content.decode()
    assert CALM_HEADING in page
    assert reverse("safety:plan") in page and reverse("safety:help") in page
    assert "Suggested, if they fit" not in page and "Why this?" not in page
    assert "These are suggestions" not in page
    # every trap is still there to choose, in the library's own order, and so is "this may be an accurate read"
    assert page.count('name="trap"') == 13
    positions = [page.index(f'value="{trap_id}"') for trap_id in TRAP_IDS]
    assert positions == sorted(positions)
    assert "This may be an accurate read" in page


def test_the_calm_note_names_domestic_violence_help_only_for_harm(alice: Any) -> None:
    harmed, _ = services.record_save(user=alice, changes={"thoughts": [{"text": "He follows me everywhere and checks my phone."}]})
    alone, _ = services.record_save(user=alice, changes={"thoughts": [{"text": "I have saved up pills to end it"}]})
    c = client_for(alice)
    assert "Domestic-violence lines" in c.get(step_url(harmed, "traps")).content.decode()
    assert "Domestic-violence lines" not in c.get(step_url(alone, "traps")).content.decode()


def test_a_calm_thought_still_gets_ranked_suggestions(alice: Any) -> None:
    record, _ = services.record_save(user=alice, changes={"situation": "We argued about the dishes.",
                                                          "thoughts": [{"text": "I always ruin everything."}]})
    page = client_for(alice).get(step_url(record, "traps")).content.decode()
    assert CALM_HEADING not in page and "Suggested, if they fit" in page



def test_socratic_questions_for_the_chosen_traps(alice: Any, record: Any) -> None:
    from django.utils.html import escape

    page = client_for(alice).get(step_url(record, "evidence")).content.decode()
    for trap_id in ("mind_reading", "overgeneralizing"):
        for question in trap_library()[trap_id].questions:
            assert escape(question) in page
    assert escape(trap_library()["labeling"].questions[0]) not in page
    balance = client_for(alice).get(step_url(record, "balance")).content.decode()
    assert escape(trap_library()["mind_reading"].reframe_hint) in balance


def test_accurate_read_leads_to_an_action_plan(alice: Any, record: Any) -> None:
    c = client_for(alice)
    c.post(step_url(record, "traps"), {"accurate_read": "on", "go": "next"})
    page = c.get(step_url(record, "balance")).content.decode()
    assert 'name="action_plan"' in page and 'name="balanced_thought"' not in page
    c.post(step_url(record, "balance"), {"action_plan": "Ask her directly, kindly.", "go": "next"})
    record = selectors.record_get(user=alice, record_id=record.pk)
    assert record.accurate_read and record.action_plan == "Ask her directly, kindly."
    assert "Ask her directly, kindly." in c.get(reverse("thoughts:detail", args=[record.pk])).content.decode()


def test_accurate_read_is_offered_on_the_evidence_step_too(alice: Any, record: Any) -> None:
    c = client_for(alice)
    page = c.get(step_url(record, "evidence")).content.decode()
    assert "This may be an accurate read" in page and 'name="accurate_read"' in page
    c.post(step_url(record, "evidence"), {"evidence_for": "She usually answers.", "evidence_against": "",
                                          "accurate_read": "on", "go": "next"})
    assert selectors.record_get(user=alice, record_id=record.pk).accurate_read
    assert 'name="action_plan"' in c.get(step_url(record, "balance")).content.decode()
    # and unticking it there takes it back
    c.post(step_url(record, "evidence"), {"evidence_for": "She usually answers.", "go": "next"})
    assert not selectors.record_get(user=alice, record_id=record.pk).accurate_read


def test_the_balance_step_switches_between_a_balanced_thought_and_a_plan(alice: Any, record: Any) -> None:
    c = client_for(alice)
    page = c.get(step_url(record, "balance")).content.decode()
    assert 'name="go" value="accurate"' in page and "This may be an accurate read" in page
    response = c.post(step_url(record, "balance"), {"balanced_thought": "Maybe she is busy.", "balanced_belief": "60",
                                                    "go": "accurate"})
    assert response.status_code == 302 and response["Location"] == step_url(record, "balance")
    record = selectors.record_get(user=alice, record_id=record.pk)
    assert record.accurate_read and record.balanced_thought == "Maybe she is busy."  # what was written is kept
    page = c.get(step_url(record, "balance")).content.decode()
    assert 'name="action_plan"' in page and 'name="go" value="reframe"' in page
    c.post(step_url(record, "balance"), {"action_plan": "Ask her.", "go": "reframe"})
    record = selectors.record_get(user=alice, record_id=record.pk)
    assert not record.accurate_read and record.action_plan == "Ask her."


def test_a_read_only_share_cannot_switch_the_balance_step(bob_shared: Any, charlie: Any, record: Any) -> None:
    for viewer, status in ((bob_shared, 403), (charlie, 404)):
        response = web_for(viewer).post(step_url(record, "balance"), {"go": "accurate"})
        assert response.status_code == status
    assert not selectors.record_get(user=record.user, record_id=record.pk).accurate_read


def test_step_errors_show_beside_the_field_and_keep_the_words(alice: Any) -> None:
    c = client_for(alice)
    record = services.record_start(user=alice)
    long = "w" * 5001
    response = c.post(step_url(record, "situation"), {"situation": long, "go": "next"})
    assert response.status_code == 422
    page = response.content.decode()
    assert "5,000" in page and 'id="situation-error"' in page and long in page
    response = c.post(step_url(record, "feelings"), {"emotion-0-name": "Sad", "emotion-0-before": "", "go": "next"})
    assert response.status_code == 422
    assert 'id="emotion-0-before-error"' in response.content.decode()
    response = c.post(step_url(record, "belief"), {"belief_before": "500", "go": "next"})
    assert response.status_code == 422 and "0 to 100" in response.content.decode()


def test_finishing_without_a_thought_goes_to_the_thoughts_step(alice: Any) -> None:
    c = client_for(alice)
    record = services.record_start(user=alice)
    response = c.post(step_url(record, "review"), {"go": "next"})
    assert response["Location"] == step_url(record, "thoughts")
    assert selectors.record_get(user=alice, record_id=record.pk).status == "draft"


def test_unknown_step_is_404(alice: Any, record: Any) -> None:
    assert client_for(alice).get(step_url(record, "nowhere")).status_code == 404


# --- drafts as the person types ----------------------------------------------------------------------------------

def test_step_form_saves_drafts_with_htmx_and_local_storage(alice: Any, record: Any) -> None:
    page = client_for(alice).get(step_url(record, "evidence")).content.decode()
    assert f'hx-post="{draft_url(record, "evidence")}"' in page
    assert 'hx-trigger="input changed delay:800ms' in page
    assert f'data-draft-key="thought-{record.pk}-evidence"' in page
    assert "thoughts.js" in page and "<script>" not in page and "style=" not in page


def test_draft_endpoint_saves_and_survives_a_reload(alice: Any) -> None:
    c = client_for(alice)
    record = services.record_start(user=alice)
    response = c.post(draft_url(record, "situation"), {"situation": "On the train, half-writt"}, HTTP_HX_REQUEST="true")
    assert response.status_code == 200 and "Saved as you type" in response.content.decode()
    reloaded = c.get(step_url(record, "situation")).content.decode()
    assert "On the train, half-writt" in reloaded


def test_draft_is_lenient_with_half_filled_rows(alice: Any) -> None:
    c = client_for(alice)
    record = services.record_start(user=alice)
    c.post(draft_url(record, "feelings"), {"emotion-0-name": "Sad", "emotion-0-before": "50",
                                           "emotion-1-name": "Angr", "emotion-1-before": ""}, HTTP_HX_REQUEST="true")
    assert [e.name for e in selectors.record_get(user=alice, record_id=record.pk).emotions.all()] == ["Sad"]


def test_draft_without_javascript_saves_and_comes_back(alice: Any) -> None:
    c = client_for(alice)
    record = services.record_start(user=alice)
    response = c.post(draft_url(record, "situation"), {"situation": "Plain post"})
    assert response.status_code == 302 and response["Location"] == step_url(record, "situation")
    assert selectors.record_get(user=alice, record_id=record.pk).situation == "Plain post"


def test_draft_too_long_says_so(alice: Any) -> None:
    c = client_for(alice)
    record = services.record_start(user=alice)
    response = c.post(draft_url(record, "situation"), {"situation": "q" * 5001}, HTTP_HX_REQUEST="true")
    assert "Not saved yet" in response.content.decode() and "5,000" in response.content.decode()


def test_draft_with_crisis_words_offers_help_without_echoing(alice: Any) -> None:
    c = client_for(alice)
    record = services.record_start(user=alice)
    response = c.post(draft_url(record, "situation"), {"situation": "I want to kill myself"}, HTTP_HX_REQUEST="true")
    body = response.content.decode()
    assert reverse("safety:help") in body and "kill" not in body


# --- the crisis interstitial -------------------------------------------------------------------------------------

def test_crisis_words_show_the_calm_page_once_then_a_banner(alice: Any) -> None:
    c = client_for(alice)
    record = services.record_start(user=alice)
    text = "Everyone would be better off without me"
    response = c.post(step_url(record, "thoughts"), {"thought-0": text, "hot": "0", "go": "next"})
    page = response.content.decode()
    assert response.status_code == 200 and CRISIS_PAGE in page
    assert "Back to my entry" in page and f'href="{step_url(record, "thoughts")}"' in page
    assert "better off" not in page
    assert "I&#x27;m safe" not in page and "I'm safe" not in page
    assert selectors.hot_thought(selectors.record_get(user=alice, record_id=record.pk)) == text  # saved anyway
    again = c.post(step_url(record, "thoughts"), {"thought-0": text, "hot": "0", "go": "next"}, follow=True)
    page = again.content.decode()
    assert again.redirect_chain and CRISIS_PAGE not in page  # the same entry on the same day: a banner instead
    assert interstitial.BANNER.replace("'", "&#x27;") in page
    assert "domestic-violence" not in page
    assert CrisisPageShown.objects.filter(user=alice, entry_key=f"thoughts:{record.pk}").count() == 1


def test_the_repeat_banner_for_being_hurt_names_domestic_violence_help(alice: Any) -> None:
    c = client_for(alice)
    record = services.record_start(user=alice)
    words = {"situation": "My husband hit me again last night and I'm scared of him", "go": "next"}
    assert CRISIS_PAGE in c.post(step_url(record, "situation"), words).content.decode()
    page = c.post(step_url(record, "situation"), words, follow=True).content.decode()
    assert CRISIS_PAGE not in page
    assert interstitial.BANNER_HARMED.replace("'", "&#x27;") in page
    assert "husband" not in page.split('class="messages"')[1].split("</div>")[0]


def test_the_calm_page_links_the_grounding_exercise(alice: Any) -> None:
    c = client_for(alice)
    record = services.record_start(user=alice)
    page = c.post(step_url(record, "situation"), {"situation": "I want to die", "go": "next"}).content.decode()
    grounding = reverse("practice:exercise", args=["grounding-5-4-3-2-1"])
    assert f'href="{grounding}"' in page
    assert c.get(grounding).status_code == 200


def test_a_plan_typed_only_into_a_draft_shows_the_full_page_on_the_next_page_opened(alice: Any) -> None:
    c = client_for(alice)
    record = services.record_start(user=alice)
    note = c.post(draft_url(record, "situation"), {"situation": "I have saved up pills to end it"}, HTTP_HX_REQUEST="true")
    assert "Help is here" in note.content.decode() and "Back to my entry" not in note.content.decode()
    assert c.get(reverse("safety:help")).status_code == 200  # help itself is never in the way
    page = c.get(reverse("thoughts:list")).content.decode()  # the person left by a link
    assert CRISIS_PAGE in page and f'href="{step_url(record, "situation")}"' in page and "Back to my entry" in page
    assert "pills" not in page
    assert CRISIS_PAGE not in c.get(reverse("thoughts:list")).content.decode()  # once
    c.post(draft_url(record, "situation"), {"situation": "I have saved up pills to end it."}, HTTP_HX_REQUEST="true")
    assert CRISIS_PAGE not in c.get(reverse("thoughts:list")).content.decode()  # once per entry and day for drafts
    again = c.post(step_url(record, "situation"), {"situation": "I have saved up pills to end it", "go": "next"})
    assert CRISIS_PAGE in again.content.decode()  # saving the step always shows it for a plan or means


def test_a_draft_with_a_concern_only_leaves_nothing_pending(alice: Any) -> None:
    c = client_for(alice)
    record = services.record_start(user=alice)
    c.post(draft_url(record, "situation"), {"situation": "I want to die"}, HTTP_HX_REQUEST="true")
    assert CRISIS_PAGE not in c.get(reverse("thoughts:list")).content.decode()


def test_saving_the_step_clears_a_pending_page(alice: Any) -> None:
    c = client_for(alice)
    record = services.record_start(user=alice)
    c.post(draft_url(record, "situation"), {"situation": "I know how I would do it"}, HTTP_HX_REQUEST="true")
    shown = c.post(step_url(record, "situation"), {"situation": "I know how I would do it", "go": "next"})
    assert CRISIS_PAGE in shown.content.decode()
    assert interstitial.PENDING_KEY not in c.session
    assert CRISIS_PAGE not in c.get(reverse("thoughts:list")).content.decode()


def test_plan_or_means_always_shows_the_full_page(alice: Any) -> None:
    c = client_for(alice)
    record = services.record_start(user=alice)
    for _ in range(2):
        response = c.post(step_url(record, "situation"), {"situation": "I have saved up pills to end it", "go": "next"})
        assert CRISIS_PAGE in response.content.decode()


@pytest.mark.parametrize(("text", "own_words"), [
    ("Cleared my overdraft and cancelled the gym. It's all tidy for after I've gone.", ("overdraft", "tidy")),
    ("Mum's away and I've got the shed to myself on Sunday. That's when.", ("shed", "Sunday")),
    ("My brother's shotgun is in the loft and I've got the combination.", ("shotgun", "loft", "combination")),
])
def test_preparation_a_set_time_or_a_means_within_reach_always_shows_the_full_page(
    alice: Any, text: str, own_words: tuple[str, ...]
) -> None:
    c = client_for(alice)
    record = services.record_start(user=alice)
    for _ in range(2):  # not a banner the second time the same day: a plan or means always gets the whole page
        page = c.post(step_url(record, "situation"), {"situation": text, "go": "next"}).content.decode()
        assert CRISIS_PAGE in page and "Back to my entry" in page
        assert not [word for word in own_words if word in page]
    assert selectors.record_get(user=alice, record_id=record.pk).situation == text


def test_harm_told_indirectly_leads_to_domestic_violence_help(alice: Any) -> None:
    c = client_for(alice)
    record = services.record_start(user=alice)
    text = "My neighbour gets into my room at night. He says it's our secret."
    page = c.post(step_url(record, "situation"), {"situation": text, "go": "next"}).content.decode()
    assert CRISIS_PAGE in page and "If someone is hurting or scaring you" in page
    assert "neighbour" not in page and "secret" not in page


def test_being_hurt_by_someone_leads_to_domestic_violence_help(alice: Any) -> None:
    c = client_for(alice)
    record = services.record_start(user=alice)
    response = c.post(step_url(record, "situation"),
                      {"situation": "My husband hit me again last night and I'm scared of him", "go": "next"})
    page = response.content.decode()
    assert "If someone is hurting or scaring you" in page
    assert "husband" not in page


# --- history, detail, patterns ---------------------------------------------------------------------------------

def test_history_search_filter_and_pages(alice: Any) -> None:
    services.record_save(user=alice, changes=FULL)
    services.record_save(user=alice, changes={"thoughts": [{"text": "I'm such an idiot."}], "traps": ["labeling"],
                                              "status": "done"})
    for i in range(22):
        services.record_save(user=alice, changes={"thoughts": [{"text": f"filler {i}"}], "status": "done"})
    c = client_for(alice)
    first = c.get(reverse("thoughts:list")).content.decode()
    assert "24 records" in first and "Page 1 of 2" in first and "filler 21" in first
    second = c.get(reverse("thoughts:list") + "?page=2").content.decode()
    assert "She must be angry with me." in second
    found = c.get(reverse("thoughts:list") + "?q=IDIOT").content.decode()
    assert "1 record found" in found and "such an idiot" in found and "filler" not in found
    filtered = c.get(reverse("thoughts:list") + "?trap=mind_reading").content.decode()
    assert "1 record found" in filtered and "She must be angry" in filtered
    nothing = c.get(reverse("thoughts:list") + "?q=penguin").content.decode()
    assert "Nothing matches that search" in nothing


def test_history_empty_state(alice: Any) -> None:
    page = client_for(alice).get(reverse("thoughts:list")).content.decode()
    assert "No thought records yet" in page and "Start a thought record" in page


def test_drafts_in_history_continue_where_left(alice: Any) -> None:
    record, _ = services.record_save(user=alice, changes={"thoughts": [{"text": "Unfinished one"}]})
    page = client_for(alice).get(reverse("thoughts:list")).content.decode()
    assert "Not finished yet" in page and step_url(record, "situation") in page


def test_detail_shows_before_and_after_side_by_side(alice: Any, record: Any) -> None:
    page = client_for(alice).get(reverse("thoughts:detail", args=[record.pk])).content.decode()
    assert "<th scope=\"col\">Before</th><th scope=\"col\">After</th>" in page
    assert "Worried" in page and ">80<" in page and ">40<" in page


def test_delete(alice: Any, record: Any) -> None:
    c = client_for(alice)
    response = c.post(reverse("thoughts:delete", args=[record.pk]))
    assert response["Location"] == reverse("thoughts:list")
    assert selectors.record_list(user=alice)[1] == 0


def test_delete_asks_first_on_its_own_page_without_javascript(alice: Any, record: Any) -> None:
    c = client_for(alice)
    url = reverse("thoughts:delete", args=[record.pk])
    detail = c.get(reverse("thoughts:detail", args=[record.pk])).content.decode()
    form = detail.split(f'action="{url}"')[1].split("</form>")[0]
    assert 'data-confirm="Delete this entry? It can\'t be brought back."' in form  # JavaScript asks in a dialog
    assert '<noscript><input type="hidden" name="ask" value="1"></noscript>' in form
    # Without JavaScript the <noscript> field is sent: the button leads to the question, nothing is deleted.
    asked = c.post(url, {"ask": "1"})
    assert asked.status_code == 302 and asked["Location"] == url
    assert selectors.record_list(user=alice)[1] == 1
    page = c.get(url).content.decode()
    assert "Delete this entry?" in page and "It can't be brought back." in page
    assert f'method="post" action="{url}"' in page and 'name="ask"' not in page
    assert f'href="{reverse("thoughts:detail", args=[record.pk])}"' in page  # keep it
    done = c.post(url)
    assert done["Location"] == reverse("thoughts:list")
    assert selectors.record_list(user=alice)[1] == 0


def test_patterns_page(alice: Any) -> None:
    c = client_for(alice)
    assert "Once you rate your feelings again" in c.get(reverse("thoughts:patterns")).content.decode()
    services.record_save(user=alice, changes=FULL)
    few = c.get(reverse("thoughts:patterns")).content.decode()
    assert "too few to say" in few
    for _ in range(2):
        services.record_save(user=alice, changes=FULL)
    page = c.get(reverse("thoughts:patterns")).content.decode()
    assert "eased by <strong>25.0 points</strong>" in page
    assert "<svg" in page and "<table" in page and "Mind reading" in page


# --- alice, bob and charlie -----------------------------------------------------------------------------------

def test_bob_and_charlie_get_404_everywhere(alice: Any, bob: Any, charlie: Any, record: Any) -> None:
    for stranger in (bob, charlie):
        c = web_for(stranger)
        urls = [reverse("thoughts:detail", args=[record.pk]), step_url(record, "situation"), step_url(record, "review")]
        for url in urls:
            assert c.get(url).status_code == 404, url
        assert c.post(step_url(record, "situation"), {"situation": "mine", "go": "next"}).status_code == 404
        assert c.post(draft_url(record, "situation"), {"situation": "mine"}, HTTP_HX_REQUEST="true").status_code == 404
        assert c.post(reverse("thoughts:delete", args=[record.pk])).status_code == 404
        assert c.get(reverse("thoughts:delete", args=[record.pk])).status_code == 404
        listing = c.get(reverse("thoughts:list") + "?q=angry").content.decode()
        assert "She must be angry" not in listing
        assert "Mind reading" not in c.get(reverse("thoughts:patterns")).content.decode().split("<table")[-1]
    again = selectors.record_get(user=alice, record_id=record.pk)
    assert again.situation == FULL["situation"]
    assert client_for(alice).get(reverse("thoughts:detail", args=[record.pk])).status_code == 200


def test_alices_clinician_gets_404_on_her_thought_pages_and_403_on_changes(
    alice: Any, bob_shared: Any, record: Any
) -> None:
    """bob reads alice's shared thoughts through the care viewer pages (another app); her own pages are owner-only,
    and a share is read-only: a change is 403, not 404 (docs/care.md)."""
    c = signed_in(bob_shared)
    for url in (reverse("thoughts:detail", args=[record.pk]), step_url(record, "situation"),
                step_url(record, "traps"), reverse("thoughts:delete", args=[record.pk])):
        assert c.get(url).status_code == 404, url
    assert c.post(step_url(record, "situation"), {"situation": "bob's words", "go": "next"}).status_code == 403
    assert c.post(draft_url(record, "situation"), {"situation": "bob's words"}, HTTP_HX_REQUEST="true").status_code == 403
    assert c.post(reverse("thoughts:delete", args=[record.pk])).status_code == 403
    assert "She must be angry" not in c.get(reverse("thoughts:list") + "?q=angry").content.decode()
    assert selectors.record_get(user=alice, record_id=record.pk).situation == FULL["situation"]


def test_get_on_post_only_views_is_refused(alice: Any, record: Any) -> None:
    c = client_for(alice)
    before = ThoughtRecord.objects.count()
    start = c.get(reverse("thoughts:new"))  # homework on Today links here: it offers the start, makes nothing
    assert start.status_code == 200 and "Start a thought record" in start.content.decode()
    assert ThoughtRecord.objects.count() == before
    assert c.get(draft_url(record, "situation")).status_code == 405
