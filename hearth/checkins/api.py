from datetime import date, datetime
from typing import Annotated, Literal
from uuid import UUID

from ninja import Field, Query, Router, Schema, Status

from hearth.access import Visibility, get_own_or_404, get_visible_or_404
from hearth.accounts.api import PersonOut, person_out
from hearth.checkins import selectors, services
from hearth.checkins.models import NEED_WORDS_MAX, NOTE_MAX, REPLY_MAX, CheckIn
from hearth.content import catalog
from hearth.core.api import FeelingsMap, OneOf, Text, WholeNumber, responses
from hearth.core.feelings import FeelingChoice

router = Router(tags=["check-ins"])


PRESET_NEEDS = [need.key for need in catalog.needs if need.key != "own_words"]


class PresetNeedIn(Schema):
    kind: OneOf(PRESET_NEEDS)


class OwnWordsNeedIn(Schema):
    kind: Literal["own_words"]
    words: Text(NEED_WORDS_MAX, 1)


class CheckInIn(Schema):
    feelings: FeelingsMap
    closeness: WholeNumber(1, 7)
    need: Annotated[PresetNeedIn | OwnWordsNeedIn, Field(discriminator="kind")]
    note: Text(NOTE_MAX) = ""
    visibility: Literal["shared", "private"] = "shared"


class CheckInNeedOut(Schema):
    kind: str
    label: str
    words: str


class CheckInFeelingOut(Schema):
    feeling: str
    label: str
    intensity: int


class CheckInReplyOut(Schema):
    id: UUID
    author: PersonOut
    text: str
    created_at: datetime


class CheckInReactionOut(Schema):
    author: PersonOut
    reaction: str


class CheckInOut(Schema):
    id: UUID
    author: PersonOut
    date: date
    feelings: list[CheckInFeelingOut]
    closeness: int
    need: CheckInNeedOut
    note: str
    visibility: Literal["shared", "private"]
    replies: list[CheckInReplyOut]
    reactions: list[CheckInReactionOut]
    updated_at: datetime


class TodayOut(Schema):
    checkin: CheckInOut | None = None


class CheckInPageOut(Schema):
    items: list[CheckInOut]
    next_before: date | None = None


class CheckInReplyIn(Schema):
    text: Text(REPLY_MAX, 1)


class ReactionIn(Schema):
    reaction: OneOf(["", *catalog.reaction_by_key]) = Field(
        "", description="A reaction key (GET /api/content/reactions), or empty to remove mine."
    )


def checkin_out(checkin: CheckIn) -> dict:
    return {
        "id": checkin.public_id,
        "author": person_out(checkin.author),
        "date": checkin.local_date,
        "feelings": [
            {"feeling": f.feeling, "label": f.label, "intensity": f.intensity}
            for f in checkin.feelings.all()
        ],
        "closeness": checkin.closeness,
        "need": {
            "kind": checkin.need,
            "label": checkin.need_info.label if checkin.need_info else checkin.need,
            "words": checkin.need_words,
        },
        "note": checkin.note,
        "visibility": checkin.visibility,
        "replies": [
            {
                "id": r.public_id,
                "author": person_out(r.author),
                "text": r.text,
                "created_at": r.created_at,
            }
            for r in checkin.replies.all()
        ],
        "reactions": [
            {"author": person_out(r.author), "reaction": r.reaction}
            for r in checkin.reactions.all()
        ],
        "updated_at": checkin.updated_at,
    }


def _detailed(viewer, public_id) -> CheckIn:
    return get_visible_or_404(
        selectors.with_details(CheckIn.objects.all(), viewer), viewer, public_id=public_id
    )


@router.get(
    "/today",
    response=responses(200, TodayOut),
    operation_id="checkin_today_get",
    summary="My check-in for my local today",
)
def checkin_today_get(request):
    checkin = selectors.my_checkin_on(request.auth, request.auth.local_today())
    return {"checkin": checkin_out(checkin) if checkin else None}


@router.put(
    "/today",
    response=responses(200, CheckInOut, 400, 409),
    operation_id="checkin_today_save",
    summary="Create or update today's check-in",
)
def checkin_today_save(request, payload: CheckInIn):
    checkin, _ = services.checkin_save_today(
        author=request.auth,
        feelings=[FeelingChoice(key, level) for key, level in payload.feelings.items()],
        closeness=payload.closeness,
        need=payload.need.kind,
        need_words=getattr(payload.need, "words", ""),
        note=payload.note,
        visibility=Visibility(payload.visibility),
    )
    return checkin_out(_detailed(request.auth, checkin.public_id))


@router.get(
    "",
    response=responses(200, CheckInPageOut),
    operation_id="checkin_list",
    summary="My check-ins, newest first",
)
def checkin_list(request, before: date | None = None, limit: int = Query(20, ge=1, le=50)):
    items, next_before = selectors.history(request.auth, whose="mine", before=before, limit=limit)
    return {"items": [checkin_out(c) for c in items], "next_before": next_before}


@router.get(
    "/partner",
    response=responses(200, CheckInPageOut),
    operation_id="checkin_partner_list",
    summary="My partner's shared check-ins",
)
def checkin_partner_list(request, before: date | None = None, limit: int = Query(20, ge=1, le=50)):
    items, next_before = selectors.history(
        request.auth, whose="partner", before=before, limit=limit
    )
    return {"items": [checkin_out(c) for c in items], "next_before": next_before}


@router.get(
    "/partner/today",
    response=responses(200, TodayOut),
    operation_id="checkin_partner_today",
    summary="My partner's shared check-in today",
)
def checkin_partner_today(request):
    checkin = selectors.partner_checkin_today(request.auth)
    return {"checkin": checkin_out(checkin) if checkin else None}


@router.get(
    "/{checkin_id}",
    response=responses(200, CheckInOut, 404),
    operation_id="checkin_get",
    summary="One check-in I may see",
)
def checkin_get(request, checkin_id: UUID):
    checkin = _detailed(request.auth, checkin_id)
    services.replies_mark_seen(checkin=checkin, viewer=request.auth)
    return checkin_out(checkin)


@router.delete(
    "/{checkin_id}",
    response=responses(204, None, 404),
    operation_id="checkin_delete",
    summary="Delete one of my check-ins",
)
def checkin_delete(request, checkin_id: UUID):
    checkin = get_own_or_404(CheckIn.objects.all(), request.auth, public_id=checkin_id)
    services.checkin_delete(checkin=checkin, author=request.auth)
    return Status(204, None)


@router.post(
    "/{checkin_id}/replies",
    response=responses(201, CheckInReplyOut, 400, 404),
    operation_id="checkin_reply",
    summary="Reply to my partner's shared check-in",
)
def checkin_reply(request, checkin_id: UUID, payload: CheckInReplyIn):
    checkin = get_visible_or_404(CheckIn.objects.all(), request.auth, public_id=checkin_id)
    reply = services.checkin_reply(checkin=checkin, author=request.auth, text=payload.text)
    return Status(
        201,
        {
            "id": reply.public_id,
            "author": person_out(request.auth),
            "text": reply.text,
            "created_at": reply.created_at,
        },
    )


@router.put(
    "/{checkin_id}/reaction",
    response=responses(200, CheckInOut, 400, 404),
    operation_id="checkin_react",
    summary="Set or remove my reaction",
)
def checkin_react(request, checkin_id: UUID, payload: ReactionIn):
    checkin = get_visible_or_404(CheckIn.objects.all(), request.auth, public_id=checkin_id)
    services.checkin_react(checkin=checkin, author=request.auth, reaction=payload.reaction)
    return checkin_out(_detailed(request.auth, checkin_id))
