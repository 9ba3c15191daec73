"""In a real Chromium: a breathing exercise with distress before and after, the pacer moving only when motion is
welcome, help after a hard session, and Learn signed out. axe-core checks each page."""

from __future__ import annotations

from typing import Any

import pytest

from rebond.practice.models import ExerciseSession
from tests.conftest import axe_check, make_user, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


# The pacer moves on every few seconds, whether or not a busy test machine has got round to looking: note each
# phase in the page as it begins (after the pacer's own code has set its words and shape), then read the notes.
NOTE_PHASES = """() => {
  const live = document.querySelector(".pacer-live");
  window.__phases = [];
  new MutationObserver(() => window.__phases.push({
    breath: live.dataset.breath,
    label: live.querySelector("[data-pacer-label]").textContent,
    round: live.querySelector("[data-pacer-round]").textContent,
    growing: live.querySelector(".pacer-shape").classList.contains("is-in"),
    at: performance.now(),
  })).observe(live, {attributes: true, attributeFilter: ["data-breath"]});
}"""


def phases_noted(page: Any) -> list[dict[str, Any]]:
    return list(page.evaluate("window.__phases"))


def rate(page: Any, group: str, value: int) -> None:
    page.get_by_role("group", name=group).get_by_label(str(value), exact=True).check()


def test_breathing_exercise_logs_distress_before_and_after(page: Any) -> None:
    make_user("alice", region="GB", time_zone="Europe/London")
    sign_in(page, "alice")
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Practice").click()
    page.wait_for_url("**/practice/")
    axe_check(page)
    page.get_by_role("link", name="Paced breathing").first.click()
    page.wait_for_url("**/practice/paced-breathing/")
    assert page.get_by_text("Eyes open is fine.").first.is_visible()
    live = page.locator(".pacer-live")
    live.wait_for(state="visible")
    axe_check(page)
    rate(page, "Before you start", 6)
    page.evaluate(NOTE_PHASES)
    page.get_by_role("button", name="Start").click()
    page.locator(".pacer-live[data-breath='out']").wait_for()
    breath_in, breath_out = phases_noted(page)[:2]
    assert breath_in["breath"] == "in" and "Breathe in" in breath_in["label"] and breath_in["growing"]
    assert breath_out["breath"] == "out" and "Breathe out" in breath_out["label"] and not breath_out["growing"]
    assert 3_900 <= breath_out["at"] - breath_in["at"] < 8_000  # the YAML's 4 s in, then out
    page.get_by_role("button", name="Stop").click()
    assert "Stopped" in page.locator("[data-pacer-label]").inner_text()
    rate(page, "How much distress do you feel now?", 3)
    page.get_by_role("button", name="Save").click()
    page.wait_for_url("**/practice/")
    session = ExerciseSession.objects.get()
    assert (session.exercise, session.distress_before, session.distress_after) == ("paced-breathing", 6, 3)
    assert page.get_by_text("Distress before: 6, after: 3").is_visible()
    axe_check(page)


def test_reduced_motion_keeps_a_timer_in_words_without_the_moving_shape(page: Any) -> None:
    """PRODUCT C8: a timer that respects reduced motion. The phase and round words run; the shape never shows or
    moves; a screen reader hears the phases only when the person turns that on."""
    make_user("alice", region="GB", time_zone="Europe/London")
    page.emulate_media(reduced_motion="reduce")
    sign_in(page, "alice")
    page.goto("/practice/square-breathing/")
    assert page.locator(".pacer-still").is_visible()
    assert page.get_by_text("Breathe in (first side) for 4 seconds.").is_visible()
    page.locator(".pacer-live").wait_for(state="visible")
    assert not page.locator(".pacer-stage").is_visible() and not page.locator(".pacer-shape").is_visible()
    label = page.locator("[data-pacer-label]")
    assert label.get_attribute("aria-live") is None, "phases aren't read out unless asked"
    aloud = page.get_by_label("Say each phase aloud with a screen reader")
    assert not aloud.is_checked()
    axe_check(page)
    aloud.check()
    assert label.get_attribute("aria-live") == "polite"
    page.evaluate(NOTE_PHASES)
    page.get_by_role("button", name="Start").click()
    page.locator(".pacer-live[data-breath='out']").wait_for()
    first, second = phases_noted(page)[:2]
    assert (first["breath"], first["round"]) == ("in", "Round 1") and "Breathe in (first side)" in first["label"]
    assert second["breath"] == "out" and "Breathe out (second side)" in second["label"]
    assert 3_900 <= second["at"] - first["at"] < 8_000  # 4 s later the words move on
    assert not any(phase["growing"] for phase in phases_noted(page)), "the shape never grows under reduced motion"
    assert page.locator(".pacer-shape.is-in").count() == 0
    aloud.uncheck()
    assert label.get_attribute("aria-live") == "off"
    page.get_by_role("button", name="Stop").click()
    assert "Stopped" in label.inner_text()


