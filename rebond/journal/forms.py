from __future__ import annotations

from typing import Any

from django import forms

from rebond.journal import catalogue, services
from rebond.journal.models import Kind

BODY_LABELS = {
    Kind.GRATITUDE: ("What you noticed", "Small things count. One plain fact is enough on a hard day."),
    Kind.LETTER: ("Your letter", "Write as a caring friend who knows your whole story would."),
    Kind.STRENGTHS: ("A time you used one of them, or a way to use one this week", ""),
    Kind.AFFIRMATIONS: ("Your own words", "Start from something true you did. Make it small enough to believe."),
    Kind.NARRATIVE: ("First, the story", "Write what happened your way, with as much or as little detail as you like."),
    Kind.VALUES: ("What you wrote", ""),
}
BELIEVABLE = [("", "Not rated")] + [(str(n), str(n)) for n in range(11)]


class DateInput(forms.DateInput):
    input_type = "date"


class EntryForm(forms.Form):
    """Every message a person can read beside a field is the project's own (UX.md), never Django's: an empty or too
    long text gets the service's words for its kind, the rest is said here."""

    prompt = forms.ChoiceField(label="The prompt you're answering", required=False,
                               error_messages={"invalid_choice": services.PICK_PROMPT})
    body = forms.CharField(widget=forms.Textarea(attrs={"rows": 8}))
    retelling = forms.CharField(
        label="Then, tell it again", required=False, widget=forms.Textarea(attrs={"rows": 8}),
        help_text="Look for what you did to get through, and what that shows about what you value. "
                  "This is never about blame. You can come back to this part later.")
    strengths = forms.MultipleChoiceField(label="Your top five strengths", required=False, widget=forms.CheckboxSelectMultiple,
                                          help_text="Choose up to five that feel most like you.",
                                          error_messages={"invalid_choice": services.PICK_STRENGTHS,
                                                          "invalid_list": services.PICK_STRENGTHS})
    believable = forms.ChoiceField(label="How believable are these words for you today, from 0 to 10?",
                                   required=False, choices=BELIEVABLE,
                                   help_text="If it's under 5, try a smaller, truer version. That still counts.",
                                   error_messages={"invalid_choice": "Pick a number from 0 to 10, or leave it as "
                                                                     "Not rated."})
    on = forms.DateField(label="Day", widget=DateInput, error_messages={
        "required": "Pick the day this is about: today or an earlier day.",
        "invalid": "That day can't be read. Pick it from the calendar, or write it like 2026-06-15.",
    })

    def __init__(self, *args: Any, kind: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.kind = kind
        prompt_set = catalogue.prompt_set(kind)
        prompts = prompt_set.prompts if prompt_set else []
        prompt_field = self.fields["prompt"]
        assert isinstance(prompt_field, forms.ChoiceField)
        prompt_field.choices = [("", "No particular prompt")] + [(p, p) for p in prompts]
        label, help_text = BODY_LABELS[Kind(kind)]
        self.fields["body"].label = label
        self.fields["body"].help_text = help_text
        self.fields["body"].error_messages["required"] = services.empty_body_words(kind)
        if kind == Kind.STRENGTHS:
            self.fields["body"].required = False
            strengths_field = self.fields["strengths"]
            assert isinstance(strengths_field, forms.MultipleChoiceField)
            strengths_field.choices = [(s.slug, f"{s.name}: {s.description}") for s in catalogue.strengths()]
        else:
            del self.fields["strengths"]
        if kind != Kind.NARRATIVE:
            del self.fields["retelling"]
        if kind != Kind.AFFIRMATIONS:
            del self.fields["believable"]
        self.order_fields(["strengths", "prompt", "body", "retelling", "believable", "on"])
        for name, field in self.fields.items():
            if field.help_text:
                field.widget.attrs["aria-describedby"] = f"id_{name}_helptext"

    def believable_value(self) -> int | None:
        raw = self.cleaned_data.get("believable")
        return int(raw) if raw else None
