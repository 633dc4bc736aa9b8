from datetime import datetime
from typing import Annotated, Literal
from uuid import UUID

from ninja import Field, Query, Router, Schema, Status
from pydantic import AfterValidator, create_model

from hearth.access import get_own_or_404, partner_of
from hearth.accounts.api import PersonOut, person_out
from hearth.appreciation import selectors, services
from hearth.appreciation.models import (
    CARE_DETAIL_MAX,
    CARE_LABEL_MAX,
    MEANT_MAX,
    WHAT_MAX,
    Appreciation,
)
from hearth.content import catalog
from hearth.core.api import OneOf, Text, responses

router = Router(tags=["appreciations"])


class AppreciationReactionOut(Schema):
    author: PersonOut
    reaction: str


class AppreciationOut(Schema):
    id: UUID
    author: PersonOut
    mine: bool
    what: str
    meant: str
    created_at: datetime
    sent_at: datetime | None
    reactions: list[AppreciationReactionOut]


class AppreciationPageOut(Schema):
    items: list[AppreciationOut]
    next_before: UUID | None = None


class AppreciationReactionIn(Schema):
    reaction: OneOf(["", *catalog.appreciation_reaction_by_key]) = Field(
        "",
        description="A reaction key (GET /api/content/appreciation-reactions), or empty to "
        "remove mine.",
    )


class AppreciationIn(Schema):
    what: Text(WHAT_MAX, 1)
    meant: Text(MEANT_MAX) = ""
    send: bool = False


def appreciation_out(appreciation: Appreciation, viewer) -> dict:
    return {
        "id": appreciation.public_id,
        "author": person_out(appreciation.author),
        "mine": appreciation.author_id == viewer.pk,
        "what": appreciation.what,
        "meant": appreciation.meant,
        "created_at": appreciation.created_at,
        "sent_at": appreciation.sent_at,
        "reactions": [
            {"author": person_out(r.author), "reaction": r.reaction}
            for r in appreciation.reactions.all()
        ],
    }


def _fresh(viewer, appreciation_id) -> dict:
    return appreciation_out(selectors.one_or_404(viewer, appreciation_id), viewer)


@router.get(
    "",
    response=responses(200, AppreciationPageOut),
    operation_id="appreciation_list",
    summary="Appreciations I received, sent, or kept for later",
)
def appreciation_list(
    request,
    box: Literal["received", "sent", "drafts"] = "received",
    before: UUID | None = Query(None, description="Id of the last one already shown."),
    limit: int = Query(20, ge=1, le=50),
):
    items, next_before = selectors.box(request.auth, box, before=before, limit=limit)
    return {
        "items": [appreciation_out(a, request.auth) for a in items],
        "next_before": next_before,
    }


@router.post(
    "",
    response=responses(201, AppreciationOut, 409),
    operation_id="appreciation_create",
    summary="Write one: kept for later, or sent if `send` (needs a partner)",
)
def appreciation_create(request, payload: AppreciationIn):
    saved = services.appreciation_save(
        author=request.auth, what=payload.what, meant=payload.meant, send=payload.send
    )
    return Status(201, _fresh(request.auth, saved.public_id))


@router.get(
    "/{appreciation_id}",
    response=responses(200, AppreciationOut, 404),
    operation_id="appreciation_get",
    summary="One appreciation I may see",
)
def appreciation_get(request, appreciation_id: UUID):
    return _fresh(request.auth, appreciation_id)


@router.put(
    "/{appreciation_id}",
    response=responses(200, AppreciationOut, 404, 409),
    operation_id="appreciation_update",
    summary="Change one kept for later (and send it if `send`)",
)
def appreciation_update(request, appreciation_id: UUID, payload: AppreciationIn):
    found = get_own_or_404(Appreciation.objects.all(), request.auth, public_id=appreciation_id)
    services.appreciation_save(
        author=request.auth,
        what=payload.what,
        meant=payload.meant,
        appreciation=found,
        send=payload.send,
    )
    return _fresh(request.auth, appreciation_id)


