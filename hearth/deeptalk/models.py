"""Deep talk (practice 4): questions that grow more personal in three steps.

A talk belongs to the couple. Each question in it is an item, asked in turn: the
partners alternate who goes first. Apart, both write an answer, sealed until both
have; together, they talk in person and tick the question off. Either may skip a
question, without comment, or pause or stop the talk at any step.
"""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone

from hearth.access import Authored, CoupleOwned
from hearth.content import catalog
from hearth.fields import EncryptedTextField

ANSWER_MAX = 1500
QUESTIONS_PER_STEP = 3


class Mode(models.TextChoices):
    APART = "apart", "Apart: we each write our answers"
    TOGETHER = "together", "Together: we talk in person"


class State(models.TextChoices):
    ACTIVE = "active", "Going on"
    PAUSED = "paused", "Paused"
    ENDED = "ended", "Ended"


class ItemStatus(models.TextChoices):
    OPEN = "open", "Open"
    DONE = "done", "Answered"
    SKIPPED = "skipped", "Skipped"


class DeepTalk(CoupleOwned):
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    mode = models.CharField(max_length=8, choices=Mode.choices, default=Mode.APART)
    state = models.CharField(max_length=8, choices=State.choices, default=State.ACTIVE)
    # The deepest step when the talk began: the lower comfort level of the two.
    cap = models.CharField(max_length=12, default="light")
    # True when every step up to the cap was done (not stopped early).
    completed = models.BooleanField(default=False)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)
    ended_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["couple", "state"])]
        constraints = [
            models.UniqueConstraint(
                fields=["couple"],
                condition=Q(state__in=["active", "paused"]),
                name="one_open_deep_talk",
            ),
        ]

    def __str__(self) -> str:
        return f"deep talk {self.public_id}"

    @classmethod
    def extra_visible_q(cls, viewer) -> Q:
        # A former partner keeps talks they answered in, to see their own answers.
        return Q(Exists(DeepTalkAnswer.objects.filter(item__talk=OuterRef("pk"), author=viewer)))

    def extra_visible(self, viewer) -> bool:
        return DeepTalkAnswer.objects.filter(item__talk=self, author=viewer).exists()


class DeepTalkItem(CoupleOwned):
    """One question of a talk, asked in turn."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    talk = models.ForeignKey(DeepTalk, on_delete=models.CASCADE, related_name="items")
    position = models.PositiveSmallIntegerField()
    prompt_key = models.CharField(max_length=16)
    depth = models.CharField(max_length=12)
    # Who goes first on this question; the other follows. Alternates item by item.
    first = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    status = models.CharField(max_length=8, choices=ItemStatus.choices, default=ItemStatus.OPEN)
    created_at = models.DateTimeField(default=timezone.now)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["position"]
        constraints = [
            models.UniqueConstraint(fields=["talk", "position"], name="one_item_per_position"),
            models.UniqueConstraint(fields=["talk", "prompt_key"], name="one_question_per_talk"),
            models.UniqueConstraint(
                fields=["talk"], condition=Q(status="open"), name="one_open_item_per_talk"
            ),
        ]

    def __str__(self) -> str:
        return f"deep talk item {self.public_id}"

    @property
    def prompt(self):
        return catalog.deep_talk_by_key.get(self.prompt_key)

    @classmethod
    def extra_visible_q(cls, viewer) -> Q:
        return Q(Exists(DeepTalkAnswer.objects.filter(item=OuterRef("pk"), author=viewer)))

    def extra_visible(self, viewer) -> bool:
        return self.answers.filter(author=viewer).exists()


class DeepTalkAnswer(Authored):
    """A written answer: sealed until the partner has answered the same question."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    item = models.ForeignKey(DeepTalkItem, on_delete=models.CASCADE, related_name="answers")
    text = EncryptedTextField(max_length=ANSWER_MAX)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at"]
        constraints = [
            models.UniqueConstraint(fields=["item", "author"], name="one_deep_answer_per_person"),
        ]

    def __str__(self) -> str:
        return f"deep talk answer {self.public_id}"

    # The release rule, in its two forms: released once the partner has answered
    # the same question. Tests check the two agree.
    @classmethod
    def release_q(cls) -> Q:
        return Q(
            Exists(
                DeepTalkAnswer.objects.filter(item=OuterRef("item")).exclude(
                    author=OuterRef("author")
                )
            )
        )

    def is_released(self) -> bool:
        return (
            DeepTalkAnswer.objects.filter(item_id=self.item_id)
            .exclude(author_id=self.author_id)
            .exists()
        )
