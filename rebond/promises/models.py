"""Promises to myself, one check-in per occurrence, small victories, and the private calendar feed."""

from __future__ import annotations

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models

from rebond.core.fields import EncryptedTextField


class Size(models.TextChoices):
    TINY = "tiny", "Tiny"
    SMALL = "small", "Small"
    STRETCH = "stretch", "Stretch"


class Outcome(models.TextChoices):
    KEPT = "kept", "Kept"
    PARTIAL = "partial", "Partly"
    MISSED = "missed", "Not this time"
    RENEGOTIATED = "renegotiated", "Let it go"
    EXCUSED = "excused", "Resting"


class Reason(models.TextChoices):
    PAUSE = "pause", "A pause"
    ILLNESS = "illness", "Unwell"
    HOLIDAY = "holiday", "Holiday"


class Promise(models.Model):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="promises")
    text = EncryptedTextField()
    why = EncryptedTextField(blank=True, default="")
    size = models.CharField(max_length=8, choices=Size.choices, default=Size.SMALL)
    rrule = models.CharField(max_length=500, blank=True, default="", help_text="Empty for a one-off promise.")
    starts_on = models.DateField()
    ends_on = models.DateField(null=True, blank=True)
    archived = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["id"]
        indexes = [models.Index(fields=["user", "archived"])]


class CheckIn(models.Model):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="promise_checkins")
    promise = models.ForeignKey(Promise, on_delete=models.CASCADE, related_name="checkins")
    on = models.DateField()
    outcome = models.CharField(max_length=16, choices=Outcome.choices)
    value = models.FloatField(null=True, blank=True, validators=[MinValueValidator(0.0), MaxValueValidator(1.0)])
    reason = models.CharField(max_length=8, choices=Reason.choices, blank=True, default="")
    note = EncryptedTextField(blank=True, null=True, default=None)
    obstacle = EncryptedTextField(blank=True, null=True, default=None)
    smaller_step = EncryptedTextField(blank=True, null=True, default=None)
    # Earlier outcomes of this day, oldest first: a changed check-in keeps its history (trust-model.md).
    history = models.JSONField(default=list, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["on", "id"]
        constraints = [
            models.UniqueConstraint(fields=["promise", "on"], name="promises_one_checkin_per_day"),
            models.CheckConstraint(
                condition=models.Q(value__isnull=True) | (models.Q(value__gte=0) & models.Q(value__lte=1)),
                name="promises_checkin_value_0_1",
            ),
        ]
        indexes = [models.Index(fields=["user", "on"])]


class Victory(models.Model):
    """A win the person logs themselves. Kept promises join these in the evidence jar without a copy."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="victories")
    text = EncryptedTextField()
    on = models.DateField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-on", "-id"]


class CalendarFeed(models.Model):
    """The secret address of a person's calendar feed. Looked up by digest; the address itself is sealed."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="calendar_feed")
    digest = models.CharField(max_length=64, unique=True)
    token = EncryptedTextField()
    created_at = models.DateTimeField(auto_now_add=True)
