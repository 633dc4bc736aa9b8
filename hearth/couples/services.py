"""Pairing: invitations, accepting them, and ending a pairing."""

import secrets
from datetime import timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.crypto import salted_hmac

from hearth.access import current_couple, forget_couple
from hearth.core.errors import ServiceError
from hearth.core.freshness import touch
from hearth.couples.models import Couple, Invitation, Membership

CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
CODE_LENGTH = 8


def _digest(kind: str, value: str) -> str:
    return salted_hmac(f"hearth.invitation.{kind}", value).hexdigest()


def normalise_code(raw: str) -> str:
    """Accept codes typed with spaces, dashes or lower case."""
    return "".join(ch for ch in raw.upper() if ch.isalnum())


def format_code(code: str) -> str:
    return f"{code[:4]}-{code[4:]}"


def invitation_create(*, inviter) -> Invitation:
    """A new invitation; any earlier pending invitation of the inviter is revoked."""
    if current_couple(inviter) is not None:
        raise ServiceError(
            "You are already paired. End your current pairing before inviting someone.",
            code="already_paired",
            status=409,
        )
    now = timezone.now()
    code = "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))
    token = secrets.token_urlsafe(24)
    with transaction.atomic():
        Invitation.objects.filter(
            inviter=inviter, accepted_at__isnull=True, revoked_at__isnull=True
        ).update(revoked_at=now)
        return Invitation.objects.create(
            inviter=inviter,
            code=code,
            token=token,
            code_hash=_digest("code", code),
            token_hash=_digest("token", token),
            created_at=now,
            expires_at=now + timedelta(days=settings.HEARTH_INVITATION_DAYS),
        )


def invitation_revoke(*, invitation: Invitation) -> None:
    if invitation.accepted_at is not None:
        raise ServiceError("This invitation was already accepted.", code="used", status=409)
    if invitation.revoked_at is None:
        invitation.revoked_at = timezone.now()
        invitation.save(update_fields=["revoked_at"])


def invitation_find(*, code: str = "", token: str = "") -> Invitation | None:
    if token:
        return Invitation.objects.filter(token_hash=_digest("token", token)).first()
    code = normalise_code(code)
    if len(code) != CODE_LENGTH:
        return None
    return Invitation.objects.filter(code_hash=_digest("code", code)).first()


def invitation_check(*, invitation: Invitation | None, user) -> Invitation:
    """Raise a clear ServiceError unless `user` may accept `invitation` now."""
    if invitation is None:
        raise ServiceError(
            "We couldn't find that invitation. Check the code and try again.",
            code="not_found",
            status=404,
        )
    if invitation.inviter_id == user.pk:
        raise ServiceError(
            "This is your own invitation. Send it to your partner to accept.",
            code="own_invitation",
            status=409,
        )
    if invitation.accepted_at is not None:
        raise ServiceError(
            "This invitation has already been used. Ask for a new one.", code="used", status=410
        )
    if invitation.revoked_at is not None:
        raise ServiceError(
            "This invitation was withdrawn. Ask for a new one.", code="revoked", status=410
        )
    if invitation.is_expired:
        raise ServiceError(
            "This invitation has expired. Invitations last "
            f"{settings.HEARTH_INVITATION_DAYS} days; ask for a new one.",
            code="expired",
            status=410,
        )
    if current_couple(user) is not None:
        raise ServiceError(
            "You are already paired. End your current pairing before accepting another.",
            code="already_paired",
            status=409,
        )
    if current_couple(invitation.inviter) is not None:
        raise ServiceError(
            "The person who invited you is now paired with someone else.",
            code="inviter_paired",
            status=409,
        )
    return invitation


def couple_pair(*, invitation: Invitation, user) -> Couple:
    """Accept an invitation: create the couple of the inviter and `user`."""
    forget_couple(user)
    forget_couple(invitation.inviter)
    try:
        with transaction.atomic():
            # Lock the invitation so a second accept waits and then sees it used.
            invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
            invitation_check(invitation=invitation, user=user)
            now = timezone.now()
            couple = Couple.objects.create(created_at=now, timezone=invitation.inviter.timezone)
            Membership.objects.create(couple=couple, user=invitation.inviter, joined_at=now)
            Membership.objects.create(couple=couple, user=user, joined_at=now)
            invitation.accepted_at = now
            invitation.accepted_by = user
            invitation.save(update_fields=["accepted_at", "accepted_by"])
            # An old "your pairing ended" notice is out of date once they pair again.
            Membership.objects.filter(
                user__in=[invitation.inviter_id, user.pk], ended_notice_pending=True
            ).update(ended_notice_pending=False)
            touch(user_ids=[invitation.inviter_id, user.pk])
            # Any other invitation either of them had out is void now.
            Invitation.objects.filter(
                inviter__in=[invitation.inviter_id, user.pk],
                accepted_at__isnull=True,
                revoked_at__isnull=True,
            ).update(revoked_at=now)
    except IntegrityError as exc:
        # Another pairing of one of the two got there first.
        raise ServiceError(
            "One of you is already paired, so this invitation can't be used.",
            code="already_paired",
            status=409,
        ) from exc
    finally:
        forget_couple(user)
        forget_couple(invitation.inviter)
    return couple


def couple_unpair(*, user) -> Couple:
    """End the person's pairing at once. The other person is told only that it ended."""
    couple = current_couple(user)
    if couple is None:
        raise ServiceError("You are not paired with anyone.", code="not_paired", status=409)
    now = timezone.now()
    with transaction.atomic():
        couple = Couple.objects.select_for_update().get(pk=couple.pk)
        couple.ended_at = now
        couple.save(update_fields=["ended_at"])
        Membership.objects.filter(couple=couple, left_at__isnull=True, user=user).update(
            left_at=now
        )
        Membership.objects.filter(couple=couple, left_at__isnull=True).update(
            left_at=now, ended_notice_pending=True
        )
        touch(
            couple_id=couple.pk,
            user_ids=list(couple.memberships.values_list("user_id", flat=True)),
        )
    forget_couple(user)
    return couple


def couple_set_timezone(*, user, timezone_name: str) -> Couple:
    couple = current_couple(user)
    if couple is None:
        raise ServiceError("You are not paired with anyone.", code="not_paired", status=409)
    couple.timezone = timezone_name
    couple.full_clean(validate_unique=False, validate_constraints=False)
    couple.save(update_fields=["timezone"])
    return couple


def ended_notice_dismiss(*, user) -> None:
    if Membership.objects.filter(user=user, ended_notice_pending=True).update(
        ended_notice_pending=False
    ):
        touch(user_ids=[user.pk])
