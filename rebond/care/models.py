"""The care circle: invitations, shares with their scopes, and the log of every read by someone else.

A share is the person's consent, scope by scope. Revoking deletes the share row, so access ends on the next request.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.conf import settings
from django.db import models

from rebond.core.fields import EncryptedTextField

if TYPE_CHECKING:
    from rebond.domain.homework import Progress


class Scope(models.TextChoices):
    PROMISES = "promises", "Promises and the self-trust record"
    VICTORIES = "victories", "Wins"
    MEASURES = "measures", "Questionnaire scores"
    THOUGHTS = "thoughts", "Thought records"
    LEDGER_SUMMARY = "ledger_summary", "People: a summary"
    JOURNAL = "journal", "Journal"
    SAFETY_ALERTS = "safety_alerts", "Safety alerts"


class CircleRole(models.TextChoices):
    CLINICIAN = "clinician", "Clinician"
    SUPPORTER = "supporter", "Supporter"


class Invitation(models.Model):
    """An invitation to see some of the owner's data. Only a digest of the code is kept; the code is shown once."""

    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="care_invitations")
    role = models.CharField(max_length=12, choices=CircleRole.choices)
    scopes = models.JSONField(default=list)
    digest = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField()
    accepted_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.CASCADE,
                                    related_name="care_invitations_accepted")
    accepted_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]


class Share(models.Model):
    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="care_shares_given")
    viewer = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                               related_name="care_shares_received")
    role = models.CharField(max_length=12, choices=CircleRole.choices)
    scopes = models.JSONField(default=list)
    encouragement_muted = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["id"]
        constraints = [models.UniqueConstraint(fields=["owner", "viewer"], name="care_one_share_per_pair")]
        indexes = [models.Index(fields=["viewer", "owner"])]


# What a log row can name: a shared scope, or the homework a clinician gave (theirs to see, the person's to know).
LOGGED_READS: list[tuple[str, str]] = [*Scope.choices, ("homework", "Homework they gave you")]


class AccessLog(models.Model):
    """Someone else's looks at one part of the owner's record on one day (the owner's day): how many, the first
    and the latest. One row per reader, part, door and day, so a dashboard refreshed all day stays one honest line.
    Kept for the owner; the reader's name is kept if they leave."""

    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="care_access_log")
    viewer = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                               related_name="care_reads")
    viewer_name = models.CharField(max_length=150)
    scope = models.CharField(max_length=16, choices=LOGGED_READS)
    via = models.CharField(max_length=8, default="web")
    day = models.DateField()
    first_at = models.DateTimeField()
    at = models.DateTimeField()  # the latest look that day
    count = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["-at", "-id"]
        indexes = [models.Index(fields=["owner", "at"])]
        constraints = [models.UniqueConstraint(fields=["owner", "viewer", "scope", "via", "day"],
                                               name="care_log_one_row_a_day")]

    @property
    def untimed(self) -> int:
        """Looks counted before each look's time was kept (migration 0004 kept only the first and the latest)."""
        return max(0, self.count - len(self.reads.all()))


class AccessRead(models.Model):
    """One look counted on an AccessLog line, and when it happened: the line stays one calm sentence a day, and the
    person can still open every time they were looked at. Goes with its line (and so with the owner)."""

    log = models.ForeignKey(AccessLog, on_delete=models.CASCADE, related_name="reads")
    at = models.DateTimeField()

    class Meta:
        ordering = ["at", "id"]
        indexes = [models.Index(fields=["log", "at"], name="care_read_log_at")]


class ClinicianPledge(models.Model):
    """"Sharing is not monitoring": how often a clinician checks rebond, and where to turn when it's urgent."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="care_pledge")
    check_frequency = models.CharField(max_length=120)
    urgent_contact = EncryptedTextField(max_chars=500)
    updated_at = models.DateTimeField(auto_now=True)


class FlagSeen(models.Model):
    """A clinician acknowledged a safety flag (a questionnaire or a daily check-in). The owner sees when."""

    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="care_flags_seen")
    viewer = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="care_flags_acked")
    source = models.CharField(max_length=40)  # e.g. "measure:12" or "checkin:2026-11-02"
    seen_at = models.DateTimeField()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["owner", "viewer", "source"], name="care_flag_seen_once")]


class Encouragement(models.Model):
    """A short note from a supporter. Sealed with the owner's key: it is theirs to read, mute or delete."""

    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="care_encouragements")
    sender = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                               related_name="care_encouragements_sent")
    text = EncryptedTextField(owner_field="owner", max_chars=280)
    sent_at = models.DateTimeField()
    dismissed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-sent_at", "-id"]
        indexes = [models.Index(fields=["owner", "sent_at"]), models.Index(fields=["sender", "sent_at"])]


class HomeworkKind(models.TextChoices):
    THOUGHT_RECORDS = "thought_records", "Thought records"
    PROMISE_PRACTICE = "promise_practice", "A promise practice"
    BOUNDARY_SCRIPT = "boundary_script", "A boundary script"
    GROUNDING = "grounding", "A grounding exercise"
    QUESTIONNAIRE = "questionnaire", "A questionnaire"


class Homework(models.Model):
    """Something a clinician suggested between sessions. The owner can mark it done or let it go."""

    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="care_homework")
    clinician = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                  related_name="care_homework_given")
    kind = models.CharField(max_length=20, choices=HomeworkKind.choices)
    count = models.PositiveSmallIntegerField(default=1)
    instrument = models.CharField(max_length=16, blank=True, default="")
    note = EncryptedTextField(owner_field="owner", blank=True, default="", max_chars=1000)
    assigned_on = models.DateField()
    due_on = models.DateField()
    done_at = models.DateTimeField(null=True, blank=True)  # the person marked it done
    created_at = models.DateTimeField(auto_now_add=True)
    # Not a column: how far along it is, counted from the work (set by rebond.care.progress.with_progress).
    progress: Progress

    class Meta:
        ordering = ["due_on", "id"]
        indexes = [models.Index(fields=["owner", "due_on"])]


class DemoCompanion(models.Model):
    """Accounts the demo builder made around a demo person (their clinician, a second client). They leave with them."""

    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    companion = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")


class SummaryThought(models.Model):
    """A thought record the person chose to include in session summaries (when thought records are shared)."""

    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="care_summary_thoughts")
    record_id = models.PositiveIntegerField()
    chosen_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["owner", "record_id"], name="care_summary_thought_once")]
