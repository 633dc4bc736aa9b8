import uuid

from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone

from hearth.access import Authored, CoupleOwned, Visibility
from hearth.content import catalog
from hearth.fields import EncryptedTextField

ANSWER_MAX = 2000
REPLY_MAX = 1000


class DailyQuestion(CoupleOwned):
    """The question a couple got on one day of the couple's calendar."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    local_date = models.DateField()
    prompt_key = models.CharField(max_length=16)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-local_date"]
        constraints = [
            models.UniqueConstraint(fields=["couple", "local_date"], name="one_question_per_day"),
        ]

    def __str__(self) -> str:
        return f"question {self.public_id}"

    @property
    def prompt(self):
        return catalog.question_by_key.get(self.prompt_key)

    @classmethod
    def extra_visible_q(cls, viewer) -> Q:
        # A former partner keeps the questions they answered, to see their own answers.
        return Q(Exists(Answer.objects.filter(daily_question=OuterRef("pk"), author=viewer)))

    def extra_visible(self, viewer) -> bool:
        return self.answers.filter(author=viewer).exists()


class Answer(Authored):
    """A partner's answer to the day's question.

    Written answers are sealed; "not today" is a private pass with no text, so
    the partner never learns of it. See `release_q` for the release rule.
    """

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    daily_question = models.ForeignKey(
        DailyQuestion, on_delete=models.CASCADE, related_name="answers"
    )
    text = EncryptedTextField(blank=True, max_length=ANSWER_MAX)
    passed = models.BooleanField(default=False)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["daily_question", "author"], name="one_answer_per_person"
            ),
        ]

    def __str__(self) -> str:
        return f"answer {self.public_id}"

    # The release rule for sealed answers, in its two forms. A sealed answer is
    # released to the partner when the partner has a written (sealed, not passed)
    # answer to the same day's question. Tests check the two forms agree.
    @classmethod
    def release_q(cls) -> Q:
        return Q(
            Exists(
                Answer.objects.filter(
                    daily_question=OuterRef("daily_question"),
                    visibility=Visibility.SEALED,
                    passed=False,
                ).exclude(author=OuterRef("author"))
            )
        )

    def is_released(self) -> bool:
        return (
            Answer.objects.filter(
                daily_question_id=self.daily_question_id,
                visibility=Visibility.SEALED,
                passed=False,
            )
            .exclude(author_id=self.author_id)
            .exists()
        )


class AnswerReply(Authored):
    """A reply to a partner's revealed answer. The answer's author may mark it "I felt heard"."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    answer = models.ForeignKey(Answer, on_delete=models.CASCADE, related_name="replies")
    text = EncryptedTextField(max_length=REPLY_MAX)
    created_at = models.DateTimeField(default=timezone.now)
    seen_at = models.DateTimeField(null=True, blank=True)
    felt_heard_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["created_at"]

    def __str__(self) -> str:
        return f"reply {self.public_id}"
