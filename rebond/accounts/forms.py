from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from functools import lru_cache
from typing import Any
from zoneinfo import ZoneInfo

from django import forms
from django.conf import settings

from rebond.accounts.models import Role
from rebond.accounts.services import valid_time_zones
from rebond.domain import helplines


def time_zone_label(name: str, at: datetime) -> str:
    """"Europe/London — London (UTC+01:00)": the stored IANA name, its city in plain words, and its offset now."""
    offset = at.astimezone(ZoneInfo(name)).utcoffset() or timedelta(0)
    minutes = int(offset.total_seconds()) // 60
    sign = "-" if minutes < 0 else "+"
    hours, rest = divmod(abs(minutes), 60)
    utc = f"(UTC{sign}{hours:02d}:{rest:02d})"
    if "/" not in name:
        return f"{name} {utc}"
    return f"{name} — {name.rsplit('/', 1)[-1].replace('_', ' ')} {utc}"


@lru_cache(maxsize=2)
def _time_zone_choices(day: date) -> tuple[tuple[str, str], ...]:
    at = datetime(day.year, day.month, day.day, 12, tzinfo=UTC)
    return tuple((tz, time_zone_label(tz, at)) for tz in sorted(valid_time_zones()))


def time_zone_choices() -> list[tuple[str, str]]:
    """Every zone, its value the IANA name that is stored; the label adds the offset (worked out once a day)."""
    return list(_time_zone_choices(datetime.now(UTC).date()))


def region_choices() -> list[tuple[str, str]]:
    return [("", "Not set — show the international list")] + list(helplines.regions())


class SignInForm(forms.Form):
    username = forms.CharField(label="Name you sign in with", max_length=150,
                               widget=forms.TextInput(attrs={"autocomplete": "username", "autocapitalize": "none"}))
    password = forms.CharField(label="Password", widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}))


class SignUpForm(forms.Form):
    username = forms.RegexField(
        label="Name you sign in with", max_length=150, regex=r"^[\w.@+-]+$",
        help_text="Letters, numbers and . @ + - _ only. It can be a nickname.",
        error_messages={"invalid": "Use letters, numbers and . @ + - _ only."},
        widget=forms.TextInput(attrs={"autocomplete": "username", "autocapitalize": "none"}),
    )
    password = forms.CharField(label="Password", help_text="At least 10 characters. A few words in a row work well.",
                               widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}))
    password_again = forms.CharField(label="Password again", widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}))
    role = forms.ChoiceField(label="I am here as", choices=Role.choices, initial=Role.CLIENT)
    time_zone = forms.ChoiceField(label="Your time zone", initial="UTC",
                                  help_text="So that \"today\" means your today.")
    region = forms.ChoiceField(label="Where you live", required=False,
                               help_text="So we can show the right crisis lines. You can change it later.")
    invite_code = forms.CharField(label="Invite code", required=False, max_length=40)
    adult = forms.BooleanField(label="I am 18 or older", required=True,
                               error_messages={"required": "rebond is for adults. If you are younger, the help page lists lines for young people."})

    def __init__(self, *args: Any, need_invite: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["time_zone"].choices = time_zone_choices()  # type: ignore[attr-defined]
        self.fields["region"].choices = region_choices()  # type: ignore[attr-defined]
        if need_invite:
            self.fields["invite_code"].required = True
        else:
            del self.fields["invite_code"]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("password") and data.get("password_again") and data["password"] != data["password_again"]:
            self.add_error("password_again", "The two passwords are not the same. Please type them again.")
        return data


class ProfileForm(forms.Form):
    display_name = forms.CharField(label="What should we call you?", max_length=80, required=False)
    email = forms.EmailField(label="Email", required=False, help_text="Only for password resets. Emails carry no health details.")
    time_zone = forms.ChoiceField(label="Time zone")
    region = forms.ChoiceField(label="Region for crisis lines", required=False)
    discreet_mode = forms.BooleanField(label="Discreet mode: a plain tab title and icon", required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["time_zone"].choices = time_zone_choices()  # type: ignore[attr-defined]
        self.fields["region"].choices = region_choices()  # type: ignore[attr-defined]


class TokenForm(forms.Form):
    name = forms.CharField(label="Token name", max_length=80, help_text="For example: my laptop script.")


class DeleteAccountForm(forms.Form):
    password = forms.CharField(label="Your password", widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}))
    confirm = forms.BooleanField(label="I understand this deletes everything and can't be undone", required=True)


def signup_mode() -> str:
    return str(settings.SIGNUP)


class CodeForm(forms.Form):
    code = forms.CharField(label="6-digit code from your authenticator app", max_length=12,
                           widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}))


class DisableTwoFactorForm(forms.Form):
    password = forms.CharField(label="Your password", widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}))
    code = forms.CharField(label="6-digit code from your authenticator app", max_length=12,
                           widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}))
