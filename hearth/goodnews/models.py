"""Good news (practice 9): one partner shares something good; the other answers in an
active, constructive way (ask about it, celebrate it, relive it), and the sharer can say how
the answer felt. Shared with the partner from the start; nothing here is sealed."""

import uuid

from django.db import models
from django.utils import timezone

from hearth.access import Authored
from hearth.content import catalog
from hearth.fields import EncryptedTextField

NEWS_MAX = 600
REPLY_MAX = 600


class GoodNews(Authored):
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    text = EncryptedTextField(max_length=NEWS_MAX)
    created_at = models.DateTimeField(default=timezone.now)
    # How the partner's answer felt to the sharer (a key of good_news.toml's [[felt]]).
    felt = models.CharField(max_length=24, blank=True)
    felt_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["couple", "created_at"])]

    def __str__(self) -> str:
        return f"good news {self.public_id}"

    @property
    def felt_info(self):
        return catalog.good_news_felt_by_key.get(self.felt)


class GoodNewsReply(Authored):
    """The partner's answer to a piece of good news."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    news = models.ForeignKey(GoodNews, on_delete=models.CASCADE, related_name="replies")
    text = EncryptedTextField(max_length=REPLY_MAX)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at"]

    def __str__(self) -> str:
        return f"good news reply {self.public_id}"
