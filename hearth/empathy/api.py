from datetime import datetime
from typing import Literal
from uuid import UUID

from ninja import Query, Router, Schema, Status

from hearth.access import get_own_or_404, get_visible_or_404
from hearth.accounts.api import PersonOut, person_out
from hearth.core.api import FeelingsMap, Text, responses
from hearth.core.feelings import FeelingChoice
from hearth.empathy import selectors, services
from hearth.empathy.models import SITUATION_MAX, VALIDATION_MAX, PerspectiveCheck

router = Router(tags=["perspective checks"])


class PerspectiveFeelingOut(Schema):
    feeling: str
    label: str
    intensity: int


class OverlapOut(Schema):
    exact: int
    close: int
    total: int


class PerspectiveResponseOut(Schema):
    author: PersonOut
    text: str
    created_at: datetime


class PerspectiveOut(Schema):
    id: UUID
    state: Literal["draft", "waiting", "to_guess", "revealed", "earlier"]
    mine: bool
    author: PersonOut
    situation: str
    created_at: datetime
    sent_at: datetime | None
    guessed_at: datetime | None
    feelings: list[PerspectiveFeelingOut]
    guess: list[PerspectiveFeelingOut]
    overlap: OverlapOut | None
    response: PerspectiveResponseOut | None


class PerspectivePageOut(Schema):
    items: list[PerspectiveOut]
    next_before: UUID | None = None


class PerspectiveIn(Schema):
    situation: Text(SITUATION_MAX, 1)
    feelings: FeelingsMap
    send: bool = False


class GuessIn(Schema):
    feelings: FeelingsMap


class PerspectiveResponseIn(Schema):
    text: Text(VALIDATION_MAX, 1)


def _feelings(rows) -> list[dict]:
    return [{"feeling": f.feeling, "label": f.label, "intensity": f.intensity} for f in rows]


def perspective_out(view: selectors.PerspectiveView) -> dict:
    check = view.check
    overlap = view.overlap
    return {
        "id": check.public_id,
        "state": view.state,
        "mine": view.mine,
        "author": person_out(check.author),
        "situation": check.situation,
        "created_at": check.created_at,
        "sent_at": check.sent_at,
        "guessed_at": check.guessed_at,
        "feelings": _feelings(view.actual),
        "guess": _feelings(view.guess),
        "overlap": (
            {"exact": overlap.exact, "close": overlap.close, "total": overlap.total}
            if overlap
            else None
        ),
        "response": (
            {
                "author": person_out(view.response.author),
                "text": view.response.text,
                "created_at": view.response.created_at,
            }
            if view.response
            else None
        ),
    }


def _choices(feelings: dict) -> list[FeelingChoice]:
    return [FeelingChoice(key, level) for key, level in feelings.items()]


def _fresh(viewer, public_id) -> dict:
    check = get_visible_or_404(
        selectors.with_visible_parts(PerspectiveCheck.objects.all(), viewer),
        viewer,
        public_id=public_id,
    )
    return perspective_out(selectors.perspective_view(check, viewer))


@router.get(
    "",
    response=responses(200, PerspectivePageOut),
    operation_id="perspective_list",
    summary="Perspective checks I may see, newest first",
)
def perspective_list(
    request,
    before: UUID | None = Query(None, description="Id of the last check already shown."),
    limit: int = Query(20, ge=1, le=50),
):
    views, next_before = selectors.checks_for(request.auth, before=before, limit=limit)
    return {"items": [perspective_out(v) for v in views], "next_before": next_before}


@router.post(
    "",
    response=responses(201, PerspectiveOut, 409),
    operation_id="perspective_create",
    summary="Prepare a situation, and send it if `send` (needs a partner)",
)
def perspective_create(request, payload: PerspectiveIn):
    check = services.perspective_save(
        sharer=request.auth,
        situation=payload.situation,
        feelings=_choices(payload.feelings),
        send=payload.send,
    )
    return Status(201, _fresh(request.auth, check.public_id))


@router.get(
    "/{check_id}",
    response=responses(200, PerspectiveOut, 404),
    operation_id="perspective_get",
    summary="A perspective check, as I may see it",
)
def perspective_get(request, check_id: UUID):
    return _fresh(request.auth, check_id)


@router.put(
    "/{check_id}",
    response=responses(200, PerspectiveOut, 404, 409),
    operation_id="perspective_update",
    summary="Change a check not sent yet",
)
def perspective_update(request, check_id: UUID, payload: PerspectiveIn):
    check = get_own_or_404(PerspectiveCheck.objects.all(), request.auth, public_id=check_id)
    services.perspective_save(
        sharer=request.auth,
        situation=payload.situation,
        feelings=_choices(payload.feelings),
        check=check,
        send=payload.send,
    )
    return _fresh(request.auth, check_id)


@router.post(
    "/{check_id}/send",
    response=responses(200, PerspectiveOut, 404, 409),
    operation_id="perspective_send",
    summary="Share it with my partner",
)
def perspective_send(request, check_id: UUID):
    check = get_own_or_404(PerspectiveCheck.objects.all(), request.auth, public_id=check_id)
    services.perspective_send(check=check, sharer=request.auth)
    return _fresh(request.auth, check_id)


@router.post(
    "/{check_id}/guess",
    response=responses(200, PerspectiveOut, 404, 409),
    operation_id="perspective_guess",
    summary="Guess how my partner felt",
)
def perspective_guess(request, check_id: UUID, payload: GuessIn):
    check = get_visible_or_404(PerspectiveCheck.objects.all(), request.auth, public_id=check_id)
    services.perspective_guess(
        check=check, guesser=request.auth, feelings=_choices(payload.feelings)
    )
    return _fresh(request.auth, check_id)


@router.put(
    "/{check_id}/response",
    response=responses(200, PerspectiveOut, 404, 409),
    operation_id="perspective_respond",
    summary="Say why their feelings make sense",
)
def perspective_respond(request, check_id: UUID, payload: PerspectiveResponseIn):
    check = get_visible_or_404(PerspectiveCheck.objects.all(), request.auth, public_id=check_id)
    services.perspective_validate(check=check, guesser=request.auth, text=payload.text)
    return _fresh(request.auth, check_id)


@router.delete(
    "/{check_id}",
    response=responses(204, None, 404),
    operation_id="perspective_delete",
    summary="Delete one of mine",
)
def perspective_delete(request, check_id: UUID):
    check = get_own_or_404(PerspectiveCheck.objects.all(), request.auth, public_id=check_id)
    services.perspective_delete(check=check, author=request.auth)
    return Status(204, None)
