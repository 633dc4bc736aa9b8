"""Listening sessions (practice 3): speaker and listener take turns holding the floor.

A session belongs to the couple; everything written in it is an entry with its
own author, so after a pairing ends each person keeps only what they wrote.
"""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone

from hearth.access import Authored, CoupleOwned
from hearth.fields import EncryptedTextField

TOPIC_MAX = 200
PIECE_MAX = 300
REFLECTION_MAX = 500
QUESTION_MAX = 200
CORRECTION_MAX = 300
TIMEOUT_MINUTES = 20


class Mode(models.TextChoices):
    APART = "apart", "Each on our own phone"
    TOGETHER = "together", "Together, passing one phone"


class State(models.TextChoices):
    ACTIVE = "active", "Going on"
    PAUSED = "paused", "Time-out"
    ENDED = "ended", "Ended"


class Phase(models.TextChoices):
    SPEAKING = "speaking", "The speaker says a piece"
    REFLECTING = "reflecting", "The listener reflects it back"
    CONFIRMING = "confirming", "The speaker says whether it landed"
    LANDED = "landed", "It landed: another piece, or pass the floor"


class Kind(models.TextChoices):
    TOPIC = "topic", "Topic"
    PIECE = "piece", "What the speaker said"
    REFLECTION = "reflection", "What the listener heard"
    GOT_IT = "got_it", "You got it"
    NOT_QUITE = "not_quite", "Not quite"
    FLOOR_PASSED = "floor_passed", "The floor passed"
    TIME_OUT = "time_out", "Time-out"
    RESUMED = "resumed", "Back from the time-out"
    ENDED = "ended", "Ended"
    UNDERSTOOD = "understood", "I understand this better now"


class ListeningSession(CoupleOwned):
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    mode = models.CharField(max_length=8, choices=Mode.choices, default=Mode.APART)
    state = models.CharField(max_length=8, choices=State.choices, default=State.ACTIVE)
    phase = models.CharField(max_length=12, choices=Phase.choices, default=Phase.SPEAKING)
    # Who holds the floor. Null only if that person's account is gone.
    speaker = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    timer_minutes = models.PositiveSmallIntegerField(default=0)
    resume_after = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)
    ended_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["couple", "state"])]
        constraints = [
            # One open session per couple, even when both start one at the same moment.
            models.UniqueConstraint(
                fields=["couple"],
                condition=Q(state__in=["active", "paused"]),
                name="one_open_listening_session",
            ),
        ]

    def __str__(self) -> str:
        return f"listening session {self.public_id}"

    @classmethod
    def extra_visible_q(cls, viewer) -> Q:
        # A former partner keeps sessions they wrote in, to see their own entries.
        return Q(Exists(ListeningEntry.objects.filter(session=OuterRef("pk"), author=viewer)))

    def extra_visible(self, viewer) -> bool:
        return self.entries.filter(author=viewer).exists()


class ListeningEntry(Authored):
    """One step of a session, written by one person: the topic, a piece, a reflection…"""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    session = models.ForeignKey(ListeningSession, on_delete=models.CASCADE, related_name="entries")
    position = models.PositiveIntegerField()
    kind = models.CharField(max_length=16, choices=Kind.choices)
    # For reflections, verdicts and "understood" marks: the piece they are about.
    piece = models.ForeignKey(
        "self", on_delete=models.CASCADE, null=True, blank=True, related_name="responses"
    )
    # Who held the floor when this was written. Together on one phone, the author is
    # whoever held the phone; the floor says whose words a piece was.
    floor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    text = EncryptedTextField(blank=True, max_length=REFLECTION_MAX)
    question = EncryptedTextField(blank=True, max_length=QUESTION_MAX)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["position"]
        constraints = [
            models.UniqueConstraint(fields=["session", "position"], name="one_entry_per_position"),
        ]

    def __str__(self) -> str:
        return f"{self.kind} {self.public_id}"
