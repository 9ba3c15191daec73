"""A practice session: which exercise, and distress (0–10) before and, if the person rates it, after."""

from __future__ import annotations

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models

DISTRESS = [MinValueValidator(0), MaxValueValidator(10)]


class ExerciseSession(models.Model):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="exercise_sessions")
    exercise = models.CharField(max_length=64)
    on = models.DateField(help_text="The day in the person's own time zone.")
    distress_before = models.PositiveSmallIntegerField(validators=DISTRESS)
    distress_after = models.PositiveSmallIntegerField(null=True, blank=True, validators=DISTRESS)
    # False when the person stopped early: that is a choice, never a failure, and it is never shown as one.
    finished = models.BooleanField(default=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-on", "-id"]
        indexes = [models.Index(fields=["user", "on"])]
        constraints = [
            models.CheckConstraint(condition=models.Q(distress_before__lte=10), name="practice_before_0_10"),
            models.CheckConstraint(condition=models.Q(distress_after__isnull=True) | models.Q(distress_after__lte=10),
                                   name="practice_after_0_10"),
        ]
