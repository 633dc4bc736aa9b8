"""Pairing: invitations, accepting them, and ending a pairing."""

import secrets
from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.core.validators import validate_email
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.crypto import salted_hmac

from hearth.access import current_couple, forget_couple
from hearth.core.errors import ServiceError
from hearth.core.freshness import touch
from hearth.couples.models import (
    INVITATION_MESSAGE_MAX,
    Couple,
    Invitation,
    Membership,
    Response,
)

CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
CODE_LENGTH = 8


def _digest(kind: str, value: str) -> str:
    return salted_hmac(f"hearth.invitation.{kind}", value).hexdigest()


def normalise_code(raw: str) -> str:
    """Accept codes typed with spaces, dashes or lower case."""
    return "".join(ch for ch in raw.upper() if ch.isalnum())


def format_code(code: str) -> str:
    return f"{code[:4]}-{code[4:]}"


def clean_message(message: str) -> str:
    message = (message or "").strip()
    if len(message) > INVITATION_MESSAGE_MAX:
        raise ServiceError(
            f"The message can be at most {INVITATION_MESSAGE_MAX} characters; "
            f"yours has {len(message)}.",
            code="too_long",
        )
    return message


def invitation_create(*, inviter, message: str = "") -> Invitation:
    """A new invitation; any earlier pending invitation of the inviter is revoked."""
    message = clean_message(message)
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
            message=message,
        )


def invitation_message_set(*, invitation: Invitation, message: str) -> Invitation:
    message = clean_message(message)
    invitation_usable(invitation=invitation)
    invitation.message = message
    invitation.save(update_fields=["message"])
    return invitation


def pending_invitation(inviter) -> Invitation | None:
    """The inviter's invitation that can still be accepted, if any."""
    invitation = Invitation.objects.filter(
        inviter=inviter, accepted_at__isnull=True, revoked_at__isnull=True
    ).first()
    return invitation if invitation is not None and invitation.is_pending else None


def invitation_revoke(*, invitation: Invitation) -> None:
    if invitation.accepted_at is not None:
        raise ServiceError("This invitation was already accepted.", code="used", status=409)
    if invitation.revoked_at is None:
        invitation.revoked_at = timezone.now()
        invitation.save(update_fields=["revoked_at"])


EMAIL_EVERY = timedelta(days=7)  # an inviter emails at most one invitation a week
DECLINED_QUIET = timedelta(days=90)  # after "no, thank you", no more emails to that address


def _email_digest(email: str) -> str:
    return _digest("email", email.strip().lower())


def next_email_at(inviter):
    """When the inviter may next have Hearth email an invitation (None: now)."""
    last = (
        Invitation.objects.filter(inviter=inviter, emailed_at__isnull=False)
        .order_by("-emailed_at")
        .values_list("emailed_at", flat=True)
        .first()
    )
    if last is None or timezone.now() >= last + EMAIL_EVERY:
        return None
    return last + EMAIL_EVERY


def can_send_again(invitation: Invitation | None) -> bool:
    """An emailed invitation that ran out unanswered, which Hearth may send once more."""
    return (
        invitation is not None
        and invitation.emailed_at is not None
        and invitation.accepted_at is None
        and invitation.revoked_at is None
        and not invitation.response
        and invitation.is_expired
    )


