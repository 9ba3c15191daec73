"""People the user is learning to trust again, and the user's own record of what each of them did.

The ledger is append-only: an observation is never edited. A correction is a visible retraction (the entry stays,
crossed out of the score) or an annotation beside it. Deleting the person or the account still deletes everything.
"""

from __future__ import annotations

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models

from rebond.core.fields import EncryptedTextField

SEVERITY_MIN = 0.5
SEVERITY_MAX = 3.0


class Hurt(models.TextChoices):
    """The answer to "Has this person ever hurt you, threatened you, or made you afraid?"."""

    UNANSWERED = "", "Not answered yet"
    NO = "no", "No"
    YES = "yes", "Yes"
    NOT_SURE = "not_sure", "Not sure"


class Kind(models.TextChoices):
    PROMISE_KEPT = "promise_kept", "Kept a promise"
    PROMISE_BROKEN = "promise_broken", "Didn't keep a promise"
    HONESTY_SHOWN = "honesty_shown", "Was honest"
    CONSISTENCY_SHOWN = "consistency_shown", "Was consistent"
    EMPATHY_SHOWN = "empathy_shown", "Showed care"
    NEGATIVE_OBSERVATION = "negative_observation", "Didn't sit right: brushed me off, or said one thing and did another"
    HONESTY_BREACH = "honesty_breach", "Wasn't honest: lied, hid something, or broke a confidence"
    APOLOGY = "apology", "Apologised"
    AMENDS = "amends", "Made amends"


BREACH_KINDS = frozenset({Kind.PROMISE_BROKEN, Kind.NEGATIVE_OBSERVATION, Kind.HONESTY_BREACH})
REPAIR_KINDS = frozenset({Kind.APOLOGY, Kind.AMENDS})
GOOD_KINDS = frozenset({Kind.PROMISE_KEPT, Kind.HONESTY_SHOWN, Kind.CONSISTENCY_SHOWN, Kind.EMPATHY_SHOWN})


class Person(models.Model):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="people")
    name = EncryptedTextField(max_chars=200)  # a nickname is fine
    relationship = EncryptedTextField(blank=True, default="", max_chars=200)
    hurt = models.CharField(max_length=8, choices=Hurt.choices, blank=True, default=Hurt.UNANSWERED)
    # Set when the user wrote about being hurt in an entry about this person while the answer above was no or not
    # given; cleared when they answer again. Until then rebond treats the answer as "not sure".
    hurt_recheck = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["id"]

    @property
    def safety_first(self) -> bool:
        """Yes or not sure (or a look again still waiting): no repair credit, no repair stages, no trust ladder,
        no script suggestions."""
        return self.hurt in (Hurt.YES, Hurt.NOT_SURE) or self.ask_about_safety

    @property
    def ask_about_safety(self) -> bool:
        """They wrote about being hurt, and the answer about this person still says no (or isn't given)."""
        return self.hurt_recheck and self.hurt not in (Hurt.YES, Hurt.NOT_SURE)


class Observation(models.Model):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="observations")
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="observations")
    on = models.DateField()
    kind = models.CharField(max_length=24, choices=Kind.choices)
    severity = models.FloatField(default=1.0, validators=[MinValueValidator(SEVERITY_MIN), MaxValueValidator(SEVERITY_MAX)])
    repairs = models.ForeignKey("self", on_delete=models.CASCADE, null=True, blank=True, related_name="repaired_by")
    note = EncryptedTextField(blank=True, null=True, default=None)
    # Did this come from checking their phone, messages or location? Kept so the page can gently name the pattern.
    from_checking = models.BooleanField(default=False)
    retracted_at = models.DateTimeField(null=True, blank=True)
    retraction_reason = EncryptedTextField(blank=True, null=True, default=None)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["on", "id"]
        indexes = [models.Index(fields=["person", "on"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(severity__gte=SEVERITY_MIN) & models.Q(severity__lte=SEVERITY_MAX),
                name="people_observation_severity_bounded",
            ),
        ]


class Annotation(models.Model):
    """A later word beside an observation ("I misread this", "we talked it over"). The entry itself never changes."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="observation_notes")
    observation = models.ForeignKey(Observation, on_delete=models.CASCADE, related_name="annotations")
    text = EncryptedTextField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "id"]


class SaidStatus(models.TextChoices):
    PENDING = "pending", "Waiting"
    KEPT = "kept", "Kept"
    BROKEN = "broken", "Not kept"


class TheySaid(models.Model):
    """"They said they would": pending until resolved; only the resolution becomes evidence."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="they_said")
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="said")
    text = EncryptedTextField()
    made_on = models.DateField()
    due_on = models.DateField()
    status = models.CharField(max_length=8, choices=SaidStatus.choices, default=SaidStatus.PENDING)
    observation = models.OneToOneField(Observation, on_delete=models.SET_NULL, null=True, blank=True,
                                       related_name="from_said")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["due_on", "id"]


class Stage(models.TextChoices):
    ACKNOWLEDGE = "acknowledge", "Acknowledge"
    UNDERSTAND = "understand", "Understand"
    REBUILD = "rebuild", "Rebuild"


class RepairPath(models.Model):
    """The user's notes on one breach as it moves through acknowledge → understand → rebuild."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="repair_paths")
    breach = models.OneToOneField(Observation, on_delete=models.CASCADE, related_name="repair_path")
    stage = models.CharField(max_length=12, choices=Stage.choices, default=Stage.ACKNOWLEDGE)
    acknowledge_note = EncryptedTextField(blank=True, null=True, default=None)
    understand_note = EncryptedTextField(blank=True, null=True, default=None)
    rebuild_note = EncryptedTextField(blank=True, null=True, default=None)
    updated_at = models.DateTimeField(auto_now=True)


class LadderStep(models.Model):
    """One graded step of relying on this person again, in the user's own words and order."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="ladder_steps")
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="ladder_steps")
    position = models.PositiveSmallIntegerField(default=1)
    text = EncryptedTextField()
    anxiety_before = models.PositiveSmallIntegerField(null=True, blank=True, validators=[MaxValueValidator(10)])
    anxiety_after = models.PositiveSmallIntegerField(null=True, blank=True, validators=[MaxValueValidator(10)])
    done_on = models.DateField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["position", "id"]
