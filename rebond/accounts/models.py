"""People who use rebond, their keys and their access tokens."""

from __future__ import annotations

from django.contrib.auth.models import AbstractUser
from django.db import models

from rebond.core.fields import SELF, EncryptedTextField


class Role(models.TextChoices):
    CLIENT = "client", "Person using rebond for themselves"
    CLINICIAN = "clinician", "Clinician"
    SUPPORTER = "supporter", "Supporter"


class User(AbstractUser):
    role = models.CharField(max_length=16, choices=Role.choices, default=Role.CLIENT)
    # What the person asked to be called is free text: sealed with their own key, like everything else they write.
    display_name = EncryptedTextField(owner_field=SELF, max_chars=80, blank=True)
    time_zone = models.CharField(max_length=64, default="UTC")
    region = models.CharField(max_length=8, blank=True, help_text="Used to show the right crisis lines.")
    discreet_mode = models.BooleanField(default=False)
    # Made by `rebond demo`: only such accounts may be replaced by running it again, never a real person's.
    is_demo = models.BooleanField(default=False)

    @property
    def greeting_name(self) -> str:
        return self.display_name or self.username


class DataKey(models.Model):
    """A person's data key, wrapped by the deployment key. Deleting it makes their ciphertext unreadable."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="data_keys")
    key_id = models.CharField(max_length=32)
    wrapped = models.TextField()
    active = models.BooleanField(default=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "key_id"], name="datakey_unique_per_user")]


class ApiToken(models.Model):
    """A personal access token. Only a hash is stored; the token itself is shown once."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="api_tokens")
    name = models.CharField(max_length=80)
    prefix = models.CharField(max_length=12)
    digest = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)
    last_used_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"


class LoginAttempt(models.Model):
    """Failed sign-ins, kept in the database so every app server sees the same count."""

    username = models.CharField(max_length=150, db_index=True)
    ip = models.CharField(max_length=64, blank=True)
    at = models.DateTimeField(db_index=True)


class SignupInvite(models.Model):
    code = models.CharField(max_length=40, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField()
    used_by = models.ForeignKey(User, null=True, blank=True, on_delete=models.SET_NULL)
    used_at = models.DateTimeField(null=True, blank=True)


class TwoFactor(models.Model):
    """A confirmed TOTP authenticator for a person. The secret is sealed with their own data key."""

    user = models.OneToOneField(User, on_delete=models.CASCADE, related_name="two_factor")
    secret = EncryptedTextField(max_chars=64)
    confirmed_at = models.DateTimeField()
    last_step = models.BigIntegerField(default=0, help_text="The last 30-second step used, so a code works once.")
