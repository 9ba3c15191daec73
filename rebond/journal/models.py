"""Self-acceptance journal entries. Everything the person writes is sealed with their own key."""

from __future__ import annotations

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models

from rebond.core.fields import EncryptedTextField


class Kind(models.TextChoices):
    GRATITUDE = "gratitude", "Gratitude"
    LETTER = "compassionate-letter", "A kind letter to myself"
    STRENGTHS = "strengths", "My strengths"
    AFFIRMATIONS = "affirmations", "Words I can believe"
    NARRATIVE = "narrative-re-authoring", "Retelling my story"
    VALUES = "values", "What matters to me"


class JournalEntry(models.Model):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="journal_entries")
    kind = models.CharField(max_length=32, choices=Kind.choices)
    on = models.DateField(help_text="The day in the person's own time zone.")
    prompt = models.CharField(max_length=400, blank=True, default="", help_text="The prompt answered, from the catalogue.")
    body = EncryptedTextField(blank=True, default="")
    # Narrative re-authoring: the second telling, noticing what you did to get through and what you value.
    retelling = EncryptedTextField(blank=True, default="")
    # Strengths: the slugs of the person's top five (rebond/content/strengths.yaml).
    strengths = models.JSONField(default=list, blank=True)
    # Affirmations: how believable the person finds their own words, 0–10.
    believable = models.PositiveSmallIntegerField(null=True, blank=True,
                                                  validators=[MinValueValidator(0), MaxValueValidator(10)])
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-on", "-id"]
        indexes = [models.Index(fields=["user", "on"]), models.Index(fields=["user", "kind"])]
