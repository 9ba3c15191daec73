from __future__ import annotations

from typing import Any

from django import forms

from rebond.core.fields import FREE_TEXT_LIMIT
from rebond.domain import promises as rules
from rebond.promises.models import Reason, Size

REPEATS = [
    ("once", "Once, on the start day"),
    ("daily", "Every day"),
    ("weekdays", "On weekdays"),
    ("weekly", "Once a week, on the start day's weekday"),
    ("custom", "A custom rule (RRULE)"),
]
REPEAT_RULES = {"once": "", "daily": "FREQ=DAILY", "weekdays": "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR",
                "weekly": "FREQ=WEEKLY"}


def repeat_for(rule: str) -> str:
    rule = rules.normalise_rule(rule)
    for name, known in REPEAT_RULES.items():
        if known == rule:
            return name
    return "custom"


class DateInput(forms.DateInput):
    input_type = "date"


class PromiseForm(forms.Form):
    text = forms.CharField(label="I promise myself to…", max_length=FREE_TEXT_LIMIT,
                           help_text="Small enough that you'd keep it on a hard day. For example: walk for ten minutes.")
    why = forms.CharField(label="Why it matters to me", required=False, max_length=FREE_TEXT_LIMIT,
                          widget=forms.Textarea(attrs={"rows": 3}))
    size = forms.ChoiceField(label="Size", choices=Size.choices, initial=Size.SMALL,
                             help_text="Tiny: almost too easy. Small: a real step. Stretch: a bigger reach.")
    repeat = forms.ChoiceField(label="How often", choices=REPEATS, initial="daily")
    rrule = forms.CharField(label="Custom rule", required=False, max_length=500,
                            help_text="Only for a custom rule, for example FREQ=WEEKLY;BYDAY=MO,WE,FR.")
    starts_on = forms.DateField(label="Starts on", widget=DateInput)
    ends_on = forms.DateField(label="Ends on", required=False, widget=DateInput)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name, field in self.fields.items():
            if field.help_text:
                field.widget.attrs["aria-describedby"] = f"id_{name}_helptext"

    def rule(self) -> str:
        repeat = self.cleaned_data.get("repeat", "once")
        if repeat == "custom":
            return str(self.cleaned_data.get("rrule") or "")
        return REPEAT_RULES.get(repeat, "")


class DebriefForm(forms.Form):
    obstacle = forms.CharField(label="What got in the way?", required=False, max_length=FREE_TEXT_LIMIT,
                               widget=forms.Textarea(attrs={"rows": 3}),
                               help_text="A few words is plenty. Being tired, busy or unwell all count.")
    smaller_step = forms.CharField(label="A smaller version you could keep on a day like this", required=False,
                                   max_length=FREE_TEXT_LIMIT,
                                   help_text="For example, five minutes instead of ten.")


class PauseForm(forms.Form):
    first = forms.DateField(label="From", widget=DateInput, error_messages={
        "required": "Pick the first day of your rest.", "invalid": "Write the day like 2026-06-15, or pick it."})
    last = forms.DateField(label="Until", widget=DateInput, error_messages={
        "required": "Pick the last day of your rest.", "invalid": "Write the day like 2026-06-15, or pick it."})
    reason = forms.ChoiceField(label="Why", choices=Reason.choices, initial=Reason.PAUSE)


class VictoryForm(forms.Form):
    text = forms.CharField(label="A win, big or small", max_length=FREE_TEXT_LIMIT,
                           help_text="For example: I asked for help.")
    on = forms.DateField(label="When", widget=DateInput)


class DayForm(forms.Form):
    """Pick a day to check in on, from the promise's start to today (or its end, if that came first)."""

    on = forms.DateField(label="Which day?", widget=DateInput)

    def __init__(self, *args: Any, first: Any = None, last: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if first is not None:
            self.fields["on"].widget.attrs["min"] = first.isoformat()
        if last is not None:
            self.fields["on"].widget.attrs["max"] = last.isoformat()
