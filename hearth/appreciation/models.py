"""Appreciations (practice 6): what my partner did, and what it meant to me.

Written before pairing or kept back, an appreciation is a private draft; sent,
it is shared with the partner of the day it was sent, who can react to it.
"""

import uuid

from django.db import models
from django.utils import timezone

from hearth.access import Authored
from hearth.content import catalog
from hearth.fields import EncryptedTextField

WHAT_MAX = 400
MEANT_MAX = 400


class Appreciation(Authored):
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    what = EncryptedTextField(max_length=WHAT_MAX)
    meant = EncryptedTextField(blank=True, max_length=MEANT_MAX)
    created_at = models.DateTimeField(default=timezone.now)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["couple", "sent_at"])]

    def __str__(self) -> str:
        return f"appreciation {self.public_id}"

    @property
    def is_sent(self) -> bool:
        return self.sent_at is not None


class AppreciationReaction(Authored):
    """The partner's reaction to an appreciation they received; one per person, changeable."""

    appreciation = models.ForeignKey(
        Appreciation, on_delete=models.CASCADE, related_name="reactions"
    )
    reaction = models.CharField(max_length=24)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["appreciation", "author"], name="one_appreciation_reaction_per_person"
            ),
        ]

    def __str__(self) -> str:
        return self.reaction

    @property
    def info(self):
        return catalog.appreciation_reaction_by_key.get(self.reaction)


CARE_DETAIL_MAX = 300
CARE_LABEL_MAX = 60


class CareWay(Authored):
    """One line of "Ways I feel cared for": a kind, its place in the person's order, and what
    it looks like for them. Saved for the couple of the day (private when on one's own), so a
    later partner never reads words written with someone else in mind."""

    kind = models.CharField(max_length=16)
    rank = models.PositiveSmallIntegerField()
    detail = EncryptedTextField(blank=True, max_length=CARE_DETAIL_MAX)
    # For the "other" kind: what the person calls it.
    label = EncryptedTextField(blank=True, max_length=CARE_LABEL_MAX)
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["rank"]
        indexes = [models.Index(fields=["author", "couple"])]

    def __str__(self) -> str:
        return f"{self.kind} #{self.rank}"

    @property
    def info(self):
        return catalog.care_way_by_key.get(self.kind)

    @property
    def name(self) -> str:
        if self.kind == "other" and self.label:
            return self.label
        info = self.info
        return info.label if info else self.kind
