from datetime import datetime
from typing import Literal
from uuid import UUID

from ninja import Field, Query, Router, Schema, Status

from hearth.access import get_visible_or_404
from hearth.accounts.api import PersonOut, person_out
from hearth.core.api import Text, responses
from hearth.listening import selectors, services
from hearth.listening.models import (
    CORRECTION_MAX,
    PIECE_MAX,
    QUESTION_MAX,
    REFLECTION_MAX,
    TOPIC_MAX,
    Kind,
    ListeningEntry,
    ListeningSession,
)

router = Router(tags=["listening sessions"])

Step = Literal["say", "reflect", "confirm", "landed", "paused", "ended", "earlier"]


class ListeningEntryOut(Schema):
    id: UUID
    kind: Literal[tuple(Kind.values)]
    author: PersonOut
    floor: PersonOut | None
    piece_id: UUID | None
    text: str
    question: str
    created_at: datetime


class ListeningTotalsOut(Schema):
    pieces: int
    reflected: int
    landed: int
    landed_first_time: int


class ListeningSessionOut(Schema):
    id: UUID
    mode: Literal["apart", "together"]
    state: Literal["active", "paused", "ended"]
    step: Step
    my_turn: bool
    my_role: Literal["speaker", "listener"]
    topic: str | None
    speaker: PersonOut | None
    listener: PersonOut | None
    timer_minutes: int
    resume_after: datetime | None
    created_at: datetime
    ended_at: datetime | None
    entries: list[ListeningEntryOut]
    totals: ListeningTotalsOut


class ListeningSessionBriefOut(Schema):
    id: UUID
    mode: Literal["apart", "together"]
    state: Literal["active", "paused", "ended"]
    topic: str | None
    created_at: datetime


class ListeningPageOut(Schema):
    items: list[ListeningSessionBriefOut]
    next_before: UUID | None = None


class ListeningStartIn(Schema):
    topic: Text(TOPIC_MAX, 1)
    mode: Literal["apart", "together"] = "apart"
    timer_minutes: Literal[services.TIMER_CHOICES] = 0


class PieceIn(Schema):
    text: Text(PIECE_MAX) = Field("", description="Required apart; optional together.")


class ReflectionIn(Schema):
    text: Text(REFLECTION_MAX) = Field("", description="Required apart; optional together.")
    question: Text(QUESTION_MAX) = ""


class VerdictIn(Schema):
    got_it: bool
    correction: Text(CORRECTION_MAX) = ""


class UnderstoodIn(Schema):
    piece_id: UUID


def entry_out(entry: ListeningEntry, pieces: dict) -> dict:
    return {
        "id": entry.public_id,
        "kind": entry.kind,
        "author": person_out(entry.author),
        "floor": person_out(entry.floor) if entry.floor else None,
        "piece_id": pieces.get(entry.piece_id),
        "text": entry.text,
        "question": entry.question,
        "created_at": entry.created_at,
    }


def session_out(session: ListeningSession, viewer) -> dict:
    view = selectors.session_view(session, viewer)
    pieces = {e.pk: e.public_id for e in view.entries if e.kind == Kind.PIECE}
    return {
        "id": session.public_id,
        "mode": session.mode,
        "state": session.state,
        "step": view.step,
        "my_turn": view.my_turn,
        "my_role": view.my_role,
        "topic": view.topic,
        "speaker": person_out(view.speaker) if view.speaker else None,
        "listener": person_out(view.listener) if view.listener else None,
        "timer_minutes": session.timer_minutes,
        "resume_after": session.resume_after,
        "created_at": session.created_at,
        "ended_at": session.ended_at,
        "entries": [entry_out(e, pieces) for e in view.entries],
        "totals": {
            "pieces": len(view.pieces),
            "reflected": view.reflected_count,
            "landed": view.landed_count,
            "landed_first_time": view.landed_first_time,
        },
    }


def _session(viewer, session_id) -> ListeningSession:
    return get_visible_or_404(
        ListeningSession.objects.select_related("speaker"), viewer, public_id=session_id
    )


def _fresh(viewer, session_id) -> dict:
    return session_out(_session(viewer, session_id), viewer)


