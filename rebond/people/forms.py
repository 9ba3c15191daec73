from __future__ import annotations

from typing import Any

from django import forms

from rebond.core.fields import FREE_TEXT_LIMIT
from rebond.people import words
from rebond.people.models import SEVERITY_MAX, SEVERITY_MIN, Hurt, Kind, Stage

HURT_CHOICES = [(Hurt.NO, "No"), (Hurt.YES, "Yes"), (Hurt.NOT_SURE, "Not sure"), (Hurt.UNANSWERED, "I'd rather not say yet")]


class DateInput(forms.DateInput):
    input_type = "date"


class _Described(forms.Form):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name, field in self.fields.items():
            # A radio group's fieldset carries its help (_field.html), not each of its choices.
            if field.help_text and not isinstance(field.widget, forms.RadioSelect):
                field.widget.attrs["aria-describedby"] = f"id_{name}_helptext"


class PersonForm(_Described):
    name = forms.CharField(label="Name or nickname", max_length=200,
                           help_text="A nickname is fine, especially if others use this device.")
    relationship = forms.CharField(label="Who they are to you", max_length=200, required=False,
                                   help_text="For example: partner, friend, sister, coworker.")
    hurt = forms.ChoiceField(label=words.word("hurt_question"), choices=HURT_CHOICES, required=False,
                             widget=forms.RadioSelect, help_text=words.word("hurt_help"))


class ObservationForm(_Described):
    # Nothing is chosen for the person: what happened, and whether it came from checking their phone, are theirs to say.
    kind = forms.ChoiceField(label="What happened", error_messages={"required": words.word("kind_required")},
                             choices=[("", "Choose one")] + [(k, words.kind_label(k)) for k in Kind.values])
    on = forms.DateField(label="When", widget=DateInput)
    # The range is checked by the service, so the message beside the field is in our words.
    severity = forms.FloatField(label="How much it mattered to you", initial=1.0, required=False,
                                help_text=words.word("severity_help"),
                                widget=forms.NumberInput(attrs={"step": "0.5", "min": SEVERITY_MIN, "max": SEVERITY_MAX}))
    repairs = forms.TypedChoiceField(label="Which moment it repairs", required=False, coerce=int, empty_value=None,
                                     help_text=words.word("repairs_help"))
    note = forms.CharField(label="What you saw or heard", required=False, max_length=FREE_TEXT_LIMIT,
                           widget=forms.Textarea(attrs={"rows": 3}),
                           help_text="Just what happened, in your words, as close to the time as you can.")
    from_checking = forms.ChoiceField(label=words.word("checking_label"), widget=forms.RadioSelect,
                                      choices=[("no", "No"), ("yes", "Yes")], help_text=words.word("checking_help"),
                                      error_messages={"required": words.word("checking_required")})

    def __init__(self, *args: Any, breaches: list[Any] = (), **kwargs: Any) -> None:  # type: ignore[assignment]
        super().__init__(*args, **kwargs)
        field = self.fields["repairs"]
        assert isinstance(field, forms.ChoiceField)
        field.choices = [("", "—")] + [
            (b.pk, f"{b.on:%d %b %Y} — {words.kind_label(b.kind)}") for b in breaches
        ]


class RetractForm(_Described):
    reason = forms.CharField(label="Why you're taking it back", required=False, max_length=FREE_TEXT_LIMIT,
                             widget=forms.Textarea(attrs={"rows": 3}),
                             help_text="For example: I misread it, or I logged it twice. The entry stays, marked as taken back.")


class AnnotateForm(_Described):
    text = forms.CharField(label="Add a note", max_length=FREE_TEXT_LIMIT, widget=forms.Textarea(attrs={"rows": 2}))


class SaidForm(_Described):
    text = forms.CharField(label="They said they would…", max_length=FREE_TEXT_LIMIT,
                           help_text="For example: pay back the money, call on Sunday.")
    made_on = forms.DateField(label="Said on", widget=DateInput)
    due_on = forms.DateField(label="Due by", widget=DateInput)


class RepairForm(_Described):
    stage = forms.ChoiceField(label="Where this is now", choices=Stage.choices, widget=forms.RadioSelect)
    acknowledge_note = forms.CharField(label="Acknowledge", required=False, max_length=FREE_TEXT_LIMIT,
                                       widget=forms.Textarea(attrs={"rows": 3}),
                                       help_text=words.catalogue()["stages"]["acknowledge"]["help"])
    understand_note = forms.CharField(label="Understand", required=False, max_length=FREE_TEXT_LIMIT,
                                      widget=forms.Textarea(attrs={"rows": 3}),
                                      help_text=words.catalogue()["stages"]["understand"]["help"])
    rebuild_note = forms.CharField(label="Rebuild", required=False, max_length=FREE_TEXT_LIMIT,
                                   widget=forms.Textarea(attrs={"rows": 3}),
                                   help_text=words.catalogue()["stages"]["rebuild"]["help"])


class LadderForm(_Described):
    text = forms.CharField(label="A small step of relying on them", max_length=FREE_TEXT_LIMIT,
                           help_text="For example: let them pick me up from the station.")
    position = forms.IntegerField(label="Step number", min_value=1, max_value=100, required=False,
                                  help_text="Easiest first. Leave it empty to add the step at the end. "
                                            "A number puts it there, and the steps after it move down one.")
    anxiety_before = forms.IntegerField(label="How anxious this feels now (0–10)", min_value=0, max_value=10,
                                        required=False)


class LadderStepForm(_Described):
    position = forms.IntegerField(label="Step number", min_value=1, max_value=100)
    anxiety_before = forms.IntegerField(label="Anxiety before (0–10)", min_value=0, max_value=10, required=False)
    anxiety_after = forms.IntegerField(label="Anxiety after (0–10)", min_value=0, max_value=10, required=False)
    done_on = forms.DateField(label="Done on", required=False, widget=DateInput)
