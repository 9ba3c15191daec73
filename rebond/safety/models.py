from __future__ import annotations

from django.conf import settings
from django.db import models

from rebond.core.fields import EncryptedTextField


class SafetyPlan(models.Model):
    """A person's safety plan. The steps are kept as JSON inside one encrypted field."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="safety_plan")
    content = EncryptedTextField(max_chars=100_000, default="{}")
    updated_at = models.DateTimeField(auto_now=True)
