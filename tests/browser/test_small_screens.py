"""On a small phone (360 × 740 CSS px), in a real Chromium: no page scrolls sideways, and everything a person taps
in the header, the navigation and the main content is at least 44 × 44 px (UX.md: "every flow works one-handed on
a 360 px wide screen; tap targets ≥ 44 px"). A link inside a sentence is the one exception: it's as tall as its line.

Each test seeds the lifelike demo account once (promises, thoughts, people, measures, practice, a clinician) and
opens one page, so a failure names the page."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from tests.conftest import axe_check, two_step_on

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WIDTH, HEIGHT = 360, 740
TARGET = 44
GAP = 24  # px between something that deletes and any other control

# Every visible control in the header and main content (folded parts opened first), sized as the finger meets it:
# a checkbox or radio counts with the label that wraps it (tapping the words ticks the box). Links inside running
# text are left out. Also: what deletes, takes back or removes has a clear gap to every other control.
MEASURE_TARGETS = """
({target, gap}) => {
  document.querySelectorAll('main details').forEach((d) => { d.open = true; });
  // Not a target: hidden, or kept out of sight and out of the tab order on purpose (a form's default button).
  const visible = (el) => el.getClientRects().length > 0 && el.checkVisibility({visibilityProperty: true})
    && !el.closest('[aria-hidden="true"], .visually-hidden');
  const blockOf = (el) => {
    let node = el.parentElement;
    while (node && getComputedStyle(node).display.startsWith('inline')) node = node.parentElement;
    return node;
  };
  const inSentence = (el) => {
    if (el.tagName !== 'A' || getComputedStyle(el).display !== 'inline') return false;
    const block = blockOf(el);
    if (!block) return false;
    // The words a reader sees around the link: not other links or buttons, not words for screen readers only.
    const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
    let around = '';
    while (walker.nextNode()) {
      if (!walker.currentNode.parentElement.closest('a, button, .visually-hidden')) around += walker.currentNode.data;
    }
    return /[A-Za-z]{3,}\\s+\\S/.test(around.replace(/\\s+/g, ' ').trim());  // a sentence, not a lone word
  };
  const box = (el) => {
    let rect = el.getBoundingClientRect();
    if (el.tagName === 'INPUT' && ['checkbox', 'radio'].includes(el.type)) {
      const label = el.closest('label') || (el.id && document.querySelector(`label[for="${el.id}"]`));
      if (label) {
        const outer = label.getBoundingClientRect();
        if (outer.width * outer.height > rect.width * rect.height) rect = outer;
      }
    }
    return rect;
  };
  const words = (el) => (el.innerText || el.value || el.name || el.getAttribute('aria-label') || '').trim();
  const name = (el) => `${el.tagName.toLowerCase()}${el.className ? '.' + el.className.split(' ').join('.') : ''} "${words(el).split('\\n')[0].slice(0, 40)}"`;
  const selector = ['a', 'button', 'input:not([type=hidden])', 'select', 'textarea', 'summary']
    .flatMap((tag) => [`header ${tag}`, `main ${tag}`]).join(', ');
  const controls = [...document.querySelectorAll(selector)].filter(visible);
  const small = [];
  for (const el of controls) {
    if (inSentence(el)) continue;
    const rect = box(el);
    if (rect.width < target - 0.5 || rect.height < target - 0.5) {
      small.push(`${name(el)}: ${Math.round(rect.width)}×${Math.round(rect.height)}`);
    }
  }
  const destructive = (el) => /\\b(delete|take it back|remove|stop sharing|revoke|throw them away)\\b/i.test(words(el));
  const apart = (a, b) => {
    const dx = Math.max(0, a.left - b.right, b.left - a.right);
    const dy = Math.max(0, a.top - b.bottom, b.top - a.bottom);
    return Math.hypot(dx, dy);
  };
  const crowded = [];
  for (const risky of controls.filter(destructive)) {
    for (const other of controls.filter((el) => !destructive(el) && !el.contains(risky) && !risky.contains(el))) {
      const distance = apart(box(risky), box(other));
      if (distance < gap) crowded.push(`${name(risky)} is ${Math.round(distance)}px from ${name(other)}`);
    }
  }
  return {small, crowded};
}
"""

# What sticks out past the right edge (only asked when the page scrolls sideways, to name the culprit).
WIDEST = """
(width) => [...document.querySelectorAll('body *')]
  .filter((el) => el.getBoundingClientRect().right > width + 0.5)
  .filter((el) => !el.parentElement || el.parentElement.getBoundingClientRect().right <= width + 0.5)
  .slice(0, 8)
  .map((el) => `${el.tagName.toLowerCase()}.${el.className} → ${Math.round(el.getBoundingClientRect().right)}px`)
