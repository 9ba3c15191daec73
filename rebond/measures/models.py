"""Questionnaire answers over time, unfinished drafts, reminders and the daily check-in."""

from __future__ import annotations

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models

from rebond.core.fields import EncryptedTextField


class MeasureResponse(models.Model):
    """One complete, scored answer set. Scores are stored as they were computed at the time."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="measure_responses")
    instrument = models.CharField(max_length=16)
    content_version = models.PositiveSmallIntegerField(default=1)
    answers = models.JSONField()
    total = models.FloatField()
    severity = models.CharField(max_length=32)
    flags = models.JSONField(default=dict, blank=True)
    percent = models.PositiveSmallIntegerField(null=True, blank=True)
    taken_at = models.DateTimeField()

    class Meta:
        ordering = ["-taken_at", "-id"]
        indexes = [models.Index(fields=["user", "instrument", "taken_at"], name="measure_user_instr_taken")]


class MeasureDraft(models.Model):
    """Answers to a questionnaire that is not finished yet. Empty answers stay empty (never zero)."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="measure_drafts")
    instrument = models.CharField(max_length=16)
    answers = models.JSONField(default=list)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "instrument"], name="measure_draft_one_per_instrument")]


class MeasureSchedule(models.Model):
    """A reminder to take one questionnaire every so many days (shown on Today and in the calendar feed)."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="measure_schedules")
    instrument = models.CharField(max_length=16)
    every_days = models.PositiveSmallIntegerField(validators=[MinValueValidator(1), MaxValueValidator(365)])
    starts_on = models.DateField()
    active = models.BooleanField(default=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "instrument"], name="measure_schedule_one_per_instrument")]


class Safety(models.TextChoices):
    SAFE = "safe", "Safe"
    NOT_SURE = "not_sure", "Not sure"
    NOT_SAFE = "not_safe", "Not safe"


class About(models.TextChoices):
    MYSELF = "myself", "About myself"
    SOMEONE = "someone", "Someone is hurting or scaring me"


class DailyCheckin(models.Model):
    """The 20-second check-in: mood, safety and one optional line. Never shown to supporters.

    ``mood`` is empty only on a day answered "Not safe" or "Not sure" without one: an unsafe answer is kept
    whatever else is missing (UX.md Safety), so the mood may be left out."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="daily_checkins")
    date = models.DateField(help_text="The day in the person's own time zone.")
    mood = models.PositiveSmallIntegerField(null=True, blank=True,
                                            validators=[MinValueValidator(1), MaxValueValidator(5)])
    safety = models.CharField(max_length=8, choices=Safety.choices)
    about = models.CharField(max_length=8, choices=About.choices, blank=True)
    note = EncryptedTextField(blank=True, default="")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-date"]
        constraints = [models.UniqueConstraint(fields=["user", "date"], name="daily_checkin_one_per_day")]
