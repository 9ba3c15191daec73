"""Thought records (PRODUCT.md C4): a situation, the automatic thoughts with one marked "hot", the feelings and
how strong they were before and after, the traps the person chose, the evidence, and a balanced thought (or, when
the thought may be an accurate read, a plan of action). Everything the person wrote is sealed with their key."""

from __future__ import annotations

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone

from rebond.core.fields import EncryptedTextField

RATING = [MinValueValidator(0), MaxValueValidator(100)]


class Status(models.TextChoices):
    DRAFT = "draft", "Not finished yet"
    DONE = "done", "Finished"


class ThoughtRecord(models.Model):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="thought_records")
    status = models.CharField(max_length=8, choices=Status.choices, default=Status.DRAFT)
    situation = EncryptedTextField(blank=True, default="")
    belief_before = models.PositiveSmallIntegerField(null=True, blank=True, validators=RATING)
    # Trap ids the person chose (rebond.domain.traps.TRAP_IDS). Suggestions are never stored as choices.
    traps = models.JSONField(default=list, blank=True)
    accurate_read = models.BooleanField(default=False)
    evidence_for = EncryptedTextField(blank=True, default="")
    evidence_against = EncryptedTextField(blank=True, default="")
    balanced_thought = EncryptedTextField(blank=True, default="")
    balanced_belief = models.PositiveSmallIntegerField(null=True, blank=True, validators=RATING)
    action_plan = EncryptedTextField(blank=True, default="")
    belief_after = models.PositiveSmallIntegerField(null=True, blank=True, validators=RATING)
    # Not auto_now_add: imports and the demo keep the day an entry was really written.
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["user", "status", "created_at"])]
        constraints = [
            models.CheckConstraint(condition=models.Q(belief_before__lte=100), name="thoughts_belief_before_0_100"),
            models.CheckConstraint(condition=models.Q(belief_after__lte=100), name="thoughts_belief_after_0_100"),
            models.CheckConstraint(condition=models.Q(balanced_belief__lte=100), name="thoughts_balanced_belief_0_100"),
        ]

    def __str__(self) -> str:  # never the text: this can reach logs
        return f"ThoughtRecord {self.pk}"


class AutomaticThought(models.Model):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="automatic_thoughts")
    record = models.ForeignKey(ThoughtRecord, on_delete=models.CASCADE, related_name="thoughts")
    position = models.PositiveSmallIntegerField(default=0)
    text = EncryptedTextField()
    hot = models.BooleanField(default=False)

    class Meta:
        ordering = ["position", "id"]

    def __str__(self) -> str:
        return f"AutomaticThought {self.pk}"


class Emotion(models.Model):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="thought_emotions")
    record = models.ForeignKey(ThoughtRecord, on_delete=models.CASCADE, related_name="emotions")
    position = models.PositiveSmallIntegerField(default=0)
    name = EncryptedTextField(max_chars=200)
    before = models.PositiveSmallIntegerField(validators=RATING)
    after = models.PositiveSmallIntegerField(null=True, blank=True, validators=RATING)

    class Meta:
        ordering = ["position", "id"]
        constraints = [
            models.CheckConstraint(condition=models.Q(before__lte=100), name="thoughts_emotion_before_0_100"),
            models.CheckConstraint(condition=models.Q(after__lte=100), name="thoughts_emotion_after_0_100"),
        ]

    def __str__(self) -> str:
        return f"Emotion {self.pk}"
