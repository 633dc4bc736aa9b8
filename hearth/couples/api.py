from datetime import datetime
from typing import Literal
from uuid import UUID

from django.shortcuts import get_object_or_404
from django.urls import reverse
from django_ratelimit.core import is_ratelimited
from ninja import Field, Router, Schema, Status

from hearth.access import current_couple, partner_of
from hearth.accounts.api import PersonOut, person_out
from hearth.accounts.models import timezone_names
from hearth.core.api import Text, responses, timezone_type
from hearth.core.errors import ServiceError
from hearth.couples import services
from hearth.couples.models import INVITATION_MESSAGE_MAX, Invitation
from hearth.couples.views import CODE_RATE

router = Router(tags=["pairing"])


class CoupleOut(Schema):
    id: UUID
    timezone: str
    since: datetime


class InvitationOut(Schema):
    id: UUID
    code: str
    link: str
    expires_at: datetime
    message: str
    emailed_at: datetime | None
    response: Literal["", "not_now", "declined"]


class InvitationIn(Schema):
    # Required: a body that is not a JSON object reaches the schema as {}, and a
    # default here would clear the message. Send "" to clear it.
    message: Text(INVITATION_MESSAGE_MAX) = Field(..., description='"" for no message.')


class InvitationEmailIn(Schema):
    email: Text(254) = Field("", description="Empty: send again to the address used before.")


class PairingOut(Schema):
    paired: bool
    partner: PersonOut | None = None
    couple: CoupleOut | None = None
    invitation: InvitationOut | None = None


class AcceptIn(Schema):
    """The invitation's code or its link token (at least one)."""

    code: Text(20, 1) = None
    token: Text(64, 1) = None

    model_config = {
        "json_schema_extra": {"anyOf": [{"required": ["code"]}, {"required": ["token"]}]}
    }


class RespondIn(AcceptIn):
    response: Literal["not_now", "declined"]


class UnpairIn(Schema):
    confirm: Literal[True]


class CoupleUpdateIn(Schema):
    timezone: timezone_type()


def invitation_out(request, invitation: Invitation) -> dict:
    return {
        "id": invitation.public_id,
        "code": services.format_code(invitation.code),
        "link": request.build_absolute_uri(reverse("couples:join", args=[invitation.token])),
        "expires_at": invitation.expires_at,
        "message": invitation.message,
        "emailed_at": invitation.emailed_at,
        "response": invitation.response,
    }


def pairing_out(request, user) -> dict:
    couple = current_couple(user)
    partner = partner_of(user)
    pending = None
    if couple is None:
        invitation = services.pending_invitation(user)
        if invitation is not None:
            pending = invitation_out(request, invitation)
    return {
        "paired": couple is not None,
        "partner": person_out(partner) if partner else None,
        "couple": (
            {"id": couple.public_id, "timezone": couple.timezone, "since": couple.created_at}
            if couple
            else None
        ),
        "invitation": pending,
    }


@router.get(
    "",
    response=responses(200, PairingOut),
    operation_id="pairing_get",
    summary="My pairing and pending invitation",
)
def pairing_get(request):
    return pairing_out(request, request.auth)


@router.patch(
    "",
    response=responses(200, PairingOut, 400, 409),
    operation_id="pairing_update",
    summary="Change the couple's time zone",
)
def pairing_update(request, payload: CoupleUpdateIn):
    if payload.timezone not in timezone_names():
        raise ServiceError("Unknown time zone; use a name like Europe/Paris.", code="timezone")
    services.couple_set_timezone(user=request.auth, timezone_name=payload.timezone)
    return pairing_out(request, request.auth)


@router.post(
    "/invitations",
    response=responses(201, InvitationOut, 409),
    operation_id="invitation_create",
    summary="Create an invitation (revokes older ones)",
)
def invitation_create(request):
    invitation = services.invitation_create(inviter=request.auth)
    return Status(201, invitation_out(request, invitation))


@router.patch(
    "/invitations/{invitation_id}",
    response=responses(200, InvitationOut, 404, 409, 410),
    operation_id="invitation_update",
    summary="Change the message that goes with a pending invitation",
)
def invitation_update(request, invitation_id: UUID, payload: InvitationIn):
    invitation = get_object_or_404(Invitation, inviter=request.auth, public_id=invitation_id)
    services.invitation_message_set(invitation=invitation, message=payload.message)
    return invitation_out(request, invitation)


@router.post(
    "/invitations/{invitation_id}/email",
    response=responses(200, InvitationOut, 404, 409, 410, 429),
    operation_id="invitation_email",
    summary="Have Hearth email the invitation (at most once a week)",
)
def invitation_email(request, invitation_id: UUID, payload: InvitationEmailIn):
    invitation = get_object_or_404(Invitation, inviter=request.auth, public_id=invitation_id)
    sent = services.invitation_email(
        invitation=invitation,
        link=request.build_absolute_uri(reverse("couples:join", args=[invitation.token])),
        email=payload.email,
    )
    return invitation_out(request, sent)


@router.delete(
    "/invitations/{invitation_id}",
    response=responses(204, None, 404, 409),
    operation_id="invitation_revoke",
    summary="Withdraw an invitation",
)
def invitation_revoke(request, invitation_id: UUID):
    invitation = get_object_or_404(Invitation, inviter=request.auth, public_id=invitation_id)
    services.invitation_revoke(invitation=invitation)
    return Status(204, None)


def _find(request, payload: AcceptIn) -> Invitation | None:
    """The invitation a code or token names. Attempts are counted before the lookup, so
    posting codes can't be used to test them for free."""
    if not payload.code and not payload.token:
        raise ServiceError("Send the invitation's code or its token.", code="missing")
    if is_ratelimited(
        request, group="pairing-code", key="user_or_ip", rate=CODE_RATE, increment=True
    ):
        raise ServiceError("Too many tries. Please wait an hour.", code="rate_limited", status=429)
    return services.invitation_find(code=payload.code or "", token=payload.token or "")


@router.post(
    "/accept",
    response=responses(200, PairingOut, 400, 404, 409, 410, 429),
    operation_id="invitation_accept",
    summary="Accept an invitation by code or token",
)
def invitation_accept(request, payload: AcceptIn):
    invitation = _find(request, payload)
    services.invitation_check(invitation=invitation, user=request.auth)
    services.couple_pair(invitation=invitation, user=request.auth)
    return pairing_out(request, request.auth)


@router.post(
    "/respond",
    response=responses(204, None, 400, 404, 409, 410, 429),
    operation_id="invitation_respond",
    summary="Answer an invitation with 'not now' or 'no, thank you'",
)
def invitation_respond(request, payload: RespondIn):
    invitation = _find(request, payload)
    services.invitation_usable(invitation=invitation)
    if invitation.inviter_id == request.auth.pk:
        raise ServiceError("This is your own invitation.", code="own_invitation", status=409)
    services.invitation_respond(invitation=invitation, response=payload.response)
    return Status(204, None)


@router.post(
    "/unpair",
    response=responses(200, PairingOut, 409),
    operation_id="pairing_end",
    summary="End my pairing now (the partner is told only that it ended)",
)
def pairing_end(request, payload: UnpairIn):
    services.couple_unpair(user=request.auth)
    return pairing_out(request, request.auth)
