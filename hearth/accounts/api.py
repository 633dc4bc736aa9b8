from typing import Literal
from uuid import UUID

from ninja import Field, Router, Schema

from hearth.access import current_couple, partner_of
from hearth.accounts import services
from hearth.accounts.models import days_to_mask, timezone_names
from hearth.core.api import Text, responses, timezone_type
from hearth.core.errors import ServiceError

router = Router(tags=["me"])

ComfortLevel = Literal["light", "deeper", "vulnerable"]
PaceName = Literal["daily", "few", "weekly", "asked"]
Weekday = Literal["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]


class PersonOut(Schema):
    id: UUID
    display_name: str
    pronouns: str


class MeOut(Schema):
    id: UUID
    email: str
    display_name: str
    pronouns: str
    timezone: str
    comfort_level: ComfortLevel
    pace: PaceName
    quiet_days: list[Weekday]
    paired: bool
    partner: PersonOut | None = None


class MeUpdateIn(Schema):
    display_name: Text(40, 1) | None = None
    pronouns: Text(30) | None = None
    timezone: timezone_type() | None = None
    comfort_level: ComfortLevel | None = None
    pace: PaceName | None = None
    quiet_days: list[Weekday] | None = Field(None, max_length=7)


def person_out(user) -> dict:
    return {"id": user.public_id, "display_name": user.display_name, "pronouns": user.pronouns}


def me_out(user) -> dict:
    partner = partner_of(user)
    return {
        "id": user.public_id,
        "email": user.email,
        "display_name": user.display_name,
        "pronouns": user.pronouns,
        "timezone": user.timezone,
        "comfort_level": user.comfort_level,
        "pace": user.pace,
        "quiet_days": user.quiet_day_names,
        "paired": current_couple(user) is not None,
        "partner": person_out(partner) if partner else None,
    }


@router.get("", response=responses(200, MeOut), operation_id="me_get", summary="Who I am")
def me_get(request):
    return me_out(request.auth)


@router.patch(
    "", response=responses(200, MeOut, 400), operation_id="me_update", summary="Change my profile"
)
def me_update(request, payload: MeUpdateIn):
    fields = payload.dict(exclude_unset=True, exclude_none=True)
    if "display_name" in fields:
        fields["display_name"] = " ".join(fields["display_name"].split())
        if not fields["display_name"]:
            raise ServiceError("Please give a name.", code="empty")
    if "timezone" in fields and fields["timezone"] not in timezone_names():
        raise ServiceError("Unknown time zone; use a name like Europe/Paris.", code="timezone")
    if "quiet_days" in fields:
        fields["quiet_days"] = days_to_mask(fields["quiet_days"])
    services.profile_update(user=request.auth, **fields)
    return me_out(request.auth)
