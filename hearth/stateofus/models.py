"""The weekly "state of us" meeting (practices 1 and 7).

Each partner writes a few appreciations and what went well, at most one topic to
talk about (with the gentle start-up helper), and one small plan for the coming
week. Notes are shared with the partner. The couple can keep a weekly time.
"""

import uuid

from django.conf import settings
from django.core.validators import MaxValueValidator
from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone

from hearth.access import Authored, CoupleOwned
from hearth.fields import EncryptedTextField

NOTE_MAX = 500


class Step(models.TextChoices):
    APPRECIATIONS = "appreciations", "Appreciations"
    WENT_WELL = "went_well", "What went well"
    TOPIC = "topic", "One topic to talk about"
    PLAN = "plan", "A small plan for the coming week"


# How many notes each partner may write in each step.
NOTES_PER_PERSON = {
    Step.APPRECIATIONS: 3,
    Step.WENT_WELL: 3,
    Step.TOPIC: 1,
    Step.PLAN: 1,
}


class Meeting(CoupleOwned):
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    # The Monday of the couple's week it was held in (in the couple's time zone).
    week_of = models.DateField()
    created_at = models.DateTimeField(default=timezone.now)
    closed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["couple"],
                condition=Q(closed_at__isnull=True),
                name="one_open_meeting",
            ),
        ]

    def __str__(self) -> str:
        return f"meeting {self.public_id}"

    @property
    def is_open(self) -> bool:
        return self.closed_at is None

    @classmethod
    def extra_visible_q(cls, viewer) -> Q:
        # A former partner keeps meetings they wrote in, to see their own notes.
        return Q(Exists(MeetingNote.objects.filter(meeting=OuterRef("pk"), author=viewer)))

    def extra_visible(self, viewer) -> bool:
        return self.notes.filter(author=viewer).exists()


class MeetingNote(Authored):
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="notes")
    step = models.CharField(max_length=16, choices=Step.choices)
    text = EncryptedTextField(max_length=NOTE_MAX)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return f"{self.step} note {self.public_id}"


class MeetingTime(CoupleOwned):
    """The couple's weekly time for the meeting, in the couple's time zone."""

    weekday = models.PositiveSmallIntegerField(validators=[MaxValueValidator(6)])  # Monday is 0
    at = models.TimeField()
    minutes = models.PositiveSmallIntegerField(default=30)
    set_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["couple"], name="one_meeting_time")]

    def __str__(self) -> str:
        return f"meeting time of couple {self.couple_id}"
