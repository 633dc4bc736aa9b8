import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone

from hearth.accounts.models import validate_timezone
from hearth.fields import EncryptedTextField


class Couple(models.Model):
    """Two people who accepted a pairing. Ended couples are kept for their authors' items."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    created_at = models.DateTimeField(default=timezone.now)
    ended_at = models.DateTimeField(null=True, blank=True)
    # The couple's day (for the daily question) follows this zone; see docs/DECISIONS.md.
    timezone = models.CharField(max_length=64, default="UTC", validators=[validate_timezone])

    def __str__(self) -> str:
        return f"couple {self.public_id}"

    @property
    def is_active(self) -> bool:
        return self.ended_at is None


class Membership(models.Model):
    """A person's place in a couple. At most one current membership per person."""

    couple = models.ForeignKey(Couple, on_delete=models.CASCADE, related_name="memberships")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships"
    )
    joined_at = models.DateTimeField(default=timezone.now)
    left_at = models.DateTimeField(null=True, blank=True)
    # Set for the person who did not end the pairing: they are told it ended, nothing more.
    ended_notice_pending = models.BooleanField(default=False)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["user"],
                condition=Q(left_at__isnull=True),
                name="one_current_couple_per_person",
            ),
            models.UniqueConstraint(fields=["couple", "user"], name="one_membership_per_couple"),
        ]

    def __str__(self) -> str:
        return f"membership {self.pk}"


INVITATION_MESSAGE_MAX = 500


class Response(models.TextChoices):
    NOT_NOW = "not_now", "Not now"
    DECLINED = "declined", "No, thank you"


class Invitation(models.Model):
    """A single-use invitation to pair with its inviter, by link or by short code."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    inviter = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="invitations"
    )
    # Lookups go through hashes; the code itself is kept encrypted so the inviter
    # can see it again while it is pending.
    token_hash = models.CharField(max_length=64, unique=True)
    code_hash = models.CharField(max_length=64, unique=True)
    code = EncryptedTextField()
    token = EncryptedTextField()
    created_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField()
    accepted_at = models.DateTimeField(null=True, blank=True)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    revoked_at = models.DateTimeField(null=True, blank=True)
    # The inviter's words, shown to the person invited (chosen from gentle ones or their own).
    message = EncryptedTextField(blank=True, max_length=INVITATION_MESSAGE_MAX)
    # Where Hearth emailed it, if the inviter asked, and when (resent at most once a week).
    email = EncryptedTextField(blank=True)
    email_hash = models.CharField(max_length=64, blank=True, db_index=True)
    emailed_at = models.DateTimeField(null=True, blank=True)
    # The invited person's answer without accepting: "not now" or "no, thank you".
    response = models.CharField(max_length=8, choices=Response.choices, blank=True)
    responded_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"invitation {self.public_id}"

    @property
    def is_expired(self) -> bool:
        return timezone.now() >= self.expires_at

    @property
    def is_pending(self) -> bool:
        # "No, thank you" closes an invitation: its code and link no longer work.
        return (
            self.accepted_at is None
            and self.revoked_at is None
            and self.response != Response.DECLINED
            and not self.is_expired
        )