@router.get(
    "",
    response=responses(200, ListeningPageOut),
    operation_id="listening_list",
    summary="Listening sessions, newest first",
)
def listening_list(
    request,
    before: UUID | None = Query(None, description="Id of the last session already shown."),
    limit: int = Query(20, ge=1, le=50),
):
    sessions, next_before = selectors.sessions_for(request.auth, before=before, limit=limit)
    items = []
    for s in sessions:
        topic = s.visible_topics[0].text if s.visible_topics else None
        items.append(
            {
                "id": s.public_id,
                "mode": s.mode,
                "state": s.state,
                "topic": topic,
                "created_at": s.created_at,
            }
        )
    return {"items": items, "next_before": next_before}


@router.post(
    "",
    response=responses(201, ListeningSessionOut, 409),
    operation_id="listening_start",
    summary="Start a session (I hold the floor first)",
)
def listening_start(request, payload: ListeningStartIn):
    session = services.session_start(
        starter=request.auth,
        topic=payload.topic,
        mode=payload.mode,
        timer_minutes=payload.timer_minutes,
    )
    return Status(201, session_out(session, request.auth))


@router.get(
    "/{session_id}",
    response=responses(200, ListeningSessionOut, 404),
    operation_id="listening_get",
    summary="A session, as I may see it",
)
def listening_get(request, session_id: UUID):
    return _fresh(request.auth, session_id)


def _move(request, session_id, move) -> dict:
    move(_session(request.auth, session_id))
    return _fresh(request.auth, session_id)


MOVE = responses(200, ListeningSessionOut, 404, 409)


@router.post(
    "/{session_id}/pieces",
    response=MOVE,
    operation_id="listening_say",
    summary="The speaker says a piece",
)
def listening_say(request, session_id: UUID, payload: PieceIn):
    return _move(
        request,
        session_id,
        lambda s: services.piece_say(session=s, person=request.auth, text=payload.text),
    )


@router.post(
    "/{session_id}/reflections",
    response=MOVE,
    operation_id="listening_reflect",
    summary="The listener says back what they heard",
)
def listening_reflect(request, session_id: UUID, payload: ReflectionIn):
    return _move(
        request,
        session_id,
        lambda s: services.reflection_add(
            session=s, person=request.auth, text=payload.text, question=payload.question
        ),
    )


@router.post(
    "/{session_id}/verdict",
    response=MOVE,
    operation_id="listening_verdict",
    summary="The speaker says whether it landed",
)
def listening_verdict(request, session_id: UUID, payload: VerdictIn):
    return _move(
        request,
        session_id,
        lambda s: services.verdict_give(
            session=s, person=request.auth, got_it=payload.got_it, correction=payload.correction
        ),
    )


@router.post(
    "/{session_id}/pass",
    response=MOVE,
    operation_id="listening_pass",
    summary="The speaker passes the floor",
)
def listening_pass(request, session_id: UUID):
    return _move(request, session_id, lambda s: services.floor_pass(session=s, person=request.auth))


@router.post(
    "/{session_id}/time-out",
    response=MOVE,
    operation_id="listening_time_out",
    summary="Either partner calls a time-out",
)
def listening_time_out(request, session_id: UUID):
    return _move(request, session_id, lambda s: services.time_out(session=s, person=request.auth))


@router.post(
    "/{session_id}/resume",
    response=MOVE,
    operation_id="listening_resume",
    summary="Come back after the time-out",
)
def listening_resume(request, session_id: UUID):
    return _move(request, session_id, lambda s: services.resume(session=s, person=request.auth))


@router.post(
    "/{session_id}/end",
    response=MOVE,
    operation_id="listening_end",
    summary="Either partner ends the session",
)
def listening_end(request, session_id: UUID):
    return _move(
        request, session_id, lambda s: services.session_end(session=s, person=request.auth)
    )


@router.post(
    "/{session_id}/understood",
    response=MOVE,
    operation_id="listening_understood",
    summary="Mark a piece of my partner's as understood better",
)
def listening_understood(request, session_id: UUID, payload: UnderstoodIn):
    def mark(session):
        piece = get_visible_or_404(
            ListeningEntry.objects.filter(session=session, kind=Kind.PIECE),
            request.auth,
            public_id=payload.piece_id,
        )
        services.understood_mark(session=session, person=request.auth, piece=piece)

    return _move(request, session_id, mark)
