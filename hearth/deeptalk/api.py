from datetime import datetime
from typing import Literal
from uuid import UUID

from ninja import Query, Router, Schema, Status

from hearth.access import get_visible_or_404
from hearth.accounts.api import PersonOut, person_out
from hearth.core.api import Text, responses
from hearth.deeptalk import selectors, services
from hearth.deeptalk.models import ANSWER_MAX, DeepTalk, DeepTalkItem

router = Router(tags=["deep talk"])

Depth = Literal["light", "deeper", "vulnerable"]
ModeName = Literal["apart", "together"]
StateName = Literal["active", "paused", "ended"]


class DeepAnswerOut(Schema):
    author: PersonOut
    text: str
    created_at: datetime


class DeepItemOut(Schema):
    id: UUID
    position: int
    depth: Depth
    text: str
    status: Literal["open", "done", "skipped"]
    first: PersonOut | None
    mine: DeepAnswerOut | None
    theirs: DeepAnswerOut | None
    partner_answered: bool


class DeepTalkOut(Schema):
    id: UUID
    mode: ModeName
    state: StateName
    step: Literal["answer", "wait_first", "wait_partner", "talk", "paused", "ended", "earlier"]
    cap: Depth
    completed: bool
    created_at: datetime
    ended_at: datetime | None
    current_item: UUID | None
    items: list[DeepItemOut]


class DeepTalkBriefOut(Schema):
    id: UUID
    mode: ModeName
    state: StateName
    completed: bool
    created_at: datetime


class DeepTalkPageOut(Schema):
    items: list[DeepTalkBriefOut]
    next_before: UUID | None = None


class DeepTalkStartIn(Schema):
    mode: ModeName = "apart"


class DeepAnswerIn(Schema):
    text: Text(ANSWER_MAX, 1)


def _answer(answer) -> dict | None:
    if answer is None:
        return None
    return {
        "author": person_out(answer.author),
        "text": answer.text,
        "created_at": answer.created_at,
    }


def talk_out(talk: DeepTalk, viewer) -> dict:
    view = selectors.talk_view(talk, viewer)
    return {
        "id": talk.public_id,
        "mode": talk.mode,
        "state": talk.state,
        "step": view.step,
        "cap": talk.cap,
        "completed": talk.completed,
        "created_at": talk.created_at,
        "ended_at": talk.ended_at,
        "current_item": view.open_item.item.public_id if view.open_item else None,
        "items": [
            {
                "id": v.item.public_id,
                "position": v.item.position,
                "depth": v.item.depth,
                "text": v.text,
                "status": v.item.status,
                "first": person_out(v.item.first) if v.item.first else None,
                "mine": _answer(v.mine),
                "theirs": _answer(v.theirs),
                "partner_answered": v.partner_answered,
            }
            for v in view.items
        ],
    }


def _talk(viewer, talk_id) -> DeepTalk:
    return get_visible_or_404(
        selectors.with_items(DeepTalk.objects.all(), viewer), viewer, public_id=talk_id
    )


def _fresh(viewer, talk_id) -> dict:
    return talk_out(_talk(viewer, talk_id), viewer)


@router.get(
    "",
    response=responses(200, DeepTalkPageOut),
    operation_id="deeptalk_list",
    summary="Deep talks, newest first",
)
def deeptalk_list(
    request,
    before: UUID | None = Query(None, description="Id of the last talk already shown."),
    limit: int = Query(20, ge=1, le=50),
):
    talks, next_before = selectors.talks_for(request.auth, before=before, limit=limit)
    items = [
        {
            "id": t.public_id,
            "mode": t.mode,
            "state": t.state,
            "completed": t.completed,
            "created_at": t.created_at,
        }
        for t in talks
    ]
    return {"items": items, "next_before": next_before}


@router.post(
    "",
    response=responses(201, DeepTalkOut, 409),
    operation_id="deeptalk_start",
    summary="Start a deep talk (I go first on the first question)",
)
def deeptalk_start(request, payload: DeepTalkStartIn):
    talk = services.deeptalk_start(starter=request.auth, mode=payload.mode)
    return Status(201, _fresh(request.auth, talk.public_id))


@router.get(
    "/{talk_id}",
    response=responses(200, DeepTalkOut, 404),
    operation_id="deeptalk_get",
    summary="A deep talk, as I may see it",
)
def deeptalk_get(request, talk_id: UUID):
    return _fresh(request.auth, talk_id)


MOVE = responses(200, DeepTalkOut, 404, 409)


def _item_move(request, talk_id, item_id, move) -> dict:
    talk = _talk(request.auth, talk_id)
    item = get_visible_or_404(
        DeepTalkItem.objects.filter(talk=talk), request.auth, public_id=item_id
    )
    move(talk, item)
    return _fresh(request.auth, talk_id)


@router.put(
    "/{talk_id}/items/{item_id}/answer",
    response=MOVE,
    operation_id="deeptalk_answer",
    summary="Write my answer (apart); sealed until my partner answers",
)
def deeptalk_answer(request, talk_id: UUID, item_id: UUID, payload: DeepAnswerIn):
    return _item_move(
        request,
        talk_id,
        item_id,
        lambda t, i: services.answer_write(talk=t, item=i, person=request.auth, text=payload.text),
    )


@router.post(
    "/{talk_id}/items/{item_id}/tick",
    response=MOVE,
    operation_id="deeptalk_tick",
    summary="We talked it through (together)",
)
def deeptalk_tick(request, talk_id: UUID, item_id: UUID):
    return _item_move(
        request,
        talk_id,
        item_id,
        lambda t, i: services.item_tick(talk=t, item=i, person=request.auth),
    )


@router.post(
    "/{talk_id}/items/{item_id}/skip",
    response=MOVE,
    operation_id="deeptalk_skip",
    summary="Skip this question, no reason needed",
)
def deeptalk_skip(request, talk_id: UUID, item_id: UUID):
    return _item_move(
        request,
        talk_id,
        item_id,
        lambda t, i: services.item_skip(talk=t, item=i, person=request.auth),
    )


def _talk_move(request, talk_id, move) -> dict:
    move(_talk(request.auth, talk_id))
    return _fresh(request.auth, talk_id)


@router.post(
    "/{talk_id}/pause", response=MOVE, operation_id="deeptalk_pause", summary="Pause the talk"
)
def deeptalk_pause(request, talk_id: UUID):
    return _talk_move(
        request, talk_id, lambda t: services.deeptalk_pause(talk=t, person=request.auth)
    )


@router.post("/{talk_id}/resume", response=MOVE, operation_id="deeptalk_resume", summary="Carry on")
def deeptalk_resume(request, talk_id: UUID):
    return _talk_move(
        request, talk_id, lambda t: services.deeptalk_resume(talk=t, person=request.auth)
    )


@router.post("/{talk_id}/end", response=MOVE, operation_id="deeptalk_end", summary="Stop here")
def deeptalk_end(request, talk_id: UUID):
    return _talk_move(
        request, talk_id, lambda t: services.deeptalk_end(talk=t, person=request.auth)
    )