"""


def demo() -> dict[str, Any]:
    """The demo account and its companions, with the ids the pages below need."""
    from rebond.care.models import Share
    from rebond.core.demo import create_demo
    from rebond.measures.models import MeasureResponse
    from rebond.people.models import Person
    from rebond.promises.models import Promise
    from rebond.thoughts import steps
    from rebond.thoughts.models import ThoughtRecord

    user = create_demo(username="sam", password="demo-password-long", time_zone="Europe/London", region="GB")
    from rebond.accounts.models import User

    clinician = User.objects.get(username="sam-clinician")
    two_step_on(clinician)
    return {
        "client": user, "clinician": clinician,
        "promise": Promise.objects.filter(user=user).order_by("pk").first().pk,  # type: ignore[union-attr]
        "thought": ThoughtRecord.objects.filter(user=user).order_by("pk").first().pk,  # type: ignore[union-attr]
        "step": steps.all_steps()[0].id,
        "person": Person.objects.filter(user=user).order_by("pk").first().pk,  # type: ignore[union-attr]
        "share": Share.objects.filter(owner=user).order_by("pk").first().pk,  # type: ignore[union-attr]
        "phq9": MeasureResponse.objects.filter(user=user, instrument="phq9").order_by("-pk").first().pk,  # type: ignore[union-attr]
    }


Path = Callable[[dict[str, Any]], str]

# (test id, who looks, where)
PAGES: list[tuple[str, str, Path]] = [
    ("today", "client", lambda d: "/"),
    ("promises", "client", lambda d: "/promises/"),
    ("promise", "client", lambda d: f"/promises/{d['promise']}/"),
    ("stop-promise", "client", lambda d: f"/promises/{d['promise']}/stop/"),
    ("new-promise", "client", lambda d: "/promises/new/"),
    ("record", "client", lambda d: "/record/"),
    ("thoughts", "client", lambda d: "/thoughts/"),
    ("thought", "client", lambda d: f"/thoughts/{d['thought']}/"),
    ("thought-step", "client", lambda d: f"/thoughts/{d['thought']}/step/{d['step']}/"),
    ("thought-patterns", "client", lambda d: "/thoughts/patterns/"),
    ("people", "client", lambda d: "/people/"),
    ("person", "client", lambda d: f"/people/{d['person']}/"),
    ("ladder", "client", lambda d: f"/people/{d['person']}/ladder/"),
    ("measures", "client", lambda d: "/measures/"),
    ("check-in", "client", lambda d: "/measures/checkin/"),
    ("phq9-history", "client", lambda d: "/measures/phq9/"),
    ("phq9-result", "client", lambda d: f"/measures/phq9/{d['phq9']}/"),
    ("practice", "client", lambda d: "/practice/"),
    ("exercise", "client", lambda d: "/practice/paced-breathing/"),
    ("learn", "client", lambda d: "/learn/"),
    ("journal", "client", lambda d: "/journal/"),
    ("sharing", "client", lambda d: "/care/"),
    ("stop-sharing", "client", lambda d: f"/care/shares/{d['share']}/revoke/"),
    ("help", "client", lambda d: "/help/"),
    ("safety-plan", "client", lambda d: "/safety-plan/"),
    ("settings", "client", lambda d: "/accounts/settings/"),
    ("clients", "clinician", lambda d: "/care/clients/"),
    ("client", "clinician", lambda d: f"/care/clients/{d['client'].pk}/"),
    ("client-summary", "clinician", lambda d: f"/care/clients/{d['client'].pk}/summary/"),
]


@pytest.mark.parametrize(("who", "where"), [pytest.param(who, where, id=name) for name, who, where in PAGES])
def test_a_small_phone_needs_no_sideways_scroll_and_gets_big_tap_targets(page: Any, live_server: Any, who: str,
                                                                        where: Path) -> None:
    data = demo()
    page.set_viewport_size({"width": WIDTH, "height": HEIGHT})
    signed_in(page, live_server, data[who])
    response = page.goto(where(data))
    assert response is not None and response.ok, f"{where(data)} answered {response and response.status}"
    page.wait_for_load_state("load")

    scroll_width = page.evaluate("document.documentElement.scrollWidth")
    assert scroll_width <= WIDTH, (f"{page.url} scrolls sideways ({scroll_width}px wide): "
                                   f"{page.evaluate(WIDEST, WIDTH)}")
    found = page.evaluate(MEASURE_TARGETS, {"target": TARGET, "gap": GAP})
    assert not found["small"], f"tap targets under {TARGET}px on {page.url}:\n" + "\n".join(found["small"])
    assert not found["crowded"], f"too close to a safe choice on {page.url}:\n" + "\n".join(found["crowded"])
    axe_check(page)


def signed_in(page: Any, live_server: Any, user: Any) -> None:
    from django.conf import settings
    from django.test import Client

    client = Client()
    client.force_login(user)
    page.context.add_cookies([{
        "name": settings.SESSION_COOKIE_NAME, "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
        "url": live_server.url.replace("127.0.0.1", "localhost"), "httpOnly": True, "sameSite": "Lax",
        "secure": bool(settings.SESSION_COOKIE_SECURE),
    }])