@router.post(
    "/{appreciation_id}/send",
    response=responses(200, AppreciationOut, 404, 409),
    operation_id="appreciation_send",
    summary="Send one kept for later",
)
def appreciation_send(request, appreciation_id: UUID):
    found = get_own_or_404(Appreciation.objects.all(), request.auth, public_id=appreciation_id)
    services.appreciation_send(appreciation=found, author=request.auth)
    return _fresh(request.auth, appreciation_id)


@router.delete(
    "/{appreciation_id}",
    response=responses(204, None, 404),
    operation_id="appreciation_delete",
    summary="Delete one of mine",
)
def appreciation_delete(request, appreciation_id: UUID):
    found = get_own_or_404(Appreciation.objects.all(), request.auth, public_id=appreciation_id)
    services.appreciation_delete(appreciation=found, author=request.auth)
    return Status(204, None)


@router.put(
    "/{appreciation_id}/reaction",
    response=responses(200, AppreciationOut, 403, 404),
    operation_id="appreciation_react",
    summary="Set or remove my reaction to one I received",
)
def appreciation_react(request, appreciation_id: UUID, payload: AppreciationReactionIn):
    found = selectors.one_or_404(request.auth, appreciation_id)
    services.appreciation_react(appreciation=found, author=request.auth, reaction=payload.reaction)
    return _fresh(request.auth, appreciation_id)


cared_for_router = Router(tags=["cared for"])


class CareWayOut(Schema):
    kind: str
    rank: int
    name: str
    detail: str


class CareWaysOut(Schema):
    mine: list[CareWayOut]
    mine_shared: bool = Field(
        description="False while the list is private: on one's own, or written for an earlier "
        "partner and not yet saved again."
    )
    partner: list[CareWayOut] | None = Field(description="None when not paired.")


_KINDS = [w.key for w in catalog.care_ways]


def _no_repeats(order: list[str]) -> list[str]:
    if len(set(order)) != len(order):
        raise ValueError("each kind once")
    return order


CareDetailsIn = create_model(
    "CareDetailsIn",
    __base__=Schema,
    **{key: (Text(CARE_DETAIL_MAX), "") for key in _KINDS},
)


class CareWaysIn(Schema):
    order: Annotated[
        list[OneOf(_KINDS)],
        Field(
            min_length=len(_KINDS),
            max_length=len(_KINDS),
            json_schema_extra={"uniqueItems": True},
            description="Every kind (GET /api/content/care-ways) once, most important first.",
        ),
        AfterValidator(_no_repeats),
    ]
    details: CareDetailsIn = Field(
        default_factory=CareDetailsIn, description="What each kind looks like for me (optional)."
    )
    other_label: Text(CARE_LABEL_MAX) = Field("", description="A name for the 'other' kind.")


def _way_out(way) -> dict:
    return {"kind": way.kind, "rank": way.rank, "name": way.name, "detail": way.detail}


def _care_ways(viewer) -> dict:
    mine, from_before = selectors.care_ways_mine(viewer)
    paired = partner_of(viewer) is not None
    return {
        "mine": [_way_out(w) for w in mine],
        "mine_shared": bool(mine) and paired and not from_before,
        "partner": [_way_out(w) for w in selectors.care_ways_partner(viewer)] if paired else None,
    }


@cared_for_router.get(
    "",
    response=responses(200, CareWaysOut),
    operation_id="care_ways_get",
    summary="My ways of feeling cared for, and my partner's",
)
def care_ways_get(request):
    return _care_ways(request.auth)


@cared_for_router.put(
    "",
    response=responses(200, CareWaysOut),
    operation_id="care_ways_put",
    summary="Put my ways in order (replaces my list; shared with my partner if paired)",
)
def care_ways_put(request, payload: CareWaysIn):
    services.care_ways_save(
        author=request.auth,
        ways=[
            services.WayIn(
                kind=kind,
                rank=rank,
                detail=getattr(payload.details, kind),
                label=payload.other_label if kind == "other" else "",
            )
            for rank, kind in enumerate(payload.order, start=1)
        ],
    )
    return _care_ways(request.auth)
