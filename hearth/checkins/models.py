import uuid

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone

from hearth.access import Authored
from hearth.content import catalog
from hearth.fields import EncryptedTextField

NOTE_MAX = 1000
NEED_WORDS_MAX = 140
REPLY_MAX = 500


class CheckIn(Authored):
    """A person's daily check-in: feelings, closeness, what they need, a note.

    One per person per local day; editable that day. Visibility is shared or private.
    """

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    local_date = models.DateField()
    closeness = models.PositiveSmallIntegerField(
        validators=[MinValueValidator(1), MaxValueValidator(7)]
    )
    need = models.CharField(max_length=24)
    need_words = EncryptedTextField(blank=True, max_length=NEED_WORDS_MAX)
    note = EncryptedTextField(blank=True, max_length=NOTE_MAX)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-local_date"]
        constraints = [
            models.UniqueConstraint(fields=["author", "local_date"], name="one_checkin_per_day"),
        ]
        indexes = [models.Index(fields=["couple", "local_date"])]

    def __str__(self) -> str:
        return f"check-in {self.public_id}"

    @property
    def need_info(self):
        return catalog.need_by_key.get(self.need)


class CheckInFeeling(models.Model):
    """One feeling word (a key from the feelings list) with its intensity, 1 to 5."""

    checkin = models.ForeignKey(CheckIn, on_delete=models.CASCADE, related_name="feelings")
    feeling = models.CharField(max_length=40)
    intensity = models.PositiveSmallIntegerField(
        validators=[MinValueValidator(1), MaxValueValidator(5)]
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["checkin", "feeling"], name="feeling_once_per_checkin"),
        ]

    def __str__(self) -> str:
        return self.feeling

    @property
    def label(self) -> str:
        found = catalog.feeling_by_key.get(self.feeling)
        return found.label if found else self.feeling


class CheckInReply(Authored):
    """The partner's short reply to a shared check-in. Always shared within the couple."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    checkin = models.ForeignKey(CheckIn, on_delete=models.CASCADE, related_name="replies")
    text = EncryptedTextField(max_length=REPLY_MAX)
    created_at = models.DateTimeField(default=timezone.now)
    # When the check-in's author first saw this reply ("replies waiting for me").
    seen_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["created_at"]

    def __str__(self) -> str:
        return f"reply {self.public_id}"


class CheckInReaction(Authored):
    """The partner's reaction to a shared check-in; one per person, changeable."""

    checkin = models.ForeignKey(CheckIn, on_delete=models.CASCADE, related_name="reactions")
    reaction = models.CharField(max_length=24)
    created_at = models.DateTimeField(default=timezone.now)
    seen_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["checkin", "author"], name="one_reaction_per_person"),
        ]

    def __str__(self) -> str:
        return self.reaction

    @property
    def info(self):
        return catalog.reaction_by_key.get(self.reaction)
