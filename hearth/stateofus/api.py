from datetime import datetime, time
from typing import Literal
from uuid import UUID

from ninja import Field, Query, Router, Schema, Status

from hearth.access import get_visible_or_404
from hearth.accounts.api import PersonOut, person_out
from hearth.core.api import Text, WholeNumber, responses
from hearth.stateofus import selectors, services
from hearth.stateofus.models import NOTE_MAX, Meeting, MeetingNote, Step

router = Router(tags=["state of us"])

StepName = Literal[tuple(Step.values)]


class MeetingNoteOut(Schema):
    id: UUID
    step: StepName
    author: PersonOut
    mine: bool
    text: str
    created_at: datetime


class MeetingOut(Schema):
    id: UUID
    week_of: str
    open: bool
    created_at: datetime
    closed_at: datetime | None
    notes: list[MeetingNoteOut]


class MeetingPageOut(Schema):
    items: list[MeetingOut]
    next_before: UUID | None = None


class MeetingNoteIn(Schema):
    step: StepName
    text: Text(NOTE_MAX, 1)


class MeetingTimeOut(Schema):
    weekday: int
    at: str
    minutes: int
    next_at: datetime


class MeetingTimeIn(Schema):
    weekday: WholeNumber(0, 6) = Field(description="Monday is 0, Sunday 6.")
    at: str = Field(
        pattern=r"^([01][0-9]|2[0-3]):[0-5][0-9]$",
        description="HH:MM, in the couple's time zone.",
    )
    minutes: Literal[services.DURATIONS] = 30


def meeting_out(meeting: Meeting, viewer) -> dict:
    view = selectors.meeting_view(meeting, viewer)
    notes = [n for step in view.steps for n in (*step.mine, *step.theirs)]
    return {
        "id": meeting.public_id,
        "week_of": meeting.week_of.isoformat(),
        "open": meeting.is_open,
        "created_at": meeting.created_at,
        "closed_at": meeting.closed_at,
        "notes": [
            {
                "id": n.public_id,
                "step": n.step,
                "author": person_out(n.author),
                "mine": n.author_id == viewer.pk,
                "text": n.text,
                "created_at": n.created_at,
            }
            for n in notes
        ],
    }


def _meeting(viewer, meeting_id) -> Meeting:
    return get_visible_or_404(
        selectors.with_notes(Meeting.objects.all(), viewer), viewer, public_id=meeting_id
    )


def _fresh(viewer, meeting_id) -> dict:
    return meeting_out(_meeting(viewer, meeting_id), viewer)


def _time_out(meeting_time) -> dict:
    return {
        "weekday": meeting_time.weekday,
        "at": meeting_time.at.strftime("%H:%M"),
        "minutes": meeting_time.minutes,
        "next_at": services.next_meeting_at(meeting_time),
    }


@router.get(
    "",
    response=responses(200, MeetingPageOut),
    operation_id="stateofus_list",
    summary="Our weekly meetings, newest first",
)
def stateofus_list(
    request,
    before: UUID | None = Query(None, description="Id of the last meeting already shown."),
    limit: int = Query(20, ge=1, le=50),
):
    meetings, next_before = selectors.meetings_for(request.auth, before=before, limit=limit)
    return {"items": [meeting_out(m, request.auth) for m in meetings], "next_before": next_before}


@router.post(
    "",
    response=responses(201, MeetingOut, 409),
    operation_id="stateofus_start",
    summary="Open this week's meeting",
)
def stateofus_start(request):
    meeting = services.meeting_start(starter=request.auth)
    return Status(201, _fresh(request.auth, meeting.public_id))


@router.get(
    "/time",
    response=responses(200, MeetingTimeOut, 404),
    operation_id="stateofus_time_get",
    summary="Our weekly meeting time",
)
def stateofus_time_get(request):
    meeting_time = selectors.meeting_time_for(request.auth)
    if meeting_time is None:
        return Status(404, {"detail": "No weekly time is set.", "code": "not_set", "errors": []})
    return _time_out(meeting_time)


@router.put(
    "/time",
    response=responses(200, MeetingTimeOut, 409),
    operation_id="stateofus_time_set",
    summary="Set our weekly meeting time (in the couple's time zone)",
)
def stateofus_time_set(request, payload: MeetingTimeIn):
    services.meeting_time_set(
        person=request.auth,
        weekday=payload.weekday,
        at=time.fromisoformat(payload.at),
        minutes=payload.minutes,
    )
    return _time_out(selectors.meeting_time_for(request.auth))


@router.delete(
    "/time",
    response=responses(204, None, 409),
    operation_id="stateofus_time_clear",
    summary="Clear our weekly meeting time",
)
def stateofus_time_clear(request):
    services.meeting_time_clear(person=request.auth)
    return Status(204, None)


@router.get(
    "/{meeting_id}",
    response=responses(200, MeetingOut, 404),
    operation_id="stateofus_get",
    summary="A meeting, as I may see it",
)
def stateofus_get(request, meeting_id: UUID):
    return _fresh(request.auth, meeting_id)


@router.post(
    "/{meeting_id}/notes",
    response=responses(201, MeetingOut, 404, 409),
    operation_id="stateofus_note_add",
    summary="Add a note to one of the meeting's steps",
)
def stateofus_note_add(request, meeting_id: UUID, payload: MeetingNoteIn):
    meeting = _meeting(request.auth, meeting_id)
    services.note_add(meeting=meeting, author=request.auth, step=payload.step, text=payload.text)
    return Status(201, _fresh(request.auth, meeting_id))


@router.delete(
    "/{meeting_id}/notes/{note_id}",
    response=responses(200, MeetingOut, 404, 409),
    operation_id="stateofus_note_delete",
    summary="Remove one of my notes from an open meeting",
)
def stateofus_note_delete(request, meeting_id: UUID, note_id: UUID):
    meeting = _meeting(request.auth, meeting_id)
    note = get_visible_or_404(
        MeetingNote.objects.filter(meeting=meeting, author=request.auth),
        request.auth,
        public_id=note_id,
    )
    services.note_delete(note=note, author=request.auth)
    return _fresh(request.auth, meeting_id)


@router.post(
    "/{meeting_id}/close",
    response=responses(200, MeetingOut, 404, 409),
    operation_id="stateofus_close",
    summary="Close the meeting",
)
def stateofus_close(request, meeting_id: UUID):
    services.meeting_close(meeting=_meeting(request.auth, meeting_id), person=request.auth)
    return _fresh(request.auth, meeting_id)