def test_hard_session_offers_help(page: Any) -> None:
    make_user("alice", region="GB", time_zone="Europe/London")
    sign_in(page, "alice")
    page.goto("/practice/grounding-5-4-3-2-1/")
    rate(page, "Before you start", 8)
    rate(page, "How much distress do you feel now?", 9)
    page.get_by_role("button", name="Save").click()
    page.get_by_role("heading", name="It's still a lot right now").wait_for()
    assert page.get_by_role("link", name="Open my safety plan").is_visible()
    assert ExerciseSession.objects.get().distress_after == 9
    axe_check(page)
    page.reload()  # no "resend the form?" and no second session
    page.get_by_role("heading", name="It's still a lot right now").wait_for()
    assert ExerciseSession.objects.count() == 1


def test_learn_signed_out(page: Any) -> None:
    make_user("alice")
    page.goto("/learn/")
    axe_check(page)
    page.get_by_role("link", name="How to find a therapist").click()
    page.wait_for_url("**/learn/finding-a-therapist/")
    assert page.get_by_role("heading", name="Questions for a first call").is_visible()
    assert page.locator(".evidence-box").count() == 0, "a guide is advice, not a treatment with a grade"
    axe_check(page)
    page.goto("/learn/emdr/")
    assert page.get_by_text("Strong evidence.").is_visible()
    assert page.get_by_role("heading", name="Where this comes from").is_visible()
    assert page.get_by_text("Last reviewed").is_visible()
    axe_check(page)
    page.goto("/practice/grounding-5-4-3-2-1/")
    axe_check(page)


def test_one_step_at_a_time_and_stop_any_time(page: Any) -> None:
    from rebond.practice import content

    item = content.exercise("grounding-5-4-3-2-1")
    assert item is not None
    make_user("alice", region="GB", time_zone="Europe/London")
    sign_in(page, "alice")
    page.goto("/practice/grounding-5-4-3-2-1/")
    first, second = item.steps[0].text, item.steps[1].text
    assert page.get_by_text(first).is_visible() and page.get_by_text(second).is_visible()
    guide = page.get_by_role("button", name="Guide me one step at a time")
    stepping = [page.get_by_role("button", name=name, exact=True) for name in ("Back", "Next step", "Show all steps")]
    guide.wait_for(state="visible")
    assert not any(b.is_visible() for b in stepping), "the step buttons wait until guiding starts"
    guide.click()
    assert all(b.is_visible() for b in stepping) and not guide.is_visible()
    assert page.get_by_text(first).is_visible() and not page.get_by_text(second).is_visible()
    assert page.get_by_text(f"Step 1 of {len(item.steps)}").is_visible()
    axe_check(page)
    page.get_by_role("button", name="Next step").click()
    assert page.get_by_text(second).is_visible() and not page.get_by_text(first).is_visible()
    page.get_by_role("button", name="Back").click()
    assert page.get_by_text(first).is_visible()
    page.get_by_role("button", name="Show all steps").click()
    assert page.get_by_text(second).is_visible() and guide.is_visible()
    assert not any(b.is_visible() for b in stepping), "showing all steps puts the step buttons away again"
    page.get_by_role("link", name="Stop and go to the end").click()
    rate(page, "Before you start", 5)
    page.get_by_label("I stopped early. That's okay.").check()
    page.get_by_role("button", name="Save").click()
    page.get_by_text("Saved. Distress before: 5 of 10.").wait_for(timeout=30_000)
    session = ExerciseSession.objects.get()
    assert session.finished is False and session.distress_after is None


@pytest.mark.parametrize("javascript", [True, False])
def test_deleting_a_session_asks_first_with_or_without_javascript(browser: Any, live_server: Any,
                                                                  javascript: bool) -> None:
    from rebond.practice import services

    alice = make_user("alice", region="GB", time_zone="Europe/London")
    session = services.session_create(user=alice, exercise="body-scan", distress_before=5, distress_after=3)
    context = browser.new_context(java_script_enabled=javascript,
                                  base_url=live_server.url.replace("127.0.0.1", "localhost"))
    page = context.new_page()
    sign_in(page, "alice")
    page.goto("/practice/")
    delete = page.get_by_role("button", name="Delete")
    if javascript:
        asked: list[str] = []
        page.on("dialog", lambda dialog: (asked.append(dialog.message), dialog.accept()))
        delete.click()
        assert asked == ["Delete this entry? It can't be brought back."]
    else:
        delete.click()
        page.wait_for_url(f"**/practice/sessions/{session.pk}/delete/")
        assert page.get_by_role("heading", name="Delete this entry?").is_visible()
        assert ExerciseSession.objects.filter(pk=session.pk).exists(), "one tap deleted nothing"
        page.get_by_role("button", name="Delete it").click()
    page.get_by_text("No practices saved yet").wait_for()
    assert not ExerciseSession.objects.filter(pk=session.pk).exists()
    context.close()
