from __future__ import annotations

from django.conf import settings
from django.db import models

from rebond.core.fields import EncryptedTextField


class SafetyPlan(models.Model):
    """A person's safety plan. The steps are kept as JSON inside one encrypted field."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="safety_plan")
    content = EncryptedTextField(max_chars=100_000, default="{}")
    updated_at = models.DateTimeField(auto_now=True)


class CrisisPageShown(models.Model):
    """The calm crisis page was shown for this entry on this day of the person's own (UX.md: the full page at most once
    per entry and per day, then a banner). Kept with the person, not the browser session, so signing in again or
    another device doesn't bring it back. No free text: the entry key names an app and an id ("thoughts:12")."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    entry_key = models.CharField(max_length=100)
    day = models.DateField()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "entry_key", "day"], name="safety_crisis_page_once")]
