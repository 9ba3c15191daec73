from __future__ import annotations

from typing import Any

from django import forms
from django.utils.html import conditional_escape, format_html

from rebond.boundaries import content
from rebond.boundaries.models import Outcome
from rebond.core.fields import FREE_TEXT_LIMIT


class DateInput(forms.DateInput):
    input_type = "date"


def _area(label: str, help_text: str = "", required: bool = False) -> forms.CharField:
    return forms.CharField(label=label, required=required, max_length=FREE_TEXT_LIMIT, help_text=help_text,
                           widget=forms.Textarea(attrs={"rows": 2}))


class BoundaryForm(forms.Form):
    what = _area("My boundary", "What you will or won't do. For example: I leave if there's shouting.", required=True)
    why = _area("Why it matters to me")
    how = _area("How I'll say it", "A sentence or two you could really say. The script builder below can help.")
    person = forms.TypedChoiceField(label="Mostly about", required=False, coerce=int, empty_value=None)

    def __init__(self, *args: Any, people: list[Any] = (), suggestions: bool = True, **kwargs: Any) -> None:  # type: ignore[assignment]
        super().__init__(*args, **kwargs)
        person = self.fields["person"]
        assert isinstance(person, forms.ChoiceField)
        person.choices = [("", "No one in particular")] + [(p.pk, str(p.name)) for p in people]
        # The page's script hides the examples (and shows help) as soon as one of these people is picked.
        person.widget.attrs["data-safety-first"] = " ".join(str(p.pk) for p in people if p.safety_first)
        for part in content.parts():
            example = format_html(' <span class="script-example">Example: “{}”</span>', part["example"])
            self.fields[part["id"]] = _area(part["label"], conditional_escape(part["help"]) + (
                example if suggestions else ""))
        for name, field in self.fields.items():
            if field.help_text:
                field.widget.attrs["aria-describedby"] = f"id_{name}_helptext"

    def script_fields(self) -> list[Any]:
        return [self[part["id"]] for part in content.parts()]

    def main_fields(self) -> list[Any]:
        return [self[name] for name in ("what", "why", "how", "person")]


class LogForm(forms.Form):
    outcome = forms.ChoiceField(label="What happened", choices=Outcome.choices, widget=forms.RadioSelect)
    on = forms.DateField(label="When", widget=DateInput)
    with_whom = forms.CharField(label="With whom", required=False, max_length=200,
                                help_text="A name or nickname, or leave it empty.")
    note = _area("A note")

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name, field in self.fields.items():
            if field.help_text:
                field.widget.attrs["aria-describedby"] = f"id_{name}_helptext"
