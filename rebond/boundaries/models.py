"""Boundaries: what I will and won't accept, why, how I'll say it, and a log of how it went."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from rebond.core.fields import EncryptedTextField

# The script builder's parts, in the order the DBT interpersonal skill teaches them (content in boundaries.yaml).
SCRIPT_PARTS = ("describe", "express", "assert_need", "reinforce", "mindful", "confident", "negotiate")


class Boundary(models.Model):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="boundaries")
    # Optional: who it is mostly about. A person who may have hurt the user gets no script suggestions toward them.
    person = models.ForeignKey("people.Person", on_delete=models.SET_NULL, null=True, blank=True,
                               related_name="boundaries")
    what = EncryptedTextField()
    why = EncryptedTextField(blank=True, default="")
    how = EncryptedTextField(blank=True, default="")
    describe = EncryptedTextField(blank=True, default="")
    express = EncryptedTextField(blank=True, default="")
    assert_need = EncryptedTextField(blank=True, default="")
    reinforce = EncryptedTextField(blank=True, default="")
    mindful = EncryptedTextField(blank=True, default="")
    confident = EncryptedTextField(blank=True, default="")
    negotiate = EncryptedTextField(blank=True, default="")
    archived = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["id"]


class Outcome(models.TextChoices):
    COMMUNICATED = "communicated", "I said it"
    HELD = "held", "It held"
    CROSSED = "crossed", "It was crossed"


class BoundaryLog(models.Model):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="boundary_logs")
    boundary = models.ForeignKey(Boundary, on_delete=models.CASCADE, related_name="logs")
    on = models.DateField()
    outcome = models.CharField(max_length=16, choices=Outcome.choices)
    with_whom = EncryptedTextField(blank=True, default="", max_chars=200)
    note = EncryptedTextField(blank=True, null=True, default=None)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-on", "-id"]
