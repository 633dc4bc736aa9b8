"""The perspective check (practice 2): one partner shares a situation and how they
felt; the other guesses the feelings; then both see the real ones beside the guess.
"""

import uuid

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone

from hearth.access import Authored
from hearth.content import catalog
from hearth.fields import EncryptedTextField

SITUATION_MAX = 600
VALIDATION_MAX = 500


class PerspectiveCheck(Authored):
    """A situation written by the sharer (the author).

    Private while it is being prepared (also before pairing); shared once sent.
    """

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    situation = EncryptedTextField(max_length=SITUATION_MAX)
    created_at = models.DateTimeField(default=timezone.now)
    sent_at = models.DateTimeField(null=True, blank=True)
    guessed_at = models.DateTimeField(null=True, blank=True)
    # How close the guess came (0 to 1), kept for insights; never shown as a grade.
    overlap = models.FloatField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["couple", "sent_at"])]

    def __str__(self) -> str:
        return f"perspective check {self.public_id}"

    @property
    def is_sent(self) -> bool:
        return self.sent_at is not None


class Role(models.TextChoices):
    ACTUAL = "actual", "How the sharer felt"
    GUESS = "guess", "The partner's guess"


class PerspectiveFeeling(Authored):
    """A feeling with its intensity: the sharer's own (sealed) or the partner's guess."""

    perspective = models.ForeignKey(
        PerspectiveCheck, on_delete=models.CASCADE, related_name="feelings"
    )
    role = models.CharField(max_length=8, choices=Role.choices)
    feeling = models.CharField(max_length=40)
    intensity = models.PositiveSmallIntegerField(
        validators=[MinValueValidator(1), MaxValueValidator(5)]
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["perspective", "role", "feeling"], name="perspective_feeling_once"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.role} {self.feeling}"

    @property
    def label(self) -> str:
        found = catalog.feeling_by_key.get(self.feeling)
        return found.label if found else self.feeling

    @property
    def group(self) -> str:
        found = catalog.feeling_by_key.get(self.feeling)
        return found.group if found else ""

    # The release rule for the sharer's feelings, in its two forms: they are
    # released to the partner once the partner has guessed. Tests check both agree.
    @classmethod
    def release_q(cls) -> Q:
        return Q(
            Exists(
                PerspectiveFeeling.objects.filter(
                    perspective=OuterRef("perspective"), role=Role.GUESS
                ).exclude(author=OuterRef("author"))
            )
        )

    def is_released(self) -> bool:
        return (
            PerspectiveFeeling.objects.filter(perspective_id=self.perspective_id, role=Role.GUESS)
            .exclude(author_id=self.author_id)
            .exists()
        )


class PerspectiveResponse(Authored):
    """The guesser's validation after the reveal: 'it makes sense you felt … because …'."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    perspective = models.OneToOneField(
        PerspectiveCheck, on_delete=models.CASCADE, related_name="response"
    )
    text = EncryptedTextField(max_length=VALIDATION_MAX)
    created_at = models.DateTimeField(default=timezone.now)

    def __str__(self) -> str:
        return f"response {self.public_id}"