def invitation_email(*, invitation: Invitation, link: str, email: str = "") -> Invitation:
    """Email the invitation (its message and link), or send it again to the same address.

    At most once a week per inviter; never after the person said "not now" or "no,
    thank you" (Hearth never nudges them), and never to an address that declined lately.
    Sent again after it ran out unanswered, the same link works for another
    HEARTH_INVITATION_DAYS days.
    """
    with transaction.atomic():
        # Locked, so two clicks at once send one email.
        invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
        email = (email or invitation.email or "").strip()
        try:
            validate_email(email)
        except ValidationError as exc:
            raise ServiceError(
                "Give an email address like name@example.org.", code="email"
            ) from exc
        if len(email) > 254:
            raise ServiceError("That email address is too long.", code="email")
        renew = can_send_again(invitation)
        if not renew:
            invitation_usable(invitation=invitation)
        if invitation.response:
            raise ServiceError(
                "They've answered already, so Hearth won't send it again. The link still "
                "works if they change their mind."
                if invitation.response == Response.NOT_NOW
                else "They've said no, thank you, so Hearth won't send it again.",
                code="answered",
                status=409,
            )
        when = next_email_at(invitation.inviter)
        if when is not None:
            local = timezone.localtime(when, invitation.inviter.zone)
            raise ServiceError(
                f"Hearth sends an invitation at most once a week, so it doesn't feel like "
                f"pressure. You can send it again from {local:%A %-d %B}.",
                code="too_soon",
                status=429,
            )
        digest = _email_digest(email)
        if Invitation.objects.filter(
            email_hash=digest,
            response=Response.DECLINED,
            responded_at__gte=timezone.now() - DECLINED_QUIET,
        ).exists():
            raise ServiceError(
                "Someone at this address said no, thank you recently, so Hearth won't email it.",
                code="declined_address",
                status=409,
            )
        now = timezone.now()
        if renew:
            if current_couple(invitation.inviter) is not None:
                raise ServiceError(
                    "You're paired now, so there's nothing to send.",
                    code="already_paired",
                    status=409,
                )
            invitation.expires_at = now + timedelta(days=settings.HEARTH_INVITATION_DAYS)
        inviter = invitation.inviter
        context = {
            "inviter": inviter,
            "message": invitation.message,
            "link": link,
            "site_name": settings.HEARTH_SITE_NAME,
            "days": settings.HEARTH_INVITATION_DAYS,
        }
        send_mail(
            subject=f"{inviter.display_name} invited you to {settings.HEARTH_SITE_NAME}",
            message=render_to_string("couples/email/invitation.txt", context),
            from_email=None,
            recipient_list=[email],
        )
        invitation.email = email
        invitation.email_hash = digest
        invitation.emailed_at = now
        invitation.save(update_fields=["email", "email_hash", "emailed_at", "expires_at"])
    return invitation


def invitation_respond(*, invitation: Invitation, response: str) -> Invitation:
    """The invited person answers without accepting: "not now" or "no, thank you".

    "Not now" keeps the link working for later; "no, thank you" closes it. Either way
    the inviter is told gently, and Hearth sends nothing more.
    """
    if response not in Response.values:
        raise ServiceError("Choose 'not now' or 'no, thank you'.", code="response")
    with transaction.atomic():
        invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
        invitation_usable(invitation=invitation)
        invitation.response = response
        invitation.responded_at = timezone.now()
        invitation.save(update_fields=["response", "responded_at"])
        touch(user_ids=[invitation.inviter_id])
    return invitation


def invitation_find(*, code: str = "", token: str = "") -> Invitation | None:
    if token:
        return Invitation.objects.filter(token_hash=_digest("token", token)).first()
    code = normalise_code(code)
    if len(code) != CODE_LENGTH:
        return None
    return Invitation.objects.filter(code_hash=_digest("code", code)).first()


def invitation_usable(*, invitation: Invitation | None) -> Invitation:
    """Raise a clear ServiceError unless anyone could still accept `invitation`."""
    if invitation is None:
        raise ServiceError(
            "We couldn't find that invitation. Check the code and try again.",
            code="not_found",
            status=404,
        )
    if invitation.accepted_at is not None:
        raise ServiceError(
            "This invitation has already been used. Ask for a new one.", code="used", status=410
        )
    if invitation.response == Response.DECLINED:
        raise ServiceError(
            "This invitation was declined, so it can't be used any more. That's all right.",
            code="declined",
            status=410,
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
    if current_couple(invitation.inviter) is not None:
        raise ServiceError(
            "The person who invited you is now paired with someone else.",
            code="inviter_paired",
            status=409,
        )
    return invitation


def invitation_check(*, invitation: Invitation | None, user) -> Invitation:
    """Raise a clear ServiceError unless `user` may accept `invitation` now."""
    if invitation is not None and invitation.inviter_id == user.pk:
        raise ServiceError(
            "This is your own invitation. Send it to your partner to accept.",
            code="own_invitation",
            status=409,
        )
    invitation_usable(invitation=invitation)
    if current_couple(user) is not None:
        raise ServiceError(
            "You are already paired. End your current pairing before accepting another.",
            code="already_paired",
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
